"""Qt translators: the app's own (i18n/) and Qt's for standard dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sme_guard.paths import i18n_dir

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # translators must outlive the call that installs them


def installed() -> list[QTranslator]:
    """The translators in use (their files: ``filePath()``)."""
    return list(_installed)


def install_translators(app: QCoreApplication, lang: str) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English)
    QLocale.setDefault(locale)
    if lang != "ja":
        return  # the source strings are English
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_ja", qt_dir), ("sme_guard_ja", str(i18n_dir()))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
