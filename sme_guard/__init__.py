"""SME Guard (SMEガード 情報セキュリティ管理台帳)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sme-guard")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
