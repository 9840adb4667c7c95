"""PySide6 widgets, Qt models and dialogs. The only layer that imports Qt."""
