"""Files in and out: Excel registers (``excel``). No widgets; import these modules lazily,
because openpyxl and reportlab cost start-up time."""
