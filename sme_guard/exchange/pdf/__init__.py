"""Printouts as PDF (reportlab platypus): A4 pages with the embedded BIZ UDGothic font.

Import these modules lazily (reportlab costs start-up time); none of them touches Qt.
"""
