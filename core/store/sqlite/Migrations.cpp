// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/sqlite/Migrations.h"

namespace lyss {

namespace {
// What the search index holds of a message (schema v6): its text once it is finished,
// nothing while it streams, so saving a streaming reply every second does not index it
// again each time.
QString searchableV6(const char* row)
{
    return QStringLiteral("CASE %1.status WHEN 'streaming' THEN '' ELSE %1.content END")
        .arg(QLatin1String(row));
}

// Since v7: nor before it is marked indexed; a finished reply may be indexed later, away
// from the window's thread (SearchIndexer).
QString searchable(const char* row)
{
    return QStringLiteral("CASE WHEN %1.status = 'streaming' OR %1.indexed = 0 THEN '' "
                          "ELSE %1.content END")
        .arg(QLatin1String(row));
}

QString ftsInsertTrigger(const QString& expression)
{
    return QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages "
                          "BEGIN INSERT INTO messages_fts (rowid, content) "
                          "VALUES (new.seq, %1); END")
        .arg(expression);
}

QString ftsDeleteTrigger(const QString& expression)
{
    return QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages "
                          "BEGIN INSERT INTO messages_fts (messages_fts, rowid, content) "
                          "VALUES ('delete', old.seq, %1); END")
        .arg(expression);
}

// Takes the old text out of the index and puts the new one in, unless neither is indexed.
QString ftsUpdateTrigger(const QString& columns, const QString& oldExpression,
                         const QString& newExpression, const QString& when)
{
    return QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF %1 ON messages "
                          "WHEN %2 BEGIN "
                          "INSERT INTO messages_fts (messages_fts, rowid, content) "
                          "VALUES ('delete', old.seq, %3); "
                          "INSERT INTO messages_fts (rowid, content) VALUES (new.seq, %4); END")
        .arg(columns, when, oldExpression, newExpression);
}
} // namespace

QString messagesFtsInsertTrigger()
{
    return ftsInsertTrigger(searchable("new"));
}

namespace {

// v1: users, chats, messages (a tree), config, backends.
Migration initialSchema()
{
    return {1,
            QStringLiteral("initial schema"),
            {
                QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId),
                QStringLiteral(R"(CREATE TABLE users (
                    id          TEXT PRIMARY KEY,
                    name        TEXT NOT NULL,
                    email       TEXT UNIQUE,
                    role        TEXT NOT NULL DEFAULT 'user'
                                CHECK (role IN ('admin', 'user', 'pending')),
                    created_at  INTEGER NOT NULL
                ))"),
                // Accounts come later; until then every chat belongs to the local user.
                QStringLiteral("INSERT INTO users (id, name, role, created_at) VALUES "
                               "('local', 'Local user', 'admin', "
                               "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"),
                QStringLiteral(R"(CREATE TABLE chats (
                    id               TEXT PRIMARY KEY,
                    user_id          TEXT NOT NULL DEFAULT 'local'
                                     REFERENCES users(id) ON DELETE CASCADE,
                    title            TEXT NOT NULL DEFAULT '',
                    current_leaf_id  TEXT,
                    model            TEXT,
                    params           TEXT NOT NULL DEFAULT '{}',
                    pinned           INTEGER NOT NULL DEFAULT 0,
                    archived         INTEGER NOT NULL DEFAULT 0,
                    source           TEXT,
                    source_id        TEXT,
                    created_at       INTEGER NOT NULL,
                    updated_at       INTEGER NOT NULL
                ))"),
                QStringLiteral("CREATE INDEX chats_by_activity ON chats "
                               "(user_id, archived, updated_at DESC)"),
                QStringLiteral("CREATE UNIQUE INDEX chats_by_source ON chats (source, source_id) "
                               "WHERE source_id IS NOT NULL"),
                // seq is the stable rowid the full-text index refers to; id is the
                // public identifier (UUIDs here, the source's ids after an import).
                QStringLiteral(R"(CREATE TABLE messages (
                    seq         INTEGER PRIMARY KEY,
                    id          TEXT NOT NULL UNIQUE,
                    chat_id     TEXT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
                    parent_id   TEXT REFERENCES messages(id) ON DELETE CASCADE,
                    role        TEXT NOT NULL
                                CHECK (role IN ('system', 'user', 'assistant', 'tool')),
                    content     TEXT NOT NULL DEFAULT '',
                    thinking    TEXT,
                    model       TEXT,
                    status      TEXT NOT NULL DEFAULT 'complete'
                                CHECK (status IN ('streaming', 'complete', 'error',
                                                  'cancelled', 'interrupted')),
                    error       TEXT,
                    metrics     TEXT,
                    created_at  INTEGER NOT NULL,
                    updated_at  INTEGER NOT NULL
                ))"),
                QStringLiteral("CREATE INDEX messages_by_chat ON messages (chat_id, created_at)"),
                QStringLiteral("CREATE INDEX messages_by_parent ON messages (parent_id)"),
                QStringLiteral("CREATE INDEX messages_by_status ON messages (status) "
                               "WHERE status = 'streaming'"),
                QStringLiteral(R"(CREATE TABLE config (
                    key         TEXT PRIMARY KEY,
                    value       TEXT NOT NULL CHECK (json_valid(value)),
                    updated_at  INTEGER NOT NULL
                ))"),
                QStringLiteral(R"(CREATE TABLE backends (
                    id          INTEGER PRIMARY KEY,
                    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind        TEXT NOT NULL CHECK (kind IN ('ollama', 'openai')),
                    url         TEXT NOT NULL,
                    enabled     INTEGER NOT NULL DEFAULT 1,
                    has_key     INTEGER NOT NULL DEFAULT 0,
                    created_at  INTEGER NOT NULL
                ))"),
            }};
}

