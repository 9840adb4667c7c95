<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="50"/>
        <source>About SME Guard</source>
        <translation>SMEガードについて</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="56"/>
        <source>&lt;h3&gt;SME Guard {version}&lt;/h3&gt;&lt;p&gt;Information-security registers, incident log, continuity plans and self-assessment for a small office, after the JNSA guideline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SMEガード {version}&lt;/h3&gt;&lt;p&gt;JNSA の手引きに沿って、小さな事業所の情報セキュリティ台帳・障害・事故記録・IT継続計画・自己点検を管理するアプリです。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="64"/>
        <source>Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>Python {python}、Qt {qt}、PySide6 {pyside}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="68"/>
        <source>(not open)</source>
        <translation>(開いていません)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="71"/>
        <source>Open the data folder</source>
        <translation>データフォルダを開く</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="78"/>
        <source>Version:</source>
        <translation>バージョン:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="79"/>
        <source>Components:</source>
        <translation>構成要素:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="80"/>
        <source>Database:</source>
        <translation>データベース:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="81"/>
        <source>Data folder:</source>
        <translation>データフォルダ:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="85"/>
        <source>Bundled software and their licences</source>
        <translation>同梱しているソフトウェアとライセンス</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="86"/>
        <source>SIL Open Font License 1.1 (BIZ UDGothic font)</source>
        <translation>SIL Open Font License 1.1(BIZ UDゴシック フォント)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="87"/>
        <source>GNU Lesser General Public License v3 (Qt, PySide6)</source>
        <translation>GNU 劣等一般公衆利用許諾書 v3(Qt、PySide6)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="88"/>
        <source>GNU General Public License v3 (part of the LGPL)</source>
        <translation>GNU 一般公衆利用許諾書 v3(LGPL の一部)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="89"/>
        <source>GNU Lesser General Public License v2.1 (libiconv, inside lxml)</source>
        <translation>GNU Lesser General Public License v2.1(lxml に含まれる libiconv)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="106"/>
        <source>Licences:</source>
        <translation>ライセンス:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/about_dialog.py" line="118"/>
        <source>The file {file} could not be read: {error}</source>
        <translation>ファイル {file} を読み込めませんでした: {error}</translation>
    </message>
</context>
<context>
    <name>AcknowledgmentModel</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="45"/>
        <source>Employee</source>
        <translation>従業員</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="46"/>
        <source>Department</source>
        <translation>所属</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="47"/>
        <source>Version acknowledged</source>
        <translation>確認した版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="48"/>
        <source>Acknowledged on</source>
        <translation>確認日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="49"/>
        <source>Current version</source>
        <translation>現行版の確認</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="78"/>
        <source>Version {number}</source>
        <translation>第{number}版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="85"/>
        <source>Yes</source>
        <translation>確認済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="87"/>
        <source>Not yet</source>
        <translation>未確認</translation>
    </message>
</context>
<context>
    <name>AcknowledgmentsPage</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="98"/>
        <source>Only those who have not acknowledged the current version</source>
        <translation>現行版を確認していない人だけを表示</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="106"/>
        <source>Record acknowledgment…</source>
        <translation>確認を記録…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="107"/>
        <source>Remove acknowledgment</source>
        <translation>確認の記録を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="109"/>
        <source>Remove the selected employee&apos;s latest acknowledgment, when it was recorded by mistake</source>
        <translation>選んだ従業員の最新の確認の記録を削除します(誤って記録したとき)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="133"/>
        <source>No version has been issued yet. Issue one on the Versions page, print it with its acknowledgment slip, then record here who signed it.</source>
        <translation>まだ発行された版がありません。「版」のページで発行し、確認書とともに印刷して配り、署名した人をここに記録してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="140"/>
        <source>Current version: version {number}, issued on {date}. {missing} of {total} employees have not acknowledged it yet.</source>
        <translation>現行版: 第{number}版({date} 発行)。従業員 {total} 人のうち {missing} 人がまだ確認していません。</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="59"/>
        <source>Run: </source>
        <translation>点検: </translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="62"/>
        <source>New run…</source>
        <translation>新しい点検…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="63"/>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="244"/>
        <source>Delete run</source>
        <translation>点検を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="65"/>
        <source>Print checklist…</source>
        <translation>チェックリストを印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="66"/>
        <source>Print report…</source>
        <translation>報告書を印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="67"/>
        <source>Print task sheets…</source>
        <translation>業務シートを印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="68"/>
        <source>Export to Excel…</source>
        <translation>Excel に出力…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="75"/>
        <source>Control measures</source>
        <translation>管理策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="76"/>
        <source>Task sheets</source>
        <translation>業務シート</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="78"/>
        <source>Compare runs</source>
        <translation>点検の比較</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="79"/>
        <source>Own sheets and items</source>
        <translation>自社のシート・項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="147"/>
        <source>No self-assessment yet. Start one with “New run…”.</source>
        <translation>まだ自己点検がありません。「新しい点検…」から始めてください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="152"/>
        <source>&lt;b&gt;{percent}&lt;/b&gt; of the baseline measures in place — done {done}, partly {partial}, not done {not_done}, not applicable {na}. (Reference) measures, scored apart: {reference}.</source>
        <translation>基本の管理策の実施率 &lt;b&gt;{percent}&lt;/b&gt; — 実施済 {done}、一部実施 {partial}、未実施 {not_done}、対象外 {na}。(参考)の管理策は別集計: {reference}。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="213"/>
        <source>Answer saved.</source>
        <translation>回答を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="231"/>
        <source>Self-assessment started.</source>
        <translation>自己点検を開始しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="245"/>
        <source>Delete the self-assessment “{name}” and all its answers?</source>
        <translation>自己点検「{name}」とすべての回答を削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="280"/>
        <source>Save the checklist</source>
        <translation>チェックリストの保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="280"/>
        <source>checklist.pdf</source>
        <translation>チェックリスト.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="298"/>
        <source>Save the assessment report</source>
        <translation>自己点検報告書の保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="299"/>
        <source>assessment-{date}.pdf</source>
        <translation>自己点検-{date}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="311"/>
        <source>Save the task sheets</source>
        <translation>業務シートの保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="311"/>
        <source>task-sheets.pdf</source>
        <translation>業務シート.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="316"/>
        <source>Export to Excel</source>
        <translation>Excel に出力</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="316"/>
        <source>self-assessments.xlsx</source>
        <translation>自己点検.xlsx</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/assessment_tab.py" line="331"/>
        <source>Exporting to Excel…</source>
        <translation>Excel に出力しています…</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="146"/>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="314"/>
        <source>Change history</source>
        <translation>変更履歴</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="155"/>
        <source>Every register and record</source>
        <translation>すべての台帳・記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="159"/>
        <source>Every user</source>
        <translation>すべての利用者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="161"/>
        <source>From</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="163"/>
        <source>To</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="172"/>
        <source>Search fields and values</source>
        <translation>項目名や値で検索</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="176"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="177"/>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="178"/>
        <source>Register or record</source>
        <translation>台帳・記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="179"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="180"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="181"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="182"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="183"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="188"/>
        <source>Export to Excel…</source>
        <translation>Excel に出力…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="189"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="244"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="275"/>
        <source>The newest {shown} of {total} entries. Narrow the filters, or export them all.</source>
        <translation>全 {total} 件のうち新しい {shown} 件を表示しています。条件で絞り込むか、すべてを Excel に出力してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="277"/>
        <source>{total} entries, newest first.</source>
        <translation>{total} 件(新しい順)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="296"/>
        <source>The history could not be read.</source>
        <translation>変更履歴を読み込めませんでした。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="300"/>
        <source>change-history-{date}.xlsx</source>
        <translation>変更履歴-{date}.xlsx</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="301"/>
        <source>Export the change history</source>
        <translation>変更履歴の出力</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="315"/>
        <source>{count} entries exported to {path}.</source>
        <translation>{count} 件の変更履歴を {path} に出力しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="320"/>
        <source>Exporting the change history…</source>
        <translation>変更履歴を出力しています…</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="42"/>
        <source>Search items and sheets (any field, Japanese or English)</source>
        <translation>管理項目・業務シートを検索(すべての欄、日本語・英語)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="48"/>
        <source>Language of the guideline text</source>
        <translation>ガイドライン本文の言語</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="63"/>
        <source>Search:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="65"/>
        <source>Text language:</source>
        <translation>本文の言語:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="130"/>
        <source>Nothing in the catalog matches “{query}”.</source>
        <translation>「{query}」に一致する項目はカタログにありません。</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="88"/>
        <source>Select all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="89"/>
        <source>Clear all</source>
        <translation>すべて解除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="113"/>
        <source>{chosen} of {total} chosen</source>
        <translation>{total} 件中 {chosen} 件を選択</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="132"/>
        <source>Training checklist</source>
        <translation>教育用チェックリスト</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="135"/>
        <source>Control items (part 1)</source>
        <translation>管理項目(第1部)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="139"/>
        <source>Task sheets (part 2)</source>
        <translation>業務シート(第2部)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="142"/>
        <source>Blank, for staff to fill in</source>
        <translation>空欄(従業員が記入する)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="144"/>
        <source>Filled from {run}</source>
        <translation>{run} の回答を記入</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="146"/>
        <source>Filled from the chosen run</source>
        <translation>選んだ点検の回答を記入</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="330"/>
        <source>First training</source>
        <translation>最初の教育</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="333"/>
        <source>Go through the guideline with your staff: print the training checklist (every control item and task sheet, blank to fill in by hand).</source>
        <translation>従業員と一緒にガイドラインを確認しましょう。教育用チェックリスト(すべての管理項目と業務シート、手書きで記入する空欄のもの)を印刷します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="337"/>
        <source>Save the training checklist as PDF…</source>
        <translation>教育用チェックリストを PDF で保存…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="341"/>
        <source>After Finish, ホーム lists the next steps (employees, assets, cloud services and accounts, the contact tree, an IT continuity plan, the first self-assessment) until each has its first record. File → Getting started… opens this again.</source>
        <translation>完了すると、ホームに次にすること(従業員、資産、クラウドサービスとアカウント、緊急連絡網、IT継続計画、最初の自己点検)が、それぞれ最初の記録ができるまで表示されます。この画面は ファイル → はじめに… でいつでも開けます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="353"/>
        <source>Save the checklist</source>
        <translation>チェックリストの保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="353"/>
        <source>checklist.pdf</source>
        <translation>チェックリスト.pdf</translation>
    </message>
