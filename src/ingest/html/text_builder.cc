#include "ingest/html/text_builder.h"

#include <optional>
#include <string_view>

#include "ingest/html/entities.h"
#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

// A stretch of a text node: page bytes and the text they stand for.
struct TextPiece {
  uint32_t orig_begin = 0;
  uint32_t orig_size = 0;
  std::string_view clean;
  bool verbatim = false;  // clean is a byte-for-byte copy of the page bytes
};

// Cuts a text node's bytes (`raw`, at page offset `at`) into verbatim runs and
// replacements: a character reference, a CR (LF) as one "\n", a NUL as nothing (a
// browser shows none). Raw text (<xmp>, <plaintext>) decodes no references.
template <typename Emit>
void DecodeText(std::string_view raw, uint32_t at, bool raw_text, Emit emit) {
  std::string decoded;
  size_t run = 0;
  auto flush = [&](size_t i) {
    if (i > run) emit(TextPiece{at + static_cast<uint32_t>(run), static_cast<uint32_t>(i - run), raw.substr(run, i - run), true});
  };
  for (size_t i = 0; i < raw.size();) {
    char c = raw[i];
    size_t used = 0;
    decoded.clear();
    if (c == '&' && !raw_text) {
      used = DecodeReference(raw, i, /*in_attribute=*/false, &decoded);
    } else if (c == '\r') {
      used = i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      decoded = "\n";
    } else if (c == '\0') {
      used = 1;
    }
    if (used == 0) {
      ++i;
      continue;
    }
    flush(i);
    emit(TextPiece{at + static_cast<uint32_t>(i), static_cast<uint32_t>(used), decoded, false});
    i += used;
    run = i;
  }
  flush(raw.size());
}

// Turns a stream of text pieces, line breaks and block boundaries into paragraphs.
class BlockBuilder {
 public:
  explicit BlockBuilder(std::string_view page) : page_(page) {}

  void EnterBlock(Tag tag, int element) {
    EndBlock();
    open_.push_back({tag, element});
  }
  void LeaveBlock() {
    EndBlock();
    if (!open_.empty()) open_.pop_back();
  }
  void EndBlock() {
    pending_space_.reset();
    pending_break_.reset();
    if (!current_.text.empty()) blocks_.push_back(std::move(current_));
    current_ = Block{};
  }

  void AddPiece(const TextPiece& piece, bool in_link, bool preformatted) {
    if (!piece.verbatim) {
      if (piece.clean.empty()) return;
      if (preformatted && piece.clean == "\n") AddLineBreak({piece.orig_begin, piece.orig_begin + piece.orig_size});
      else if (IsAllSpace(piece.clean)) AddSpace(piece.orig_begin, piece.orig_size);
      else AddContent(piece.orig_begin, piece.orig_size, piece.clean, false, in_link);
      return;
    }
    std::string_view s = piece.clean;
    for (size_t k = 0; k < s.size();) {
      uint32_t at = piece.orig_begin + static_cast<uint32_t>(k);
      if (size_t n = SpaceLength(s, k)) {
        if (preformatted && s[k] == '\n') AddLineBreak({at, at + 1});
        else AddSpace(at, static_cast<uint32_t>(n));
        k += n;
        continue;
      }
      size_t m = k + 1;
      while (m < s.size() && SpaceLength(s, m) == 0) ++m;
      AddContent(at, static_cast<uint32_t>(m - k), s.substr(k, m - k), true, in_link);
      k = m;
    }
  }

  void AddLineBreak(Span at) {
    if (current_.text.empty()) return;  // a break before any text adds nothing
    if (pending_break_) {
      EndBlock();
      return;
    }
    pending_break_ = at;
    pending_space_.reset();
  }

  std::vector<Block> TakeBlocks() {
    EndBlock();
    return std::move(blocks_);
  }

 private:
  struct OpenBlock {
    Tag tag;
    int element;
  };

  void AddSpace(uint32_t begin, uint32_t size) {
    if (current_.text.empty() || pending_break_) return;
    if (!pending_space_) pending_space_ = Span{begin, begin + size};
    else if (begin >= pending_space_->begin) pending_space_->end = std::max(pending_space_->end, begin + size);
  }

