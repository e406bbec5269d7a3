<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessLevel</name>
    <message>
        <source>Administrative</source>
        <translation>Administrative</translation>
    </message>
    <message>
        <source>Everything the platform API offers, users and spaces included.</source>
        <translation>Everything the platform API offers, users and spaces included.</translation>
    </message>
    <message>
        <source>Managing Editorial</source>
        <translation>Managing Editorial</translation>
    </message>
    <message>
        <source>Create, configure and delete channels, pages and plugins.</source>
        <translation>Create, configure and delete channels, pages and plugins.</translation>
    </message>
    <message>
        <source>Editorial</source>
        <translation>Editorial</translation>
    </message>
    <message>
        <source>Change content in channels, pages and plugins, including comments and menus.</source>
        <translation>Change content in channels, pages and plugins, including comments and menus.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Read published content and analytics.</source>
        <translation>Read published content and analytics.</translation>
    </message>
    <message>
        <source>Restricted Read-only</source>
        <translation>Restricted Read-only</translation>
    </message>
    <message>
        <source>Read content in the public area only.</source>
        <translation>Read content in the public area only.</translation>
    </message>
    <message>
        <source>an empty string</source>
        <translation>an empty string</translation>
    </message>
    <message>
        <source>%1 is not an access level; expected one of %2.</source>
        <translation>%1 is not an access level; expected one of %2.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::AboutDialog</name>
    <message>
        <source>About API Access Studio</source>
        <translation>About API Access Studio</translation>
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
        <translation>Manage the API tokens that third-party services use: create, copy, rotate, disable and delete them, and limit where each may be used from.</translation>
    </message>
    <message>
        <source>Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.</source>
        <translation>Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on Qt %2), QtKeychain for the system keychain, SQLite through Qt SQL for the offline copy, and %3 for secure connections. Each is used under its own licence; see the licenses folder installed with the Studio.</source>
        <translation>Built with Qt %1 (running on Qt %2), QtKeychain for the system keychain, SQLite through Qt SQL for the offline copy, and %3 for secure connections. Each is used under its own licence; see the licenses folder installed with the Studio.</translation>
    </message>
    <message>
        <source>the system&apos;s TLS library</source>
        <translation>the system&apos;s TLS library</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ApiClient</name>
    <message>
        <source>the sign-in answer lacks sessionToken, expiresAt or username</source>
        <translation>the sign-in answer lacks sessionToken, expiresAt or username</translation>
    </message>
    <message>
        <source>the list does not advance</source>
        <translation>the list does not advance</translation>
    </message>
    <message>
        <source>the answer has no token</source>
        <translation>the answer has no token</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ApiTokensPage</name>
    <message>
        <source>API Tokens</source>
        <translation>API Tokens</translation>
    </message>
    <message>
        <source>Tokens let third-party services use the API on your behalf, each with its own access level and allowed addresses.</source>
        <translation>Tokens let third-party services use the API on your behalf, each with its own access level and allowed addresses.</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Search tokens</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filter by access level</source>
        <translation>Filter by access level</translation>
    </message>
    <message>
        <source>All access levels</source>
        <translation>All access levels</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Create API token</source>
        <translation>Create API token</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API tokens</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Token “%1” created. Copy it now to paste it into the service that will use it.</source>
        <translation>Token “%1” created. Copy it now to paste it into the service that will use it.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Rotate…</source>
        <translation>Rotate…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>Disable…</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>Enable…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Access &amp;level:</source>
        <translation>Access &amp;level:</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n tokens…</source>
        <translation>
            <numerusform>Disable %n token…</numerusform>
            <numerusform>Disable %n tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n tokens…</source>
        <translation>
            <numerusform>Enable %n token…</numerusform>
            <numerusform>Enable %n tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tokens…</source>
        <translation>
            <numerusform>Delete %n token…</numerusform>
            <numerusform>Delete %n tokens…</numerusform>
        </translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>You are signed out</translation>
    </message>
    <message>
        <source>Sign in to see and manage the API tokens of this server.</source>
        <translation>Sign in to see and manage the API tokens of this server.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>The tokens could not be loaded</source>
        <translation>The tokens could not be loaded</translation>
    </message>
    <message>
        <source>Loading tokens…</source>
        <translation>Loading tokens…</translation>
    </message>
    <message>
        <source>The list appears as soon as the server answers.</source>
        <translation>The list appears as soon as the server answers.</translation>
    </message>
    <message>
        <source>No tokens yet</source>
        <translation>No tokens yet</translation>
    </message>
    <message>
        <source>Create a token for each service that should use the API, with the access level it needs and the addresses it may come from.</source>
        <translation>Create a token for each service that should use the API, with the access level it needs and the addresses it may come from.</translation>
    </message>
    <message>
        <source>No tokens match</source>
        <translation>No tokens match</translation>
    </message>
    <message>
        <source>%1 The list below may be out of date; actions are unavailable until the list is refreshed.</source>
        <translation>%1 The list below may be out of date; actions are unavailable until the list is refreshed.</translation>
    </message>
    <message>
        <source>search “%1”</source>
        <translation>search “%1”</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>status: %1</translation>
    </message>
    <message>
        <source>access level: %1</source>
        <translation>access level: %1</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n tokens (%2).</source>
        <translation>
            <numerusform>Showing %1 of %n token (%2).</numerusform>
            <numerusform>Showing %1 of %n tokens (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>No token matches these filters: %1.</source>
        <translation>No token matches these filters: %1.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::BulkProgressDialog</name>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop after the token being changed now</source>
        <translation>Stop after the token being changed now</translation>
    </message>
    <message>
        <source>Stopping after the current token…</source>
        <translation>Stopping after the current token…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ConfirmActionDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Disable API token</source>
        <translation>Disable API token</translation>
    </message>
    <message>
        <source>Enable API token</source>
        <translation>Enable API token</translation>
    </message>
    <message>
        <source>Delete API token</source>
        <translation>Delete API token</translation>
    </message>
    <message numerus="yes">
        <source>Disable %n API tokens</source>
        <translation>
            <numerusform>Disable %n API token</numerusform>
            <numerusform>Disable %n API tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable %n API tokens</source>
        <translation>
            <numerusform>Enable %n API token</numerusform>
            <numerusform>Enable %n API tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n API tokens</source>
        <translation>
            <numerusform>Delete %n API token</numerusform>
            <numerusform>Delete %n API tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable “%1”?</source>
        <translation>Disable “%1”?</translation>
    </message>
    <message>
        <source>Enable “%1”?</source>
        <translation>Enable “%1”?</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Delete “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>Disable these %n tokens?</source>
        <translation>
            <numerusform>Disable this %n token?</numerusform>
            <numerusform>Disable these %n tokens?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enable these %n tokens?</source>
        <translation>
            <numerusform>Enable this %n token?</numerusform>
            <numerusform>Enable these %n tokens?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n tokens?</source>
        <translation>
            <numerusform>Delete this %n token?</numerusform>
            <numerusform>Delete these %n tokens?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Integrations using this token stop working until it is enabled again.</source>
        <translation>Integrations using this token stop working until it is enabled again.</translation>
    </message>
    <message>
        <source>Integrations using these tokens stop working until they are enabled again.</source>
        <translation>Integrations using these tokens stop working until they are enabled again.</translation>
    </message>
    <message>
        <source>Integrations using this token can connect again.</source>
        <translation>Integrations using this token can connect again.</translation>
    </message>
    <message>
        <source>Integrations using these tokens can connect again.</source>
        <translation>Integrations using these tokens can connect again.</translation>
    </message>
    <message>
        <source>Integrations using this token stop working. This cannot be undone.</source>
        <translation>Integrations using this token stop working. This cannot be undone.</translation>
    </message>
    <message>
        <source>Integrations using these tokens stop working. This cannot be undone.</source>
        <translation>Integrations using these tokens stop working. This cannot be undone.</translation>
    </message>
    <message>
        <source>Deletes for good; this cannot be undone</source>
        <translation>Deletes for good; this cannot be undone</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ConflictDialog</name>
    <message>
        <source>Any address</source>
        <translation>Any address</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>API token changed</source>
        <translation>API token changed</translation>
    </message>
    <message>
        <source>Someone else changed “%1” while you were editing it.</source>
        <translation>Someone else changed “%1” while you were editing it.</translation>
    </message>
    <message>
        <source>%1 (you changed this too)</source>
        <translation>%1 (you changed this too)</translation>
    </message>
    <message>
        <source>None of the fields you can edit changed; only the version did.</source>
        <translation>None of the fields you can edit changed; only the version did.</translation>
    </message>
    <message>
        <source>Their changes</source>
        <translation>Their changes</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Show their version; your changes are discarded</source>
        <translation>Show their version; your changes are discarded</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Save your version; their changes to the same fields are replaced</source>
        <translation>Save your version; their changes to the same fields are replaced</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Name: “%1” → “%2”</source>
        <translation>Name: “%1” → “%2”</translation>
    </message>
    <message>
        <source>Access level: %1 → %2</source>
        <translation>Access level: %1 → %2</translation>
    </message>
    <message>
        <source>Allowed IP Ranges: %1 → %2</source>
        <translation>Allowed IP Ranges: %1 → %2</translation>
    </message>
    <message>
        <source>Expires: %1 → %2</source>
        <translation>Expires: %1 → %2</translation>
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
        <translation>Copying token…</translation>
    </message>
    <message>
        <source>The token was not copied</source>
        <translation>The token was not copied</translation>
    </message>
    <message>
        <source>Sign in again to copy the token</source>
        <translation>Sign in again to copy the token</translation>
    </message>
</context>
<context>
    <name>ApiAccess::CreateTokenCommand</name>
    <message>
        <source>Creating token…</source>
        <translation>Creating token…</translation>
    </message>
    <message>
        <source>Token “%1” created</source>
        <translation>Token “%1” created</translation>
    </message>
    <message>
        <source>Creating the token was canceled</source>
        <translation>Creating the token was canceled</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again and the token will be created.</source>
        <translation>Your session has ended. Sign in again and the token will be created.</translation>
    </message>
    <message>
        <source>The token was not created. Click Retry to try again.</source>
        <translation>The token was not created. Click Retry to try again.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::EditTokenCommand</name>
    <message>
        <source>Loading the token…</source>
        <translation>Loading the token…</translation>
    </message>
    <message>
        <source>Could not open the token: %1</source>
        <translation>Could not open the token: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>Saving the token…</translation>
    </message>
    <message>
        <source>Token “%1” saved</source>
        <translation>Token “%1” saved</translation>
    </message>
    <message>
        <source>Saving the token was canceled</source>
        <translation>Saving the token was canceled</translation>
    </message>
    <message>
        <source>This token no longer exists: someone deleted it.</source>
        <translation>This token no longer exists: someone deleted it.</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again and your changes will be saved.</source>
        <translation>Your session has ended. Sign in again and your changes will be saved.</translation>
    </message>
    <message>
        <source>Someone else changed the token; loading their version…</source>
        <translation>Someone else changed the token; loading their version…</translation>
    </message>
    <message>
        <source>Showing the current version of “%1”</source>
        <translation>Showing the current version of “%1”</translation>
    </message>
    <message>
        <source>The token was not opened</source>
        <translation>The token was not opened</translation>
    </message>
    <message>
        <source>Your changes were not saved. Click Retry to try again.</source>
        <translation>Your changes were not saved. Click Retry to try again.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ExpanderSection</name>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>expanded</source>
        <translation>expanded</translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>collapsed</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ExpiryFeedback</name>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>In 30 days</source>
        <translation>In 30 days</translation>
    </message>
    <message>
        <source>In 90 days</source>
        <translation>In 90 days</translation>
    </message>
    <message>
        <source>In 365 days</source>
        <translation>In 365 days</translation>
    </message>
    <message>
        <source>On a date…</source>
        <translation>On a date…</translation>
    </message>
    <message>
        <source>The expiry date must be in the future.</source>
        <translation>The expiry date must be in the future.</translation>
    </message>
    <message>
        <source>The token never expires.</source>
        <translation>The token never expires.</translation>
    </message>
    <message>
        <source>Expired on %1 at %2</source>
        <translation>Expired on %1 at %2</translation>
    </message>
    <message>
        <source>Expires on %1 at %2</source>
        <translation>Expires on %1 at %2</translation>
    </message>
</context>
<context>
    <name>ApiAccess::IpRangesFeedback</name>
    <message>
        <source>Error: Line %1: %2</source>
        <translation>Error: Line %1: %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Any address can use this token.</source>
        <translation>Any address can use this token.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Only addresses in %1 can use this token.</source>
        <translation>Only addresses in %1 can use this token.</translation>
    </message>
    <message>
        <source>Only addresses in the %1 ranges above can use this token.</source>
        <translation>Only addresses in the %1 ranges above can use this token.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::MainWindow</name>
    <message>
        <source>API Access</source>
        <translation>API Access</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Search tokens</source>
        <translation>Search tokens</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>API Access — %1</source>
        <translation>API Access — %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>Last refresh: %1</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>Not refreshed yet</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>Your session has ended. Sign in again to continue.</translation>
    </message>
    <message>
        <source>Signed in as %1 on another server or as another user: the actions that failed were not repeated</source>
        <translation>Signed in as %1 on another server or as another user: the actions that failed were not repeated</translation>
    </message>
    <message>
        <source>Signed out here; the server could not be told: %1</source>
        <translation>Signed out here; the server could not be told: %1</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Loading tokens…</source>
        <translation>Loading tokens…</translation>
    </message>
    <message>
        <source>Could not load the tokens: %1</source>
        <translation>Could not load the tokens: %1</translation>
    </message>
    <message>
        <source>Offline copy from %1 (read-only). The server cannot be reached: %2</source>
        <translation>Offline copy from %1 (read-only). The server cannot be reached: %2</translation>
    </message>
    <message>
        <source>Offline copy from %1 (read-only); loading the current list…</source>
        <translation>Offline copy from %1 (read-only); loading the current list…</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>“%1” was not copied.</source>
        <translation>“%1” was not copied.</translation>
    </message>
    <message>
        <source>Could not open the token: %1</source>
        <translation>Could not open the token: %1</translation>
    </message>
    <message>
        <source>“%1” was rotated. Copy the new token now and update the integrations that use it.</source>
        <translation>“%1” was rotated. Copy the new token now and update the integrations that use it.</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens loaded</source>
        <translation>
            <numerusform>%n token loaded</numerusform>
            <numerusform>%n tokens loaded</numerusform>
        </translation>
    </message>
    <message>
        <source>Create API token…</source>
        <translation>Create API token…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>About API Access Studio</source>
        <translation>About API Access Studio</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>&amp;Tokens</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Selected tokens</source>
        <translation>Selected tokens</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Open the actions menu</source>
        <translation>Open the actions menu</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::MessageBar</name>
    <message>
        <source>Close message</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warning: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfileController</name>
    <message>
        <source>Manage profiles…</source>
        <translation>Manage profiles…</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfileEditDialog</name>
    <message>
        <source>Add connection profile</source>
        <translation>Add connection profile</translation>
    </message>
    <message>
        <source>Edit connection profile</source>
        <translation>Edit connection profile</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <source>https://tokens.example.com</source>
        <translation>https://tokens.example.com</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Extra CA certificate</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authorities to trust for this server besides the system&apos;s, such as a company CA.</source>
        <translation>A PEM file with the certificate authorities to trust for this server besides the system&apos;s, such as a company CA.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Browse for the extra CA certificate</source>
        <translation>Browse for the extra CA certificate</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Keep me signed in</translation>
    </message>
    <message>
        <source>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</source>
        <translation>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose the extra CA certificate</source>
        <translation>Choose the extra CA certificate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>PEM certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Left empty, the profile is named %1.</source>
        <translation>Left empty, the profile is named %1.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ProfilesDialog</name>
    <message>
        <source>Connection profiles</source>
        <translation>Connection profiles</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Add a connection profile</source>
        <translation>Add a connection profile</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Edit the connection profile</source>
        <translation>Edit the connection profile</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Remove the connection profile</source>
        <translation>Remove the connection profile</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open the connection profile</source>
        <translation>Open the connection profile</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(current)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>Remove connection profile</source>
        <translation>Remove connection profile</translation>
    </message>
    <message>
        <source>Remove the connection profile “%1”?</source>
        <translation>Remove the connection profile “%1”?</translation>
    </message>
    <message>
        <source>Its kept session and its offline copy of the tokens are deleted too. The tokens on the server stay as they are.</source>
        <translation>Its kept session and its offline copy of the tokens are deleted too. The tokens on the server stay as they are.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ApiAccess::RotateDialog</name>
    <message>
        <source>Rotate API token</source>
        <translation>Rotate API token</translation>
    </message>
    <message>
        <source>Rotate “%1”?</source>
        <translation>Rotate “%1”?</translation>
    </message>
    <message>
        <source>A new secret replaces the current one. The token ID and permissions stay the same. Integrations using this token must be updated with the new token.</source>
        <translation>A new secret replaces the current one. The token ID and permissions stay the same. Integrations using this token must be updated with the new token.</translation>
    </message>
    <message>
        <source>No time: it stops working at once</source>
        <translation>No time: it stops working at once</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Keep the previous secret valid for</source>
        <translation>Keep the previous secret valid for</translation>
    </message>
    <message>
        <source>What happens to the previous secret</source>
        <translation>What happens to the previous secret</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Integrations using the current token stop working as soon as you rotate.</source>
        <translation>Integrations using the current token stop working as soon as you rotate.</translation>
    </message>
    <message>
        <source>Integrations keep working with the previous token for %1, until %2 at %3.</source>
        <translation>Integrations keep working with the previous token for %1, until %2 at %3.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::RotateTokenCommand</name>
    <message>
        <source>Rotating…</source>
        <translation>Rotating…</translation>
    </message>
    <message>
        <source>Rotating “%1”…</source>
        <translation>Rotating “%1”…</translation>
    </message>
    <message>
        <source>Token “%1” rotated</source>
        <translation>Token “%1” rotated</translation>
    </message>
    <message>
        <source>Sign in again to rotate the token</source>
        <translation>Sign in again to rotate the token</translation>
    </message>
    <message>
        <source>Rotate API token</source>
        <translation>Rotate API token</translation>
    </message>
    <message>
        <source>“%1” was not rotated.</source>
        <translation>“%1” was not rotated.</translation>
    </message>
    <message>
        <source>The token was not rotated</source>
        <translation>The token was not rotated</translation>
    </message>
    <message>
        <source>the token came without an ETag</source>
        <translation>the token came without an ETag</translation>
    </message>
    <message>
        <source>“%1” may not have been rotated.</source>
        <translation>“%1” may not have been rotated.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SandboxLauncher</name>
    <message>
        <source>The sandbox server did not report that it was ready within %1 seconds.</source>
        <translation>The sandbox server did not report that it was ready within %1 seconds.</translation>
    </message>
    <message>
        <source>The sandbox needs the program %1, but it is neither next to the Studio nor on the PATH.</source>
        <translation>The sandbox needs the program %1, but it is neither next to the Studio nor on the PATH.</translation>
    </message>
    <message>
        <source>The sandbox server program %1 does not exist or cannot be run.</source>
        <translation>The sandbox server program %1 does not exist or cannot be run.</translation>
    </message>
    <message>
        <source>Cannot create the private sandbox folder %1.</source>
        <translation>Cannot create the private sandbox folder %1.</translation>
    </message>
    <message>
        <source>Preparing the sandbox…</source>
        <translation>Preparing the sandbox…</translation>
    </message>
    <message>
        <source>Cannot run the sandbox server program %1: %2</source>
        <translation>Cannot run the sandbox server program %1: %2</translation>
    </message>
    <message>
        <source>%1 failed: the server program crashed.</source>
        <translation>%1 failed: the server program crashed.</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 failed (exit code %2).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>Setting up the sandbox</source>
        <translation>Setting up the sandbox</translation>
    </message>
    <message>
        <source>Reading the sandbox&apos;s administrators</source>
        <translation>Reading the sandbox&apos;s administrators</translation>
    </message>
    <message>
        <source>Setting up the sandbox administrator</source>
        <translation>Setting up the sandbox administrator</translation>
    </message>
    <message>
        <source>Starting the sandbox server…</source>
        <translation>Starting the sandbox server…</translation>
    </message>
    <message>
        <source>The sandbox server printed something unexpected instead of its address: %1</source>
        <translation>The sandbox server printed something unexpected instead of its address: %1</translation>
    </message>
    <message>
        <source>Signing in to the sandbox…</source>
        <translation>Signing in to the sandbox…</translation>
    </message>
    <message>
        <source>Cannot sign in to the sandbox server: %1</source>
        <translation>Cannot sign in to the sandbox server: %1</translation>
    </message>
    <message>
        <source>Sandbox running at %1.</source>
        <translation>Sandbox running at %1.</translation>
    </message>
    <message>
        <source>Stopping the sandbox server…</source>
        <translation>Stopping the sandbox server…</translation>
    </message>
    <message>
        <source>Starting the sandbox server</source>
        <translation>Starting the sandbox server</translation>
    </message>
    <message>
        <source>The sandbox server crashed.</source>
        <translation>The sandbox server crashed.</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly (exit code %1).</source>
        <translation>The sandbox server stopped unexpectedly (exit code %1).</translation>
    </message>
    <message>
        <source>The sandbox server stopped unexpectedly: %1</source>
        <translation>The sandbox server stopped unexpectedly: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SecretClipboard</name>
    <message>
        <source>Token copied — clipboard clears in %1 s</source>
        <translation>Token copied — clipboard clears in %1 s</translation>
    </message>
    <message>
        <source>Token copied</source>
        <translation>Token copied</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SessionKeychain</name>
    <message>
        <source>The session is incomplete and was not saved.</source>
        <translation>The session is incomplete and was not saved.</translation>
    </message>
    <message>
        <source>The saved session in the keychain could not be read; you will have to sign in again.</source>
        <translation>The saved session in the keychain could not be read; you will have to sign in again.</translation>
    </message>
    <message>
        <source>No connection profile was named.</source>
        <translation>No connection profile was named.</translation>
    </message>
    <message>
        <source>No keychain is available (no D-Bus session bus); you will have to sign in again next time.</source>
        <translation>No keychain is available (no D-Bus session bus); you will have to sign in again next time.</translation>
    </message>
    <message>
        <source>No keychain is available (Secret Service not running); you will have to sign in again next time.</source>
        <translation>No keychain is available (Secret Service not running); you will have to sign in again next time.</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access; you will have to sign in again next time.</source>
        <translation>The keychain is locked or refused access; you will have to sign in again next time.</translation>
    </message>
    <message>
        <source>The keychain did not answer within a second; you will have to sign in again next time.</source>
        <translation>The keychain did not answer within a second; you will have to sign in again next time.</translation>
    </message>
    <message numerus="yes">
        <source>The keychain did not answer within %n seconds; you will have to sign in again next time.</source>
        <translation>
            <numerusform>The keychain did not answer within %n second; you will have to sign in again next time.</numerusform>
            <numerusform>The keychain did not answer within %n seconds; you will have to sign in again next time.</numerusform>
        </translation>
    </message>
    <message>
        <source>No session is saved for this connection.</source>
        <translation>No session is saved for this connection.</translation>
    </message>
    <message>
        <source>The keychain could not delete the saved session (%1).</source>
        <translation>The keychain could not delete the saved session (%1).</translation>
    </message>
    <message>
        <source>The keychain reported an error (%1).</source>
        <translation>The keychain reported an error (%1).</translation>
    </message>
    <message>
        <source>No keychain is available; you will have to sign in again next time.</source>
        <translation>No keychain is available; you will have to sign in again next time.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SignInCommand</name>
    <message>
        <source>Signing in to %1…</source>
        <translation>Signing in to %1…</translation>
    </message>
    <message>
        <source>The local sandbox is already running or stopping. Try again in a moment.</source>
        <translation>The local sandbox is already running or stopping. Try again in a moment.</translation>
    </message>
    <message>
        <source>Starting the local sandbox…</source>
        <translation>Starting the local sandbox…</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>The local sandbox could not start: %1</source>
        <translation>The local sandbox could not start: %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
</context>
<context>
    <name>ApiAccess::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <source>https://tokens.example.com</source>
        <translation>https://tokens.example.com</translation>
    </message>
    <message>
        <source>Send the password without encryption to this server</source>
        <translation>Send the password without encryption to this server</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Keep me signed in</source>
        <translation>Keep me signed in</translation>
    </message>
    <message>
        <source>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</source>
        <translation>Keeps the session, never the password, in the system keychain, so the Studio opens signed in next time.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Start local sandbox</source>
        <translation>Start local sandbox</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the address of the token server.</source>
        <translation>Enter the address of the token server.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http://).</source>
        <translation>The address must start with https:// (or http://).</translation>
    </message>
    <message>
        <source>The address needs a host name, as in https://tokens.example.com.</source>
        <translation>The address needs a host name, as in https://tokens.example.com.</translation>
    </message>
</context>
<context>
    <name>ApiAccess::StudioStartup</name>
    <message>
        <source>Timed out waiting for the token list.</source>
        <translation>Timed out waiting for the token list.</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>Could not write %1</translation>
    </message>
    <message>
        <source>The local sandbox did not start: %1</source>
        <translation>The local sandbox did not start: %1</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenDialog</name>
    <message>
        <source>Create API token</source>
        <translation>Create API token</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Token Name</source>
        <translation>Token Name</translation>
    </message>
    <message>
        <source>Required. Up to 100 characters, for example the service that will use the token.</source>
        <translation>Required. Up to 100 characters, for example the service that will use the token.</translation>
    </message>
    <message>
        <source>For example: RSS reader</source>
        <translation>For example: RSS reader</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Access level</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>Allowed IP Ranges</source>
        <translation>Allowed IP Ranges</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges allowed to use this token, one per line (commas also separate). Leave empty to allow any address.</source>
        <translation>IP addresses or CIDR ranges allowed to use this token, one per line (commas also separate). Leave empty to allow any address.</translation>
    </message>
    <message>
        <source>IP addresses or CIDR ranges, one per line. Empty allows any address.</source>
        <translation>IP addresses or CIDR ranges, one per line. Empty allows any address.</translation>
    </message>
    <message>
        <source>203.0.113.0/24
2001:db8::/32</source>
        <translation>203.0.113.0/24
2001:db8::/32</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>When the token stops working: never, after a number of days, or at the end of a date you choose.</source>
        <translation>When the token stops working: never, after a number of days, or at the end of a date you choose.</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>The token works until the end of this day, in your time zone.</source>
        <translation>The token works until the end of this day, in your time zone.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Creating the token</source>
        <translation>Creating the token</translation>
    </message>
    <message>
        <source>Edit API token</source>
        <translation>Edit API token</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Saving the token</source>
        <translation>Saving the token</translation>
    </message>
    <message>
        <source>Token Name feedback</source>
        <translation>Token Name feedback</translation>
    </message>
    <message>
        <source>Access level description</source>
        <translation>Access level description</translation>
    </message>
    <message>
        <source>Access level feedback</source>
        <translation>Access level feedback</translation>
    </message>
    <message>
        <source>Allowed IP Ranges feedback</source>
        <translation>Allowed IP Ranges feedback</translation>
    </message>
    <message>
        <source>Expires feedback</source>
        <translation>Expires feedback</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenRowDelegate</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
</context>
<context>
    <name>ApiAccess::TokenStateCommand</name>
    <message>
        <source>Disable API tokens</source>
        <translation>Disable API tokens</translation>
    </message>
    <message>
        <source>Enable API tokens</source>
        <translation>Enable API tokens</translation>
    </message>
    <message>
        <source>Delete API tokens</source>
        <translation>Delete API tokens</translation>
    </message>
    <message>
        <source>Disabling…</source>
        <translation>Disabling…</translation>
    </message>
    <message>
        <source>Enabling…</source>
        <translation>Enabling…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Deleting…</translation>
    </message>
    <message numerus="yes">
        <source>%n token disabled</source>
        <translation>
            <numerusform>%n token disabled</numerusform>
            <numerusform>%n tokens disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens disabled</source>
        <translation>
            <numerusform>%n token disabled</numerusform>
            <numerusform>%n tokens disabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token enabled</source>
        <translation>
            <numerusform>%n token enabled</numerusform>
            <numerusform>%n tokens enabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens enabled</source>
        <translation>
            <numerusform>%n token enabled</numerusform>
            <numerusform>%n tokens enabled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token deleted</source>
        <translation>
            <numerusform>%n token deleted</numerusform>
            <numerusform>%n tokens deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens deleted</source>
        <translation>
            <numerusform>%n token deleted</numerusform>
            <numerusform>%n tokens deleted</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 of %3): “%4”</source>
        <translation>%1 (%2 of %3): “%4”</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 “%2”</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>It no longer exists.</translation>
    </message>
    <message>
        <source>Not tried: stopped.</source>
        <translation>Not tried: stopped.</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
    <message>
        <source>%1; %2 failed</source>
        <translation>%1; %2 failed</translation>
    </message>
    <message>
        <source>“%1” could not be changed.</source>
        <translation>“%1” could not be changed.</translation>
    </message>
    <message>
        <source>%1. These could not be changed:</source>
        <translation>%1. These could not be changed:</translation>
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
        <translation>Access level</translation>
    </message>
    <message>
        <source>Allowed IP Ranges</source>
        <translation>Allowed IP Ranges</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Token ID: %1
