<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessLevel</name>
    <message>
        <source>Administrative</source>
        <translation>Administrativ</translation>
    </message>
    <message>
        <source>Everything the platform API offers, users and spaces included.</source>
        <translation>Alles, was die Plattform-API bietet, einschließlich Benutzern und Spaces.</translation>
    </message>
    <message>
        <source>Managing Editorial</source>
        <translation>Redaktionsleitung</translation>
    </message>
    <message>
        <source>Create, configure and delete channels, pages and plugins.</source>
        <translation>Kanäle, Seiten und Plugins erstellen, konfigurieren und löschen.</translation>
    </message>
    <message>
        <source>Editorial</source>
        <translation>Redaktion</translation>
    </message>
    <message>
        <source>Change content in channels, pages and plugins, including comments and menus.</source>
        <translation>Inhalte in Kanälen, Seiten und Plugins ändern, einschließlich Kommentaren und Menüs.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur Lesen</translation>
    </message>
    <message>
        <source>Read published content and analytics.</source>
        <translation>Veröffentlichte Inhalte und Analysen lesen.</translation>
    </message>
    <message>
        <source>Restricted Read-only</source>
        <translation>Nur Lesen (eingeschränkt)</translation>
    </message>
    <message>
        <source>Read content in the public area only.</source>
        <translation>Nur Inhalte im öffentlichen Bereich lesen.</translation>
    </message>
    <message>
        <source>an empty string</source>
        <translation>eine leere Zeichenkette</translation>
    </message>
    <message>
        <source>%1 is not an access level; expected one of %2.</source>
        <translation>%1 ist keine Zugriffsebene; erwartet wird eine von %2.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::AboutDialog</name>
    <message>
        <source>About API Access Studio</source>
        <translation>Über API Access Studio</translation>
    </message>
    <message>
        <source>API Access Studio</source>
        <translation>API Access Studio</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Manage the API tokens that third-party services use: create, copy, rotate, disable and delete them, and limit where each may be used from.</source>
        <translation>Verwalten Sie die API-Token, die Dienste von Drittanbietern verwenden: erstellen, kopieren, rotieren, deaktivieren und löschen Sie sie, und legen Sie fest, von wo aus jedes verwendet werden darf.</translation>
    </message>
    <message>
        <source>Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.</source>
        <translation>Lizenziert unter der &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on Qt %2), QtKeychain for the system keychain, SQLite through Qt SQL for the offline copy, and %3 for secure connections. Each is used under its own licence; see the licenses folder installed with the Studio.</source>
        <translation>Erstellt mit Qt %1 (läuft mit Qt %2), QtKeychain für den Schlüsselbund des Systems, SQLite über Qt SQL für die Offline-Kopie und %3 für sichere Verbindungen. Jede dieser Bibliotheken wird unter ihrer eigenen Lizenz verwendet; siehe den Ordner „licenses“, der mit dem Studio installiert wird.</translation>
    </message>
    <message>
        <source>the system&apos;s TLS library</source>
        <translation>die TLS-Bibliothek des Systems</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ApiClient</name>
    <message>
        <source>the sign-in answer lacks sessionToken, expiresAt or username</source>
        <translation>in der Antwort auf die Anmeldung fehlt sessionToken, expiresAt oder username</translation>
    </message>
    <message>
        <source>the list does not advance</source>
        <translation>die Liste kommt nicht voran</translation>
    </message>
    <message>
        <source>the answer has no token</source>
        <translation>die Antwort enthält kein Token</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ApiTokensPage</name>
    <message>
        <source>API Tokens</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Tokens let third-party services use the API on your behalf, each with its own access level and allowed addresses.</source>
        <translation>Mit Token können Dienste von Drittanbietern die API in Ihrem Namen nutzen – jedes mit eigener Zugriffsebene und eigenen erlaubten Adressen.</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Token durchsuchen</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Filter by access level</source>
        <translation>Nach Zugriffsebene filtern</translation>
    </message>
    <message>
        <source>All access levels</source>
        <translation>Alle Zugriffsebenen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Create API token</source>
        <translation>API-Token erstellen</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Token “%1” created. Copy it now to paste it into the service that will use it.</source>
        <translation>Token „%1“ erstellt. Kopieren Sie es jetzt, um es in den Dienst einzufügen, der es verwenden wird.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotieren…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>Aktivieren…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Liste aktualisieren</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Access &amp;level:</source>
        <translation>&amp;Zugriffsebene:</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n tokens…</source>
        <translation>
            <numerusform>%n Token deaktivieren…</numerusform>
            <numerusform>%n Token deaktivieren…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n tokens…</source>
        <translation>
            <numerusform>%n Token aktivieren…</numerusform>
            <numerusform>%n Token aktivieren…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tokens…</source>
        <translation>
            <numerusform>%n Token löschen…</numerusform>
            <numerusform>%n Token löschen…</numerusform>
        </translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>Sie sind abgemeldet</translation>
    </message>
    <message>
        <source>Sign in to see and manage the API tokens of this server.</source>
        <translation>Melden Sie sich an, um die API-Token dieses Servers zu sehen und zu verwalten.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>The tokens could not be loaded</source>
        <translation>Die Token konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>Loading tokens…</source>
        <translation>Token werden geladen…</translation>
    </message>
    <message>
        <source>The list appears as soon as the server answers.</source>
        <translation>Die Liste erscheint, sobald der Server antwortet.</translation>
    </message>
    <message>
        <source>No tokens yet</source>
        <translation>Noch keine Token</translation>
    </message>
    <message>
        <source>Create a token for each service that should use the API, with the access level it needs and the addresses it may come from.</source>
        <translation>Erstellen Sie ein Token für jeden Dienst, der die API verwenden soll, mit der Zugriffsebene, die er braucht, und den Adressen, von denen er kommen darf.</translation>
    </message>
    <message>
        <source>No tokens match</source>
        <translation>Keine passenden Token</translation>
    </message>
    <message>
        <source>%1 The list below may be out of date; actions are unavailable until the list is refreshed.</source>
        <translation>%1 Die Liste unten ist möglicherweise veraltet; Aktionen sind erst nach einer Aktualisierung wieder möglich.</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>Suche „%1“</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>access level: %1</source>
        <translation>Zugriffsebene: %1</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n tokens (%2).</source>
        <translation>
            <numerusform>%1 von %n Token angezeigt (%2).</numerusform>
            <numerusform>%1 von %n Token angezeigt (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>No token matches these filters: %1.</source>
        <translation>Kein Token passt zu diesen Filtern: %1.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::BulkProgressDialog</name>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop after the token being changed now</source>
        <translation>Nach dem Token anhalten, das gerade geändert wird</translation>
    </message>
    <message>
        <source>Stopping after the current token…</source>
        <translation>Wird nach dem aktuellen Token angehalten…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ConfirmActionDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Disable API token</source>
        <translation>API-Token deaktivieren</translation>
    </message>
    <message>
        <source>Enable API token</source>
        <translation>API-Token aktivieren</translation>
    </message>
    <message>
        <source>Delete API token</source>
        <translation>API-Token löschen</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n API tokens</source>
        <translation>
            <numerusform>%n API-Token deaktivieren</numerusform>
            <numerusform>%n API-Token deaktivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n API tokens</source>
        <translation>
            <numerusform>%n API-Token aktivieren</numerusform>
            <numerusform>%n API-Token aktivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n API tokens</source>
        <translation>
            <numerusform>%n API-Token löschen</numerusform>
            <numerusform>%n API-Token löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable “%1”?</source>
        <translation>„%1“ deaktivieren?</translation>
    </message>
    <message>
        <source>Enable “%1”?</source>
        <translation>„%1“ aktivieren?</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message numerus="yes">
        <source>Disable these %n tokens?</source>
        <translation>
            <numerusform>Dieses %n Token deaktivieren?</numerusform>
            <numerusform>Diese %n Token deaktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable these %n tokens?</source>
        <translation>
            <numerusform>Dieses %n Token aktivieren?</numerusform>
            <numerusform>Diese %n Token aktivieren?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n tokens?</source>
        <translation>
            <numerusform>Dieses %n Token löschen?</numerusform>
            <numerusform>Diese %n Token löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Integrations using this token stop working until it is enabled again.</source>
        <translation>Integrationen, die dieses Token verwenden, funktionieren nicht mehr, bis es wieder aktiviert wird.</translation>
    </message>
    <message>
        <source>Integrations using these tokens stop working until they are enabled again.</source>
        <translation>Integrationen, die diese Token verwenden, funktionieren nicht mehr, bis sie wieder aktiviert werden.</translation>
    </message>
    <message>
        <source>Integrations using this token can connect again.</source>
        <translation>Integrationen, die dieses Token verwenden, können sich wieder verbinden.</translation>
    </message>
    <message>
        <source>Integrations using these tokens can connect again.</source>
        <translation>Integrationen, die diese Token verwenden, können sich wieder verbinden.</translation>
    </message>
    <message>
        <source>Integrations using this token stop working. This cannot be undone.</source>
        <translation>Integrationen, die dieses Token verwenden, funktionieren nicht mehr. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Integrations using these tokens stop working. This cannot be undone.</source>
        <translation>Integrationen, die diese Token verwenden, funktionieren nicht mehr. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deletes for good; this cannot be undone</source>
        <translation>Löscht endgültig; das kann nicht rückgängig gemacht werden</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ConflictDialog</name>
    <message>
        <source>Any address</source>
        <translation>Jede Adresse</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>API token changed</source>
        <translation>API-Token wurde geändert</translation>
    </message>
    <message>
        <source>Someone else changed “%1” while you were editing it.</source>
        <translation>Jemand anderes hat „%1“ geändert, während Sie es bearbeitet haben.</translation>
    </message>
    <message>
        <source>%1 (you changed this too)</source>
        <translation>%1 (auch von Ihnen geändert)</translation>
    </message>
    <message>
        <source>None of the fields you can edit changed; only the version did.</source>
        <translation>Keines der bearbeitbaren Felder wurde geändert, nur die Version.</translation>
    </message>
    <message>
        <source>Their changes</source>
        <translation>Die anderen Änderungen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Show their version; your changes are discarded</source>
        <translation>Die andere Version anzeigen; Ihre Änderungen werden verworfen</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Save your version; their changes to the same fields are replaced</source>
        <translation>Ihre Version speichern; die anderen Änderungen an denselben Feldern werden ersetzt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>Name: „%1“ → „%2“</translation>
    </message>
    <message>
        <source>Access level: %1 → %2</source>
        <translation>Zugriffsebene: %1 → %2</translation>
    </message>
    <message>
        <source>Allowed IP Ranges: %1 → %2</source>
        <translation>Erlaubte IP-Bereiche: %1 → %2</translation>
    </message>
    <message>
        <source>Expires: %1 → %2</source>
        <translation>Läuft ab: %1 → %2</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>Status: %1 → %2</translation>
    </message>
</context>
<context>
    <name>ApiAccess::CopyTokenCommand</name>
    <message>
        <source>Copying token…</source>
        <translation>Token wird kopiert…</translation>
    </message>
    <message>
        <source>The token was not copied</source>
        <translation>Das Token wurde nicht kopiert</translation>
    </message>
    <message>
        <source>Sign in again to copy the token</source>
        <translation>Melden Sie sich erneut an, um das Token zu kopieren</translation>
    </message>
</context>
<context>
    <name>ApiAccess::CreateTokenCommand</name>
    <message>
        <source>Creating token…</source>
        <translation>Token wird erstellt…</translation>
    </message>
    <message>
        <source>Token “%1” created</source>
        <translation>Token „%1“ erstellt</translation>
    </message>
    <message>
        <source>Creating the token was canceled</source>
        <translation>Das Erstellen des Tokens wurde abgebrochen</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again and the token will be created.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, dann wird das Token erstellt.</translation>
    </message>
    <message>
        <source>The token was not created. Click Retry to try again.</source>
        <translation>Das Token wurde nicht erstellt. Klicken Sie auf „Erneut versuchen“, um es noch einmal zu versuchen.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::EditTokenCommand</name>
    <message>
        <source>Loading the token…</source>
        <translation>Token wird geladen…</translation>
    </message>
    <message>
        <source>Could not open the token: %1</source>
        <translation>Das Token konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Token wird gespeichert…</translation>
    </message>
    <message>
        <source>Token “%1” saved</source>
        <translation>Token „%1“ gespeichert</translation>
    </message>
    <message>
        <source>Saving the token was canceled</source>
        <translation>Das Speichern des Tokens wurde abgebrochen</translation>
    </message>
    <message>
        <source>This token no longer exists: someone deleted it.</source>
        <translation>Dieses Token existiert nicht mehr: Jemand hat es gelöscht.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again and your changes will be saved.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, dann werden Ihre Änderungen gespeichert.</translation>
    </message>
    <message>
        <source>Someone else changed the token; loading their version…</source>
        <translation>Jemand anderes hat das Token geändert; die andere Version wird geladen…</translation>
    </message>
    <message>
        <source>Showing the current version of “%1”</source>
        <translation>Aktuelle Version von „%1“ wird angezeigt</translation>
    </message>
    <message>
        <source>The token was not opened</source>
        <translation>Das Token wurde nicht geöffnet</translation>
    </message>
    <message>
        <source>Your changes were not saved. Click Retry to try again.</source>
        <translation>Ihre Änderungen wurden nicht gespeichert. Klicken Sie auf „Erneut versuchen“, um es noch einmal zu versuchen.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ExpanderSection</name>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>expanded</source>
        <translation>ausgeklappt</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>eingeklappt</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ExpiryFeedback</name>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 Tagen</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 Tagen</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>In 365 Tagen</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>An einem Datum…</translation>
    </message>
    <message>
        <source>The expiry date must be in the future.</source>
        <translation>Das Ablaufdatum muss in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>The token never expires.</source>
        <translation>Das Token läuft nie ab.</translation>
    </message>
    <message>
        <source>Expired on %1 at %2</source>
        <translation>Abgelaufen am %1 um %2</translation>
    </message>
    <message>
        <source>Expires on %1 at %2</source>
        <translation>Läuft ab am %1 um %2</translation>
    </message>
</context>
<context>
    <name>ApiAccess::IpRangesFeedback</name>
    <message>
        <source>Error: Line %1: %2</source>
        <translation>Fehler: Zeile %1: %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Any address can use this token.</source>
        <translation>Jede Adresse kann dieses Token verwenden.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Only addresses in %1 can use this token.</source>
        <translation>Nur Adressen in %1 können dieses Token verwenden.</translation>
    </message>
    <message>
        <source>Only addresses in the %1 ranges above can use this token.</source>
        <translation>Nur Adressen in den %1 Bereichen oben können dieses Token verwenden.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::MainWindow</name>
    <message>
        <source>API Access</source>
        <translation>API-Zugriff</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Token durchsuchen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>API Access — %1</source>
        <translation>API-Zugriff – %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>Zuletzt aktualisiert: %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Signed in as %1 on another server or as another user: the actions that failed were not repeated</source>
        <translation>Als %1 auf einem anderen Server oder als anderer Benutzer angemeldet: Die fehlgeschlagenen Aktionen wurden nicht wiederholt</translation>
    </message>
    <message>
        <source>Signed out here; the server could not be told: %1</source>
        <translation>Hier abgemeldet; der Server konnte nicht benachrichtigt werden: %1</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>Loading tokens…</source>
        <translation>Token werden geladen…</translation>
    </message>
    <message>
        <source>Could not load the tokens: %1</source>
        <translation>Die Token konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Offline copy from %1 (read-only). The server cannot be reached: %2</source>
        <translation>Offline-Kopie vom %1 (schreibgeschützt). Der Server ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Offline copy from %1 (read-only); loading the current list…</source>
        <translation>Offline-Kopie vom %1 (schreibgeschützt); die aktuelle Liste wird geladen…</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>“%1” was not copied.</source>
        <translation>„%1“ wurde nicht kopiert.</translation>
    </message>
    <message>
        <source>Could not open the token: %1</source>
        <translation>Das Token konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>“%1” was rotated. Copy the new token now and update the integrations that use it.</source>
        <translation>„%1“ wurde rotiert. Kopieren Sie jetzt das neue Token und aktualisieren Sie die Integrationen, die es verwenden.</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens loaded</source>
        <translation>
            <numerusform>%n Token geladen</numerusform>
            <numerusform>%n Token geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Create API token…</source>
        <translation>API-Token erstellen…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>About API Access Studio</source>
        <translation>Über API Access Studio</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Über Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Selected tokens</source>
        <translation>Ausgewählte Token</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Open the actions menu</source>
        <translation>Aktionsmenü öffnen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::MessageBar</name>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfileController</name>
    <message>
        <source>Manage profiles…</source>
        <translation>Profile verwalten…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfileEditDialog</name>
    <message>
        <source>Add connection profile</source>
        <translation>Verbindungsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit connection profile</source>
        <translation>Verbindungsprofil bearbeiten</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://tokens.example.com</source>
        <translation>https://tokens.example.com</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Zusätzliches CA-Zertifikat</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authorities to trust for this server besides the system&apos;s, such as a company CA.</source>
        <translation>Eine PEM-Datei mit Zertifizierungsstellen, denen für diesen Server zusätzlich zu denen des Systems vertraut wird, etwa einer Unternehmens-CA.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for the extra CA certificate</source>
        <translation>Nach dem zusätzlichen CA-Zertifikat suchen</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</source>
        <translation>Speichert die Sitzung – niemals das Passwort – im Schlüsselbund des Systems, damit das Studio beim nächsten Start angemeldet öffnet.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the extra CA certificate</source>
        <translation>Zusätzliches CA-Zertifikat auswählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Left empty, the profile is named %1.</source>
        <translation>Bleibt das Feld leer, heißt das Profil %1.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfilesDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a connection profile</source>
        <translation>Ein Verbindungsprofil hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the connection profile</source>
        <translation>Das Verbindungsprofil bearbeiten</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Remove the connection profile</source>
        <translation>Das Verbindungsprofil entfernen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the connection profile</source>
        <translation>Das Verbindungsprofil öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(aktuell)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Remove connection profile</source>
        <translation>Verbindungsprofil entfernen</translation>
    </message>
    <message>
        <source>Remove the connection profile “%1”?</source>
        <translation>Das Verbindungsprofil „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its kept session and its offline copy of the tokens are deleted too. The tokens on the server stay as they are.</source>
        <translation>Die gespeicherte Sitzung und die Offline-Kopie der Token werden ebenfalls gelöscht. Die Token auf dem Server bleiben unverändert.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ApiAccess::RotateDialog</name>
    <message>
        <source>Rotate API token</source>
        <translation>API-Token rotieren</translation>
    </message>
    <message>
        <source>Rotate “%1”?</source>
        <translation>„%1“ rotieren?</translation>
    </message>
    <message>
        <source>A new secret replaces the current one. The token ID and permissions stay the same. Integrations using this token must be updated with the new token.</source>
        <translation>Ein neues Secret ersetzt das aktuelle. Token-ID und Berechtigungen bleiben gleich. Integrationen, die dieses Token verwenden, müssen mit dem neuen Token aktualisiert werden.</translation>
    </message>
    <message>
        <source>No time: it stops working at once</source>
        <translation>Gar nicht: Es funktioniert sofort nicht mehr</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>Keep the previous secret valid for</source>
        <translation>Bisheriges Secret gültig lassen für</translation>
    </message>
    <message>
        <source>What happens to the previous secret</source>
        <translation>Was mit dem bisherigen Secret geschieht</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Integrations using the current token stop working as soon as you rotate.</source>
        <translation>Integrationen, die das aktuelle Token verwenden, funktionieren nicht mehr, sobald Sie rotieren.</translation>
    </message>
    <message>
        <source>Integrations keep working with the previous token for %1, until %2 at %3.</source>
        <translation>Integrationen funktionieren mit dem bisherigen Token noch %1 weiter, bis %2 um %3.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::RotateTokenCommand</name>
    <message>
        <source>Rotating…</source>
        <translation>Wird rotiert…</translation>
    </message>
    <message>
        <source>Rotating “%1”…</source>
        <translation>„%1“ wird rotiert…</translation>
    </message>
    <message>
        <source>Token “%1” rotated</source>
        <translation>Token „%1“ rotiert</translation>
    </message>
    <message>
        <source>Sign in again to rotate the token</source>
        <translation>Melden Sie sich erneut an, um das Token zu rotieren</translation>
    </message>
    <message>
        <source>Rotate API token</source>
        <translation>API-Token rotieren</translation>
    </message>
    <message>
        <source>“%1” was not rotated.</source>
        <translation>„%1“ wurde nicht rotiert.</translation>
    </message>
    <message>
        <source>The token was not rotated</source>
        <translation>Das Token wurde nicht rotiert</translation>
    </message>
    <message>
        <source>the token came without an ETag</source>
        <translation>das Token kam ohne ETag</translation>
    </message>
    <message>
        <source>“%1” may not have been rotated.</source>
        <translation>„%1“ wurde möglicherweise nicht rotiert.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SandboxLauncher</name>
    <message>
        <source>The sandbox server did not report that it was ready within %1 seconds.</source>
        <translation>Der Sandbox-Server hat nicht innerhalb von %1 Sekunden seine Bereitschaft gemeldet.</translation>
    </message>
    <message>
        <source>The sandbox needs the program %1, but it is neither next to the Studio nor on the PATH.</source>
        <translation>Die Sandbox benötigt das Programm %1, es liegt aber weder neben dem Studio noch im PATH.</translation>
    </message>
    <message>
        <source>The sandbox server program %1 does not exist or cannot be run.</source>
        <translation>Das Sandbox-Serverprogramm %1 existiert nicht oder kann nicht ausgeführt werden.</translation>
    </message>
    <message>
        <source>Cannot create the private sandbox folder %1.</source>
        <translation>Der private Sandbox-Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Preparing the sandbox…</source>
        <translation>Sandbox wird vorbereitet…</translation>
    </message>
    <message>
        <source>Cannot run the sandbox server program %1: %2</source>
        <translation>Das Sandbox-Serverprogramm %1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 failed: the server program crashed.</source>
        <translation>%1 fehlgeschlagen: Das Serverprogramm ist abgestürzt.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 fehlgeschlagen (Exit-Code %2).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Setting up the sandbox</source>
        <translation>Einrichten der Sandbox</translation>
    </message>
    <message>
        <source>Reading the sandbox&apos;s administrators</source>
        <translation>Lesen der Administratoren der Sandbox</translation>
    </message>
    <message>
        <source>Setting up the sandbox administrator</source>
        <translation>Einrichten des Sandbox-Administrators</translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation>Sandbox-Server wird gestartet…</translation>
    </message>
    <message>
        <source>The sandbox server printed something unexpected instead of its address: %1</source>
        <translation>Der Sandbox-Server hat statt seiner Adresse etwas Unerwartetes ausgegeben: %1</translation>
    </message>
    <message>
        <source>Signing in to the sandbox…</source>
        <translation>Anmeldung bei der Sandbox…</translation>
    </message>
    <message>
        <source>Cannot sign in to the sandbox server: %1</source>
        <translation>Anmeldung beim Sandbox-Server nicht möglich: %1</translation>
    </message>
    <message>
        <source>Sandbox running at %1.</source>
        <translation>Sandbox läuft unter %1.</translation>
    </message>
    <message>
        <source>Stopping the sandbox server…</source>
        <translation>Sandbox-Server wird beendet…</translation>
    </message>
    <message>
        <source>Starting the sandbox server</source>
        <translation>Starten des Sandbox-Servers</translation>
    </message>
    <message>
        <source>The sandbox server crashed.</source>
        <translation>Der Sandbox-Server ist abgestürzt.</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly (exit code %1).</source>
        <translation>Der Sandbox-Server wurde unerwartet beendet (Exit-Code %1).</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly: %1</source>
        <translation>Der Sandbox-Server wurde unerwartet beendet: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SecretClipboard</name>
    <message>
        <source>Token copied — clipboard clears in %1 s</source>
        <translation>Token kopiert – Zwischenablage wird in %1 s geleert</translation>
    </message>
    <message>
        <source>Token copied</source>
        <translation>Token kopiert</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SessionKeychain</name>
    <message>
        <source>The session is incomplete and was not saved.</source>
        <translation>Die Sitzung ist unvollständig und wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The saved session in the keychain could not be read; you will have to sign in again.</source>
        <translation>Die im Schlüsselbund gespeicherte Sitzung konnte nicht gelesen werden; Sie müssen sich erneut anmelden.</translation>
    </message>
    <message>
        <source>No connection profile was named.</source>
        <translation>Es wurde kein Verbindungsprofil angegeben.</translation>
    </message>
    <message>
        <source>No keychain is available (no D-Bus session bus); you will have to sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar (kein D-Bus-Sitzungsbus); Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>No keychain is available (Secret Service not running); you will have to sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar (Secret Service läuft nicht); Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access; you will have to sign in again next time.</source>
        <translation>Der Schlüsselbund ist gesperrt oder hat den Zugriff verweigert; Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>The keychain did not answer within a second; you will have to sign in again next time.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb einer Sekunde geantwortet; Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n seconds; you will have to sign in again next time.</source>
        <translation>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunde geantwortet; Sie müssen sich beim nächsten Mal erneut anmelden.</numerusform>
            <numerusform>Der Schlüsselbund hat nicht innerhalb von %n Sekunden geantwortet; Sie müssen sich beim nächsten Mal erneut anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No session is saved for this connection.</source>
        <translation>Für diese Verbindung ist keine Sitzung gespeichert.</translation>
    </message>
    <message>
        <source>The keychain could not delete the saved session (%1).</source>
        <translation>Der Schlüsselbund konnte die gespeicherte Sitzung nicht löschen (%1).</translation>
    </message>
    <message>
        <source>The keychain reported an error (%1).</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet (%1).</translation>
    </message>
    <message>
        <source>No keychain is available; you will have to sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar; Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SignInCommand</name>
    <message>
        <source>Signing in to %1…</source>
        <translation>Anmeldung bei %1…</translation>
    </message>
    <message>
        <source>The local sandbox is already running or stopping. Try again in a moment.</source>
        <translation>Die lokale Sandbox läuft bereits oder wird gerade beendet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Lokale Sandbox wird gestartet…</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>Benutzername oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>Die lokale Sandbox konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>https://tokens.example.com</source>
        <translation>https://tokens.example.com</translation>
    </message>
    <message>
        <source>Send the password without encryption to this server</source>
        <translation>Passwort unverschlüsselt an diesen Server senden</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <source>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</source>
        <translation>Speichert die Sitzung – niemals das Passwort – im Schlüsselbund des Systems, damit das Studio beim nächsten Start angemeldet öffnet.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <source>Start local sandbox</source>
        <translation>Lokale Sandbox starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter the address of the token server.</source>
        <translation>Geben Sie die Adresse des Token-Servers ein.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http://).</source>
        <translation>Die Adresse muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>The address needs a host name, as in https://tokens.example.com.</source>
        <translation>Die Adresse braucht einen Hostnamen, etwa https://tokens.example.com.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::StudioStartup</name>
    <message>
        <source>Timed out waiting for the token list.</source>
        <translation>Zeitüberschreitung beim Warten auf die Tokenliste.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation>Die lokale Sandbox ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenDialog</name>
    <message>
        <source>Create API token</source>
        <translation>API-Token erstellen</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Token Name</source>
        <translation>Tokenname</translation>
    </message>
    <message>
        <source>Required. Up to 100 characters, for example the service that will use the token.</source>
        <translation>Pflichtfeld. Bis zu 100 Zeichen, zum Beispiel der Dienst, der das Token verwenden wird.</translation>
    </message>
    <message>
        <source>For example: RSS reader</source>
        <translation>Zum Beispiel: RSS-Reader</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Zugriffsebene</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Allowed IP Ranges</source>
        <translation>Erlaubte IP-Bereiche</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges allowed to use this token, one per line (commas also separate). Leave empty to allow any address.</source>
        <translation>IP-Adressen oder CIDR-Bereiche, die dieses Token verwenden dürfen, eine pro Zeile (Kommas trennen ebenfalls). Leer lassen, um jede Adresse zu erlauben.</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges, one per line. Empty allows any address.</source>
        <translation>IP-Adressen oder CIDR-Bereiche, eine pro Zeile. Leer erlaubt jede Adresse.</translation>
    </message>
    <message>
        <source>203.0.113.0/24
2001:db8::/32</source>
        <translation>203.0.113.0/24
2001:db8::/32</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>When the token stops working: never, after a number of days, or at the end of a date you choose.</source>
        <translation>Wann das Token nicht mehr funktioniert: nie, nach einer Anzahl von Tagen oder am Ende eines von Ihnen gewählten Tages.</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>The token works until the end of this day, in your time zone.</source>
        <translation>Das Token funktioniert bis zum Ende dieses Tages in Ihrer Zeitzone.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>Creating the token</source>
        <translation>Token wird erstellt</translation>
    </message>
    <message>
        <source>Edit API token</source>
        <translation>API-Token bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saving the token</source>
        <translation>Token wird gespeichert</translation>
    </message>
    <message>
        <source>Token Name feedback</source>
        <translation>Rückmeldung zum Tokennamen</translation>
    </message>
    <message>
        <source>Access level description</source>
        <translation>Beschreibung der Zugriffsebene</translation>
    </message>
    <message>
        <source>Access level feedback</source>
        <translation>Rückmeldung zur Zugriffsebene</translation>
    </message>
    <message>
        <source>Allowed IP Ranges feedback</source>
        <translation>Rückmeldung zu den erlaubten IP-Bereichen</translation>
    </message>
    <message>
        <source>Expires feedback</source>
        <translation>Rückmeldung zum Ablauf</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenRowDelegate</name>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenStateCommand</name>
    <message>
        <source>Disable API tokens</source>
        <translation>API-Token deaktivieren</translation>
    </message>
    <message>
        <source>Enable API tokens</source>
        <translation>API-Token aktivieren</translation>
    </message>
    <message>
        <source>Delete API tokens</source>
        <translation>API-Token löschen</translation>
    </message>
    <message>
        <source>Disabling…</source>
        <translation>Wird deaktiviert…</translation>
    </message>
    <message>
        <source>Enabling…</source>
        <translation>Wird aktiviert…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message numerus="yes">
        <source>%n token disabled</source>
        <translation>
            <numerusform>%n Token deaktiviert</numerusform>
            <numerusform>%n Token deaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens disabled</source>
        <translation>
            <numerusform>%n Token deaktiviert</numerusform>
            <numerusform>%n Token deaktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token enabled</source>
        <translation>
            <numerusform>%n Token aktiviert</numerusform>
            <numerusform>%n Token aktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens enabled</source>
        <translation>
            <numerusform>%n Token aktiviert</numerusform>
            <numerusform>%n Token aktiviert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token deleted</source>
        <translation>
            <numerusform>%n Token gelöscht</numerusform>
            <numerusform>%n Token gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens deleted</source>
        <translation>
            <numerusform>%n Token gelöscht</numerusform>
            <numerusform>%n Token gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 of %3): “%4”</source>
        <translation>%1 (%2 von %3): „%4“</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>Es existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Not tried: stopped.</source>
        <translation>Nicht versucht: angehalten.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>%1; %2 failed</source>
        <translation>%1; %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>“%1” could not be changed.</source>
        <translation>„%1“ konnte nicht geändert werden.</translation>
    </message>
    <message>
        <source>%1. These could not be changed:</source>
        <translation>%1. Diese konnten nicht geändert werden:</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Zugriffsebene</translation>
    </message>
    <message>
        <source>Allowed IP Ranges</source>
        <translation>Erlaubte IP-Bereiche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Token ID: %1