// v2: full-text search over message content, kept in sync by triggers.
Migration fullTextSearch()
{
    return {2,
            QStringLiteral("full-text search over messages"),
            {
                QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, "
                               "content='messages', content_rowid='seq', "
                               "tokenize='unicode61 remove_diacritics 2')"),
                ftsInsertTrigger(QStringLiteral("new.content")),
                QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages "
                               "BEGIN INSERT INTO messages_fts (messages_fts, rowid, content) "
                               "VALUES ('delete', old.seq, old.content); END"),
                QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF content "
                               "ON messages BEGIN "
                               "INSERT INTO messages_fts (messages_fts, rowid, content) "
                               "VALUES ('delete', old.seq, old.content); "
                               "INSERT INTO messages_fts (rowid, content) "
                               "VALUES (new.seq, new.content); END"),
                // Messages written before this version become searchable too.
                QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),
            }};
}

// v3: which process is streaming a reply, so start-up recovery leaves the replies of a
// still-running Lyss alone and marks only those of a dead one as interrupted.
Migration streamOwner()
{
    return {3,
            QStringLiteral("owner of a streaming reply"),
            {QStringLiteral("ALTER TABLE messages ADD COLUMN stream_owner TEXT")}};
}

// v4: a chat's tags (a JSON array of strings), as Open WebUI and ChatGPT exports have them.
Migration chatTags()
{
    return {4,
            QStringLiteral("chat tags"),
            {QStringLiteral("ALTER TABLE chats ADD COLUMN tags TEXT NOT NULL DEFAULT '[]' "
                            "CHECK (json_valid(tags))")}};
}

// v5: what you were typing, per chat ('' for a chat not started yet).
Migration drafts()
{
    return {5,
            QStringLiteral("drafts"),
            {QStringLiteral("CREATE TABLE drafts (chat_id TEXT PRIMARY KEY, text TEXT NOT NULL, "
                            "updated_at INTEGER NOT NULL)")}};
}

// v6: the search index holds finished text only. Before, every save of a streaming reply
// (once a second) took the whole reply out of the index and put it back, and finishing it
// did so once more; now a reply is indexed once, when it ends. The index reads its text
// through a view that shows '' for a streaming message, so a rebuild agrees with the
// triggers.
Migration searchFinishedText()
{
    return {6,
            QStringLiteral("search index of finished messages"),
            {
                QStringLiteral("DROP TRIGGER messages_fts_insert"),
                QStringLiteral("DROP TRIGGER messages_fts_delete"),
                QStringLiteral("DROP TRIGGER messages_fts_update"),
                QStringLiteral("DROP TABLE messages_fts"),
                QStringLiteral("CREATE VIEW messages_searchable AS SELECT seq, %1 AS content "
                               "FROM messages m")
                    .arg(searchableV6("m")),
                QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(content, "
                               "content='messages_searchable', content_rowid='seq', "
                               "tokenize='unicode61 remove_diacritics 2')"),
                ftsInsertTrigger(searchableV6("new")),
                ftsDeleteTrigger(searchableV6("old")),
                ftsUpdateTrigger(QStringLiteral("content, status"), searchableV6("old"),
                                 searchableV6("new"),
                                 QStringLiteral("old.status <> 'streaming' OR "
                                                "new.status <> 'streaming'")),
                QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),
            }};
}