Use the copy button or Ctrl+C to copy the token.</source>
        <translation>Token ID: %1
Use the copy button or Ctrl+C to copy the token.</translation>
    </message>
    <message>
        <source>Any address can use this token</source>
        <translation>Any address can use this token</translation>
    </message>
    <message>
        <source>%1
by %2</source>
        <translation>%1
by %2</translation>
    </message>
    <message>
        <source>This token has not been used yet</source>
        <translation>This token has not been used yet</translation>
    </message>
    <message>
        <source>%1
from %2</source>
        <translation>%1
from %2</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copy token</translation>
    </message>
    <message>
        <source>Any address</source>
        <translation>Any address</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 from %2</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <source>Token %1 of %2; the secret stays hidden. Press Ctrl+C to copy the token.</source>
        <translation>Token %1 of %2; the secret stays hidden. Press Ctrl+C to copy the token.</translation>
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
        <translation>unexpected or missing members: %1</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>the answer is not a JSON object</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>the server</source>
        <translation>the server</translation>
    </message>
    <message>
        <source>Cannot reach the server at %1: %2.</source>
        <translation>Cannot reach the server at %1: %2.</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>The server at %1 did not answer in time.</translation>
    </message>
    <message>
        <source>The secure connection to %1 was refused because its certificate is not trusted: %2.</source>
        <translation>The secure connection to %1 was refused because its certificate is not trusted: %2.</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>The request was canceled.</translation>
    </message>
    <message>
        <source>The server did not accept your sign-in: the session has ended or the user name or password is wrong. Please sign in again.</source>
        <translation>The server did not accept your sign-in: the session has ended or the user name or password is wrong. Please sign in again.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>This token no longer exists on the server; it may have been deleted.</source>
        <translation>This token no longer exists on the server; it may have been deleted.</translation>
    </message>
    <message>
        <source>Someone else changed this token in the meantime. Reload it and try again.</source>
        <translation>Someone else changed this token in the meantime. Reload it and try again.</translation>
    </message>
    <message>
        <source>The server refused the values.</source>
        <translation>The server refused the values.</translation>
    </message>
    <message>
        <source>The server refused the value of %1: %2</source>
        <translation>The server refused the value of %1: %2</translation>
    </message>
    <message>
        <source>The server refused the value of %1: %2 (and %3 more)</source>
        <translation>The server refused the value of %1: %2 (and %3 more)</translation>
    </message>
    <message>
        <source>Too many attempts. Try again in %1 seconds.</source>
        <translation>Too many attempts. Try again in %1 seconds.</translation>
    </message>
    <message>
        <source>Too many attempts. Try again later.</source>
        <translation>Too many attempts. Try again later.</translation>
    </message>
    <message>
        <source>The server at %1 had a problem (HTTP %2). Try again later.</source>
        <translation>The server at %1 had a problem (HTTP %2). Try again later.</translation>
    </message>
    <message>
        <source>The server at %1 gave an answer the Studio cannot read (%2).</source>
        <translation>The server at %1 gave an answer the Studio cannot read (%2).</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>The request failed.</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>connection refused</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>the server closed the connection</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>host not found</translation>
    </message>
    <message>
        <source>the network is not available</source>
        <translation>the network is not available</translation>
    </message>
    <message>
        <source>the proxy failed</source>
        <translation>the proxy failed</translation>
    </message>
    <message>
        <source>Unreadable answer</source>
        <translation>Unreadable answer</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>No answer in time</translation>
    </message>
    <message>
        <source>Untrusted connection</source>
        <translation>Untrusted connection</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>No connection</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The server address must start with https:// (or http://).</source>
        <translation>The server address must start with https:// (or http://).</translation>
    </message>
    <message>
        <source>The server address needs a host name, as in https://tokens.example.com.</source>
        <translation>The server address needs a host name, as in https://tokens.example.com.</translation>
    </message>
    <message>
        <source>The profile needs a name.</source>
        <translation>The profile needs a name.</translation>
    </message>
    <message>
        <source>The CA certificate file cannot be read: %1</source>
        <translation>The CA certificate file cannot be read: %1</translation>
    </message>
    <message>
        <source>The CA certificate file holds no PEM certificate: %1</source>
        <translation>The CA certificate file holds no PEM certificate: %1</translation>
    </message>
