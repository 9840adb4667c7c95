"""SME Guard (SMEガード 情報セキュリティ管理台帳)."""

# The single source of the version (pyproject reads it); a constant, because asking
# importlib.metadata costs start-up time.
__version__ = "0.1.0"