Use the copy button or Ctrl+C to copy the token.</source>
        <translation>Token-ID: %1
Kopieren Sie das Token mit der Kopierschaltfläche oder mit Strg+C.</translation>
    </message>
    <message>
        <source>Any address can use this token</source>
        <translation>Jede Adresse kann dieses Token verwenden</translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation>%1
von %2</translation>
    </message>
    <message>
        <source>This token has not been used yet</source>
        <translation>Dieses Token wurde noch nicht verwendet</translation>
    </message>
    <message>
        <source>%1
from %2</source>
        <translation>%1
von %2</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Jede Adresse</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Aktionen für %1</translation>
    </message>
    <message>
        <source>Token %1 of %2; the secret stays hidden. Press Ctrl+C to copy the token.</source>
        <translation>Token %1 von %2; das Secret bleibt verborgen. Drücken Sie Strg+C, um das Token zu kopieren.</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>unexpected or missing members: %1</source>
        <translation>unerwartete oder fehlende Felder: %1</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2.</source>
        <translation>Der Server unter %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>keine Verbindung</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>Der Server unter %1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused because its certificate is not trusted: %2.</source>
        <translation>Die sichere Verbindung zu %1 wurde abgelehnt, weil seinem Zertifikat nicht vertraut wird: %2.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in: the session has ended or the user name or password is wrong. Please sign in again.</source>
        <translation>Der Server hat Ihre Anmeldung nicht akzeptiert: Die Sitzung ist abgelaufen, oder Benutzername oder Passwort sind falsch. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>This token no longer exists on the server; it may have been deleted.</source>
        <translation>Dieses Token existiert auf dem Server nicht mehr; möglicherweise wurde es gelöscht.</translation>
    </message>
    <message>
        <source>Someone else changed this token in the meantime. Reload it and try again.</source>
        <translation>Jemand anderes hat dieses Token inzwischen geändert. Laden Sie es neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The server refused the values.</source>
        <translation>Der Server hat die Werte abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the value of %1: %2</source>
        <translation>Der Server hat den Wert von %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The server refused the value of %1: %2 (and %3 more)</source>
        <translation>Der Server hat den Wert von %1 abgelehnt: %2 (und %3 weitere)</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 seconds.</source>
        <translation>Zu viele Versuche. Versuchen Sie es in %1 Sekunden erneut.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Zu viele Versuche. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server at %1 had a problem (HTTP %2). Try again later.</source>
        <translation>Beim Server unter %1 ist ein Problem aufgetreten (HTTP %2). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The server at %1 gave an answer the Studio cannot read (%2).</source>
        <translation>Der Server unter %1 hat eine Antwort gegeben, die das Studio nicht lesen kann (%2).</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>Die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>the network is not available</source>
        <translation>das Netzwerk ist nicht verfügbar</translation>
    </message>
    <message>
        <source>the proxy failed</source>
        <translation>der Proxy ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>Unlesbare Antwort</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>Untrusted connection</source>
        <translation>Nicht vertrauenswürdige Verbindung</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The server address must start with https:// (or http://).</source>
        <translation>Die Serveradresse muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>The server address needs a host name, as in https://tokens.example.com.</source>
        <translation>Die Serveradresse braucht einen Hostnamen, etwa https://tokens.example.com.</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>Das Profil braucht einen Namen.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read: %1</source>
        <translation>Die CA-Zertifikatsdatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The CA certificate file holds no PEM certificate: %1</source>
        <translation>Die CA-Zertifikatsdatei enthält kein PEM-Zertifikat: %1</translation>
    </message>