</context>
<context>
    <name>IpAllowList</name>
    <message>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entry %1</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Line %1, column %2: %3</translation>
    </message>
    <message>
        <source>Entry %1: %2</source>
        <translation>Entry %1: %2</translation>
    </message>
    <message>
        <source>%1 is entry %2, but an allow-list can hold at most %3 entries; remove entries or combine them into wider ranges.</source>
        <translation>%1 is entry %2, but an allow-list can hold at most %3 entries; remove entries or combine them into wider ranges.</translation>
    </message>
    <message>
        <source>There is no entry here: an empty field between two commas, or a comma at the start or end of the line.</source>
        <translation>There is no entry here: an empty field between two commas, or a comma at the start or end of the line.</translation>
    </message>
    <message>
        <source>%1 will be stored as %2: IPv4-mapped IPv6 addresses are matched as IPv4.</source>
        <translation>%1 will be stored as %2: IPv4-mapped IPv6 addresses are matched as IPv4.</translation>
    </message>
    <message>
        <source>%1 will be stored as %2: the address bits after the prefix length are cleared.</source>
        <translation>%1 will be stored as %2: the address bits after the prefix length are cleared.</translation>
    </message>
    <message>
        <source>%1 is the same range as %2 (%3); it is kept once.</source>
        <translation>%1 is the same range as %2 (%3); it is kept once.</translation>
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
        <translation>%1 allows every %2 address.</translation>
    </message>
    <message>
        <source>%1 is stored as %2 and allows every %3 address.</source>
        <translation>%1 is stored as %2 and allows every %3 address.</translation>
    </message>
    <message>
        <source>%1 is already covered by %2 (%3), so it allows no further addresses.</source>
        <translation>%1 is already covered by %2 (%3), so it allows no further addresses.</translation>
    </message>