</context>
<context>
    <name>ChecksDialog</name>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="52"/>
        <source>Recurring checks</source>
        <translation>定期点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="56"/>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="205"/>
        <source>Check</source>
        <translation>点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="57"/>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="101"/>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="203"/>
        <source>Every (days)</source>
        <translation>間隔(日)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="58"/>
        <source>Last done</source>
        <translation>前回実施</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="59"/>
        <source>Next due</source>
        <translation>次回期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="60"/>
        <source>Done by</source>
        <translation>完了の記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="72"/>
        <source>Switched on</source>
        <translation>実施する</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="75"/>
        <source>Save schedule</source>
        <translation>予定を保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="76"/>
        <source>Delete own check</source>
        <translation>自社の点検を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="81"/>
        <source>Record as done</source>
        <translation>実施を記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="85"/>
        <source>e.g. Check the office door lock log</source>
        <translation>例: 事務所の施錠記録を確認する</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="89"/>
        <source>Add own check</source>
        <translation>自社の点検を追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="92"/>
        <source>Schedule</source>
        <translation>予定</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="94"/>
        <source>Serves</source>
        <translation>対応する項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="102"/>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="204"/>
        <source>First due</source>
        <translation>初回期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="103"/>
        <source>Done</source>
        <translation>実施</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="106"/>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="202"/>
        <source>On</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="107"/>
        <source>By</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="108"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="139"/>
        <source>switched off</source>
        <translation>実施しない</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="139"/>
        <source>never</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="148"/>
        <source>now</source>
        <translation>今すぐ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="162"/>
        <source>this list</source>
        <translation>この画面</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="163"/>
        <source>its own screen (stock-take, contact tree, drills or register reviews)</source>
        <translation>それぞれの画面(棚卸、緊急連絡網、訓練、台帳の見直し)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="183"/>
        <source>done already: due after the last time</source>
        <translation>実施済み: 前回の実施日から数えます</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/checks_dialog.py" line="191"/>
        <source>Done where it is recorded: finishing a stock-take, confirming the contact tree, logging a drill or marking each record of the register &apos;Reviewed today&apos;.</source>
        <translation>記録される画面で完了します: 棚卸の終了、緊急連絡網の確認、訓練の記録、または台帳の各記録を「本日見直し済み」にすること。</translation>
    </message>
</context>
<context>
    <name>ChecksPage</name>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="268"/>
        <source>Recurring checks</source>
        <translation>定期点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="271"/>
        <source>The guideline asks for these regularly. Untick what does not apply to your office, and choose when each is due the first time (spread out from today; nothing is overdue on the first day).</source>
        <translation>ガイドラインが「定期的に」求める点検です。自社に当てはまらないものはチェックを外し、それぞれの初回期限を決めてください(今日から順に割り振ってあります。初日に期限切れになるものはありません)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="277"/>
        <source>Check</source>
        <translation>点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="277"/>
        <source>Every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="277"/>
        <location filename="../sme_guard/ui/setup_wizard.py" line="308"/>
        <source>First due</source>
        <translation>初回期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="313"/>
        <source>{days} days</source>
        <translation>{days} 日</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="28"/>
        <source>Control item</source>
        <translation>管理項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="28"/>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="35"/>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="40"/>
        <source>Before</source>
        <translation>前回</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="28"/>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="35"/>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="42"/>
        <source>After</source>
        <translation>今回</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="28"/>
        <source>Change</source>
        <translation>増減</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="35"/>
        <source>Measure</source>
        <translation>管理策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="44"/>
        <source>Improved</source>
        <translation>改善した</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="46"/>
        <source>Fell back</source>
        <translation>後退した</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="92"/>
        <source>Two runs are needed to compare.</source>
        <translation>比較には 2 回以上の点検が必要です。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/compare_page.py" line="98"/>
        <source>Overall: {before} → {after}</source>
        <translation>全体: {before} → {after}</translation>
    </message>
</context>
<context>
    <name>ContactTreeTab</name>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="44"/>
        <source>Confirmed today: it reflects the office</source>
        <translation>本日確認した(組織の実情を反映している)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="45"/>
        <source>Print for the wall…</source>
        <translation>掲示用に印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="48"/>
        <source>Order</source>
        <translation>順</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="49"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="74"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="254"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="50"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="75"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="255"/>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="51"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="77"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="52"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="78"/>
        <source>E-mail</source>
        <translation>メール</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="53"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="76"/>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="256"/>
        <source>Alternate</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="58"/>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="59"/>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="60"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="61"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="68"/>
        <source>(the employee&apos;s, if left empty)</source>
        <translation>(空欄なら従業員台帳の値)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="72"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="156"/>
        <source>Never confirmed: check that the tree reflects the office (point ①).</source>
        <translation>まだ確認されていません: 連絡網が組織の実情を反映しているか確認してください(運用①)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="158"/>
        <source>Last confirmed {date} by {who}; to be confirmed every {days} days.</source>
        <translation>最終確認 {date}({who})。{days} 日ごとに確認します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="220"/>
        <source>Contact tree</source>
        <translation>緊急連絡網</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="220"/>
        <source>Remove this person from the contact tree?</source>
        <translation>この人を緊急連絡網から外しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="240"/>
        <source>Save the contact tree</source>
        <translation>緊急連絡網の保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/contact_tree_tab.py" line="240"/>
        <source>contact-tree.pdf</source>
        <translation>緊急連絡網.pdf</translation>
    </message>