</context>
<context>
    <name>IpAllowList</name>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>%1 is entry %2, but an allow-list can hold at most %3 entries; remove entries or combine them into wider ranges.</source>
        <translation>%1 ist Eintrag %2, eine Zulassungsliste kann aber höchstens %3 Einträge enthalten; entfernen Sie Einträge oder fassen Sie sie zu größeren Bereichen zusammen.</translation>
    </message>
    <message>
        <source>There is no entry here: an empty field between two commas, or a comma at the start or end of the line.</source>
        <translation>Hier steht kein Eintrag: ein leeres Feld zwischen zwei Kommas oder ein Komma am Anfang oder Ende der Zeile.</translation>
    </message>
    <message>
        <source>%1 will be stored as %2: IPv4-mapped IPv6 addresses are matched as IPv4.</source>
        <translation>%1 wird als %2 gespeichert: IPv4-gemappte IPv6-Adressen werden als IPv4 abgeglichen.</translation>
    </message>
    <message>
        <source>%1 will be stored as %2: the address bits after the prefix length are cleared.</source>
        <translation>%1 wird als %2 gespeichert: Die Adressbits nach der Präfixlänge werden auf null gesetzt.</translation>
    </message>
    <message>
        <source>%1 is the same range as %2 (%3); it is kept once.</source>
        <translation>%1 ist derselbe Bereich wie %2 (%3); er wird nur einmal übernommen.</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>%1 allows every %2 address.</source>
        <translation>%1 erlaubt jede %2-Adresse.</translation>
    </message>
    <message>
        <source>%1 is stored as %2 and allows every %3 address.</source>
        <translation>%1 wird als %2 gespeichert und erlaubt jede %3-Adresse.</translation>
    </message>
    <message>
        <source>%1 is already covered by %2 (%3), so it allows no further addresses.</source>
        <translation>%1 ist bereits durch %2 (%3) abgedeckt und erlaubt daher keine weiteren Adressen.</translation>
    </message>
