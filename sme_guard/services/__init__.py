"""Use cases: one function per user action. No Qt here (a test enforces it)."""
