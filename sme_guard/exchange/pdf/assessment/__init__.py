"""自己点検の印刷物: the training checklist, the assessment report and the task sheets.

- ``checklist``: :func:`build_checklist`, the chosen control items and task sheets, each
  measure a line with a box to tick (blank for staff to fill, or filled from a run), ending
  with name, date and signature lines;
- ``report``: :func:`build_report`, a run's scores (overall and per item, as a bar chart beside
  the previous run's), its open risks and the measures still to do with owners and dates;
- ``task_sheets``: :func:`build_task_sheets`, one task sheet per page in the legend's layout
  (0.凡例), every legend term printed with the sheet's own ones ticked;
- ``common``: what they share (status words and boxes, headings, the run's heading block).

The builders take plain data (the catalog and ``services.assessments.RunAnswers``) and only lay
it out; they never read the database. Every string a person typed (evidence, names, notes) is
escaped on the way into reportlab, so ``<b>&`` prints as typed.
"""

from sme_guard.exchange.pdf.assessment.checklist import build_checklist, checklist_title
from sme_guard.exchange.pdf.assessment.report import build_report, report_title
from sme_guard.exchange.pdf.assessment.task_sheets import build_task_sheets

__all__ = ["build_checklist", "build_report", "build_task_sheets", "checklist_title", "report_title"]
