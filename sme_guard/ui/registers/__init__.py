"""資産台帳 and 従業員: register tables, record forms and the guideline's workflows."""
