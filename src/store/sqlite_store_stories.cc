// Writing the stories consolidation found (Store::ReplaceStories).
//
// Stories are replaced as a whole, because grouping is a function of the whole set of
// documents: a new article can merge two stories or pull one apart. Labels make ids
// stable: a story found again under the same label keeps its row and id, so events
// and links that point to it survive re-consolidation.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <unordered_set>

#include "store/sqlite_store.h"

namespace sitrep::sqlite {

namespace {

std::string StoriesNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

}  // namespace

Result<std::vector<int64_t>> SqliteStore::ReplaceStories(const std::vector<StoryRecord>& stories) {
  std::unordered_set<std::string> labels;
  for (const StoryRecord& s : stories) {
    if (s.label.empty()) return Status(Code::kInvalidArgument, "a story needs a label");
    if (!labels.insert(s.label).second)
      return Status(Code::kInvalidArgument, fmt::format("story label '{}' given twice", s.label));
  }
  Result<Transaction> tx = Transaction::Begin(*db_);
  if (!tx.ok()) return tx.status();
  const std::string now = StoriesNow();
  SITREP_RETURN_IF_ERROR(db_->Exec("CREATE TEMP TABLE IF NOT EXISTS kept_stories (id INTEGER PRIMARY KEY);"
                                   "DELETE FROM temp.kept_stories;"));
  Result<Statement> find = db_->Prepare("SELECT id FROM stories WHERE label = ?1 ORDER BY id LIMIT 1");
  Result<Statement> add = db_->Prepare("INSERT INTO stories (label, created_at) VALUES (?1, ?2) RETURNING id");
  Result<Statement> keep = db_->Prepare("INSERT OR IGNORE INTO temp.kept_stories (id) VALUES (?1)");
  Result<Statement> clear = db_->Prepare("DELETE FROM story_documents WHERE story_id = ?1");
  Result<Statement> exists = db_->Prepare("SELECT 1 FROM documents WHERE id = ?1");
  Result<Statement> link = db_->Prepare("INSERT OR IGNORE INTO story_documents (story_id, doc_id) VALUES (?1, ?2)");
  for (auto* s : {&find, &add, &keep, &clear, &exists, &link})
    if (!s->ok()) return s->status();
  std::vector<int64_t> ids;
  for (const StoryRecord& story : stories) {
    find->BindText(1, story.label);
    Result<bool> row = find->Step();
    if (!row.ok()) return row.status();
    int64_t id = *row ? find->Int(0) : 0;
    SITREP_RETURN_IF_ERROR(find->Run());  // reset for the next label
    if (id == 0) {
      add->BindText(1, story.label).BindText(2, now);
      Result<bool> added = add->Step();
      if (!added.ok()) return added.status();
      id = add->Int(0);
      SITREP_RETURN_IF_ERROR(add->Run());
    }
    keep->BindInt(1, id);
    SITREP_RETURN_IF_ERROR(keep->Run());
    clear->BindInt(1, id);
    SITREP_RETURN_IF_ERROR(clear->Run());
    for (int64_t doc : story.doc_ids) {
      exists->BindInt(1, doc);
      Result<bool> found = exists->Step();
      if (!found.ok()) return found.status();
      SITREP_RETURN_IF_ERROR(exists->Run());
      if (!*found)
        return Status(Code::kInvalidArgument, fmt::format("story '{}': there is no document {}", story.label, doc));
      link->BindInt(1, id).BindInt(2, doc);
      SITREP_RETURN_IF_ERROR(link->Run());
    }
    ids.push_back(id);
  }
  SITREP_RETURN_IF_ERROR(db_->Exec("DELETE FROM stories WHERE id NOT IN (SELECT id FROM temp.kept_stories);"
                                   "DELETE FROM temp.kept_stories;"));
  SITREP_RETURN_IF_ERROR(tx->Commit());
  return ids;
}

}  // namespace sitrep::sqlite
