"""パスワードの確認: which rules of the office's policy a typed password meets (5⑥, sheet No.6).

The typed text lives in one widget and nowhere else. The dialog has no database, runner or
settings to hand it to; the rules are computed on the GUI thread and only met/not met is
kept. It cannot be copied, cut, dragged out or put in a context menu, the input method (whose
dictionaries learn what is typed) is off, and the field is emptied - with its undo history -
whenever the dialog goes away (accept, reject, close or hide). Python cannot wipe a string
from memory; the text is simply not referenced once the field is cleared.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QHideEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sme_guard.domain.password_policy import PasswordPolicy, Rule, change_rule, check_password, meets_policy

# Keep the text out of predictive input, learning dictionaries and on-screen keyboards' memory.
SECRET_HINTS = (
    Qt.InputMethodHint.ImhSensitiveData
    | Qt.InputMethodHint.ImhNoPredictiveText
    | Qt.InputMethodHint.ImhHiddenText
    | Qt.InputMethodHint.ImhNoAutoUppercase
)
MET_STYLE = "color: #1b7f3b;"
UNMET_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
MET_MARK, UNMET_MARK = "✓", "×"  # both are in the bundled font


class SecretField(QLineEdit):
    """A password field whose text never leaves it, shown or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.selectionChanged.connect(self._no_selection_when_shown)
        self.set_shown(False)

    def set_shown(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        # setEchoMode rewrites the hints and the input-method switch: put them back.
        self.setInputMethodHints(SECRET_HINTS)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)

    def wipe(self) -> None:
        # setText (unlike clear) also drops the undo history, which would bring the text back.
        self.setText("")

    def _no_selection_when_shown(self) -> None:
        # Shown text that is selected goes to the X11 selection clipboard; hidden text never does.
        if self.echoMode() == QLineEdit.EchoMode.Normal and self.hasSelectedText():
            self.deselect()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) or event.matches(QKeySequence.StandardKey.Cut):
            event.accept()  # swallowed: the text never reaches the clipboard
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # no menu: when shown, its Copy would put the text on the clipboard


class PasswordCheckerDialog(QDialog):
    """Type a password, see the policy's rules ticked off; nothing is kept."""

    def __init__(self, policy: PasswordPolicy, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy, self.lang = policy, lang
        self.setWindowTitle(self.tr("Password checker"))
        intro = QLabel(
            self.tr(
                "Type a password to see which rules of the office's password policy it meets. "
                "It is checked on this PC only: it is never saved, logged or copied, and the field "
                "is emptied when this window closes."
            )
        )
        intro.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "You need not type your real password: a made-up one of the same kind "
                "(same length, same kinds of characters) gives the same result."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        self.field = SecretField()
        self.field.setPlaceholderText(self.tr("Password to check"))
        self.field.setAccessibleName(self.tr("Password to check"))
        self.show_box = QCheckBox(self.tr("Show"))
        self.show_warning = QLabel(
            self.tr(
                "Make sure nobody can see your screen: a password seen over your shoulder "
                "is a leaked password (task sheet No.6)."
            )
        )
        self.show_warning.setWordWrap(True)
        self.show_warning.setStyleSheet(UNMET_STYLE)
        self.show_warning.hide()
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.show_box)

        self.rule_labels: dict[Rule, QLabel] = {}
        self.met: dict[Rule, bool] = {}
        rules_box = QGroupBox(self.tr("The office's password policy"))
        rules_layout = QVBoxLayout(rules_box)
        advisories = QVBoxLayout()
        for result in check_password("", policy):
            label = QLabel()
            label.setWordWrap(True)
            self.rule_labels[result.key] = label
            # SME Guard's own hints go below the policy: they are not the office's rules.
            (advisories if result.advisory else rules_layout).addWidget(label)
        change_ja, change_en = change_rule(policy)
        self.change_label = QLabel(
            self.tr("Also: {rule}.").format(rule=change_en if lang == "en" else change_ja)
        )
        self.change_label.setWordWrap(True)
        rules_layout.addWidget(self.change_label)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.main_layout = layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.show_warning)
        layout.addWidget(rules_box)
        layout.addLayout(advisories)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

        self.field.textChanged.connect(self._check)
        self.show_box.toggled.connect(self._shown)
        self._check("")

    def _check(self, text: str) -> None:
        # The text is looked at here and not kept: only met / not met stays.
        results = check_password(text, self.policy)
        empty = not text
        for result in results:
            label = self.rule_labels[result.key]
            self.met[result.key] = result.met
            if result.advisory and result.met:
                label.hide()  # only worth a line when it bites
                continue
            label.show()
            label.setText(f"{MET_MARK if result.met else UNMET_MARK}  {result.text(self.lang)}")
            if result.advisory:
                label.setStyleSheet(WARNING_STYLE)
            else:
                label.setStyleSheet("" if empty else (MET_STYLE if result.met else UNMET_STYLE))
            label.setAccessibleDescription(self.tr("met") if result.met else self.tr("not met"))
        if empty:
            self.summary.setText("")
        elif meets_policy(results) and all(r.met for r in results):
            self.summary.setText(self.tr("This password meets every rule of the policy."))
        elif meets_policy(results):
            self.summary.setText(
                self.tr("This password meets the policy, but it contains full-width or Japanese characters.")
            )
        else:
            missing = sum(1 for r in results if not r.met and not r.advisory)
            self.summary.setText(self.tr("Rules not met yet: {count}.").format(count=missing))
        self._fit()

    def _shown(self, shown: bool) -> None:
        self.field.set_shown(shown)
        self.show_warning.setVisible(shown)
        self.field.setFocus()
        self._fit()

    def _fit(self) -> None:
        # Grow when a warning line appears, instead of squeezing the lines together.
        layout = self.main_layout
        layout.activate()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.minimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _forget(self) -> None:
        self.field.wipe()
        self.show_box.setChecked(False)

    def done(self, result: int) -> None:
        self._forget()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget()
        super().closeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._forget()
        super().hideEvent(event)