</context>
<context>
    <name>IpRange</name>
    <message>
        <source>first</source>
        <translation>first</translation>
    </message>
    <message>
        <source>second</source>
        <translation>second</translation>
    </message>
    <message>
        <source>third</source>
        <translation>third</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>fourth</translation>
    </message>
    <message>
        <source>The entry is empty: write an IPv4 or IPv6 address or a CIDR range.</source>
        <translation>The entry is empty: write an IPv4 or IPv6 address or a CIDR range.</translation>
    </message>
    <message>
        <source>%1 has a zone id: zone ids like %eth0 are local to one host and cannot be used; remove the part from &apos;%&apos;.</source>
        <translation>%1 has a zone id: zone ids like %eth0 are local to one host and cannot be used; remove the part from &apos;%&apos;.</translation>
    </message>
    <message>
        <source>%1 contains white space: write one address or range per entry.</source>
        <translation>%1 contains white space: write one address or range per entry.</translation>
    </message>
    <message>
        <source>%1 looks like a URL: write only the address, such as 192.0.2.10.</source>
        <translation>%1 looks like a URL: write only the address, such as 192.0.2.10.</translation>
    </message>
    <message>
        <source>%1 has no address before the &apos;/&apos;.</source>
        <translation>%1 has no address before the &apos;/&apos;.</translation>
    </message>
    <message>
        <source>%1 looks like an address with a port: ports cannot be part of an allowed range; remove %2.</source>
        <translation>%1 looks like an address with a port: ports cannot be part of an allowed range; remove %2.</translation>
    </message>
    <message>
        <source>%1 is not an IP address or CIDR range; write an address such as 192.0.2.10 or 2001:db8::1, or a range such as 10.0.0.0/8.</source>
        <translation>%1 is not an IP address or CIDR range; write an address such as 192.0.2.10 or 2001:db8::1, or a range such as 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: it has an empty octet (a dot at the start or end, or two dots in a row).</source>
        <translation>%1 is not a valid IPv4 address: it has an empty octet (a dot at the start or end, or two dots in a row).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: it needs exactly four octets separated by dots, like 192.0.2.10, but has %2 (shorthand such as 10.1 is not accepted).</source>
        <translation>%1 is not a valid IPv4 address: it needs exactly four octets separated by dots, like 192.0.2.10, but has %2 (shorthand such as 10.1 is not accepted).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: wildcards like * are not supported; use a range such as 10.0.0.0/24.</source>
        <translation>%1 is not a valid IPv4 address: wildcards like * are not supported; use a range such as 10.0.0.0/24.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 is not a decimal number (hexadecimal and octal forms are not accepted).</source>
        <translation>%1 is not a valid IPv4 address: the %2 octet %3 is not a decimal number (hexadecimal and octal forms are not accepted).</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 has a leading zero, which some programs read as octal; write it without the zero.</source>
        <translation>%1 is not a valid IPv4 address: the %2 octet %3 has a leading zero, which some programs read as octal; write it without the zero.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv4 address: the %2 octet %3 is above 255.</source>
        <translation>%1 is not a valid IPv4 address: the %2 octet %3 is above 255.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv6 address: %2</source>
        <translation>%1 is not a valid IPv6 address: %2</translation>
    </message>
    <message>
        <source>it begins with a single &apos;:&apos; (only &apos;::&apos; may start an address).</source>
        <translation>it begins with a single &apos;:&apos; (only &apos;::&apos; may start an address).</translation>
    </message>
    <message>
        <source>it ends with a single &apos;:&apos; (only &apos;::&apos; may end an address).</source>
        <translation>it ends with a single &apos;:&apos; (only &apos;::&apos; may end an address).</translation>
    </message>
    <message>
        <source>the embedded IPv4 address %1 must be the last part of the address.</source>
        <translation>the embedded IPv4 address %1 must be the last part of the address.</translation>
    </message>
    <message>
        <source>%1 is not a valid IPv6 address. In its embedded IPv4 part: %2</source>
        <translation>%1 is not a valid IPv6 address. In its embedded IPv4 part: %2</translation>
    </message>
    <message>
        <source>the group %1 has more than four hexadecimal digits.</source>
        <translation>the group %1 has more than four hexadecimal digits.</translation>
    </message>
    <message>
        <source>write the address without square brackets.</source>
        <translation>write the address without square brackets.</translation>
    </message>
    <message>
        <source>the character %1 cannot appear in an IPv6 address.</source>
        <translation>the character %1 cannot appear in an IPv6 address.</translation>
    </message>
    <message>
        <source>&apos;::&apos; may appear only once (and &apos;:::&apos; never).</source>
        <translation>&apos;::&apos; may appear only once (and &apos;:::&apos; never).</translation>
    </message>
    <message>
        <source>it has more than eight groups.</source>
        <translation>it has more than eight groups.</translation>
    </message>
    <message>
        <source>it has %1 groups but needs eight, or &apos;::&apos; to stand for the missing zero groups.</source>
        <translation>it has %1 groups but needs eight, or &apos;::&apos; to stand for the missing zero groups.</translation>
    </message>
    <message>
        <source>with &apos;::&apos; it can have at most seven other groups.</source>
        <translation>with &apos;::&apos; it can have at most seven other groups.</translation>
    </message>
    <message>
        <source>%1 has nothing after &apos;/&apos;: add a prefix length such as /24, or remove the &apos;/&apos;.</source>
        <translation>%1 has nothing after &apos;/&apos;: add a prefix length such as /24, or remove the &apos;/&apos;.</translation>
    </message>
    <message>
        <source>%1 has more than one &apos;/&apos;; write one address or range per entry.</source>
        <translation>%1 has more than one &apos;/&apos;; write one address or range per entry.</translation>
    </message>
    <message>
        <source>%1 uses netmask notation: write the prefix length /%2 instead of %3.</source>
        <translation>%1 uses netmask notation: write the prefix length /%2 instead of %3.</translation>
    </message>
    <message>
        <source>%1 uses netmask notation: use a prefix length such as /8 instead of %2.</source>
        <translation>%1 uses netmask notation: use a prefix length such as /8 instead of %2.</translation>
    </message>
    <message>
        <source>%1 has the prefix length %2, which is not a plain decimal number (no signs, spaces or letters).</source>
        <translation>%1 has the prefix length %2, which is not a plain decimal number (no signs, spaces or letters).</translation>
    </message>
    <message>
        <source>%1 has the prefix length %2 with a leading zero; write it without the zero.</source>
        <translation>%1 has the prefix length %2 with a leading zero; write it without the zero.</translation>
    </message>
    <message>
        <source>%1 has the prefix length /%2, but an %3 prefix can be at most /%4.</source>
        <translation>%1 has the prefix length /%2, but an %3 prefix can be at most /%4.</translation>
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
        <translation>the request body must be a JSON object</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>unknown field</translation>
    </message>
    <message>
        <source>must be a string or null</source>
        <translation>must be a string or null</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>must be an RFC 3339 date and time with a time zone, such as %1</source>
        <translation>must be an RFC 3339 date and time with a time zone, such as %1</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>must be a string</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>must be true or false</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>must be an array</source>
        <translation>must be an array</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>must be an object</translation>
    </message>
    <message>
        <source>has the wrong type</source>
        <translation>has the wrong type</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <source>Your request is not valid</source>
        <translation>Your request is not valid</translation>
    </message>
    <message>
        <source>Some fields of the request are not valid; each entry of errors names one.</source>
        <translation>Some fields of the request are not valid; each entry of errors names one.</translation>
    </message>
    <message>
        <source>The request body is not valid JSON</source>
        <translation>The request body is not valid JSON</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1 at offset %2.</source>
        <translation>The request body is not valid JSON: %1 at offset %2.</translation>
    </message>
    <message>
        <source>Sign in, or send a valid API token.</source>
        <translation>Sign in, or send a valid API token.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>There is nothing at this address.</source>
        <translation>There is nothing at this address.</translation>
    </message>
    <message>
        <source>%1 is not supported here; use %2.</source>
        <translation>%1 is not supported here; use %2.</translation>
    </message>
    <message>
        <source>The token was changed since you loaded it. Reload it and try again.</source>
        <translation>The token was changed since you loaded it. Reload it and try again.</translation>
    </message>
    <message>
        <source>The request body is larger than the limit of %1 bytes.</source>
        <translation>The request body is larger than the limit of %1 bytes.</translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests. Try again in %n second.</numerusform>
            <numerusform>Too many requests. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request headers are larger than the server accepts.</source>
        <translation>The request headers are larger than the server accepts.</translation>
    </message>
    <message>
        <source>The server could not complete the request. The error was logged; try again later.</source>
        <translation>The server could not complete the request. The error was logged; try again later.</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>1 minute ago</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message>
        <source>in 1 minute</source>
        <translation>in 1 minute</translation>
    </message>
    <message numerus="yes">
        <source>in %n minutes</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>1 hour ago</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>in 1 hour</source>
        <translation>in 1 hour</translation>
    </message>
    <message numerus="yes">
        <source>in %n hours</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioCommandLine</name>
    <message>
        <source>Manage the API tokens of an apiaccess-server.</source>
        <translation>Manage the API tokens of an apiaccess-server.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Show this help and exit.</translation>
    </message>
    <message>
        <source>Print the version and exit.</source>
        <translation>Print the version and exit.</translation>
    </message>
    <message>
        <source>The server to sign in to.</source>
        <translation>The server to sign in to.</translation>
    </message>
    <message>
        <source>The user name to sign in with.</source>
        <translation>The user name to sign in with.</translation>
    </message>
    <message>
        <source>Start a private local server to try things out.</source>
        <translation>Start a private local server to try things out.</translation>
    </message>
    <message>
        <source>Save the main window as PNG once the tokens have loaded, then exit (needs --sandbox).</source>
        <translation>Save the main window as PNG once the tokens have loaded, then exit (needs --sandbox).</translation>
    </message>
    <message>
        <source>Unexpected arguments: %1</source>
        <translation>Unexpected arguments: %1</translation>
    </message>
    <message>
        <source>Not a server URL: %1</source>
        <translation>Not a server URL: %1</translation>
    </message>
    <message>
        <source>--screenshot needs --sandbox.</source>
        <translation>--screenshot needs --sandbox.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot needs a file name.</translation>
    </message>
    <message>
        <source>--sandbox starts its own server: it does not go with --server or --user.</source>
        <translation>--sandbox starts its own server: it does not go with --server or --user.</translation>
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
        <translation>FILE</translation>
    </message>
    <message>
        <source>Colours: system (the default), or the Studio&apos;s own light or dark scheme.</source>
        <translation>Colours: system (the default), or the Studio&apos;s own light or dark scheme.</translation>
    </message>
    <message>
        <source>SCHEME</source>
        <comment>value name in --help: --color-scheme SCHEME</comment>
        <translation>SCHEME</translation>
    </message>
    <message>
        <source>--color-scheme takes system, light or dark, not %1.</source>
        <translation>--color-scheme takes system, light or dark, not %1.</translation>
    </message>