</context>
<context>
    <name>IpRange</name>
    <message>
        <source>first</source>
        <translation>erste</translation>
    </message>
    <message>
        <source>second</source>
        <translation>zweite</translation>
    </message>
    <message>
        <source>third</source>
        <translation>dritte</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>vierte</translation>
    </message>
    <message>
        <source>The entry is empty: write an IPv4 or IPv6 address or a CIDR range.</source>
        <translation>Der Eintrag ist leer: Geben Sie eine IPv4- oder IPv6-Adresse oder einen CIDR-Bereich ein.</translation>
    </message>
    <message>
        <source>%1 has a zone id: zone ids like %eth0 are local to one host and cannot be used; remove the part from &apos;%&apos;.</source>
        <translation>%1 hat eine Zonen-ID: Zonen-IDs wie %eth0 gelten nur auf einem Host und können nicht verwendet werden; entfernen Sie den Teil ab „%“.</translation>
    </message>
    <message>
        <source>%1 contains white space: write one address or range per entry.</source>
        <translation>%1 enthält Leerraum: Geben Sie eine Adresse oder einen Bereich pro Eintrag ein.</translation>
    </message>
    <message>
        <source>%1 looks like a URL: write only the address, such as 192.0.2.10.</source>
        <translation>%1 sieht aus wie eine URL: Geben Sie nur die Adresse ein, etwa 192.0.2.10.</translation>
    </message>
    <message>
        <source>%1 has no address before the &apos;/&apos;.</source>
        <translation>%1 hat keine Adresse vor dem „/“.</translation>
    </message>
    <message>
        <source>%1 looks like an address with a port: ports cannot be part of an allowed range; remove %2.</source>
        <translation>%1 sieht aus wie eine Adresse mit Port: Ports können nicht Teil eines erlaubten Bereichs sein; entfernen Sie %2.</translation>
    </message>
    <message>
        <source>%1 is not an IP address or CIDR range; write an address such as 192.0.2.10 or 2001:db8::1, or a range such as 10.0.0.0/8.</source>
        <translation>%1 ist keine IP-Adresse und kein CIDR-Bereich; geben Sie eine Adresse wie 192.0.2.10 oder 2001:db8::1 oder einen Bereich wie 10.0.0.0/8 ein.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: it has an empty octet (a dot at the start or end, or two dots in a row).</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Sie hat ein leeres Oktett (ein Punkt am Anfang oder Ende oder zwei Punkte hintereinander).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: it needs exactly four octets separated by dots, like 192.0.2.10, but has %2 (shorthand such as 10.1 is not accepted).</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Sie braucht genau vier durch Punkte getrennte Oktette, wie 192.0.2.10, hat aber %2 (Kurzformen wie 10.1 werden nicht akzeptiert).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: wildcards like * are not supported; use a range such as 10.0.0.0/24.</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Platzhalter wie * werden nicht unterstützt; verwenden Sie einen Bereich wie 10.0.0.0/24.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 is not a decimal number (hexadecimal and octal forms are not accepted).</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Das %2 Oktett %3 ist keine Dezimalzahl (hexadezimale und oktale Schreibweisen werden nicht akzeptiert).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 has a leading zero, which some programs read as octal; write it without the zero.</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Das %2 Oktett %3 hat eine führende Null, die manche Programme als oktal lesen; schreiben Sie es ohne die Null.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 is above 255.</source>
        <translation>%1 ist keine gültige IPv4-Adresse: Das %2 Oktett %3 ist größer als 255.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv6 address: %2</source>
        <translation>%1 ist keine gültige IPv6-Adresse: %2</translation>
    </message>
    <message>
        <source>it begins with a single &apos;:&apos; (only &apos;::&apos; may start an address).</source>
        <translation>sie beginnt mit einem einzelnen „:“ (nur „::“ darf am Anfang einer Adresse stehen).</translation>
    </message>
    <message>
        <source>it ends with a single &apos;:&apos; (only &apos;::&apos; may end an address).</source>
        <translation>sie endet mit einem einzelnen „:“ (nur „::“ darf am Ende einer Adresse stehen).</translation>
    </message>
    <message>
        <source>the embedded IPv4 address %1 must be the last part of the address.</source>
        <translation>die eingebettete IPv4-Adresse %1 muss der letzte Teil der Adresse sein.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv6 address. In its embedded IPv4 part: %2</source>
        <translation>%1 ist keine gültige IPv6-Adresse. In ihrem eingebetteten IPv4-Teil: %2</translation>
    </message>
    <message>
        <source>the group %1 has more than four hexadecimal digits.</source>
        <translation>die Gruppe %1 hat mehr als vier Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>write the address without square brackets.</source>
        <translation>schreiben Sie die Adresse ohne eckige Klammern.</translation>
    </message>
    <message>
        <source>the character %1 cannot appear in an IPv6 address.</source>
        <translation>das Zeichen %1 darf in einer IPv6-Adresse nicht vorkommen.</translation>
    </message>
    <message>
        <source>&apos;::&apos; may appear only once (and &apos;:::&apos; never).</source>
        <translation>„::“ darf nur einmal vorkommen (und „:::“ nie).</translation>
    </message>
    <message>
        <source>it has more than eight groups.</source>
        <translation>sie hat mehr als acht Gruppen.</translation>
    </message>
    <message>
        <source>it has %1 groups but needs eight, or &apos;::&apos; to stand for the missing zero groups.</source>
        <translation>sie hat %1 Gruppen, braucht aber acht oder „::“ für die fehlenden Nullgruppen.</translation>
    </message>
    <message>
        <source>with &apos;::&apos; it can have at most seven other groups.</source>
        <translation>mit „::“ kann sie höchstens sieben weitere Gruppen haben.</translation>
    </message>
    <message>
        <source>%1 has nothing after &apos;/&apos;: add a prefix length such as /24, or remove the &apos;/&apos;.</source>
        <translation>%1 hat nichts nach dem „/“: Ergänzen Sie eine Präfixlänge wie /24 oder entfernen Sie den „/“.</translation>
    </message>
    <message>
        <source>%1 has more than one &apos;/&apos;; write one address or range per entry.</source>
        <translation>%1 enthält mehr als einen „/“; geben Sie eine Adresse oder einen Bereich pro Eintrag ein.</translation>
    </message>
    <message>
        <source>%1 uses netmask notation: write the prefix length /%2 instead of %3.</source>
        <translation>%1 verwendet die Netzmaskenschreibweise: Geben Sie die Präfixlänge /%2 statt %3 an.</translation>
    </message>
    <message>
        <source>%1 uses netmask notation: use a prefix length such as /8 instead of %2.</source>
        <translation>%1 verwendet die Netzmaskenschreibweise: Verwenden Sie eine Präfixlänge wie /8 statt %2.</translation>
    </message>
    <message>
        <source>%1 has the prefix length %2, which is not a plain decimal number (no signs, spaces or letters).</source>
        <translation>%1 hat die Präfixlänge %2, die keine einfache Dezimalzahl ist (ohne Vorzeichen, Leerzeichen oder Buchstaben).</translation>
    </message>
    <message>
        <source>%1 has the prefix length %2 with a leading zero; write it without the zero.</source>
        <translation>%1 hat die Präfixlänge %2 mit einer führenden Null; schreiben Sie sie ohne die Null.</translation>
    </message>
    <message>
        <source>%1 has the prefix length /%2, but an %3 prefix can be at most /%4.</source>
        <translation>%1 hat die Präfixlänge /%2, ein %3-Präfix kann aber höchstens /%4 lang sein.</translation>
    </message>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>the request body must be a JSON object</source>
        <translation>der Anfrageinhalt muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unbekanntes Feld</translation>
    </message>
    <message>
        <source>must be a string or null</source>
        <translation>muss eine Zeichenkette oder null sein</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must be an RFC 3339 date and time with a time zone, such as %1</source>
        <translation>muss ein Datum mit Uhrzeit nach RFC 3339 mit Zeitzone sein, etwa %1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>muss ein Array sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>has the wrong type</source>
        <translation>hat den falschen Typ</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Your request is not valid</source>
        <translation>Ihre Anfrage ist ungültig</translation>
    </message>
    <message>
        <source>Some fields of the request are not valid; each entry of errors names one.</source>
        <translation>Einige Felder der Anfrage sind ungültig; jeder Eintrag in errors nennt eines davon.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON</source>
        <translation>Der Anfrageinhalt ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at offset %2.</source>
        <translation>Der Anfrageinhalt ist kein gültiges JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <source>Sign in, or send a valid API token.</source>
        <translation>Melden Sie sich an oder senden Sie ein gültiges API-Token.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>Unter dieser Adresse gibt es nichts.</translation>
    </message>
    <message>
        <source>%1 is not supported here; use %2.</source>
        <translation>%1 wird hier nicht unterstützt; verwenden Sie %2.</translation>
    </message>
    <message>
        <source>The token was changed since you loaded it. Reload it and try again.</source>
        <translation>Das Token wurde geändert, seit Sie es geladen haben. Laden Sie es neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The request body is larger than the limit of %1 bytes.</source>
        <translation>Der Anfrageinhalt überschreitet die Grenze von %1 Byte.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request headers are larger than the server accepts.</source>
        <translation>Die Header der Anfrage sind größer, als der Server akzeptiert.</translation>
    </message>
    <message>
        <source>The server could not complete the request. The error was logged; try again later.</source>
        <translation>Der Server konnte die Anfrage nicht abschließen. Der Fehler wurde protokolliert; versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>vor 1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>in 1 minute</source>
        <translation>in 1 Minute</translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>vor 1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>in 1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>in %n Stunde</numerusform>
            <numerusform>in %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>morgen</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioCommandLine</name>
    <message>
        <source>Manage the API tokens of an apiaccess-server.</source>
        <translation>Die API-Token eines apiaccess-server verwalten.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe anzeigen und beenden.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Die Version ausgeben und beenden.</translation>
    </message>
    <message>
        <source>The server to sign in to.</source>
        <translation>Der Server, bei dem Sie sich anmelden.</translation>
    </message>
    <message>
        <source>The user name to sign in with.</source>
        <translation>Der Benutzername für die Anmeldung.</translation>
    </message>
    <message>
        <source>Start a private local server to try things out.</source>
        <translation>Einen privaten lokalen Server zum Ausprobieren starten.</translation>
    </message>
    <message>
        <source>Save the main window as PNG once the tokens have loaded, then exit (needs --sandbox).</source>
        <translation>Das Hauptfenster als PNG speichern, sobald die Token geladen sind, und dann beenden (erfordert --sandbox).</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1</source>
        <translation>Unerwartete Argumente: %1</translation>
    </message>
    <message>
        <source>Not a server URL: %1</source>
        <translation>Keine Server-URL: %1</translation>
    </message>
    <message>
        <source>--screenshot needs --sandbox.</source>
        <translation>--screenshot erfordert --sandbox.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot erfordert einen Dateinamen.</translation>
    </message>
    <message>
        <source>--sandbox starts its own server: it does not go with --server or --user.</source>
        <translation>--sandbox startet einen eigenen Server und lässt sich nicht mit --server oder --user kombinieren.</translation>
    </message>
    <message>
        <source>URL</source>
        <comment>value name in --help: --server URL</comment>
        <translation>URL</translation>
    </message>
    <message>
        <source>NAME</source>
        <comment>value name in --help: --user NAME</comment>
        <translation>NAME</translation>
    </message>
    <message>
        <source>FILE</source>
        <comment>value name in --help: --screenshot FILE</comment>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Colours: system (the default), or the Studio&apos;s own light or dark scheme.</source>
        <translation>Farben: system (Standard) oder das eigene helle (light) oder dunkle (dark) Farbschema des Studios.</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <comment>value name in --help: --color-scheme SCHEME</comment>
        <translation>SCHEMA</translation>
    </message>
    <message>
        <source>--color-scheme takes system, light or dark, not %1.</source>
        <translation>--color-scheme erwartet system, light oder dark, nicht %1.</translation>
    </message>
