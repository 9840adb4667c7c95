"""ホーム: what is due across the app, recurring checks, overview charts."""