</context>
<context>
    <name>ContinuityTab</name>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="32"/>
        <source>Protection</source>
        <translation>保護対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="33"/>
        <source>Recovery steps</source>
        <translation>復旧手順</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="34"/>
        <source>Disasters (reference)</source>
        <translation>災害(参考)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="35"/>
        <source>Review and drills</source>
        <translation>見直し・訓練</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="37"/>
        <source>New from example…</source>
        <translation>例から作成…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="41"/>
        <source>Print plan…</source>
        <translation>計画書を印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="44"/>
        <source>Export to Excel…</source>
        <translation>Excel に出力…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="61"/>
        <source>Plan created from the example. Rewrite it for your office.</source>
        <translation>例から計画を作成しました。自社に合わせて書き直してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="83"/>
        <source>Save the plan</source>
        <translation>計画書の保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="84"/>
        <source>plan-{name}.pdf</source>
        <translation>IT継続計画-{name}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/continuity_tab.py" line="86"/>
        <source>Plan saved to {path}.</source>
        <translation>計画書を {path} に保存しました。</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="38"/>
        <source>&amp;Back up to…</source>
        <translation>バックアップを作成(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="40"/>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="72"/>
        <location filename="../sme_guard/ui/data_safety.py" line="84"/>
        <source>Back up to</source>
        <translation>バックアップの作成</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="72"/>
        <source>SQLite database (*.sqlite3)</source>
        <translation>SQLite データベース (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="77"/>
        <source>Backing up to {path} …</source>
        <translation>{path} にバックアップしています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="85"/>
        <source>The backup was written to:
{path}</source>
        <translation>バックアップを作成しました:
{path}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="122"/>
        <source>The current data will be replaced by the backup of {date}:
{file}

The current data is backed up first. Restore?</source>
        <translation>現在のデータを {date} のバックアップで置き換えます:
{file}

現在のデータは先にバックアップします。復元しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="125"/>
        <location filename="../sme_guard/ui/data_safety.py" line="141"/>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="134"/>
        <source>Restoring {file} …</source>
        <translation>{file} から復元しています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="138"/>
        <source>The data was restored from:
{file}</source>
        <translation>次のファイルからデータを復元しました:
{file}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="140"/>
        <source>The data it replaced was kept in:
{file}</source>
        <translation>置き換える前のデータは次に保存してあります:
{file}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="165"/>
        <source>Looking for a backup that passes the checks …</source>
        <translation>確認に合格するバックアップを探しています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="182"/>
        <source>Damaged database</source>
        <translation>データベースの破損</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="191"/>
        <source>No backup that passes the checks was found. The backups are kept in:
{folder}

The damaged file was left as it is.</source>
        <translation>確認に合格するバックアップが見つかりませんでした。バックアップの保存先:
{folder}

破損したファイルはそのまま残してあります。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/data_safety.py" line="202"/>
        <source>The newest backup that passes the checks is from {date}:
{file}

Restore it? The damaged file is kept in the backups folder first. Changes made after {date} are not in the backup.</source>
        <translation>確認に合格する最新のバックアップは {date} のものです:
{file}

このバックアップから復元しますか? 破損したファイルは先にバックアップフォルダに保存します。{date} より後の変更はバックアップに含まれていません。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../sme_guard/ui/date_field.py" line="53"/>
        <source>Pick from a calendar</source>
        <translation>カレンダーから選ぶ</translation>
    </message>
</context>
<context>
    <name>DiagnosisDialog</name>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="48"/>
        <source>Self-diagnosis result</source>
        <translation>自社診断の結果</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="56"/>
        <source>Answer each question on IPA&apos;s self-diagnosis sheet, then choose the same answer here. The topics are SME Guard&apos;s short labels; the questions are on the sheet.</source>
        <translation>IPA の診断シートで各設問に答え、同じ回答をここで選んでください。見出しは SMEガードが付けた短いものです。設問の文は診断シートにあります。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="76"/>
        <source>(choose)</source>
        <translation>(選択)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="105"/>
        <source>Date *</source>
        <translation>実施日 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="107"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="132"/>
        <source>Part {number}: {title} — {points} points</source>
        <translation>Part {number}: {title} — {points} 点</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="137"/>
        <source>Total: {points} of 100 points ({answered} of 25 answered)</source>
        <translation>合計: {points} 点 / 100 点(25 問中 {answered} 問回答)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="155"/>
        <source>Please check the fields marked in red.</source>
        <translation>赤字の項目を確認してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="157"/>
        <source>Not answered yet: {numbers}</source>
        <translation>未回答の設問があります: {numbers}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="166"/>
        <source>Unsaved changes</source>
        <translation>保存していない変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/diagnosis_dialog.py" line="166"/>
        <source>The answers have not been saved. Discard them?</source>
        <translation>回答は保存されていません。破棄しますか?</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="59"/>
        <source>File saved</source>
        <translation>ファイルを保存しました</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="60"/>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="65"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="69"/>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="72"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="88"/>
        <location filename="../sme_guard/ui/dialogs.py" line="110"/>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="89"/>
        <source>The record in the form has changes that are not saved. Save them?</source>
        <translation>フォームの記録に保存されていない変更があります。保存しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="95"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="97"/>
        <source>Don&apos;t save</source>
        <translation>保存しない</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="99"/>
        <location filename="../sme_guard/ui/dialogs.py" line="120"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="111"/>
        <source>These have changes that are not saved:
{parts}</source>
        <translation>次の変更は保存されていません:
{parts}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/dialogs.py" line="118"/>
        <source>Close without saving</source>
        <translation>保存せずに閉じる</translation>
    </message>
</context>
<context>
    <name>DisposeDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="54"/>
        <source>Dispose of a storage medium</source>
        <translation>記憶媒体の廃棄</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="58"/>
        <source>Medium {number}: record how the stored information was made unreadable (control 9②). After magnetic erasure, check that the data is gone before disposal (point ②).</source>
        <translation>記憶媒体 {number}: 保存した情報を解読できないようにした方法を記録します(管理策9②)。磁気的に消去した場合は、廃棄前に情報が消去されていることを確認してください(運用②)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="73"/>
        <source>Record disposal</source>
        <translation>廃棄を記録</translation>
    </message>
</context>
<context>
    <name>DocumentPage</name>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="44"/>
        <source>Word (*.docx)</source>
        <translation>Word 文書 (*.docx)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="45"/>
        <source>Text (*.txt)</source>
        <translation>テキスト (*.txt)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="46"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="104"/>
        <source>New version</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="106"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="108"/>
        <source>Redraw from the records</source>
        <translation>記録から作成し直す</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="109"/>
        <source>Issue…</source>
        <translation>発行…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="110"/>
        <location filename="../sme_guard/ui/policy/document_page.py" line="347"/>
        <source>Delete version</source>
        <translation>版を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="112"/>
        <source>Print PDF…</source>
        <translation>PDF 印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="113"/>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="114"/>
        <source>Text…</source>
        <translation>テキスト…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="115"/>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="118"/>
        <source>Record publication…</source>
        <translation>公表を記録…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="120"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="120"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="120"/>
        <source>Issued</source>
        <translation>発行日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="122"/>
        <source>Published</source>
        <translation>公表日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="211"/>
        <source>Version {number}</source>
        <translation>第{number}版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="213"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="255"/>
        <source>Unsaved changes</source>
        <translation>保存していない変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="256"/>
        <source>The draft has changes that are not saved. Discard them?</source>
        <translation>下書きに保存していない変更があります。破棄しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="282"/>
        <source>New version started.</source>
        <translation>新しい版を作成しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="294"/>
        <source>Draft saved.</source>
        <translation>下書きを保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="306"/>
        <source>The rules were drawn again from the records.</source>
        <translation>記録から対策基準を作成し直しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="317"/>
        <location filename="../sme_guard/ui/policy/document_page.py" line="324"/>
        <source>Issue version</source>
        <translation>版の発行</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="318"/>
        <source>Save the office&apos;s name and representative first: the version is issued with them.</source>
        <translation>先に事業所名と代表者を保存してください。版はその内容で発行されます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="326"/>
        <source>Issue version {number} today ({date}) with the office&apos;s name and representative above? An issued version can no longer be changed; a change will be a new version.</source>
        <translation>第{number}版を本日({date})、上の事業所名と代表者で発行しますか?発行した版は変更できません。変更するときは新しい版を作成します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="334"/>
        <source>Version {number} issued.</source>
        <translation>第{number}版を発行しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="343"/>
        <source>Delete the draft of version {number}?</source>
        <translation>第{number}版の下書きを削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="345"/>
        <source>Delete version {number}, issued on {date}? It has not been published.</source>
        <translation>{date} に発行した第{number}版を削除しますか?(まだ公表していません)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="354"/>
        <source>Version deleted.</source>
        <translation>版を削除しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="364"/>
        <source>{policy}-v{number}</source>
        <translation>{policy}-第{number}版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="366"/>
        <source>Save the document</source>
        <translation>文書の保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="370"/>
        <source>Saved to {path}.</source>
        <translation>{path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="372"/>
        <source>Saved to {path} (the draft as last saved, marked as a draft).</source>
        <translation>{path} に保存しました(最後に保存した下書きを、下書きと明記して出力しました)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="416"/>
        <source>Publication recorded.</source>
        <translation>公表を記録しました。</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="49"/>
        <source>Drill: {plan}</source>
        <translation>訓練: {plan}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="73"/>
        <source>Objective: {hours} hours</source>
        <translation>目標: {hours} 時間</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="76"/>
        <source>The plan was changed after this drill</source>
        <translation>この訓練を受けて計画を変更した</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="82"/>
        <source>Held on *</source>
        <translation>実施日 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="83"/>
        <source>Scenario</source>
        <translation>想定シナリオ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="84"/>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="128"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="85"/>
        <source>Steps exercised</source>
        <translation>実施した手順</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="86"/>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="126"/>
        <source>Minutes to recover</source>
        <translation>復旧にかかった時間(分)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="87"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="88"/>
        <source>Findings</source>
        <translation>気づいた点</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="90"/>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="127"/>
        <source>How the plan was changed</source>
        <translation>計画の変更内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/drill_dialog.py" line="125"/>
        <source>Held on</source>
        <translation>実施日</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="41"/>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="42"/>
        <source>Discard the changes in the form?</source>
        <translation>フォームの変更を破棄しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="60"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="63"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="69"/>
        <source>&amp;New record</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="75"/>
        <source>&amp;Find</source>
        <translation>検索(&amp;F)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="84"/>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="90"/>
        <source>&amp;Revert changes</source>
        <translation>変更を元に戻す(&amp;R)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/editing.py" line="95"/>
        <source>Re&amp;fresh</source>
        <translation>最新の情報に更新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="41"/>
        <source>SME Guard</source>
        <translation>SMEガード</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="48"/>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="49"/>
        <source>Something went wrong that SME Guard did not expect. Your saved data is safe; the last action may not have been completed.

The details were written to:
{log}</source>
        <translation>SMEガードで予期しない問題が発生しました。保存済みのデータは安全ですが、直前の操作は完了していない可能性があります。

詳細は次のファイルに記録しました:
{log}</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="77"/>
        <source>Export to Excel</source>
        <translation>Excel に出力</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="90"/>
        <source>{count} rows exported to {path}.</source>
        <translation>{count} 行を {path} に出力しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="99"/>
        <source>Exporting to Excel…</source>
        <translation>Excel に出力しています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="111"/>
        <source>Import from Excel</source>
        <translation>Excel から取込</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="151"/>
        <source>Importing from Excel…</source>
        <translation>Excel から取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="160"/>
        <source>Reading the Excel file…</source>
        <translation>Excel ファイルを確認しています…</translation>
    </message>
</context>
<context>
    <name>GuidelineEditor</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="155"/>
        <source>Title *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="196"/>
        <source>No version yet. Start one with “New version”.</source>
        <translation>まだ版がありません。「新しい版」で作成してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="206"/>
        <source>Version {number} — draft. Decide each point, save, then issue it; staff acknowledge issued versions only.</source>
        <translation>第{number}版 — 下書き。項目ごとに判断を決めて保存し、発行してください。従業員が確認できるのは発行した版だけです。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="213"/>
        <source>Version {number} — issued on {date}. An issued version is not changed: make a new version to change it.</source>
        <translation>第{number}版 — {date} 発行。発行した版は変更できません。変更するときは新しい版を作成してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="226"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="259"/>
        <source>Please check the points marked in red.</source>
        <translation>赤で示した項目を確認してください。</translation>
    </message>
</context>
<context>
    <name>GuidelinesTab</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="66"/>
        <source>Guideline: </source>
        <translation>ガイドライン: </translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="70"/>
        <source>New version</source>
        <translation>新しい版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="71"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="72"/>
        <source>Issue…</source>
        <translation>発行…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="73"/>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="314"/>
        <source>Delete version</source>
        <translation>版を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="75"/>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="78"/>
        <source>Version</source>
        <translation>版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="78"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="78"/>
        <source>Issued</source>
        <translation>発行日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="78"/>
        <source>Acknowledged</source>
        <translation>確認人数</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="98"/>
        <source>Versions</source>
        <translation>版と内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="99"/>
        <source>Acknowledgments</source>
        <translation>確認状況</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="169"/>
        <source>Draft</source>
        <translation>下書き</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="171"/>
        <source>Version {number}</source>
        <translation>第{number}版</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="216"/>
        <source>{guideline}, version {number} (draft)</source>
        <translation>{guideline} 第{number}版(下書き)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="227"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="228"/>
        <source>The draft has changes that are not saved. Discard them?</source>
        <translation>下書きに保存していない変更があります。破棄しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="258"/>
        <source>New version started from the one before.</source>
        <translation>前の版をもとに新しい版を作成しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="276"/>
        <source>Draft saved.</source>
        <translation>下書きを保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="288"/>
        <source>Issue version</source>
        <translation>版を発行</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="290"/>
        <source>Issue version {number} today ({date})? An issued version can no longer be changed; a change will be a new version. Staff can then acknowledge it.</source>
        <translation>第{number}版を今日({date})付けで発行しますか? 発行した版は変更できなくなり、変更は新しい版になります。発行後、従業員の確認を記録できます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="299"/>
        <source>Version {number} issued.</source>
        <translation>第{number}版を発行しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="310"/>
        <source>Delete the draft of version {number}?</source>
        <translation>第{number}版の下書きを削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="312"/>
        <source>Delete version {number}? Nobody has acknowledged it; it was issued on {date}.</source>
        <translation>第{number}版を削除しますか? {date} に発行されましたが、まだ誰も確認していません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="330"/>
        <source>{guideline}-v{number}.pdf</source>
        <translation>{guideline}-第{number}版.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="333"/>
        <source>Save the guideline</source>
        <translation>ガイドラインの保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="343"/>
        <source>Saved to {path}.</source>
        <translation>{path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="345"/>
        <source>Saved to {path} (the draft as last saved, marked as a draft).</source>
        <translation>{path} に保存しました(最後に保存した下書きの内容で、下書きと明記しています)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="372"/>
        <source>{count} acknowledgments recorded.</source>
        <translation>{count} 人の確認を記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="395"/>
        <source>Remove acknowledgment</source>
        <translation>確認の記録を削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="396"/>
        <source>Remove the record that {name} acknowledged version {number} on {date}?</source>
        <translation>{name} さんが {date} に第{number}版を確認した記録を削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/guidelines_tab.py" line="406"/>
        <source>Acknowledgment removed.</source>
        <translation>確認の記録を削除しました。</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="90"/>
        <source>Next steps</source>
        <translation>次にすること</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="103"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="103"/>
        <source>Area</source>
        <translation>分野</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="103"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="103"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="103"/>
        <source>now</source>
        <translation>今すぐ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="116"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="117"/>
        <source>Recurring checks…</source>
        <translation>定期点検…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="118"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="120"/>
        <source>Self-assessment score per control item</source>
        <translation>管理項目ごとの自己点検の実施率</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="123"/>
        <source>Incidents per month (last 12 months)</source>
        <translation>月別の障害・事故(過去12か月)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="125"/>
        <source>Assets by status</source>
        <translation>状態別の資産</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="140"/>
        <source>Overview</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="156"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="188"/>
        <source>Everything is in order.</source>
        <translation>すべて順調です。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="192"/>
        <source>{overdue} overdue, {due} due within 30 days</source>
        <translation>期限切れ {overdue} 件、30 日以内に期限 {due} 件</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/home/home_tab.py" line="220"/>
        <source>No data yet</source>
        <translation>まだデータがありません</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="29"/>
        <source>Import from Excel: check first</source>
        <translation>Excel からの取込: 内容の確認</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="40"/>
        <source>Columns not known to this register (ignored): {columns}</source>
        <translation>この台帳にない列(取り込みません): {columns}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="57"/>
        <source>Import the {count} valid rows</source>
        <translation>正しい {count} 行を取り込む</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/excel_actions.py" line="63"/>
        <source>Import {count} rows</source>
        <translation>{count} 行を取り込む</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <location filename="../sme_guard/ui/incidents/incidents_tab.py" line="26"/>
        <source>Handling</source>
        <translation>対応</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incidents_tab.py" line="27"/>
        <source>Reporting</source>
        <translation>報告</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incidents_tab.py" line="28"/>
        <source>Links</source>
        <translation>関連</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incidents_tab.py" line="30"/>
        <source>Incident log</source>
        <translation>障害・事故記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incidents_tab.py" line="31"/>
        <source>Contact tree</source>
        <translation>緊急連絡網</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="190"/>
        <source>Own control item</source>
        <translation>自社の管理項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="195"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="195"/>
        <source>numbered when saved</source>
        <translation>保存時に採番</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="198"/>
        <source>Control item</source>
        <translation>管理項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="209"/>
        <source>one per line; start a line with (参考) for a reference measure</source>
        <translation>1行に1つ。参考の管理策は行頭に (参考) と書きます</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="216"/>
        <source>one per line</source>
        <translation>1行に1つ</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="37"/>
        <source>Print labels</source>
        <translation>ラベル印刷</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="43"/>
        <source>Every item in use (not disposed or returned)</source>
        <translation>使用中のすべて(廃棄・返却済を除く)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="44"/>
        <source>Only the selected rows ({count})</source>
        <translation>選択した行のみ({count} 件)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="47"/>
        <source>Draw the label edges (a test print on plain paper)</source>
        <translation>ラベルの枠線を印刷する(普通紙での試し印刷)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="49"/>
        <source>Label width</source>
        <translation>ラベルの幅</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="50"/>
        <source>Label height</source>
        <translation>ラベルの高さ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="51"/>
        <source>Left margin</source>
        <translation>左余白</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="52"/>
        <source>Top margin</source>
        <translation>上余白</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="53"/>
        <source>Gap between columns</source>
        <translation>列の間隔</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="54"/>
        <source>Gap between rows</source>
        <translation>行の間隔</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="57"/>
        <source>Sheet dimensions in mm (kept for this sheet)</source>
        <translation>用紙の寸法(mm、この用紙用に保存します)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="71"/>
        <source>Label sheet</source>
        <translation>ラベル用紙</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/labels_dialog.py" line="72"/>
        <source>Start at position</source>
        <translation>印刷を始める位置</translation>
    </message>
</context>
<context>
    <name>LeaverDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="231"/>
        <source>Employee leaving: {name}</source>
        <translation>退職の手続き: {name}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="234"/>
        <source>Record leaving date</source>
        <translation>退職日を登録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="239"/>
        <source>Still held (return it, or hand it over to a colleague)</source>
        <translation>未返却のもの(返却するか、他の従業員に引き継ぎます)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="282"/>
        <source>Nothing is held any more.</source>
        <translation>未返却のものはありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="288"/>
        <source>Disable</source>
        <translation>無効化</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="293"/>
        <source>Returned</source>
        <translation>返却</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="297"/>
        <source>Hand over</source>
        <translation>引き継ぐ</translation>
    </message>
</context>
<context>
    <name>LinksPage</name>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="332"/>
        <source>Register</source>
        <translation>台帳</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="332"/>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="338"/>
        <source>Asset or badge number</source>
        <translation>資産番号・社員証番号</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="339"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="350"/>
        <source>Link</source>
        <translation>関連付け</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="340"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="351"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="341"/>
        <source>Measure</source>
        <translation>管理策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="359"/>
        <source>Assets concerned</source>
        <translation>関係する資産</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="363"/>
        <source>Related guideline measures</source>
        <translation>関連する管理策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="392"/>
        <source>Asset linked.</source>
        <translation>資産を関連付けました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="402"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="424"/>
        <source>Link removed.</source>
        <translation>関連付けを外しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="411"/>
        <source>Measure linked.</source>
        <translation>管理策を関連付けました。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="58"/>
        <source>SME Guard — information security registers</source>
        <translation>SMEガード 情報セキュリティ管理台帳</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="84"/>
        <location filename="../sme_guard/ui/main_window.py" line="318"/>
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="98"/>
        <source>Asset registers</source>
        <translation>資産台帳</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="99"/>
        <source>Employees</source>
        <translation>従業員</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="100"/>
        <source>Cloud and accounts</source>
        <translation>クラウド・アカウント</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="101"/>
        <source>Incidents</source>
        <translation>障害・事故</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="102"/>
        <source>IT continuity</source>
        <translation>IT継続計画</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="103"/>
        <source>Self-assessment</source>
        <translation>自己点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="107"/>
        <source>Staff guidelines</source>
        <translation>従業員向けガイドライン</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="112"/>
        <source>Policy and SECURITY ACTION</source>
        <translation>方針・SECURITY ACTION</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="121"/>
        <source>The catalog could not be loaded</source>
        <translation>カタログを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="122"/>
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="126"/>
        <source>&amp;Getting started…</source>
        <translation>はじめに(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="131"/>
        <source>Office &amp;settings…</source>
        <translation>事業所の設定(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="135"/>
        <source>Change &amp;history…</source>
        <translation>変更履歴(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="143"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="148"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="149"/>
        <source>&amp;About SME Guard</source>
        <translation>SMEガードについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="186"/>
        <source>Opening {path} …</source>
        <translation>{path} を開いています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="397"/>
        <source>Database: {path}</source>
        <translation>データベース: {path}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="428"/>
        <location filename="../sme_guard/ui/main_window.py" line="444"/>
        <source>No database open</source>
        <translation>データベースが開かれていません</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="395"/>
        <source>Database: {path} (read-only)</source>
        <translation>データベース: {path}(読み取り専用)</translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="49"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="49"/>
        <source>Control item</source>
        <translation>管理項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="49"/>
        <source>Score</source>
        <translation>実施率</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="57"/>
        <source>Measure</source>
        <translation>管理策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="57"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="84"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="256"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="57"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="87"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="256"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="57"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="88"/>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="256"/>
        <source>Target date</source>
        <translation>目標日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="70"/>
        <source>How it is done, where the proof is</source>
        <translation>実施方法、証跡の場所</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="73"/>
        <source>Why the measure does not apply to the office</source>
        <translation>この管理策が当てはまらない理由</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="78"/>
        <source>e.g. 2026-12-31</source>
        <translation>例: 2026-12-31</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="79"/>
        <source>Save answer</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="81"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="85"/>
        <source>Evidence</source>
        <translation>証跡・メモ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="86"/>
        <source>Reason (n/a)</source>
        <translation>対象外の理由</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="123"/>
        <source>(owner)</source>
        <translation>(担当者)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="136"/>
        <source>(own)</source>
        <translation>(自社)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="178"/>
        <source>{item}: {percent} (done {done}, partly {partial}, not done {not_done}, n/a {na})</source>
        <translation>{item}: {percent}(実施済 {done}、一部実施 {partial}、未実施 {not_done}、対象外 {na})</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="188"/>
        <source>(Reference) measures, scored apart: {percent}</source>
        <translation>(参考)の管理策は別集計: {percent}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/measures_page.py" line="192"/>
        <source>(reference, optional)</source>
        <translation>(参考・任意)</translation>
    </message>
</context>
<context>
    <name>NewRunDialog</name>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="35"/>
        <source>New self-assessment</source>
        <translation>新しい自己点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="36"/>
        <source>Self-assessment {year}</source>
        <translation>{year}年度 自己点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="41"/>
        <source>Start from the answers of {run}</source>
        <translation>{run} の回答から始める</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="43"/>
        <source>Start from the last run&apos;s answers</source>
        <translation>前回の回答から始める</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="50"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="51"/>
        <source>Date *</source>
        <translation>実施日 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="52"/>
        <source>Assessed by</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="70"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/run_dialogs.py" line="70"/>
        <source>Date</source>
        <translation>実施日</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="141"/>
        <source>Your office</source>
        <translation>事業所</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="143"/>
        <source>SME Guard prints these on labels, checklists and reports. You can change them later.</source>
        <translation>ラベル、チェックリスト、報告書に印刷されます。あとから ファイル → 事業所の設定… で変更できます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="148"/>
        <source>Office name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="151"/>
        <source>Office name *</source>
        <translation>事業所名 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="152"/>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="153"/>
        <source>Who runs SME Guard</source>
        <translation>SMEガードを使う担当者</translation>
    </message>
</context>
<context>
    <name>OfficeSettingsDialog</name>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="27"/>
        <source>Office settings</source>
        <translation>事業所の設定</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="30"/>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="41"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="34"/>
        <source>A smart device whose last security patch is older than this is flagged (control 10⑥: apply released security patches without fail).</source>
        <translation>最後にセキュリティパッチを適用した日がこれより古いスマートデバイスに注意を表示します(管理策10⑥: リリースされたセキュリティパッチは必ず適用する)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="44"/>
        <source>How often the emergency contact tree is to be confirmed (control 3, point ①).</source>
        <translation>緊急連絡網が組織の実情を反映しているか確認する間隔です(管理策3 運用①)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="48"/>
        <source>Printed on labels, stock-take sheets and reports</source>
        <translation>ラベル・棚卸表・報告書に印刷されます</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="57"/>
        <source>The database is backed up once a day when SME Guard starts, and before every update of its format; this many of each kind are kept in {folder}</source>
        <translation>データベースは SMEガードの起動時に 1 日 1 回、および形式の更新前に自動でバックアップされます。種類ごとにこの数だけ次のフォルダに残します: {folder}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="63"/>
        <source>Office name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="64"/>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="65"/>
        <source>Patches older than</source>
        <translation>パッチの経過日数の上限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="67"/>
        <source>Confirm the contact tree every</source>
        <translation>緊急連絡網の確認間隔</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/office_settings_dialog.py" line="69"/>
        <source>Backups to keep</source>
        <translation>残すバックアップの数</translation>
    </message>
</context>
<context>
    <name>OwnEntriesPage</name>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="29"/>
        <source>Task sheets and control items of your own, assessed like the guideline&apos;s. The guideline&apos;s own catalog cannot be changed; copy a sheet to adapt it.</source>
        <translation>自社で追加する業務シートと管理項目です。ガイドラインの項目と同じように点検します。ガイドラインの内容は変更できないため、変えたいシートは複製して使います。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="34"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="34"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="34"/>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="39"/>
        <source>New task sheet</source>
        <translation>業務シートを作成</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="40"/>
        <source>Copy this sheet</source>
        <translation>このシートを複製</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="41"/>
        <source>New control item</source>
        <translation>管理項目を作成</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="42"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="43"/>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="161"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="44"/>
        <source>Save as catalog file…</source>
        <translation>カタログファイルに保存…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="45"/>
        <source>Read a catalog file…</source>
        <translation>カタログファイルを読み込む…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="80"/>
        <source>Task sheet</source>
        <translation>業務シート</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="80"/>
        <source>Control item</source>
        <translation>管理項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="100"/>
        <source>Saved. It is assessed with the guideline&apos;s entries.</source>
        <translation>保存しました。ガイドラインの項目と一緒に点検されます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="136"/>
        <source>Copied as No.{number}.</source>
        <translation>No.{number} として複製しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="162"/>
        <source>Delete “{title}”? Answers given to it in past runs are no longer shown.</source>
        <translation>「{title}」を削除しますか?過去の点検での回答は表示されなくなります。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="177"/>
        <source>SME Guard catalog file (*.yaml *.yml)</source>
        <translation>SMEガードのカタログファイル (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="181"/>
        <source>Save as catalog file</source>
        <translation>カタログファイルに保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="181"/>
        <source>own-catalog.yaml</source>
        <translation>自社カタログ.yaml</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="189"/>
        <source>{items} items and {sheets} sheets saved to {path}.</source>
        <translation>管理項目 {items} 件と業務シート {sheets} 件を {path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="199"/>
        <source>Read a catalog file</source>
        <translation>カタログファイルを読み込む</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/own_entries_page.py" line="206"/>
        <source>Read: {added} added, {updated} updated.</source>
        <translation>読み込みました: 追加 {added} 件、更新 {updated} 件。</translation>
    </message>
</context>
<context>
    <name>PasswordActions</name>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="36"/>
        <source>Password policy saved.</source>
        <translation>パスワード方針を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="50"/>
        <source>Save the password policy notice</source>
        <translation>パスワードのルール(掲示用)の保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="51"/>
        <source>password-policy-{date}.pdf</source>
        <translation>パスワードのルール-{date}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="55"/>
        <source>Password policy notice saved to {path}.</source>
        <translation>パスワードのルール(掲示用)を {path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="62"/>
        <source>Password checker…</source>
        <translation>パスワードの確認…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="69"/>
        <source>Password policy…</source>
        <translation>パスワード方針…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_actions.py" line="75"/>
        <source>Print password policy…</source>
        <translation>パスワード方針を印刷…</translation>
    </message>
</context>
<context>
    <name>PasswordCheckerDialog</name>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="83"/>
        <source>Password checker</source>
        <translation>パスワードの確認</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="86"/>
        <source>Type a password to see which rules of the office&apos;s password policy it meets. It is checked on this PC only: it is never saved, logged or copied, and the field is emptied when this window closes.</source>
        <translation>パスワードを入力すると、事業所のパスワード方針のどのルールを満たしているかを表示します。確認はこのPCの中だけで行い、保存・記録・コピーは一切しません。この画面を閉じると入力欄は空になります。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="94"/>
        <source>You need not type your real password: a made-up one of the same kind (same length, same kinds of characters) gives the same result.</source>
        <translation>実際のパスワードを入力する必要はありません。同じ形(同じ文字数・同じ種類の文字)の例でも同じ結果になります。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="101"/>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="102"/>
        <source>Password to check</source>
        <translation>確認するパスワード</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="103"/>
        <source>Show</source>
        <translation>表示する</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="106"/>
        <source>Make sure nobody can see your screen: a password seen over your shoulder is a leaked password (task sheet No.6).</source>
        <translation>周りから画面が見えないことを確かめてください。覗き見られたパスワードは漏えいしたパスワードです(業務 No.6)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="119"/>
        <source>The office&apos;s password policy</source>
        <translation>事業所のパスワード方針</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="130"/>
        <source>Also: {rule}.</source>
        <translation>あわせて: {rule}。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="170"/>
        <source>met</source>
        <translation>満たしている</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="170"/>
        <source>not met</source>
        <translation>満たしていない</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="174"/>
        <source>This password meets every rule of the policy.</source>
        <translation>このパスワードは方針のルールをすべて満たしています。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="177"/>
        <source>This password meets the policy, but it contains full-width or Japanese characters.</source>
        <translation>方針は満たしていますが、全角文字または日本語が含まれています。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_checker.py" line="181"/>
        <source>Rules not met yet: {count}.</source>
        <translation>まだ満たしていないルール: {count} 個。</translation>
    </message>
</context>
<context>
    <name>PasswordPolicyDialog</name>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="39"/>
        <source>Password policy</source>
        <translation>パスワード方針</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="42"/>
        <source> characters</source>
        <translation> 文字</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="43"/>
        <source>Uppercase letters (A–Z)</source>
        <translation>英大文字(A〜Z)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="44"/>
        <source>Lowercase letters (a–z)</source>
        <translation>英小文字(a〜z)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="45"/>
        <source>Digits (0–9)</source>
        <translation>数字(0〜9)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="46"/>
        <source>Symbols (! # $ % &amp;&amp; …)</source>
        <translation>記号(! # $ % &amp;&amp; など)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="49"/>
        <source> months</source>
        <translation> か月</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="51"/>
        <source>No scheduled change</source>
        <translation>定期的な変更なし</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="56"/>
        <source>Control 5⑥ gives as an example: at least 12 characters, combining uppercase letters, lowercase letters, digits and symbols, changed once every 3 months.</source>
        <translation>管理策 5⑥ の例: 12 文字以上に設定し、大文字、小文字、数字、特殊文字の 4 つを組み合わせ、3 カ月に 1 度変更する。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="66"/>
        <source>Use the guideline&apos;s example</source>
        <translation>ガイドラインの例に戻す</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="73"/>
        <source>Minimum length</source>
        <translation>最小文字数</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="75"/>
        <source>Must contain</source>
        <translation>含める文字</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="76"/>
        <source>Change every</source>
        <translation>変更の間隔</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="123"/>
        <source>Last changed on {date}.</source>
        <translation>最終改定日: {date}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="125"/>
        <source>Not changed yet: this is the guideline&apos;s example.</source>
        <translation>未改定: ガイドラインの例のままです。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/accounts/password_policy_dialog.py" line="155"/>
        <source>Weaker than the guideline&apos;s example: {what}.</source>
        <translation>ガイドラインの例より弱い設定です: {what}。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="179"/>
        <source>Employees</source>
        <translation>従業員</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="182"/>
        <source>Everyone who works here, including part-time and dispatched staff. Type them one by one, or take them from your Excel list (a sheet with the columns 氏名, 雇用形態, 役割).</source>
        <translation>パート・アルバイトや派遣社員を含め、働いている人全員です。1 人ずつ入力するか、Excel の名簿(列: 氏名、雇用形態、役割)から取り込みます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="190"/>
        <source>(choose)</source>
        <translation>(選択してください)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="197"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="198"/>
        <source>Import from Excel…</source>
        <translation>Excel から取込…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="216"/>
        <source>Registered so far:</source>
        <translation>登録済み:</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="64"/>
        <source>{reference} (task sheets {sheets})</source>
        <translation>{reference}(業務 {sheets})</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="68"/>
        <source>Guideline {reference}: {text}</source>
        <translation>ガイドライン {reference}: {text}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="85"/>
        <source>SME Guard&apos;s suggestion: {decision}</source>
        <translation>SMEガードの提案: {decision}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="112"/>
        <source>The conditions (required)</source>
        <translation>条件(必須)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/editor.py" line="114"/>
        <source>A note for staff (optional)</source>
        <translation>従業員への補足(任意)</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="76"/>
        <source>For the office only; not printed</source>
        <translation>事業所内のメモ(印刷されません)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="82"/>
        <source>Title *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="85"/>
        <source>Introduction *</source>
        <translation>前文 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="89"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="103"/>
        <source>The rules as they will print (drawn from the records):</source>
        <translation>印刷される対策基準(記録から作成):</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="136"/>
        <source>No version yet. Start one with “New version”.</source>
        <translation>まだ版がありません。「新しい版」で作成してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="148"/>
        <source>Version {number} — draft. Edit it, save, then issue it; an issued version is not changed again.</source>
        <translation>第{number}版 — 下書き。編集して保存し、発行してください。発行した版は変更しません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/editor.py" line="155"/>
        <source>Version {number} — issued on {date}. An issued version is not changed: make a new version to change it.</source>
        <translation>第{number}版 — {date} 発行。発行した版は変更しません。変更するときは新しい版を作成してください。</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="45"/>
        <source>e.g. 株式会社サンプル</source>
        <translation>例: 株式会社サンプル</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="47"/>
        <source>e.g. 代表取締役 山田 太郎</source>
        <translation>例: 代表取締役 山田 太郎</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="48"/>
        <source>Save office details</source>
        <translation>事業所情報を保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="50"/>
        <source>Who the documents name and who signs them</source>
        <translation>文書に記載する事業所と署名する代表者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="52"/>
        <source>Office name</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="54"/>
        <source>Representative</source>
        <translation>代表者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="68"/>
        <source>Basic policy</source>
        <translation>基本方針</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="69"/>
        <source>Security rules</source>
        <translation>対策基準</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="70"/>
        <source>SECURITY ACTION</source>
        <translation>SECURITY ACTION</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="110"/>
        <source>Office details saved.</source>
        <translation>事業所情報を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="133"/>
        <source>{document}, version {number} (draft)</source>
        <translation>{document} 第{number}版(下書き)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="140"/>
        <source>Office name and representative</source>
        <translation>事業所名と代表者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/policy_tab.py" line="142"/>
        <source>SECURITY ACTION declaration</source>
        <translation>SECURITY ACTION の宣言</translation>
    </message>
</context>
<context>
    <name>ProtectionPage</name>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="57"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="154"/>
        <source>Measure</source>
        <translation>対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="57"/>
        <source>In place</source>
        <translation>実施済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="57"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="69"/>
        <source>Another measure, e.g. maintenance contract</source>
        <translation>その他の対策(例: 保守契約)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="70"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="71"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="73"/>
        <source>Save protection and dependencies</source>
        <translation>保護対策と依存関係を保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="80"/>
        <source>Protection (control 4①)</source>
        <translation>保護対策(管理策 4①)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="84"/>
        <source>Recovered only after these plans</source>
        <translation>先に復旧が必要な計画</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="152"/>
        <source>Protection and dependencies saved.</source>
        <translation>保護対策と依存関係を保存しました。</translation>
    </message>
</context>
<context>
    <name>PublicationDialog</name>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="57"/>
        <source>Record publication</source>
        <translation>公表の記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="64"/>
        <source>e.g. https://www.example.co.jp/security/ or the notice board at reception</source>
        <translation>例: https://www.example.co.jp/security/ または受付の掲示板</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="74"/>
        <source>Published on *</source>
        <translation>公表日 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/document_page.py" line="75"/>
        <source>Where *</source>
        <translation>公表先 *</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../sme_guard/ui/read_only.py" line="13"/>
        <source>Read-only: saving is off</source>
        <translation>読み取り専用: 保存できません</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/read_only.py" line="17"/>
        <source>This database is on media that cannot be written (a CD-R, a write-protected USB stick, a read-only share). You can view, search, export, print and check it. To make changes, copy it to a folder that can be written and open it there.</source>
        <translation>このデータベースは書き込めない場所(CD-R、書き込み禁止の USB メモリー、読み取り専用の共有フォルダーなど)にあります。閲覧、検索、Excel に出力、印刷、確認はできます。変更するには、書き込めるフォルダーにコピーしてから、そちらを開いてください。</translation>
    </message>
</context>
<context>
    <name>RecordAcknowledgmentDialog</name>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="180"/>
        <source>Record acknowledgment</source>
        <translation>確認の記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="192"/>
        <source>Tick all</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="193"/>
        <source>Tick none</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="207"/>
        <source>Version *</source>
        <translation>版 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="212"/>
        <source>Employees *</source>
        <translation>従業員 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="213"/>
        <source>Acknowledged on *</source>
        <translation>確認日 *</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="220"/>
        <source>Tick the employees whose signed acknowledgment slip you have received.</source>
        <translation>署名済みの確認書を受け取った従業員にチェックを付けてください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/guidelines/acknowledgments.py" line="230"/>
        <source>Version {number} (issued on {date}) — {title}</source>
        <translation>第{number}版({date} 発行) — {title}</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../sme_guard/ui/registers/record_form.py" line="68"/>
        <source>Disposal record (control 9②)</source>
        <translation>廃棄記録(管理策9②)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/record_form.py" line="119"/>
        <source>(choose)</source>
        <translation>(選択してください)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/record_form.py" line="132"/>
        <source>e.g. 2026-04-01, 2026/4/1, 令和8年4月1日</source>
        <translation>例: 2026/4/1、令和8年4月1日、2026-04-01</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/record_form.py" line="134"/>
        <source>e.g. 2026/11/27 14:30</source>
        <translation>例: 2026/11/27 14:30</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/record_form.py" line="145"/>
        <source>Up to {count} characters</source>
        <translation>{count} 文字以内</translation>
    </message>
</context>
<context>
    <name>RecordHistoryDialog</name>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="85"/>
        <source>History: {record}</source>
        <translation>変更履歴: {record}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="88"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="91"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="92"/>
        <source>User</source>
        <translation>利用者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="93"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="94"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="95"/>
        <source>Field</source>
        <translation>項目</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="96"/>
        <source>Before</source>
        <translation>変更前</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="97"/>
        <source>After</source>
        <translation>変更後</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="102"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="130"/>
        <source>{count} changes, newest first.</source>
        <translation>{count} 件の変更(新しい順)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="132"/>
        <source>No changes recorded.</source>
        <translation>変更の記録はありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/audit/history_dialog.py" line="136"/>
        <source>The history could not be read.</source>
        <translation>変更履歴を読み込めませんでした。</translation>
    </message>
</context>
<context>
    <name>RegisterActions</name>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="52"/>
        <source>stock-take-{register}-{date}.pdf</source>
        <translation>棚卸表-{register}-{date}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="51"/>
        <source>Save the stock-take sheet</source>
        <translation>棚卸表の保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="56"/>
        <source>Stock-take sheet with {count} items saved to {path}.</source>
        <translation>{count} 件の棚卸表を {path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="63"/>
        <source>Stock-take…</source>
        <translation>棚卸…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="75"/>
        <source>Stock-take history…</source>
        <translation>棚卸の履歴…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="100"/>
        <source>Print labels…</source>
        <translation>ラベル印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="107"/>
        <source>Print stock-take sheet…</source>
        <translation>棚卸表を印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="138"/>
        <source>Save the labels</source>
        <translation>ラベルの保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="139"/>
        <source>labels-{register}.pdf</source>
        <translation>ラベル-{register}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="141"/>
        <source>{count} labels saved to {path}.</source>
        <translation>{count} 枚のラベルを {path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="161"/>
        <source>Disposal recorded.</source>
        <translation>廃棄を記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="168"/>
        <source>Dispose…</source>
        <translation>廃棄…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="182"/>
        <source>Settings check recorded.</source>
        <translation>設定確認を記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="190"/>
        <source>Settings check…</source>
        <translation>設定確認…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="205"/>
        <source>Record the loss in the incident log as well?</source>
        <translation>紛失を障害・事故としても記録しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="210"/>
        <source>Returned</source>
        <translation>返却</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="213"/>
        <source>Record this badge as returned today?</source>
        <translation>この社員証を本日返却済にしますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="214"/>
        <source>Badge returned.</source>
        <translation>社員証を返却済にしました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="219"/>
        <source>Lost</source>
        <translation>紛失</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="222"/>
        <source>Record this badge as lost? Remember to stop it in the entry system.</source>
        <translation>この社員証を紛失として記録しますか? 入館システムでの停止も忘れずに行ってください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="225"/>
        <source>Badge recorded as lost.</source>
        <translation>社員証を紛失として記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="230"/>
        <source>Revoke</source>
        <translation>失効</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="233"/>
        <source>Revoke this badge?</source>
        <translation>この社員証を失効させますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="234"/>
        <source>Badge revoked.</source>
        <translation>社員証を失効させました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="253"/>
        <source>incident-{number}.pdf</source>
        <translation>障害事故報告書-{number}.pdf</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="252"/>
        <source>Save the incident report</source>
        <translation>障害・事故報告書の保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="257"/>
        <source>Incident report saved to {path}.</source>
        <translation>障害・事故報告書を {path} に保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="263"/>
        <source>Print report…</source>
        <translation>報告書を印刷…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="288"/>
        <source>Leaving recorded.</source>
        <translation>退職を記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="287"/>
        <source>Leaving…</source>
        <translation>退職…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="295"/>
        <source>Transfer recorded.</source>
        <translation>人事異動を記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="293"/>
        <source>Transfer…</source>
        <translation>人事異動…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="310"/>
        <source>Review recorded.</source>
        <translation>見直しを記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="314"/>
        <source>Reviewed today</source>
        <translation>本日見直し済み</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="332"/>
        <source>Record this account as disabled today? Disable it in the system itself too.</source>
        <translation>このアカウントを本日付けで無効化済みとして記録しますか?システム側でも無効化してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="341"/>
        <source>Account disabled.</source>
        <translation>アカウントを無効化しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="345"/>
        <source>Disable</source>
        <translation>無効化</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="370"/>
        <source>Record incident…</source>
        <translation>障害・事故として記録…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="377"/>
        <source>Export to Excel…</source>
        <translation>Excel に出力…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/screens.py" line="385"/>
        <source>Import from Excel…</source>
        <translation>Excel から取込…</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="81"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="82"/>
        <source>New record (Ctrl+N)</source>
        <translation>新規 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="83"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="581"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="84"/>
        <source>Delete the record (Del, with a question)</source>
        <translation>記録を削除 (Del、確認あり)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="87"/>
        <source>History…</source>
        <translation>変更履歴…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="94"/>
        <source>Search every column (Japanese, kana, any width)</source>
        <translation>すべての列を検索(漢字・かな・全角半角を問わず)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="95"/>
        <source>Search (Ctrl+F)</source>
        <translation>検索 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="101"/>
        <source>Needs attention</source>
        <translation>要注意</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="102"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="111"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="119"/>
        <source>Every year</source>
        <translation>すべての年</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="137"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="138"/>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="139"/>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="140"/>
        <source>Undo the changes in the form (Esc)</source>
        <translation>フォームの変更を元に戻す (Esc)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="157"/>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="217"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="218"/>
        <source>Not disposed</source>
        <translation>廃棄済以外</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="219"/>
        <source>Not returned or revoked</source>
        <translation>返却・失効以外</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="220"/>
        <source>Current staff</source>
        <translation>在籍中</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="221"/>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="222"/>
        <source>In use</source>
        <translation>利用中</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="223"/>
        <source>Not disabled</source>
        <translation>無効化済以外</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="456"/>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total} 件</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="470"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="522"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="542"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="470"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="522"/>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="542"/>
        <source>Discard the changes to the current record?</source>
        <translation>編集中の変更を破棄しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="487"/>
        <source>New record</source>
        <translation>新しい記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="563"/>
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="582"/>
        <source>Delete this record from the register? This cannot be undone.</source>
        <translation>この記録を台帳から削除しますか? 元に戻せません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/register_tab.py" line="588"/>
        <source>Deleted.</source>
        <translation>削除しました。</translation>
    </message>
</context>
<context>
    <name>ReportingPage</name>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="198"/>
        <source>Contact tree: record who was told (control 3①)</source>
        <translation>緊急連絡網: 報告した相手を記録(管理策3①)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="201"/>
        <source>When (empty: now), e.g. 2026/11/27 14:30</source>
        <translation>報告日時(空欄なら現在)例: 2026/11/27 14:30</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="211"/>
        <source>Told at</source>
        <translation>報告日時</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="211"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="211"/>
        <source>Person</source>
        <translation>氏名</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="211"/>
        <source>How</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="214"/>
        <source>Reported to</source>
        <translation>届け出先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="214"/>
        <source>On</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="214"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="222"/>
        <source>Reference</source>
        <translation>受付番号など</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="217"/>
        <source>To whom (e.g. the police, a supervisory body)</source>
        <translation>届け出先(警察、監督官庁など)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="220"/>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="223"/>
        <source>Add report</source>
        <translation>届け出を追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="232"/>
        <source>External reports (届け出)</source>
        <translation>届け出(外部への報告)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="251"/>
        <source>The contact tree is empty: fill it in on the Contact tree tab.</source>
        <translation>緊急連絡網が空です。「緊急連絡網」タブで登録してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="254"/>
        <source>Told now</source>
        <translation>今報告した</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="293"/>
        <source>Recorded that {person} was told.</source>
        <translation>{person} への報告を記録しました。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="42"/>
        <location filename="../sme_guard/ui/restore_dialog.py" line="127"/>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="45"/>
        <source>Choose the backup to restore. It is checked first, and the current data is backed up before it is replaced.
Backups folder: {folder}</source>
        <translation>復元するバックアップを選んでください。復元の前にファイルを確認し、現在のデータをバックアップしてから置き換えます。
バックアップフォルダ: {folder}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="53"/>
        <source>Date</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="53"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="53"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="53"/>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="56"/>
        <source>There are no backups in this folder yet.</source>
        <translation>このフォルダにはまだバックアップがありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="59"/>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="63"/>
        <source>Choose another file…</source>
        <translation>別のファイルを選ぶ…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="77"/>
        <source>Daily (automatic)</source>
        <translation>毎日(自動)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="79"/>
        <source>Manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="81"/>
        <source>Before a restore</source>
        <translation>復元の前</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="83"/>
        <source>Before a format update</source>
        <translation>形式の更新の前</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="84"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/restore_dialog.py" line="127"/>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite データベース (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="437"/>
        <source>What was checked or changed</source>
        <translation>確認・変更した内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="438"/>
        <source>Reviewed today</source>
        <translation>本日見直した</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="439"/>
        <source>Reviewed on</source>
        <translation>見直し日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="439"/>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="442"/>
        <source>Held on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="443"/>
        <source>Scenario</source>
        <translation>想定シナリオ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="444"/>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="445"/>
        <source>Recovery time</source>
        <translation>復旧時間</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="446"/>
        <source>Plan changed</source>
        <translation>計画の変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="453"/>
        <source>Log drill…</source>
        <translation>訓練を記録…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="454"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="455"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="604"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="458"/>
        <source>Review (control 4②)</source>
        <translation>見直し(管理策 4②)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="469"/>
        <source>Drills (control 4, operation ①)</source>
        <translation>訓練(4 運用①)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="496"/>
        <source>Never reviewed: review the plan and record it.</source>
        <translation>まだ見直していません。計画を見直して記録してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="498"/>
        <source>Not reviewed yet; first review due {due}.</source>
        <translation>まだ見直していません。最初の見直し期限は {due} です。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="502"/>
        <source>Last reviewed {last}; next review due {due}.</source>
        <translation>最終見直し {last}、次回の見直し期限 {due}。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="506"/>
        <source>The review is overdue.</source>
        <translation>見直し期限を過ぎています。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="509"/>
        <source>After the drill of {day}: {note}</source>
        <translation>{day} の訓練を受けて: {note}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="541"/>
        <source>{achieved} min</source>
        <translation>{achieved} 分</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="542"/>
        <source>{achieved} / {objective} min</source>
        <translation>{achieved} 分 / 目標 {objective} 分</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="543"/>
        <source>(over the objective)</source>
        <translation>(目標超過)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="555"/>
        <source>Review recorded.</source>
        <translation>見直しを記録しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="580"/>
        <source>Drill saved.</source>
        <translation>訓練を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="604"/>
        <source>Remove this drill from the record?</source>
        <translation>この訓練の記録を削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="607"/>
        <source>Drill removed.</source>
        <translation>訓練の記録を削除しました。</translation>
    </message>
</context>
<context>
    <name>ScenariosPage</name>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="330"/>
        <source>(Reference) The guideline lists this as a reference measure (4③).</source>
        <translation>(参考)ガイドラインでは参考の管理策です(4③)。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="332"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="417"/>
        <source>Disaster</source>
        <translation>災害</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="332"/>
        <source>Response</source>
        <translation>対応</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="340"/>
        <source>Name of the disaster, e.g. ransomware</source>
        <translation>災害の名称(例: ランサムウェア)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="342"/>
        <source>What the office does in this disaster</source>
        <translation>この災害のときに行うこと</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="344"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="345"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="346"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="411"/>
        <source>Scenario saved.</source>
        <translation>シナリオを保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="426"/>
        <source>Scenario removed.</source>
        <translation>シナリオを削除しました。</translation>
    </message>
</context>
<context>
    <name>SecurityActionPage</name>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="88"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="108"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="368"/>
        <source>Level</source>
        <translation>段階</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="88"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="109"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="369"/>
        <source>Declared on</source>
        <translation>宣言日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="88"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="110"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="370"/>
        <source>Self-declaration ID</source>
        <translation>自己宣言ID</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="96"/>
        <source>blank: preparing, not declared yet</source>
        <translation>空欄: 準備中(未宣言)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="99"/>
        <source>given by IPA when the declaration is made</source>
        <translation>宣言の申込み後に IPA から通知されます</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="102"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="103"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="104"/>
        <location filename="../sme_guard/ui/policy/action_page.py" line="143"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="105"/>
        <source>SECURITY ACTION declarations</source>
        <translation>SECURITY ACTION の宣言</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="111"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="120"/>
        <source>Ready for two stars (★★)?</source>
        <translation>二つ星(★★)の準備</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="127"/>
        <source>Date</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="128"/>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="129"/>
        <source>Part 1</source>
        <translation>Part 1</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="130"/>
        <source>Part 2</source>
        <translation>Part 2</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="131"/>
        <source>Part 3</source>
        <translation>Part 3</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="132"/>
        <source>Change</source>
        <translation>前回比</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="141"/>
        <source>Record a result…</source>
        <translation>結果を記録…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="142"/>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="146"/>
        <source>5-minute self-diagnosis (IPA)</source>
        <translation>5分でできる自社診断(IPA)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="202"/>
        <source>preparing</source>
        <translation>準備中</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="221"/>
        <source>Done</source>
        <translation>済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="221"/>
        <source>To do</source>
        <translation>未</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="226"/>
        <source>Everything ★★ asks for besides the declaration is in place.</source>
        <translation>★★ の宣言に必要なものはそろっています。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="228"/>
        <source>The home screen lists what is still missing until it is complete.</source>
        <translation>そろうまで、足りないものをホームに表示します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="231"/>
        <source>Record a ★★ declaration (a date is not needed while you prepare) and the home screen lists what is still missing.</source>
        <translation>★★ の宣言を記録すると(準備中は宣言日は空欄で構いません)、足りないものをホームに表示します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="269"/>
        <source>No result yet. Answer IPA&apos;s self-diagnosis sheet and record the result here.</source>
        <translation>まだ結果がありません。IPA の診断シートに回答し、ここに結果を記録してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="278"/>
        <source>Result of {date}: {points} of 100 points</source>
        <translation>{date} の結果: {points} 点 / 100 点</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="284"/>
        <source>Since {date}: {change} points. {changes}</source>
        <translation>{date} から {change} 点。{changes}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="287"/>
        <source>No answer changed.</source>
        <translation>回答の変わった設問はありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="294"/>
        <source>Answers below full points, and what in the guideline addresses them:</source>
        <translation>満点でない設問と、その対策に当たる手引きの管理策など:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="295"/>
        <source>The catalog has no measure for this question.</source>
        <translation>カタログにはこの設問に当たる管理策がありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="327"/>
        <source>Unsaved changes</source>
        <translation>保存していない変更</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="328"/>
        <source>The declaration has changes that are not saved. Discard them?</source>
        <translation>宣言の記録に保存していない変更があります。破棄しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="361"/>
        <source>Declaration saved.</source>
        <translation>宣言を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="386"/>
        <source>Delete declaration</source>
        <translation>宣言の削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="386"/>
        <source>Delete the declaration record shown?</source>
        <translation>表示している宣言の記録を削除しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="418"/>
        <source>Self-diagnosis saved.</source>
        <translation>自社診断を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="436"/>
        <source>Delete result</source>
        <translation>結果の削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/policy/action_page.py" line="437"/>
        <source>Delete the self-diagnosis result of {date}?</source>
        <translation>{date} の自社診断の結果を削除しますか?</translation>
    </message>
</context>
<context>
    <name>SettingsCheckDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="115"/>
        <source>Settings check</source>
        <translation>設定確認</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="118"/>
        <source>Device {number}: tick what you confirmed on the device today (control 10②③④⑤, point ①). Unticked items keep their previous state.</source>
        <translation>デバイス {number}: 本日、端末で確認できた項目にチェックを付けてください(管理策10②③④⑤、運用①)。チェックしない項目は変更しません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="127"/>
        <source>Not jailbroken or rooted (10②)</source>
        <translation>ジェイルブレイク・ルート化されていない(10②)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="128"/>
        <source>Automatic links to location, SNS and address book checked (point ①)</source>
        <translation>位置情報・SNS・アドレス帳との自動連携の設定を確認した(運用①)</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="63"/>
        <source>Getting started</source>
        <translation>はじめに</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="65"/>
        <source>Skip for now</source>
        <translation>後で設定する</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="66"/>
        <source>Next &gt;</source>
        <translation>次へ &gt;</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="67"/>
        <source>&lt; Back</source>
        <translation>&lt; 戻る</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="68"/>
        <source>Finish</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/setup_wizard.py" line="126"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
</context>
<context>
    <name>SheetEditor</name>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="109"/>
        <source>Own task sheet</source>
        <translation>自社の業務シート</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="114"/>
        <source>numbered when saved</source>
        <translation>保存時に採番</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="117"/>
        <source>Task</source>
        <translation>業務</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="123"/>
        <source>Phase</source>
        <translation>業務の区分</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="141"/>
        <source>one per line</source>
        <translation>1行に1つ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/entry_editors.py" line="154"/>
        <source>item: measures, one item per line, e.g. 9: 1, 2</source>
        <translation>項目番号: 管理策番号(1行に1項目。例 9: 1, 2)</translation>
    </message>
</context>
<context>
    <name>SheetsPage</name>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="48"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="74"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="48"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="75"/>
        <source>Task</source>
        <translation>業務</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="48"/>
        <source>Applies</source>
        <translation>該当</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="48"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="77"/>
        <source>Technical</source>
        <translation>技術的対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="48"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="78"/>
        <source>Human</source>
        <translation>人的対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="58"/>
        <source>Not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="59"/>
        <source>Applies (this task and weakness exist here)</source>
        <translation>該当(この業務と弱点が自社にある)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="60"/>
        <source>Does not apply</source>
        <translation>非該当</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="68"/>
        <source>e.g. 2026-12-31</source>
        <translation>例: 2026-12-31</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="70"/>
        <source>Save answer</source>
        <translation>回答を保存</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="76"/>
        <source>Impacts</source>
        <translation>影響</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="79"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="92"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="274"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="80"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="93"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="275"/>
        <source>Target date</source>
        <translation>目標日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="86"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="88"/>
        <source>In our office</source>
        <translation>自社では</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="89"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="272"/>
        <source>Technical measures</source>
        <translation>技術的対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="90"/>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="273"/>
        <source>Human measures</source>
        <translation>人的対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="91"/>
        <source>Responsible</source>
        <translation>実施責任</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="94"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="100"/>
        <source>Open risks: most impacts first, then furthest from done</source>
        <translation>未対応のリスク(影響の多い順、対策の遅れの大きい順)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="136"/>
        <source>(owner)</source>
        <translation>(担当者)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="143"/>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="144"/>
        <source>applies</source>
        <translation>該当</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="144"/>
        <source>does not apply</source>
        <translation>非該当</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="179"/>
        <source>{count} of {total} task sheets are not answered yet: their risks are not assessed.</source>
        <translation>業務シート {total} 件のうち {count} 件が未回答です。未回答のシートのリスクは評価されていません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="185"/>
        <source>Every task sheet is answered.</source>
        <translation>すべての業務シートに回答済みです。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/assessment/sheets_page.py" line="186"/>
        <source>No open risks.</source>
        <translation>残っているリスクはありません。</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../sme_guard/ui/single_instance.py" line="109"/>
        <source>SME Guard is already open</source>
        <translation>SMEガードは既に開いています</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/single_instance.py" line="111"/>
        <source>The database {path} is in use by another SME Guard without a window (a command-line import or restore). Try again when it has finished.</source>
        <translation>データベース {path} は、画面のない別の SMEガード(コマンドラインでの取込または復元)が使用中です。終わってからもう一度開いてください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/single_instance.py" line="118"/>
        <source>SME Guard is already open with the database {path}.

Only one SME Guard works on a database at a time, so that no change is lost. Bring the open window to the front, or quit?</source>
        <translation>SMEガードは既にデータベース {path} を開いています。

変更が失われないよう、1 つのデータベースを同時に開けるのは 1 つの SMEガードだけです。開いているウィンドウを前面に表示しますか、それとも終了しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/single_instance.py" line="124"/>
        <source>Show the open window</source>
        <translation>開いているウィンドウを表示</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/single_instance.py" line="125"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>StepsPage</name>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="164"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="164"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="179"/>
        <source>Who</source>
        <translation>担当</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="164"/>
        <source>What</source>
        <translation>作業内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="164"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="183"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="164"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="185"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="301"/>
        <source>Minutes</source>
        <translation>所要時間(分)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="175"/>
        <source>Earlier</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="176"/>
        <source>Later</source>
        <translation>後へ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="177"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="181"/>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="301"/>
        <source>What is done</source>
        <translation>作業内容</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="186"/>
        <source>Add step</source>
        <translation>手順を追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="187"/>
        <source>Update step</source>
        <translation>手順を更新</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="249"/>
        <source>Give every step its minutes to compare them with the recovery time objective.</source>
        <translation>各手順に所要時間を入れると、目標復旧時間と比べられます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="253"/>
        <source>Steps take {total} minutes in all.</source>
        <translation>手順の所要時間は合計 {total} 分です。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="255"/>
        <source>Recovery time objective: {objective} minutes.</source>
        <translation>目標復旧時間は {objective} 分です。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="258"/>
        <source>The steps take longer than the objective.</source>
        <translation>手順が目標復旧時間を超えています。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="295"/>
        <source>Step saved.</source>
        <translation>手順を保存しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="313"/>
        <source>Step moved.</source>
        <translation>手順を移動しました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/plan_pages.py" line="322"/>
        <source>Step removed.</source>
        <translation>手順を削除しました。</translation>
    </message>
</context>
<context>
    <name>StockTakeDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="147"/>
        <source>Stock-take: {register}</source>
        <translation>棚卸: {register}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="151"/>
        <source>Type or scan a number, Enter marks it found</source>
        <translation>番号を入力またはスキャン(Enter で確認済にします)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="159"/>
        <source>Scanned</source>
        <translation>スキャン</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="159"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="163"/>
        <source>Where it really was (if not where the register says)</source>
        <translation>実際の所在(台帳と違う場合)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="172"/>
        <source>Found</source>
        <translation>確認済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="173"/>
        <source>Missing</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="174"/>
        <source>Clear</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="175"/>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="316"/>
        <source>Finish stock-take</source>
        <translation>棚卸を終了</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="176"/>
        <source>Close (continue later)</source>
        <translation>閉じる(後で続ける)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="233"/>
        <source>{found} found, {missing} missing, {open} not checked yet</source>
        <translation>確認済 {found}、不明 {missing}、未確認 {open}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="281"/>
        <source>{number} was already scanned</source>
        <translation>{number} はすでにスキャン済みです</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="286"/>
        <source>✓ {number} found</source>
        <translation>✓ {number} 確認済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="294"/>
        <source>{number} is {state}: it should not be here any more</source>
        <translation>{number} は{state}です: ここにあるはずのないものです</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="298"/>
        <source>{number} belongs to another register: {register}</source>
        <translation>{number} は別の台帳のものです: {register}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="302"/>
        <source>{number} is not on this stock-take&apos;s list</source>
        <translation>{number} はこの棚卸の一覧にありません</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="318"/>
        <source>{count} items are not checked yet. Finish anyway? They will be listed as not checked.</source>
        <translation>{count} 件がまだ確認されていません。終了しますか? 未確認として記録されます。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="334"/>
        <source>Stock-take finished</source>
        <translation>棚卸を終了しました</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="334"/>
        <source>Save the result as a PDF?</source>
        <translation>結果を PDF に保存しますか?</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="117"/>
        <source>Save the stock-take result</source>
        <translation>棚卸結果の保存先</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="331"/>
        <source>{found} found, {missing} missing, {unchecked} not checked. The result is kept.</source>
        <translation>確認済 {found}、不明 {missing}、未確認 {unchecked}。結果を保存しました。</translation>
    </message>
</context>
<context>
    <name>StockTakeHistoryDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="354"/>
        <source>Stock-take history: {register}</source>
        <translation>棚卸の履歴: {register}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="359"/>
        <source>Started</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="360"/>
        <source>Finished</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="361"/>
        <source>By</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="362"/>
        <source>Found</source>
        <translation>確認済</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="363"/>
        <source>Missing</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="364"/>
        <source>Not checked</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="369"/>
        <source>Save as PDF…</source>
        <translation>PDF に保存…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="370"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/stocktake_dialog.py" line="384"/>
        <source>(running)</source>
        <translation>(実施中)</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../sme_guard/ui/continuity/template_dialog.py" line="26"/>
        <source>New plan from an example</source>
        <translation>例から計画を作成</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/template_dialog.py" line="30"/>
        <source>These examples are written by SME Guard, not taken from the guideline. Start from the one closest to your system and rewrite every part for your office.</source>
        <translation>これらの例は SMEガードが作成したもので、ガイドラインの本文ではありません。自社のシステムに近い例を選び、すべての項目を自社に合わせて書き直してください。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/template_dialog.py" line="38"/>
        <source>(example)</source>
        <translation>(例)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/continuity/template_dialog.py" line="46"/>
        <source>Name of the new plan</source>
        <translation>新しい計画の名前</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="322"/>
        <source>Transfer: {name}</source>
        <translation>人事異動: {name}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="324"/>
        <source>Record new department</source>
        <translation>新しい部署を記録</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="329"/>
        <source>Accounts to review (disable, or keep as they are)</source>
        <translation>見直すアカウント(無効化するか、そのまま残す)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="349"/>
        <source>No active accounts.</source>
        <translation>有効なアカウントはありません。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="354"/>
        <source>Kept (reviewed today)</source>
        <translation>継続(本日見直し済み)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="356"/>
        <source>Disable</source>
        <translation>無効化</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/registers/workflow_dialogs.py" line="356"/>
        <source>Keep</source>
        <translation>継続</translation>
    </message>
</context>
<context>
    <name>WorkflowPage</name>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="57"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="57"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="57"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="59"/>
        <source>Prevention action</source>
        <translation>再発防止策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="59"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="170"/>
        <source>Owner</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="59"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="59"/>
        <source>Done</source>
        <translation>完了日</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="63"/>
        <source>What will be done so that it does not happen again</source>
        <translation>再発を防ぐために行うこと</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="67"/>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="171"/>
        <source>Due date</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="71"/>
        <source>Add action</source>
        <translation>対策を追加</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="72"/>
        <source>Done today</source>
        <translation>本日完了</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="73"/>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="84"/>
        <source>Status (each change is dated)</source>
        <translation>状態(変更日時を記録します)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="89"/>
        <source>Root cause removed by (control 3③)</source>
        <translation>根本原因を取り除く再発防止策(管理策3③)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="105"/>
        <source>(owner)</source>
        <translation>(担当者)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="117"/>
        <source>Now: {status}</source>
        <translation>現在: {status}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="126"/>
        <source>open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="146"/>
        <source>Status changed to {status}.</source>
        <translation>状態を「{status}」にしました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="169"/>
        <source>Action</source>
        <translation>対策</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="180"/>
        <source>Action done.</source>
        <translation>対策を完了にしました。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/incidents/incident_pages.py" line="188"/>
        <source>Action removed.</source>
        <translation>対策を外しました。</translation>
    </message>
</context>
</TS>
