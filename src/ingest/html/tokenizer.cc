#include "ingest/html/tokenizer.h"

#include <cstring>

#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

bool EndsTagName(char c) { return IsAsciiSpace(c) || c == '/' || c == '>'; }

}  // namespace

bool Tokenizer::StartsMarkup(size_t at) const {
  if (at + 1 >= html_.size()) return false;
  char c = html_[at + 1];
  return IsAsciiAlpha(c) || c == '/' || c == '!' || c == '?';
}

size_t Tokenizer::SkipComment(size_t at) const {
  // "<!--" then the text up to "-->"; "<!-->" and "<!--->" are whole (empty) comments,
  // and "--!>" ends one too.
  size_t body = at + 4;
  if (html_.compare(body, 1, ">") == 0) return body + 1;
  if (html_.compare(body, 2, "->") == 0) return body + 2;
  for (size_t i = body; (i = html_.find("--", i)) != npos; ++i) {
    if (html_.compare(i + 2, 1, ">") == 0) return i + 3;
    if (html_.compare(i + 2, 2, "!>") == 0) return i + 4;
  }
  return html_.size();
}

size_t Tokenizer::SkipBogusComment(size_t at) const {
  size_t close = html_.find('>', at);
  return close == npos ? html_.size() : close + 1;
}

size_t Tokenizer::ReadAttributes(size_t i, std::vector<Attribute>* attributes, bool* self_closing) const {
  const size_t n = html_.size();
  while (i < n) {
    char c = html_[i];
    if (IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    if (c == '>') return i + 1;
    if (c == '/') {
      ++i;
      if (i < n && html_[i] == '>') {
        *self_closing = true;
        return i + 1;
      }
      continue;
    }
    // A name runs to white space, '/', '>' or '='; a leading '=' belongs to the name.
    size_t name_begin = i++;
    while (i < n && !EndsTagName(html_[i]) && html_[i] != '=') ++i;
    Attribute attribute{{static_cast<uint32_t>(name_begin), static_cast<uint32_t>(i)}, {}};
    size_t k = i;
    while (k < n && IsAsciiSpace(html_[k])) ++k;
    if (k < n && html_[k] == '=') {
      ++k;
      while (k < n && IsAsciiSpace(html_[k])) ++k;
      if (k >= n) return npos;
      if (html_[k] == '"' || html_[k] == '\'') {
        size_t close = html_.find(html_[k], k + 1);
        if (close == npos) return npos;
        attribute.value = {static_cast<uint32_t>(k + 1), static_cast<uint32_t>(close)};
        i = close + 1;
      } else if (html_[k] == '>') {
        i = k;  // "a=>": an empty value, and the tag ends
      } else {
        size_t end = k;
        while (end < n && !IsAsciiSpace(html_[end]) && html_[end] != '>') ++end;
        attribute.value = {static_cast<uint32_t>(k), static_cast<uint32_t>(end)};
        i = end;
      }
    }
    if (attributes) attributes->push_back(attribute);
  }
  return npos;
}

void Tokenizer::ReadRawText(std::string_view name, bool to_end) {
  raw_text_ = true;
  if (to_end) {
    raw_text_end_ = html_.size();
    return;
  }
  // The end tag: "</" + the name in any case + white space, '/' or '>'.
  for (size_t i = pos_; (i = html_.find("</", i)) != npos; i += 2) {
    size_t after = i + 2 + name.size();
    if (after > html_.size()) break;
    if (!EqualsIgnoreCase(html_.substr(i + 2, name.size()), name)) continue;
    if (after == html_.size() || EndsTagName(html_[after])) {
      raw_text_end_ = i;
      return;
    }
  }
  raw_text_end_ = html_.size();
}

Token Tokenizer::Next(std::vector<Attribute>* attributes) {
  const size_t n = html_.size();
  if (raw_text_) {
    raw_text_ = false;
    Token text{Token::Kind::kText, {static_cast<uint32_t>(pos_), static_cast<uint32_t>(raw_text_end_)}, {}, false};
    pos_ = raw_text_end_;
    if (!text.span.empty()) return text;
  }
  while (pos_ < n) {
    size_t at = pos_;
    if (html_[at] != '<' || !StartsMarkup(at)) {
      // Text up to the next '<' that starts markup.
      size_t i = at + 1;
      for (;;) {
        const void* lt = i < n ? std::memchr(html_.data() + i, '<', n - i) : nullptr;
        i = lt ? static_cast<size_t>(static_cast<const char*>(lt) - html_.data()) : n;
        if (i >= n || StartsMarkup(i)) break;
        ++i;
      }
      pos_ = i;
      return {Token::Kind::kText, {static_cast<uint32_t>(at), static_cast<uint32_t>(i)}, {}, false};
    }
    char c = html_[at + 1];
    if (c == '!') {
      pos_ = html_.compare(at, 4, "<!--") == 0 ? SkipComment(at) : SkipBogusComment(at);
      continue;
    }
    if (c == '?') {
      pos_ = SkipBogusComment(at);
      continue;
    }
    bool end_tag = c == '/';
    size_t name_begin = at + (end_tag ? 2 : 1);
    if (end_tag && (name_begin >= n || !IsAsciiAlpha(html_[name_begin]))) {
      // "</>" is nothing; "</ ..." and "</3" are bogus comments.
      pos_ = name_begin < n && html_[name_begin] == '>' ? name_begin + 1 : SkipBogusComment(at);
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < n && !EndsTagName(html_[name_end])) ++name_end;
    Token tag{end_tag ? Token::Kind::kEndTag : Token::Kind::kStartTag, {}, html_.substr(name_begin, name_end - name_begin),
              false};
    if (attributes) attributes->clear();
    size_t after = ReadAttributes(name_end, end_tag ? nullptr : attributes, &tag.self_closing);
    if (after == npos) {  // the page ends inside the tag: the tag is lost, as in a browser
      pos_ = n;
      break;
    }
    tag.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(after)};
    pos_ = after;
    return tag;
  }
  return {Token::Kind::kEnd, {static_cast<uint32_t>(n), static_cast<uint32_t>(n)}, {}, false};
}

}  // namespace sitrep::html
