"""The カタログ tab: browse, read every field, search in any width, switch ja/en."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sme_guard.services.catalog import bundled_catalog
from sme_guard.ui import settings
from sme_guard.ui.app import configure_application
from sme_guard.ui.catalog.catalog_tab import CatalogTab
from sme_guard.ui.catalog.tree_model import ENTRY_ID_ROLE
from tests.qt_helpers import type_text


@pytest.fixture
def tab(qapp: QApplication, qtbot: QtBot) -> Iterator[CatalogTab]:
    configure_application(qapp, "ja")
    widget = CatalogTab(bundled_catalog(), "ja")
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def _listed(tab: CatalogTab) -> list[str]:
    model = tab.model
    ids = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        ids += [model.index(row, 0, parent).data(ENTRY_ID_ROLE) for row in range(model.rowCount(parent))]
    return ids


def test_tree_model_is_a_valid_qt_model(tab: CatalogTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.model)
    type_text(tab.search_box, "ＵＳＢ")
    qtmodeltester.check(tab.model)


def test_lists_every_item_sheet_and_reference(tab: CatalogTab) -> None:
    catalog = bundled_catalog()
    expected = (
        [i.id for i in catalog.items] + [s.id for s in catalog.sheets] + [r.id for r in catalog.references]
    )
    assert _listed(tab) == expected
    assert tab.current_entry() == "ctl-02"
    assert "クラウドサービスの利用" in tab.detail.toPlainText()


def test_item_shows_objective_measures_points_and_related(tab: CatalogTab) -> None:
    tab.show_entry("ctl-09")
    text = tab.detail.toPlainText()
    assert "9.記憶媒体の管理" in text
    assert "管理目的" in text and "情報の漏えい、改ざん、消去、破壊を防止するため" in text
    assert "許可されていない記憶媒体の使用ができないように、PC、サーバーのデバイス制御を行う (参考)" in text
    assert "定期的に記憶媒体の棚卸を実施し、数量、所在を確認する" in text
    assert "関連する管理項目" in text and "バックアップ" in text


def test_sheet_is_laid_out_like_the_guideline(tab: CatalogTab) -> None:
    tab.show_entry("sheet-049")
    text = tab.detail.toPlainText()
    assert "業務 No.49 スマートデバイスを利用した業務【ルート化、Jailbreak の禁止】" in text
    assert "■アプリケーション" in text and "■スマートデバイス" in text and "□PC" in text
    assert "■機密性 ■完全性 ■可用性 ■適法性" in text
    assert "■従業員(本人)" in text and "□訪問者 ■外部" in text
    assert "リスクシナリオ" in text and "悪意のあるアプリケーションダウンロード" in text
    assert "10.スマートデバイスの利用 ②,③,④,⑤,⑨" in text


def test_search_in_japanese_folds_width_and_kana(tab: CatalogTab) -> None:
    type_text(tab.search_box, "ｼﾞｪｲﾙﾌﾞﾚｲｸ")  # half-width katakana finds ジェイルブレイク
    assert _listed(tab) == ["ctl-10"]
    assert tab.current_entry() == "ctl-10"
    tab.search_box.clear()
    type_text(tab.search_box, "jailbreak")
    assert _listed(tab) == ["ctl-10", "sheet-049"]


def test_search_without_result_says_so(tab: CatalogTab) -> None:
    type_text(tab.search_box, "量子暗号")
    assert _listed(tab) == []
    assert tab.no_match.isVisible()
    assert "量子暗号" in tab.no_match.text()
    assert tab.detail.toPlainText() == ""


def test_switching_to_english_and_back_is_remembered(tab: CatalogTab, qtbot: QtBot) -> None:
    tab.show_entry("ctl-05")
    tab.language_box.setCurrentIndex(tab.language_box.findData("en"))
    text = tab.detail.toPlainText()
    assert "5. Authentication and authorization" in text and "Control objective" in text
    assert settings.CATALOG_LANGUAGE.get() == "en"
    assert tab.current_entry() == "ctl-05"

    again = CatalogTab(bundled_catalog(), "ja")
    qtbot.addWidget(again)
    assert again.lang == "en"


def test_links_open_the_related_item(tab: CatalogTab) -> None:
    tab.show_entry("sheet-001")
    tab.detail.anchorClicked.emit(QUrl("item:5"))
    assert tab.current_entry() == "ctl-05"
    tab.detail.anchorClicked.emit(QUrl("sheet:6"))
    assert tab.current_entry() == "sheet-006"


def test_reference_items_are_marked_as_outside_the_excerpt(tab: CatalogTab) -> None:
    tab.show_entry("ref-01")
    assert "1.セキュリティ境界と入退室管理" in tab.detail.toPlainText()
    assert "抜粋には含まれていません" in tab.detail.toPlainText()