</context>
<context>
    <name>TokenFormat</name>
    <message>
        <source>The token contains white space: copy it again as one line.</source>
        <translation>The token contains white space: copy it again as one line.</translation>
    </message>
    <message>
        <source>The token uses URL-safe base64 (&apos;-&apos; or &apos;_&apos;): tokens use standard base64 with &apos;+&apos; and &apos;/&apos;.</source>
        <translation>The token uses URL-safe base64 (&apos;-&apos; or &apos;_&apos;): tokens use standard base64 with &apos;+&apos; and &apos;/&apos;.</translation>
    </message>
    <message>
        <source>The token contains characters that are not base64: only A-Z, a-z, 0-9, &apos;+&apos;, &apos;/&apos; and &apos;=&apos; at the end are allowed.</source>
        <translation>The token contains characters that are not base64: only A-Z, a-z, 0-9, &apos;+&apos;, &apos;/&apos; and &apos;=&apos; at the end are allowed.</translation>
    </message>
    <message>
        <source>The token&apos;s base64 padding is missing or malformed: it was probably truncated.</source>
        <translation>The token&apos;s base64 padding is missing or malformed: it was probably truncated.</translation>
    </message>
    <message>
        <source>The token has no id before the &apos;:&apos;.</source>
        <translation>The token has no id before the &apos;:&apos;.</translation>
    </message>
    <message>
        <source>The token id does not start with &quot;tok_&quot;.</source>
        <translation>The token id does not start with &quot;tok_&quot;.</translation>
    </message>
    <message>
        <source>The token id has the wrong length: it is &quot;tok_&quot; followed by 20 characters.</source>
        <translation>The token id has the wrong length: it is &quot;tok_&quot; followed by 20 characters.</translation>
    </message>
    <message>
        <source>The token id may contain only lower-case letters a-z and digits 2-7 after &quot;tok_&quot;.</source>
        <translation>The token id may contain only lower-case letters a-z and digits 2-7 after &quot;tok_&quot;.</translation>
    </message>
    <message>
        <source>The token is too long: API tokens have 104 characters.</source>
        <translation>The token is too long: API tokens have 104 characters.</translation>
    </message>
    <message>
        <source>No API token was given.</source>
        <translation>No API token was given.</translation>
    </message>
    <message>
        <source>The token is not valid base64.</source>
        <translation>The token is not valid base64.</translation>
    </message>
    <message>
        <source>The decoded token is not printable text: it is not an API token issued by this server.</source>
        <translation>The decoded token is not printable text: it is not an API token issued by this server.</translation>
    </message>
    <message>
        <source>The decoded token has no &apos;:&apos; between the id and the secret.</source>
        <translation>The decoded token has no &apos;:&apos; between the id and the secret.</translation>
    </message>
    <message>
        <source>The Authorization header is too long to hold an API token.</source>
        <translation>The Authorization header is too long to hold an API token.</translation>
    </message>
    <message>
        <source>The Authorization header is empty.</source>
        <translation>The Authorization header is empty.</translation>
    </message>
    <message>
        <source>The Authorization header uses the %1 scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</source>
        <translation>The Authorization header uses the %1 scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</translation>
    </message>
    <message>
        <source>The Authorization header does not use the Basic scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</source>
        <translation>The Authorization header does not use the Basic scheme: send the API token as &quot;Basic &lt;token&gt;&quot;.</translation>
    </message>
    <message>
        <source>The Authorization header says &quot;Basic&quot; but has no token after it.</source>
        <translation>The Authorization header says &quot;Basic&quot; but has no token after it.</translation>
    </message>
    <message>
        <source>The token has no secret after the &apos;:&apos;.</source>
        <translation>The token has no secret after the &apos;:&apos;.</translation>
    </message>
    <message>
        <source>The secret does not start with &quot;aas_&quot;.</source>
        <translation>The secret does not start with &quot;aas_&quot;.</translation>
    </message>
    <message>
        <source>The secret has the wrong length: it is &quot;aas_&quot; followed by 49 characters. It was probably truncated.</source>
        <translation>The secret has the wrong length: it is &quot;aas_&quot; followed by 49 characters. It was probably truncated.</translation>
    </message>
    <message>
        <source>The secret may contain only letters A-Z, a-z and digits 0-9 after &quot;aas_&quot;.</source>
        <translation>The secret may contain only letters A-Z, a-z and digits 0-9 after &quot;aas_&quot;.</translation>
    </message>
    <message>
        <source>The token&apos;s checksum does not match: it was probably mistyped or truncated.</source>
        <translation>The token&apos;s checksum does not match: it was probably mistyped or truncated.</translation>
    </message>