// v7: a finished message can wait to be indexed (indexed = 0), so the window's thread
// does not spend the milliseconds a long reply takes to index; SearchIndexer does it on a
// thread of its own. Rows already there are indexed; nothing is indexed again.
Migration deferredIndexing()
{
    return {7,
            QStringLiteral("search indexing off the window's thread"),
            {
                QStringLiteral("ALTER TABLE messages ADD COLUMN indexed INTEGER NOT NULL "
                               "DEFAULT 1"),
                QStringLiteral("DROP TRIGGER messages_fts_insert"),
                QStringLiteral("DROP TRIGGER messages_fts_delete"),
                QStringLiteral("DROP TRIGGER messages_fts_update"),
                QStringLiteral("DROP VIEW messages_searchable"),
                QStringLiteral("CREATE VIEW messages_searchable AS SELECT seq, %1 AS content "
                               "FROM messages m")
                    .arg(searchable("m")),
                messagesFtsInsertTrigger(),
                ftsDeleteTrigger(searchable("old")),
                ftsUpdateTrigger(QStringLiteral("content, status, indexed"), searchable("old"),
                                 searchable("new"),
                                 QStringLiteral("NOT ((old.status = 'streaming' OR old.indexed = "
                                                "0) AND (new.status = 'streaming' OR "
                                                "new.indexed = 0))")),
                QStringLiteral("CREATE INDEX messages_waiting_for_index ON messages (indexed) "
                               "WHERE indexed = 0"),
            }};
}

// v8: the server a chat's model was picked on. With two servers offering a model of the
// same name, the name alone did not say which one the chat talks to.
Migration chatBackend()
{
    return {8,
            QStringLiteral("the server of a chat's model"),
            {QStringLiteral("ALTER TABLE chats ADD COLUMN backend TEXT")}};
}

// v9: a person's own things. Drafts are keyed by (person, chat); the settings that are
// each person's (theme, language, default model, system prompt) move from the
// installation's config table to user_settings, the local user's until accounts exist; an
// imported chat is the same chat again only for the person who imported it.
Migration userScope()
{
    return {9,
            QStringLiteral("each person's drafts and settings"),
            {
                QStringLiteral("CREATE TABLE drafts_v9 ("
                               "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                               "chat_id TEXT NOT NULL, text TEXT NOT NULL, "
                               "updated_at INTEGER NOT NULL, PRIMARY KEY (user_id, chat_id))"),
                QStringLiteral("INSERT INTO drafts_v9 (user_id, chat_id, text, updated_at) "
                               "SELECT coalesce((SELECT c.user_id FROM chats c WHERE c.id = "
                               "d.chat_id), 'local'), coalesce(d.chat_id, ''), d.text, "
                               "d.updated_at "
                               "FROM drafts d"),
                QStringLiteral("DROP TABLE drafts"),
                QStringLiteral("ALTER TABLE drafts_v9 RENAME TO drafts"),
                QStringLiteral("CREATE TABLE user_settings ("
                               "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                               "key TEXT NOT NULL, value TEXT NOT NULL CHECK (json_valid(value)), "
                               "updated_at INTEGER NOT NULL, PRIMARY KEY (user_id, key))"),
                QStringLiteral("INSERT INTO user_settings (user_id, key, value, updated_at) "
                               "SELECT 'local', key, value, updated_at FROM config WHERE key IN "
                               "(%1)")
                    .arg(QStringLiteral("'ui.theme', 'ui.language', 'chat.default_model', "
                                        "'chat.system_prompt'")),
                QStringLiteral("DELETE FROM config WHERE key IN ('ui.theme', 'ui.language', "
                               "'chat.default_model', 'chat.system_prompt')"),
                QStringLiteral("DROP INDEX chats_by_source"),
                QStringLiteral("CREATE UNIQUE INDEX chats_by_source ON chats "
                               "(user_id, source, source_id) WHERE source_id IS NOT NULL"),
            }};
}

