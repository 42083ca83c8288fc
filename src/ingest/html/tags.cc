#include "ingest/html/tags.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

struct NamedTag {
  std::string_view name;
  Tag tag;
};

// The names in the order of the enum, which SITREP_HTML_TAGS keeps alphabetical, so a
// binary search finds them.
constexpr NamedTag kTags[] = {
#define SITREP_HTML_TAG_ENTRY(name) {#name, Tag::k_##name},
    SITREP_HTML_TAGS(SITREP_HTML_TAG_ENTRY)
#undef SITREP_HTML_TAG_ENTRY
};

constexpr bool SortedByName() {
  for (size_t i = 1; i < std::size(kTags); ++i)
    if (!(kTags[i - 1].name < kTags[i].name)) return false;
  return true;
}
static_assert(SortedByName(), "SITREP_HTML_TAGS must stay in alphabetical order");

constexpr size_t kLongestName = 10;  // "figcaption", "blockquote"

}  // namespace

Tag LookupTag(std::string_view name) {
  if (name.empty() || name.size() > kLongestName) return Tag::kUnknown;
  char lower[kLongestName];
  for (size_t i = 0; i < name.size(); ++i) lower[i] = AsciiLower(name[i]);
  std::string_view key(lower, name.size());
  auto it = std::lower_bound(std::begin(kTags), std::end(kTags), key,
                             [](const NamedTag& t, std::string_view k) { return t.name < k; });
  return it != std::end(kTags) && it->name == key ? it->tag : Tag::kUnknown;
}

std::string_view TagName(Tag tag) {
  if (tag == Tag::kUnknown) return "";
  return kTags[static_cast<size_t>(tag) - 1].name;
}

bool IsVoidTag(Tag tag) {
  switch (tag) {
    case Tag::k_area: case Tag::k_base: case Tag::k_basefont: case Tag::k_bgsound: case Tag::k_br:
    case Tag::k_col: case Tag::k_embed: case Tag::k_frame: case Tag::k_hr: case Tag::k_image:
    case Tag::k_img: case Tag::k_input: case Tag::k_keygen: case Tag::k_link: case Tag::k_meta:
    case Tag::k_param: case Tag::k_source: case Tag::k_track: case Tag::k_wbr:
      return true;
    default:
      return false;
  }
}

bool IsRawTextTag(Tag tag, bool* escapable) {
  *escapable = tag == Tag::k_title || tag == Tag::k_textarea;
  switch (tag) {
    case Tag::k_script: case Tag::k_style: case Tag::k_xmp: case Tag::k_iframe: case Tag::k_noembed:
    case Tag::k_noframes: case Tag::k_title: case Tag::k_textarea:
    // <noscript> is raw text in a browser that runs scripts, as the pages were written for:
    // what is inside is a fallback (a "please enable JavaScript" notice), never the article.
    case Tag::k_noscript:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(Tag tag) {
  switch (tag) {
    case Tag::k_address: case Tag::k_article: case Tag::k_aside: case Tag::k_blockquote:
    case Tag::k_body: case Tag::k_center: case Tag::k_dd: case Tag::k_details: case Tag::k_dialog:
    case Tag::k_dir: case Tag::k_div: case Tag::k_dl: case Tag::k_dt: case Tag::k_fieldset:
    case Tag::k_figcaption: case Tag::k_figure: case Tag::k_footer: case Tag::k_form: case Tag::k_h1:
    case Tag::k_h2: case Tag::k_h3: case Tag::k_h4: case Tag::k_h5: case Tag::k_h6: case Tag::k_header:
    case Tag::k_hgroup: case Tag::k_hr: case Tag::k_li: case Tag::k_main: case Tag::k_menu:
    case Tag::k_nav: case Tag::k_ol: case Tag::k_p: case Tag::k_pre: case Tag::k_section:
    case Tag::k_search: case Tag::k_summary: case Tag::k_table: case Tag::k_tbody: case Tag::k_thead:
    case Tag::k_tfoot: case Tag::k_tr: case Tag::k_td: case Tag::k_th: case Tag::k_caption:
    case Tag::k_ul: case Tag::k_legend: case Tag::k_html: case Tag::k_listing: case Tag::k_plaintext:
    case Tag::k_xmp:
      return true;
    default:
      return false;
  }
}

bool IsOpaqueTag(Tag tag) {
  switch (tag) {
    case Tag::k_script: case Tag::k_style: case Tag::k_noscript: case Tag::k_template: case Tag::k_svg:
    case Tag::k_math: case Tag::k_iframe: case Tag::k_object: case Tag::k_embed: case Tag::k_canvas:
    case Tag::k_video: case Tag::k_audio: case Tag::k_select: case Tag::k_textarea: case Tag::k_button:
    case Tag::k_input: case Tag::k_img: case Tag::k_title: case Tag::k_option: case Tag::k_datalist:
    case Tag::k_map: case Tag::k_applet: case Tag::k_frameset: case Tag::k_noframes: case Tag::k_noembed:
    case Tag::k_head: case Tag::k_picture:
      return true;
    default:
      return false;
  }
}

bool IsHeadingTag(Tag tag) {
  return tag == Tag::k_h1 || tag == Tag::k_h2 || tag == Tag::k_h3 || tag == Tag::k_h4 ||
         tag == Tag::k_h5 || tag == Tag::k_h6;
}

bool IsParagraphTag(Tag tag) {
  return tag == Tag::k_p || IsHeadingTag(tag) || tag == Tag::k_li || tag == Tag::k_blockquote ||
         tag == Tag::k_pre || tag == Tag::k_dd || tag == Tag::k_dt || tag == Tag::k_td || tag == Tag::k_th;
}

}  // namespace sitrep::html