</context>
<context>
    <name>TokenInput</name>
    <message>
        <source>must have at most %1 entries (it has %2)</source>
        <translation>must have at most %1 entries (it has %2)</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>must not be empty</translation>
    </message>
    <message>
        <source>contains an invalid character</source>
        <translation>contains an invalid character</translation>
    </message>
    <message>
        <source>must not contain line breaks or other control characters</source>
        <translation>must not contain line breaks or other control characters</translation>
    </message>
    <message>
        <source>must be at most %1 characters long (it has %2)</source>
        <translation>must be at most %1 characters long (it has %2)</translation>
    </message>
</context>
<context>
    <name>TokenListCache</name>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>Cannot remove %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the token cache folder %1: %2 is not a folder.</source>
        <translation>Cannot create the token cache folder %1: %2 is not a folder.</translation>
    </message>
    <message>
        <source>Cannot create the token cache folder %1: no permission to write in %2.</source>
        <translation>Cannot create the token cache folder %1: no permission to write in %2.</translation>
    </message>
    <message>
        <source>Cannot create the token cache %1: %2</source>
        <translation>Cannot create the token cache %1: %2</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>Cannot rename %1 to %2.</translation>
    </message>
    <message>
        <source>an SQLite database with an unknown layout</source>
        <translation>an SQLite database with an unknown layout</translation>
    </message>
    <message>
        <source>schema version %1 is newer than this Studio reads (%2)</source>
        <translation>schema version %1 is newer than this Studio reads (%2)</translation>
    </message>
    <message>
        <source>migrating to schema version %1: %2</source>
        <translation>migrating to schema version %1: %2</translation>
    </message>
    <message>
        <source>the tables do not match the schema: %1</source>
        <translation>the tables do not match the schema: %1</translation>
    </message>
    <message>
        <source>SQLite refused the rollback journal</source>
        <translation>SQLite refused the rollback journal</translation>
    </message>
    <message>
        <source>damaged: %1</source>
        <translation>damaged: %1</translation>
    </message>
    <message>
        <source>an SQLite database of another application</source>
        <translation>an SQLite database of another application</translation>
    </message>
    <message>
        <source>The token cache %1 is unreadable (%2) and cannot be moved aside: %3</source>
        <translation>The token cache %1 is unreadable (%2) and cannot be moved aside: %3</translation>
    </message>
    <message>
        <source>%1 was unreadable (%2); moved it to %3 and started a new cache</source>
        <translation>%1 was unreadable (%2); moved it to %3 and started a new cache</translation>
    </message>
    <message>
        <source>No file name for the token cache.</source>
        <translation>No file name for the token cache.</translation>
    </message>
    <message>
        <source>The token cache %1 is in use by another program: %2</source>
        <translation>The token cache %1 is in use by another program: %2</translation>
    </message>
    <message>
        <source>Cannot read the token cache: %1</source>
        <translation>Cannot read the token cache: %1</translation>
    </message>
    <message>
        <source>The token cache is not open.</source>
        <translation>The token cache is not open.</translation>
    </message>
    <message>
        <source>Cannot write the token cache: %1</source>
        <translation>Cannot write the token cache: %1</translation>
    </message>
    <message>
        <source>interrupted after row %1</source>
        <translation>interrupted after row %1</translation>
    </message>
    <message>
        <source>No list is saved yet.</source>
        <translation>No list is saved yet.</translation>
    </message>
