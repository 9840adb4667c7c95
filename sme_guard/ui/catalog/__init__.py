"""カタログ tab: browse and search the guideline's control items and task sheets."""
