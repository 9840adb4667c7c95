"""Engine, migrations, backups: everything that knows the database is SQLite."""