</context>
<context>
    <name>TokenFormat</name>
    <message>
        <source>The token contains white space: copy it again as one line.</source>
        <translation>Das Token enthält Leerraum: Kopieren Sie es erneut als eine Zeile.</translation>
    </message>
    <message>
        <source>The token uses URL-safe base64 (&apos;-&apos; or &apos;_&apos;): tokens use standard base64 with &apos;+&apos; and &apos;/&apos;.</source>
        <translation>Das Token verwendet URL-sicheres Base64 („-“ oder „_“): Token verwenden Standard-Base64 mit „+“ und „/“.</translation>
    </message>
    <message>
        <source>The token contains characters that are not base64: only A-Z, a-z, 0-9, &apos;+&apos;, &apos;/&apos; and &apos;=&apos; at the end are allowed.</source>
        <translation>Das Token enthält Zeichen, die nicht zu Base64 gehören: Erlaubt sind nur A–Z, a–z, 0–9, „+“, „/“ und „=“ am Ende.</translation>
    </message>
    <message>
        <source>The token&apos;s base64 padding is missing or malformed: it was probably truncated.</source>
        <translation>Das Base64-Padding des Tokens fehlt oder ist fehlerhaft: Es wurde vermutlich abgeschnitten.</translation>
    </message>
    <message>
        <source>The token has no id before the &apos;:&apos;.</source>
        <translation>Das Token hat keine ID vor dem „:“.</translation>
    </message>
    <message>
        <source>The token id does not start with &quot;tok_&quot;.</source>
        <translation>Die Token-ID beginnt nicht mit „tok_“.</translation>
    </message>
    <message>
        <source>The token id has the wrong length: it is &quot;tok_&quot; followed by 20 characters.</source>
        <translation>Die Token-ID hat die falsche Länge: Sie besteht aus „tok_“ gefolgt von 20 Zeichen.</translation>
    </message>
    <message>
        <source>The token id may contain only lower-case letters a-z and digits 2-7 after &quot;tok_&quot;.</source>
        <translation>Die Token-ID darf nach „tok_“ nur Kleinbuchstaben a–z und Ziffern 2–7 enthalten.</translation>
    </message>
    <message>
        <source>The token is too long: API tokens have 104 characters.</source>
        <translation>Das Token ist zu lang: API-Token haben 104 Zeichen.</translation>
    </message>
    <message>
        <source>No API token was given.</source>
        <translation>Es wurde kein API-Token angegeben.</translation>
    </message>
    <message>
        <source>The token is not valid base64.</source>
        <translation>Das Token ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>The decoded token is not printable text: it is not an API token issued by this server.</source>
        <translation>Das decodierte Token ist kein druckbarer Text: Es ist kein von diesem Server ausgestelltes API-Token.</translation>
    </message>
    <message>
        <source>The decoded token has no &apos;:&apos; between the id and the secret.</source>
        <translation>Das decodierte Token hat kein „:“ zwischen ID und Secret.</translation>
    </message>
    <message>
        <source>The Authorization header is too long to hold an API token.</source>
        <translation>Der Authorization-Header ist zu lang für ein API-Token.</translation>
    </message>
    <message>
        <source>The Authorization header is empty.</source>
        <translation>Der Authorization-Header ist leer.</translation>
    </message>
    <message>
        <source>The Authorization header uses the %1 scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</source>
        <translation>Der Authorization-Header verwendet das Schema %1: Senden Sie das API-Token als „Basic &lt;token&gt;“.</translation>
    </message>
    <message>
        <source>The Authorization header does not use the Basic scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</source>
        <translation>Der Authorization-Header verwendet nicht das Schema Basic: Senden Sie das API-Token als „Basic &lt;token&gt;“.</translation>
    </message>
    <message>
        <source>The Authorization header says &quot;Basic&quot; but has no token after it.</source>
        <translation>Der Authorization-Header enthält „Basic“, aber kein Token danach.</translation>
    </message>
    <message>
        <source>The token has no secret after the &apos;:&apos;.</source>
        <translation>Das Token hat kein Secret nach dem „:“.</translation>
    </message>
    <message>
        <source>The secret does not start with &quot;aas_&quot;.</source>
        <translation>Das Secret beginnt nicht mit „aas_“.</translation>
    </message>
    <message>
        <source>The secret has the wrong length: it is &quot;aas_&quot; followed by 49 characters. It was probably truncated.</source>
        <translation>Das Secret hat die falsche Länge: Es besteht aus „aas_“ gefolgt von 49 Zeichen. Es wurde vermutlich abgeschnitten.</translation>
    </message>
    <message>
        <source>The secret may contain only letters A-Z, a-z and digits 0-9 after &quot;aas_&quot;.</source>
        <translation>Das Secret darf nach „aas_“ nur die Buchstaben A–Z, a–z und die Ziffern 0–9 enthalten.</translation>
    </message>
    <message>
        <source>The token&apos;s checksum does not match: it was probably mistyped or truncated.</source>
        <translation>Die Prüfsumme des Tokens stimmt nicht: Es wurde vermutlich falsch eingegeben oder abgeschnitten.</translation>
    </message>
