// The HTML elements the reader knows by name, and what each kind means for it: which
// start a paragraph, which never hold article text, which the parser closes by itself.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::html {

#define SITREP_HTML_TAGS(X)                                                                  \
  X(a) X(abbr) X(address) X(applet) X(area) X(article) X(aside) X(audio) X(b) X(base)        \
  X(basefont) X(bgsound) X(big) X(blockquote) X(body) X(br) X(button) X(canvas) X(caption)   \
  X(center) X(cite) X(code) X(col) X(colgroup) X(data) X(datalist) X(dd) X(del) X(details)   \
  X(dialog) X(dir) X(div) X(dl) X(dt) X(em) X(embed) X(fieldset) X(figcaption) X(figure)     \
  X(font) X(footer) X(form) X(frame) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6)         \
  X(head) X(header) X(hgroup) X(hr) X(html) X(i) X(iframe) X(image) X(img) X(input) X(ins)   \
  X(kbd) X(keygen) X(label) X(legend) X(li) X(link) X(listing) X(main) X(map) X(mark)        \
  X(marquee) X(math) X(menu) X(meta) X(meter) X(nav) X(nobr) X(noembed) X(noframes)          \
  X(noscript) X(object) X(ol) X(optgroup) X(option) X(output) X(p) X(param) X(picture)       \
  X(plaintext) X(pre) X(progress) X(q) X(rb) X(rp) X(rt) X(rtc) X(ruby) X(s) X(samp)         \
  X(script) X(search) X(section) X(select) X(slot) X(small) X(source) X(span) X(strike)      \
  X(strong) X(style) X(sub) X(summary) X(sup) X(svg) X(table) X(tbody) X(td) X(template)     \
  X(textarea) X(tfoot) X(th) X(thead) X(time) X(title) X(tr) X(track) X(tt) X(u) X(ul)       \
  X(var) X(video) X(wbr) X(xmp)

enum class Tag : uint8_t {
  kUnknown,  // a custom element or a misspelling: a plain inline container
#define SITREP_HTML_TAG_ENUM(name) k_##name,
  SITREP_HTML_TAGS(SITREP_HTML_TAG_ENUM)
#undef SITREP_HTML_TAG_ENUM
};

// The tag for a name as written in the page, in any case.
Tag LookupTag(std::string_view name);
std::string_view TagName(Tag tag);

// Elements with no content and no end tag (<br>, <img>, <meta>).
bool IsVoidTag(Tag tag);
// Elements whose content is text up to their own end tag, never markup: <script>,
// <style>, <title>, <textarea>. `escapable` tells the two kinds apart: entities are
// decoded in <title> and <textarea> and not in <script> or <style>.
bool IsRawTextTag(Tag tag, bool* escapable);
// Elements that start a paragraph of their own.
bool IsBlockTag(Tag tag);
// Elements that never hold article text: code, styling, media, form controls.
bool IsOpaqueTag(Tag tag);
bool IsHeadingTag(Tag tag);
// Blocks that hold running text: what is inside them is part of one paragraph.
bool IsParagraphTag(Tag tag);

}  // namespace sitrep::html
