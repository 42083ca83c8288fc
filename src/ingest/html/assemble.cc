#include "ingest/html/assemble.h"

#include <algorithm>
#include <optional>

#include "ingest/dates.h"
#include "ingest/debris.h"
#include "ingest/html/strings.h"

namespace sitrep::html {
namespace {

// Before the first block this long come the headline, kicker and byline; a block this
// long is a paragraph of the story.
constexpr size_t kMinStoryBlock = 160;

bool BeforeStory(const Block& block) {
  return block.heading() || block.text.size() < kMinStoryBlock;
}

// The headline: an <h1> before the story's first paragraph repeats Metadata::title.
void MarkHeadline(const std::vector<Block>& blocks, std::vector<std::string>* reasons) {
  for (size_t k = 0; k < blocks.size() && BeforeStory(blocks[k]); ++k)
    if (blocks[k].tag == Tag::k_h1) (*reasons)[k] = "html: headline";
}

bool LooksLikeByline(std::string_view text, const std::vector<std::string>& authors) {
  bool names_author = std::any_of(authors.begin(), authors.end(), [&](const std::string& a) {
    return !a.empty() && FindIgnoreCase(text, Lower(a)) != npos;
  });
  if (names_author || FindIgnoreCase(text.substr(0, 3), "by ") == 0) return true;
  std::optional<FoundDate> date = FindDateInText(text);
  return date && (date->end - date->begin) * 2 >= text.size();  // little but a date
}

// Bylines: short blocks before the article's first long paragraph that name an author,
// start with "By", or hold little but a date ("By Jane Doe - 11/19/19 06:56 AM").
void MarkBylines(const std::vector<Block>& blocks, const Metadata& meta,
                 std::vector<std::string>* reasons) {
  for (size_t k = 0; k < blocks.size() && BeforeStory(blocks[k]); ++k)
    if ((*reasons)[k].empty() && blocks[k].text.size() < kMinStoryBlock &&
        LooksLikeByline(blocks[k].text, meta.authors))
      (*reasons)[k] = "html: byline";
}

// Runs the shared debris rules over the blocks not already left out.
void MarkDebris(const std::vector<Block>& blocks, std::vector<std::string>* reasons) {
  std::vector<TextBlock> input;
  std::vector<size_t> which;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!(*reasons)[k].empty()) continue;
    const Block& b = blocks[k];
    input.push_back({b.original, b.text, b.heading(), b.link_density()});
    which.push_back(k);
  }
  std::vector<std::string> verdicts = ClassifyDebris(input);
  for (size_t m = 0; m < which.size() && m < verdicts.size(); ++m)
    (*reasons)[which[m]] = std::move(verdicts[m]);
}

// Whether a block ends as a sentence does: a full stop, question or exclamation mark,
// closing quote or bracket, in Latin or CJK script.
bool EndsSentence(std::string_view text) {
  text = TrimAscii(text);
  static constexpr std::string_view kEnds[] = {".", "!", "?", "\"", ")", ":", "\u201D", "\u2019", "\u3002",
                                               "\uFF01", "\uFF1F", "\u300D", "\u2026", "\u0964"};
  for (std::string_view end : kEnds)
    if (EndsWith(text, end)) return true;
  return false;
}

// The deepest element that holds every paragraph of the story (a block of kMinStoryBlock
// bytes or more), counted from the story blocks' parents so that a one-paragraph story
// still has its siblings inside; -1 when there is no story block.
int StoryElement(const Page& page, const std::vector<Block>& blocks) {
  int first = -1;
  uint32_t last = 0;
  for (const Block& b : blocks) {
    if (BeforeStory(b) || b.element < 0) continue;
    int parent = page.node(b.element).parent;
    int at = parent >= 0 ? parent : b.element;
    if (first < 0 || at < first) first = at;
    last = std::max<uint32_t>(last, at);
  }
  if (first < 0) return -1;
  int e = first;
  while (e >= 0 && page.node(e).end <= last) e = page.node(e).parent;
  return e;
}

bool Inside(const Page& page, int element, int container) {
  return container >= 0 && element >= container && static_cast<uint32_t>(element) < page.node(container).end;
}

// Blocks that are mostly link text: menus, tag lists, headlines of other stories. A long
// sentence stays even so: a paragraph whose names all link somewhere is still prose.
void MarkLinkBlocks(const std::vector<Block>& blocks, std::vector<std::string>* reasons) {
  for (size_t k = 0; k < blocks.size(); ++k) {
    const Block& b = blocks[k];
    bool prose = EndsSentence(b.text) && b.text.size() >= 150;
    if ((*reasons)[k].empty() && b.link_density() >= 0.5 && !prose) (*reasons)[k] = "html: links";
  }
}

size_t FirstStoryBlock(const std::vector<Block>& blocks) {
  size_t k = 0;
  while (k < blocks.size() && BeforeStory(blocks[k])) ++k;
  return k;
}

// Before the story, outside the element that holds it: kickers ("Opinion"), labels,
// standfirsts, and the page's own headline area.
void MarkHeader(const Page& page, const std::vector<Block>& blocks, int story, std::vector<std::string>* reasons) {
  size_t first = FirstStoryBlock(blocks);
  if (first >= blocks.size()) return;
  for (size_t k = 0; k < first; ++k)
    if ((*reasons)[k].empty() && !Inside(page, blocks[k].element, story)) (*reasons)[k] = "html: header";
}

// After the story's last paragraph, outside the element that holds it: lists of other
// stories, author boxes, calls to subscribe. A list at the end of the story itself stays.
void MarkTrailer(const Page& page, const std::vector<Block>& blocks, int story, std::vector<std::string>* reasons) {
  size_t last = blocks.size();
  while (last > 0 && BeforeStory(blocks[last - 1])) --last;
  if (last == 0) return;
  for (size_t k = last; k < blocks.size(); ++k)
    if ((*reasons)[k].empty() && !Inside(page, blocks[k].element, story)) (*reasons)[k] = "html: trailer";
}

}  // namespace

std::vector<std::string> ClassifyBlocks(const Page& page, const std::vector<Block>& blocks, const Metadata& meta) {
  int story = StoryElement(page, blocks);
  std::vector<std::string> reasons(blocks.size());
  MarkHeadline(blocks, &reasons);
  MarkBylines(blocks, meta, &reasons);
  MarkLinkBlocks(blocks, &reasons);
  MarkHeader(page, blocks, story, &reasons);
  MarkTrailer(page, blocks, story, &reasons);
  MarkDebris(blocks, &reasons);
  return reasons;
}

void AssembleText(const std::vector<Block>& blocks, const std::vector<std::string>& reasons,
                  std::string_view page, std::string* text, OffsetMap* map, std::vector<Dropped>* dropped) {
  CleanTextBuilder out(page);
  const Block* previous = nullptr;
  for (size_t k = 0; k < blocks.size(); ++k) {
    if (!reasons[k].empty()) {
      dropped->push_back({blocks[k].original, reasons[k]});
      continue;
    }
    if (previous) out.Insert(previous->original.end, "\n\n");
    blocks[k].AppendTo(&out);
    previous = &blocks[k];
  }
  *text = out.TakeText();
  *map = out.TakeMap();
}

}  // namespace sitrep::html