</context>
<context>
    <name>TokenInput</name>
    <message>
        <source>must have at most %1 entries (it has %2)</source>
        <translation>darf höchstens %1 Einträge haben (hat %2)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>contains an invalid character</source>
        <translation>enthält ein ungültiges Zeichen</translation>
    </message>
    <message>
        <source>must not contain line breaks or other control characters</source>
        <translation>darf keine Zeilenumbrüche oder anderen Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>must be at most %1 characters long (it has %2)</source>
        <translation>darf höchstens %1 Zeichen lang sein (hat %2)</translation>
    </message>
</context>
<context>
    <name>TokenListCache</name>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the token cache folder %1: %2 is not a folder.</source>
        <translation>Der Ordner für den Token-Cache %1 kann nicht erstellt werden: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the token cache folder %1: no permission to write in %2.</source>
        <translation>Der Ordner für den Token-Cache %1 kann nicht erstellt werden: keine Schreibberechtigung in %2.</translation>
    </message>
    <message>
        <source>Cannot create the token cache %1: %2</source>
        <translation>Der Token-Cache %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>%1 kann nicht in %2 umbenannt werden.</translation>
    </message>
    <message>
        <source>an SQLite database with an unknown layout</source>
        <translation>eine SQLite-Datenbank mit unbekanntem Aufbau</translation>
    </message>
    <message>
        <source>schema version %1 is newer than this Studio reads (%2)</source>
        <translation>Schemaversion %1 ist neuer als die, die dieses Studio lesen kann (%2)</translation>
    </message>
    <message>
        <source>migrating to schema version %1: %2</source>
        <translation>Migration auf Schemaversion %1: %2</translation>
    </message>
    <message>
        <source>the tables do not match the schema: %1</source>
        <translation>die Tabellen entsprechen nicht dem Schema: %1</translation>
    </message>
    <message>
        <source>SQLite refused the rollback journal</source>
        <translation>SQLite hat das Rollback-Journal abgelehnt</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>beschädigt: %1</translation>
    </message>
    <message>
        <source>an SQLite database of another application</source>
        <translation>eine SQLite-Datenbank einer anderen Anwendung</translation>
    </message>
    <message>
        <source>The token cache %1 is unreadable (%2) and cannot be moved aside: %3</source>
        <translation>Der Token-Cache %1 ist unlesbar (%2) und kann nicht beiseitegelegt werden: %3</translation>
    </message>
    <message>
        <source>%1 was unreadable (%2); moved it to %3 and started a new cache</source>
        <translation>%1 war unlesbar (%2); nach %3 verschoben und einen neuen Cache angelegt</translation>
    </message>
    <message>
        <source>No file name for the token cache.</source>
        <translation>Kein Dateiname für den Token-Cache.</translation>
    </message>
    <message>
        <source>The token cache %1 is in use by another program: %2</source>
        <translation>Der Token-Cache %1 wird von einem anderen Programm verwendet: %2</translation>
    </message>
    <message>
        <source>Cannot read the token cache: %1</source>
        <translation>Der Token-Cache kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The token cache is not open.</source>
        <translation>Der Token-Cache ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write the token cache: %1</source>
        <translation>Der Token-Cache kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>interrupted after row %1</source>
        <translation>nach Zeile %1 unterbrochen</translation>
    </message>
    <message>
        <source>No list is saved yet.</source>
        <translation>Es ist noch keine Liste gespeichert.</translation>
    </message>