// v10: accounts. A person has a password hash (Argon2id, libsodium's string form), can be
// disabled or asked to choose a new password, and waits after failed sign-ins (kept here,
// so that a new process does not reset the wait); names are unique whatever their case.
// A session is kept as the hash of its token, never the token.
Migration accounts()
{
    return {
        10,
        QStringLiteral("accounts and sessions"),
        {
            QStringLiteral("ALTER TABLE users ADD COLUMN password_hash TEXT"),
            QStringLiteral("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT "
                           "NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE users ADD COLUMN failures INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE users ADD COLUMN wait_until INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE users ADD COLUMN last_signin_at INTEGER"),
            QStringLiteral("CREATE UNIQUE INDEX users_by_name ON users (name COLLATE NOCASE)"),
            QStringLiteral("CREATE TABLE sessions ("
                           "token_hash TEXT PRIMARY KEY, "
                           "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                           "created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, "
                           "last_used_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX sessions_by_user ON sessions (user_id)"),
        }};
}

// v11: failed sign-ins are counted for the name as typed, in a table of their own, so that
// a name nobody has waits like a real one; they leave the accounts.
Migration signInFailures()
{
    return {11,
            QStringLiteral("failed sign-ins by name"),
            {
                QStringLiteral("CREATE TABLE sign_in_failures ("
                               "name TEXT PRIMARY KEY COLLATE NOCASE, "
                               "failures INTEGER NOT NULL, wait_until INTEGER NOT NULL, "
                               "last_failure_at INTEGER NOT NULL)"),
                QStringLiteral("INSERT INTO sign_in_failures (name, failures, wait_until, "
                               "last_failure_at) SELECT name, failures, wait_until, "
                               "max(wait_until, coalesce(last_signin_at, 0), created_at) FROM "
                               "users WHERE failures > 0"),
                QStringLiteral("ALTER TABLE users DROP COLUMN failures"),
                QStringLiteral("ALTER TABLE users DROP COLUMN wait_until"),
            }};
}

// v12: Open WebUI servers. SQLite cannot change a CHECK, so the table is made anew with
// the third kind, and the account a server was signed in to with (the token itself is in
// the keyring) and when that sign-in ends.
Migration openWebUiServers()
{
    return {12,
            QStringLiteral("Open WebUI servers"),
            {
                QStringLiteral(R"(CREATE TABLE backends_v12 (
                    id              INTEGER PRIMARY KEY,
                    name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    kind            TEXT NOT NULL
                                    CHECK (kind IN ('ollama', 'openai', 'openwebui')),
                    url             TEXT NOT NULL,
                    enabled         INTEGER NOT NULL DEFAULT 1,
                    has_key         INTEGER NOT NULL DEFAULT 0,
                    created_at      INTEGER NOT NULL,
                    account         TEXT,
                    signed_in_until INTEGER NOT NULL DEFAULT 0
                ))"),
                QStringLiteral("INSERT INTO backends_v12 (id, name, kind, url, enabled, "
                               "has_key, created_at) SELECT id, name, kind, url, enabled, "
                               "has_key, created_at FROM backends"),
                QStringLiteral("DROP TABLE backends"),
                QStringLiteral("ALTER TABLE backends_v12 RENAME TO backends"),
            }};
}

// v13: when an Open WebUI sign-in began, so that the request to sign in again comes in
// proportion to how long the server lets one last.
Migration signInStart()
{
    return {13,
            QStringLiteral("when a server's sign-in began"),
            {QStringLiteral("ALTER TABLE backends ADD COLUMN signed_in_at INTEGER NOT NULL "
                            "DEFAULT 0")}};
}

} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all{
        initialSchema(),      fullTextSearch(),   streamOwner(), chatTags(),  drafts(),
        searchFinishedText(), deferredIndexing(), chatBackend(), userScope(), accounts(),
        signInFailures(),     openWebUiServers(), signInStart()};
    return all;
}

int latestSchemaVersion()
{
    return migrations().back().version;
}

} // namespace lyss
