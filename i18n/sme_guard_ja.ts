<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>CatalogTab</name>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="38" />
        <source>Search items and sheets (any field, Japanese or English)</source>
        <translation>管理項目・業務シートを検索(すべての欄、日本語・英語)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="43" />
        <source>Language of the guideline text</source>
        <translation>ガイドライン本文の言語</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="59" />
        <source>Search:</source>
        <translation>検索:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="61" />
        <source>Text language:</source>
        <translation>本文の言語:</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/catalog/catalog_tab.py" line="123" />
        <source>Nothing in the catalog matches “{query}”.</source>
        <translation>「{query}」に一致する項目はカタログにありません。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="27" />
        <source>SME Guard</source>
        <translation>SMEガード</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="32" />
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/errors.py" line="33" />
        <source>Something went wrong that SME Guard did not expect. Your saved data is safe; the last action may not have been completed.

The details were written to:
{log}</source>
        <translation>SMEガードで予期しない問題が発生しました。保存済みのデータは安全ですが、直前の操作は完了していない可能性があります。

詳細は次のファイルに記録しました:
{log}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="35" />
        <source>SME Guard — information security registers</source>
        <translation>SMEガード 情報セキュリティ管理台帳</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="54" />
        <source>Home</source>
        <translation>ホーム</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="56" />
        <source>What is due or overdue — recurring checks, stock-takes, open incidents, plan reviews and assessment targets — will be listed here.</source>
        <translation>定期点検・棚卸・対応中の障害・事故・計画の見直し・自己点検の目標日など、期限が来たもの・過ぎたものをここに一覧表示します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="61" />
        <source>Asset registers</source>
        <translation>資産台帳</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="63" />
        <source>Registers of storage media (control 9), smart devices (control 10) and ID badges (task sheet No.1), with stock-take and Excel import/export, will be here.</source>
        <translation>記憶媒体(管理項目9)・スマートデバイス(管理項目10)・社員証(業務No.1)の台帳を、棚卸とExcelの出力・取込とともにここで管理します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="68" />
        <source>Employees</source>
        <translation>従業員</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="70" />
        <source>The list of employees — regular, contract, agency and part-time staff — and what each leaver still holds will be here.</source>
        <translation>正社員・契約社員・派遣社員・パート・アルバイトの名簿と、退職者がまだ返却していないものをここに表示します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="75" />
        <source>Incidents</source>
        <translation>障害・事故</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="77" />
        <source>The incident log (when, who, what, how, result; root cause and prevention, control 3) and the emergency contact tree will be here.</source>
        <translation>障害・事故の記録(いつ・誰が・何を・どのようにして・結果、根本原因と再発防止、管理項目3)と緊急連絡網をここで管理します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="82" />
        <source>IT continuity</source>
        <translation>IT継続計画</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="84" />
        <source>IT-continuity plans per system, with recovery steps, disaster scenarios and drills (control 4), will be here.</source>
        <translation>システムごとのIT継続計画(復旧手順・災害シナリオ・訓練、管理項目4)をここで管理します。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="89" />
        <source>Self-assessment</source>
        <translation>自己点検</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="91" />
        <source>Dated self-assessments against every control measure and task sheet of the guideline, with scores and progress over time, will be here.</source>
        <translation>ガイドラインのすべての管理策と業務シートに対する日付付きの自己点検を、点数と経過とともにここで行います。</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="96" />
        <source>Coming in a later version</source>
        <translation>今後のバージョンで追加予定です</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="109" />
        <source>The catalog could not be loaded</source>
        <translation>カタログを読み込めませんでした</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="110" />
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="113" />
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="114" />
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="118" />
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="119" />
        <source>&amp;About SME Guard</source>
        <translation>SMEガードについて(&amp;A)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="124" />
        <source>(not open)</source>
        <translation>(開いていません)</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="126" />
        <source>&lt;h3&gt;SME Guard {version}&lt;/h3&gt;&lt;p&gt;Information-security registers, incident log, continuity plans and self-assessment for a small office, after the JNSA guideline.&lt;/p&gt;&lt;p&gt;Database: {database}&lt;br&gt;Data folder: {folder}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SMEガード {version}&lt;/h3&gt;&lt;p&gt;JNSA の手引きに沿って、小さな事業所の情報セキュリティ台帳・障害・事故記録・IT継続計画・自己点検を管理するアプリです。&lt;/p&gt;&lt;p&gt;データベース: {database}&lt;br&gt;データフォルダ: {folder}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="135" />
        <source>About SME Guard</source>
        <translation>SMEガードについて</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="139" />
        <source>Opening {path} …</source>
        <translation>{path} を開いています…</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="144" />
        <source>Database: {path}</source>
        <translation>データベース: {path}</translation>
    </message>
    <message>
        <location filename="../sme_guard/ui/main_window.py" line="148" />
        <source>No database open</source>
        <translation>データベースが開かれていません</translation>
    </message>
</context>
</TS>