// Cuts an HTML page into tokens: start tags with their attributes, end tags, and text.
// Comments, doctypes and processing instructions are read and skipped. The rules are the
// HTML standard's where they decide what is text and what is markup: a '<' starts a tag
// only before a letter, quotes hide '>' inside attribute values, a comment runs to "-->",
// and the content of a raw-text element (<script>, <style>, <title>...) runs to its own
// end tag. Tokens are byte ranges of the page; nothing is copied or decoded here.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/html/dom.h"

namespace sitrep::html {

struct Token {
  enum class Kind : uint8_t { kStartTag, kEndTag, kText, kEnd };
  Kind kind = Kind::kEnd;
  Span span;                 // the whole token in the page
  std::string_view name;     // tag name as written
  bool self_closing = false;  // "<br/>": honoured only in <svg> and <math>
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view html) : html_(html) {}

  // The next token; kEnd at the end of the page. A start tag's attributes replace the
  // contents of *attributes.
  Token Next(std::vector<Attribute>* attributes);

  // Makes the next token the text up to the end tag "</name" (or the end of the page):
  // called after the start tag of a raw-text element. With `to_end`, all the rest of
  // the page is text (<plaintext>).
  void ReadRawText(std::string_view name, bool to_end);

 private:
  size_t SkipComment(size_t at) const;
  size_t SkipBogusComment(size_t at) const;
  // Reads the attributes of a tag from `at` up to and including its '>'. Returns the
  // offset after the '>', or npos when the page ends inside the tag.
  size_t ReadAttributes(size_t at, std::vector<Attribute>* attributes, bool* self_closing) const;
  // Whether html_[at] is '<' starting markup (a tag, an end tag, a comment...).
  bool StartsMarkup(size_t at) const;

  std::string_view html_;
  size_t pos_ = 0;
  size_t raw_text_end_ = 0;  // when > pos_, the text token to emit next ends there
  bool raw_text_ = false;
};

}  // namespace sitrep::html
