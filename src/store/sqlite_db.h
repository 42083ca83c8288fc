// A thin RAII layer over the SQLite C API: a connection, its prepared statements and
// its transactions, with every SQLite error turned into a Status that names the file.
//
// Statements are prepared once per connection and cached by their SQL text. A caller
// borrows one as a Statement handle; when the handle goes out of scope the statement is
// reset and its bindings cleared, so no half-read query keeps a read transaction open
// (which would pin an old WAL snapshot and block checkpoints).
//
// Not thread-safe: a SqliteDb and its statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "sitrep/status.h"

namespace sitrep::sqlite {

// A borrowed prepared statement. Bind errors are remembered and reported by Step, so
// a run of Bind calls needs no checks of its own. Parameters are numbered from 1,
// result columns from 0, as in SQLite.
// REQUIRES: a Statement does not outlive the SqliteDb that lent it.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& BindInt(int index, int64_t value);
  Statement& BindReal(int index, double value);
  Statement& BindText(int index, std::string_view value);
  Statement& BindTextOrNull(int index, std::string_view value);  // NULL when empty
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);

  // Advances to the next row: true when a row is ready, false when the query is done.
  Result<bool> Step();
  // Steps to the end of a statement that returns no rows (INSERT, UPDATE, ...), then
  // resets it, keeping its bindings, so a loop can bind new values and run it again.
  Status Run();
  // The primary result code of the last failed Step (SQLITE_ERROR, SQLITE_CONSTRAINT...).
  int last_error() const { return last_error_; }
  // SQLite's own message for that failure, without the SQL that Step adds.
  const std::string& last_message() const { return last_message_; }

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;  // "" for NULL
  std::string Blob(int column) const;  // "" for NULL

 private:
  friend class SqliteDb;
  Statement(sqlite3_stmt* stmt, bool* in_use, const std::string* path, bool owned);
  void NoteBind(int rc);
  Status StepError(int rc);

  sqlite3_stmt* stmt_;
  bool* in_use_;   // the cache's flag for this statement; null when owned_
  const std::string* path_;  // the database file, for error messages
  bool owned_;     // prepared for this handle alone (the cached one was busy): finalize
  int bind_error_ = SQLITE_OK;
  int last_error_ = SQLITE_OK;
  std::string last_message_;
};

class SqliteDb {
 public:
  // Opens (creating if missing) the database file at `path`. Nothing is read yet, so a
  // file that is not SQLite is only noticed by the first query.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // The cached statement for `sql`, ready to bind. If that statement is still borrowed
  // (a nested use of the same query), a private one is prepared instead.
  Result<Statement> Prepare(std::string_view sql);
  // Runs a script of one or more statements that return no rows (DDL, PRAGMAs).
  Status Exec(std::string_view sql);
  // A single integer from a query such as "PRAGMA user_version".
  Result<int64_t> QueryInt(std::string_view sql);

  // A Status for the connection's last error: "`what`: <SQLite message>", at path().
  Status Error(std::string_view what) const;

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;  // unordered_map never moves its elements, so handles may point here
  };

  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Result<sqlite3_stmt*> PrepareRaw(std::string_view sql);

  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, Cached> cache_;
};

// BEGIN IMMEDIATE ... COMMIT. Takes the write lock at once (waiting up to the busy
// timeout), so a batch never fails half-way because another writer got in first.
// Rolls back unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(SqliteDb& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_), open_(std::exchange(other.open_, false)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(SqliteDb& db) : db_(db) {}
  SqliteDb& db_;
  bool open_ = true;
};

// `text` made safe for LIKE ... ESCAPE '\': %, _ and \ match only themselves.
std::string EscapeLike(std::string_view text);

}  // namespace sitrep::sqlite
