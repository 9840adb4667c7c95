"""Plain data: SQLModel tables, codes and the catalog schema. No Qt, no I/O.

Import ``sme_guard.domain.tables`` to register every table in ``SQLModel.metadata``
(migrations and tests do); the GUI imports only the tables it uses, so start-up stays fast.
"""
