#include "store/sqlite_db.h"

#include <fmt/format.h>

namespace sitrep::sqlite {

// ---- Statement ----

Statement::Statement(sqlite3_stmt* stmt, bool* in_use, const std::string* path, bool owned)
    : stmt_(stmt), in_use_(in_use), path_(path), owned_(owned) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      path_(other.path_),
      owned_(other.owned_),
      bind_error_(other.bind_error_),
      last_error_(other.last_error_),
      last_message_(std::move(other.last_message_)) {}

Statement::~Statement() {
  if (!stmt_) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
    return;
  }
  // Back to the cache clean: no open read, no stale bindings for the next borrower.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (in_use_) *in_use_ = false;
}

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

Statement& Statement::BindInt(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::BindReal(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

// SQLITE_TRANSIENT makes SQLite copy the bytes, so callers may bind temporaries.
Statement& Statement::BindText(int index, std::string_view value) {
  NoteBind(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view value) {
  return value.empty() ? BindNull(index) : BindText(index, value);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  // A zero-length blob must still be a blob, not NULL: sqlite3_bind_blob64 with a null
  // pointer would store NULL, so point at a static empty string instead.
  const char* data = bytes.empty() ? "" : bytes.data();
  NoteBind(sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index));
  return *this;
}

Status Statement::StepError(int rc) {
  last_error_ = rc & 0xff;
  last_message_ = sqlite3_errmsg(sqlite3_db_handle(stmt_));
  return Status(Code::kStore, fmt::format("{} (in: {})", last_message_, sqlite3_sql(stmt_))).At(*path_);
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    last_error_ = bind_error_ & 0xff;
    return Status(Code::kStore, fmt::format("cannot bind a parameter: {} (in: {})",
                                            sqlite3_errstr(bind_error_), sqlite3_sql(stmt_)))
        .At(*path_);
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StepError(rc);
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      // Done: reset at once so the caller can bind and run the statement again.
      sqlite3_reset(stmt_);
      return Status::Ok();
    }
  }
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  // Pointer first, then size: that order is what SQLite documents as safe.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return text ? std::string(text, static_cast<size_t>(size)) : std::string();
}

std::string Statement::Blob(int column) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(data, static_cast<size_t>(size)) : std::string();
}

// ---- SqliteDb ----

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time, so SQLite's own per-call
  // locking would only cost time.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status(Code::kIo, fmt::format("cannot open the store: {}", message)).At(path);
  }
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::~SqliteDb() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

Status SqliteDb::Error(std::string_view what) const {
  return Status(Code::kStore, fmt::format("{}: {}", what, sqlite3_errmsg(db_))).At(path_);
}

Result<sqlite3_stmt*> SqliteDb::PrepareRaw(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(fmt::format("cannot prepare \"{}\"", sql));
  return stmt;
}

Result<Statement> SqliteDb::Prepare(std::string_view sql) {
  auto [it, inserted] = cache_.try_emplace(std::string(sql));
  Cached& cached = it->second;
  if (cached.in_use) {
    Result<sqlite3_stmt*> own = PrepareRaw(sql);
    if (!own.ok()) return own.status();
    return Statement(*own, nullptr, &path_, /*owned=*/true);
  }
  if (!cached.stmt) {
    Result<sqlite3_stmt*> stmt = PrepareRaw(sql);
    if (!stmt.ok()) {
      cache_.erase(it);
      return stmt.status();
    }
    cached.stmt = *stmt;
  }
  cached.in_use = true;
  return Statement(cached.stmt, &cached.in_use, &path_, /*owned=*/false);
}

Status SqliteDb::Exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Status(Code::kStore, text).At(path_);
}

Result<int64_t> SqliteDb::QueryInt(std::string_view sql) {
  Result<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(Code::kStore, fmt::format("\"{}\" returned no row", sql)).At(path_);
  return stmt->Int(0);
}

// ---- Transaction ----

Result<Transaction> Transaction::Begin(SqliteDb& db) {
  SITREP_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return Transaction(db);
}

Transaction::~Transaction() {
  // A failed statement may already have rolled SQLite back (e.g. after SQLITE_FULL);
  // ROLLBACK then fails harmlessly, so its result is ignored.
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Commit() {
  Status status = db_.Exec("COMMIT");
  // If COMMIT itself fails (SQLITE_BUSY on a reader, I/O error), the destructor's
  // ROLLBACK leaves the file as it was before the transaction.
  if (status.ok()) open_ = false;
  return status;
}

std::string EscapeLike(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace sitrep::sqlite
