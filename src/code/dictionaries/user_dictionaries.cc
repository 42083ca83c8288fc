#include "code/dictionaries/user_dictionaries.h"

#include <fmt/format.h>

#include <algorithm>

#include "code/sentence_graph.h"

namespace sitrep::code::dictionaries {

namespace {

// The 3-letter parts of a CAMEO code ("PAKGOVFRM" -> PAK GOV FRM); a shorter tail stays one part.
std::vector<std::string> Parts(const std::string& code) {
  std::vector<std::string> out;
  for (size_t i = 0; i < code.size(); i += 3) out.push_back(code.substr(i, 3));
  return out;
}

std::string ComposeOne(const std::string& actor, const std::string& agent) {
  const bool before = agent.ends_with('~');
  const std::string core = before ? agent.substr(0, agent.size() - 1) : agent.substr(agent.starts_with('~') ? 1 : 0);
  if (actor.empty()) return core;
  const std::vector<std::string> have = Parts(actor);
  std::string added;
  for (const std::string& part : Parts(core))
    if (std::find(have.begin(), have.end(), part) == have.end()) added += part;
  return before ? added + actor : actor + added;
}

}  // namespace

std::string ComposeAgent(const std::string& actor_code, const std::string& agent_code) {
  if (actor_code.find('/') == std::string::npos) return ComposeOne(actor_code, agent_code);
  std::string out;
  for (size_t b = 0; b <= actor_code.size();) {
    size_t e = actor_code.find('/', b);
    if (e == std::string::npos) e = actor_code.size();
    out += (out.empty() ? "" : "/") + ComposeOne(actor_code.substr(b, e - b), agent_code);
    b = e + 1;
  }
  return out;
}

Result<std::shared_ptr<const UserDictionaries>> UserDictionaries::Load(const std::vector<std::string>& actor_files,
                                                                       const std::vector<std::string>& agent_files,
                                                                       std::vector<std::string>* warnings) {
  auto out = std::make_shared<UserDictionaries>();
  for (const std::string& f : actor_files) SITREP_RETURN_IF_ERROR(out->actors_.Load(f, warnings));
  for (const std::string& f : agent_files) SITREP_RETURN_IF_ERROR(out->agents_.Load(f, warnings));
  return std::shared_ptr<const UserDictionaries>(std::move(out));
}

void UserDictionaries::AddActors(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  actors_.Add(text, name, warnings);
}

void UserDictionaries::AddAgents(std::string_view text, std::string_view name, std::vector<std::string>* warnings) {
  agents_.Add(text, name, warnings);
}

UserCoding UserDictionaries::Read(const std::vector<std::string>& words, std::optional<DayNumber> day, bool gaps,
                                  bool stems) const {
  // TABARI reads a hyphen in the text as a blank: "President-elect" is two words here,
  // each remembering the mention's word it came from.
  std::vector<std::string> parts;
  std::vector<size_t> owner;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::string lower = LowerAscii(words[w]);
    for (size_t b = 0; b < lower.size();) {
      size_t e = lower.find('-', b);
      if (e == std::string::npos) e = lower.size();
      if (e > b) parts.push_back(lower.substr(b, e - b)), owner.push_back(w);
      b = e + 1;
    }
  }
  UserCoding out;
  for (size_t p = 0; p < parts.size();) {
    const PhraseMatch actor = actors_.LongestAt(parts, p, gaps, stems);
    const PhraseMatch agent = agents_.LongestAt(parts, p, gaps, stems);
    const PhraseMatch& m = agent.size > actor.size ? agent : actor;
    if (!m.entry) {
      ++p;
      continue;
    }
    UserMatch found{owner[p], owner[p + m.size - 1], "", m.entry->origin, false, false};
    found.has_dated =
        std::any_of(m.entry->codes.begin(), m.entry->codes.end(), [](const DatedCode& c) { return c.dated(); });
    if (const DatedCode* c = ResolveCode(m.entry->codes, day, &found.by_default); c && !c->null()) found.code = c->code;
    if (&m == &agent) {
      // "former minister": an elite now, whatever office the agent names.
      if (p > 0 && parts[p - 1] == "former" && !found.code.empty()) found.code = "~ELI";
      out.agents.push_back(std::move(found));
    } else {
      out.actors.push_back(std::move(found));
    }
    p += m.size;
  }
  return out;
}

}  // namespace sitrep::code::dictionaries