</context>
<context>
    <name>TokenStatus</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token status; expected one of %2.</source>
        <translation>&quot;%1&quot; is not a token status; expected one of %2.</translation>
    </message>
</context>
<context>
    <name>TokenStatusText</name>
    <message>
        <source>Expired %1
%2</source>
        <translation>Expired %1
%2</translation>
    </message>
    <message>
        <source>Expires %1
%2</source>
        <translation>Expires %1
%2</translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation>Never expires</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Disabled: integrations using this token are refused</source>
        <translation>Disabled: integrations using this token are refused</translation>
    </message>
    <message>
        <source>Expires in 1 minute</source>
        <translation>Expires in 1 minute</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n minutes</source>
        <translation>
            <numerusform>Expires in %n minute</numerusform>
            <numerusform>Expires in %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires in 1 hour</source>
        <translation>Expires in 1 hour</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n hours</source>
        <translation>
            <numerusform>Expires in %n hour</numerusform>
            <numerusform>Expires in %n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Expires tomorrow</source>
        <translation>Expires tomorrow</translation>
    </message>
    <message numerus="yes">
        <source>Expires in %n days</source>
        <translation>
            <numerusform>Expires in %n day</numerusform>
            <numerusform>Expires in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--help and --version go alone.</source>
        <translation>--help and --version go alone.</translation>
    </message>
    <message>
        <source>API Access Studio</source>
        <translation>API Access Studio</translation>
    </message>
</context>
</TS>
