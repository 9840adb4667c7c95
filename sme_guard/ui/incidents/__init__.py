"""障害・事故: the incident log, its workflow pages, and the contact tree."""