</context>
<context>
    <name>TokenStatus</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token status; expected one of %2.</source>
        <translation>„%1“ ist kein Token-Status; erwartet wird einer von %2.</translation>
    </message>
</context>
<context>
    <name>TokenStatusText</name>
    <message>
        <source>Expired %1
%2</source>
        <translation>Abgelaufen %1
%2</translation>
    </message>
    <message>
        <source>Expires %1
%2</source>
        <translation>Läuft ab %1
%2</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Disabled: integrations using this token are refused</source>
        <translation>Deaktiviert: Integrationen, die dieses Token verwenden, werden abgewiesen</translation>
    </message>
    <message>
        <source>Expires in 1 minute</source>
        <translation>Läuft in 1 Minute ab</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n minutes</source>
        <translation>
            <numerusform>Läuft in %n Minute ab</numerusform>
            <numerusform>Läuft in %n Minuten ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires in 1 hour</source>
        <translation>Läuft in 1 Stunde ab</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n hours</source>
        <translation>
            <numerusform>Läuft in %n Stunde ab</numerusform>
            <numerusform>Läuft in %n Stunden ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation>Läuft morgen ab</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Läuft in %n Tag ab</numerusform>
            <numerusform>Läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--help and --version go alone.</source>
        <translation>--help und --version müssen allein stehen.</translation>
    </message>
    <message>
        <source>API Access Studio</source>
        <translation>API Access Studio</translation>
    </message>
</context>
</TS>
