"""IT継続計画 (control 4): plans, their pages, drills and templates."""