  void AddContent(uint32_t begin, uint32_t size, std::string_view clean, bool verbatim, bool in_link) {
    if (current_.text.empty()) {
      current_.tag = open_.empty() ? Tag::kUnknown : open_.back().tag;
      current_.element = open_.empty() ? -1 : open_.back().element;
      current_.original = {begin, begin + size};
    } else if (pending_break_) {
      AddStep(pending_break_->begin, pending_break_->size(), "\n", false);
    } else if (pending_space_) {
      bool plain = pending_space_->size() == 1 && page_[pending_space_->begin] == ' ';
      AddStep(pending_space_->begin, pending_space_->size(), " ", plain);
    }
    pending_break_.reset();
    pending_space_.reset();
    AddStep(begin, size, clean, verbatim);
    if (in_link) current_.link_bytes += static_cast<uint32_t>(clean.size());
    current_.original.begin = std::min(current_.original.begin, begin);
    current_.original.end = std::max(current_.original.end, begin + size);
  }

  void AddStep(uint32_t begin, uint32_t size, std::string_view clean, bool verbatim) {
    auto clean_begin = static_cast<uint32_t>(current_.text.size());
    auto clean_size = static_cast<uint32_t>(clean.size());
    current_.text.append(clean);
    if (verbatim && !current_.steps.empty()) {
      Block::Step& last = current_.steps.back();
      if (last.verbatim && last.orig_begin + last.orig_size == begin &&
          last.clean_begin + last.clean_size == clean_begin) {
        last.orig_size += size;
        last.clean_size += clean_size;
        return;
      }
    }
    current_.steps.push_back({begin, size, clean_begin, clean_size, verbatim});
  }

  std::string_view page_;
  std::vector<OpenBlock> open_;  // the open block elements, innermost last
  std::vector<Block> blocks_;
  Block current_;
  std::optional<Span> pending_space_, pending_break_;
};

// Elements whose line breaks are kept.
bool IsPreformatted(Tag tag) {
  return tag == Tag::k_pre || tag == Tag::k_plaintext || tag == Tag::k_xmp || tag == Tag::k_listing;
}

// Feeds the kept text of one container's subtree to `builder`, in document order.
void CollectFrom(const Page& page, const std::vector<NodeStats>& stats, int container, BlockBuilder* builder) {
  std::vector<int> open;  // entered elements, innermost last
  int pre_depth = 0;
  auto leave = [&](int k) {
    if (IsPreformatted(page.node(k).tag)) --pre_depth;
    if (stats[k].is_block) builder->LeaveBlock();
  };
  for (uint32_t i = container; i < page.node(container).end;) {
    const Node& node = page.node(i);
    const NodeStats& n = stats[i];
    while (!open.empty() && node.parent != open.back()) {
      leave(open.back());
      open.pop_back();
    }
    if (n.removed) {
      i = node.end;
      continue;
    }
    if (n.is_text) {
      DecodeText(page.RawText(i), node.source.begin, node.raw_text,
                 [&](const TextPiece& piece) { builder->AddPiece(piece, n.in_link, pre_depth > 0); });
      ++i;
      continue;
    }
    if (node.tag == Tag::k_br) {
      builder->AddLineBreak(node.source);
      i = node.end;
      continue;
    }
    if (n.is_block) builder->EnterBlock(node.tag, static_cast<int>(i));
    if (IsPreformatted(node.tag)) ++pre_depth;
    open.push_back(static_cast<int>(i));
    ++i;
  }
  while (!open.empty()) {
    leave(open.back());
    open.pop_back();
  }
  builder->EndBlock();
}

}  // namespace

void Block::AppendTo(CleanTextBuilder* out) const {
  for (const Step& s : steps) {
    if (s.verbatim) out->Copy(s.orig_begin, s.orig_size);
    else out->Replace(s.orig_begin, s.orig_size, std::string_view(text).substr(s.clean_begin, s.clean_size));
  }
}

std::string PlainText(const Page& page, const std::vector<NodeStats>& stats, int element) {
  std::string text;
  for (uint32_t i = element; i < page.node(element).end; ++i) {
    const Node& node = page.node(i);
    if (stats[i].hidden) {
      i = node.end - 1;
      continue;
    }
    if (node.kind == NodeKind::kElement && (stats[i].is_block || node.tag == Tag::k_br)) text.push_back(' ');
    if (node.kind != NodeKind::kText) continue;
    std::string_view raw = page.RawText(i);
    if (raw.find('&') == npos || node.raw_text) text.append(raw);
    else text.append(DecodeEntities(raw, false));
  }
  return CollapseSpace(text);
}

std::vector<Block> CollectBlocks(const Page& page, const std::vector<NodeStats>& stats,
                                 const std::vector<int>& containers) {
  BlockBuilder builder(page.html());
  for (int container : containers) CollectFrom(page, stats, container, &builder);
  return builder.TakeBlocks();
}

}  // namespace sitrep::html
