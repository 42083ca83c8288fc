#include "code/cameo_table.h"

#include <array>

namespace sitrep::code {

namespace {

// Code, short name, QuadClass, Goldstein. Sorted by code only for reading; lookup is linear
// over about 130 entries, which costs less than one parse.
constexpr std::array kCameo = {
    CameoCode{"01", "make public statement", 1, 0.0},
    CameoCode{"02", "appeal", 1, 3.0},
    CameoCode{"020", "make an appeal or request", 1, 3.0},
    CameoCode{"03", "express intent to cooperate", 1, 4.0},
    CameoCode{"030", "express intent to cooperate", 1, 4.0},
    CameoCode{"031", "express intent to engage in material cooperation", 1, 5.2},
    CameoCode{"0311", "express intent to cooperate economically", 1, 5.2},
    CameoCode{"0312", "express intent to cooperate militarily", 1, 5.2},
    CameoCode{"0313", "express intent to cooperate on judicial matters", 1, 5.2},
    CameoCode{"0314", "express intent to cooperate on intelligence", 1, 5.2},
    CameoCode{"032", "express intent to engage in diplomatic cooperation", 1, 4.5},
    CameoCode{"033", "express intent to provide material aid", 1, 5.2},
    CameoCode{"0331", "express intent to provide economic aid", 1, 5.2},
    CameoCode{"0332", "express intent to provide military aid", 1, 5.2},
    CameoCode{"0333", "express intent to provide humanitarian aid", 1, 5.2},
    CameoCode{"035", "express intent to yield", 1, 7.0},
    CameoCode{"0351", "express intent to ease administrative sanctions", 1, 7.0},
    CameoCode{"0353", "express intent to release persons or property", 1, 7.0},
    CameoCode{"0354", "express intent to ease economic sanctions", 1, 7.0},
    CameoCode{"0355", "express intent to allow international involvement", 1, 7.0},
    CameoCode{"0356", "express intent to de-escalate military engagement", 1, 7.0},
    CameoCode{"036", "express intent to meet or negotiate", 1, 4.0},
    CameoCode{"04", "consult", 1, 1.0},
    CameoCode{"040", "consult", 1, 1.0},
    CameoCode{"041", "discuss by telephone", 1, 1.0},
    CameoCode{"042", "make a visit", 1, 1.9},
    CameoCode{"043", "host a visit", 1, 2.8},
    CameoCode{"044", "meet at a third location", 1, 2.5},
    CameoCode{"045", "mediate", 1, 5.0},
    CameoCode{"046", "engage in negotiation", 1, 7.0},
    CameoCode{"05", "engage in diplomatic cooperation", 1, 3.5},
    CameoCode{"050", "engage in diplomatic cooperation", 1, 3.5},
    CameoCode{"051", "praise or endorse", 1, 3.4},
    CameoCode{"052", "defend verbally", 1, 3.5},
    CameoCode{"055", "apologize", 1, 7.0},
    CameoCode{"057", "sign formal agreement", 1, 8.0},
    CameoCode{"06", "engage in material cooperation", 2, 6.0},
    CameoCode{"060", "engage in material cooperation", 2, 6.0},
    CameoCode{"061", "cooperate economically", 2, 6.4},
    CameoCode{"062", "cooperate militarily", 2, 7.4},
    CameoCode{"063", "engage in judicial cooperation", 2, 7.4},
    CameoCode{"064", "share intelligence or information", 2, 7.0},
    CameoCode{"07", "provide aid", 2, 7.0},
    CameoCode{"070", "provide aid", 2, 7.0},
    CameoCode{"071", "provide economic aid", 2, 7.4},
    CameoCode{"072", "provide military aid", 2, 8.3},
    CameoCode{"073", "provide humanitarian aid", 2, 7.4},
    CameoCode{"074", "provide military protection or peacekeeping", 2, 8.5},
    CameoCode{"075", "grant asylum", 2, 7.0},
    CameoCode{"08", "yield", 2, 5.0},
    CameoCode{"080", "yield", 2, 5.0},
    CameoCode{"081", "ease administrative sanctions", 2, 5.0},
    CameoCode{"0813", "ease curfew", 2, 5.0},
    CameoCode{"0814", "ease state of emergency or martial law", 2, 5.0},
    CameoCode{"083", "accede to demands for political reform", 2, 5.0},
    CameoCode{"0831", "accede to demands for change in leadership", 2, 5.0},
    CameoCode{"084", "return, release", 2, 7.0},
    CameoCode{"0841", "return or release persons", 2, 7.0},
    CameoCode{"085", "ease economic sanctions, boycott or embargo", 2, 7.0},
    CameoCode{"086", "allow international involvement", 2, 9.0},
    CameoCode{"087", "de-escalate military engagement", 2, 9.0},
    CameoCode{"0871", "declare truce or ceasefire", 2, 9.0},
    CameoCode{"0872", "ease military blockade", 2, 9.0},
    CameoCode{"0874", "retreat or surrender militarily", 2, 10.0},
    CameoCode{"09", "investigate", 3, -2.0},
    CameoCode{"090", "investigate", 3, -2.0},
    CameoCode{"10", "demand", 3, -5.0},
    CameoCode{"100", "demand", 3, -5.0},
    CameoCode{"11", "disapprove", 3, -2.0},
    CameoCode{"110", "disapprove", 3, -2.0},
    CameoCode{"111", "criticize or denounce", 3, -2.0},
    CameoCode{"112", "accuse", 3, -2.0},
    CameoCode{"114", "complain officially", 3, -2.0},
    CameoCode{"115", "bring lawsuit against", 3, -2.0},
    CameoCode{"12", "reject", 3, -4.0},
    CameoCode{"120", "reject", 3, -4.0},
    CameoCode{"121", "reject material cooperation", 3, -4.0},
    CameoCode{"1211", "reject economic cooperation", 3, -4.0},
    CameoCode{"1212", "reject military cooperation", 3, -4.0},
    CameoCode{"122", "reject request for material aid", 3, -4.0},
    CameoCode{"1221", "reject request for economic aid", 3, -4.0},
    CameoCode{"1222", "reject request for military aid", 3, -4.0},
    CameoCode{"1223", "reject request for humanitarian aid", 3, -4.0},
    CameoCode{"1224", "reject request for military protection or peacekeeping", 3, -4.0},
    CameoCode{"124", "refuse to yield", 3, -5.0},
    CameoCode{"1241", "refuse to ease administrative sanctions", 3, -5.0},
    CameoCode{"1243", "refuse to release persons or property", 3, -5.0},
    CameoCode{"1244", "refuse to ease economic sanctions", 3, -5.0},
    CameoCode{"1245", "refuse to allow international involvement", 3, -5.0},
    CameoCode{"1246", "refuse to de-escalate military engagement", 3, -5.0},
    CameoCode{"125", "reject proposal to meet or negotiate", 3, -5.0},
    CameoCode{"13", "threaten", 3, -6.0},
    CameoCode{"130", "threaten", 3, -4.4},
    CameoCode{"138", "threaten with military force", 3, -7.0},
    CameoCode{"14", "protest", 4, -6.5},
    CameoCode{"140", "engage in political dissent", 4, -6.5},
    CameoCode{"141", "demonstrate or rally", 4, -6.5},
    CameoCode{"143", "conduct strike or boycott", 4, -6.5},
    CameoCode{"145", "protest violently, riot", 4, -7.5},
    CameoCode{"15", "exhibit force posture", 4, -7.2},
    CameoCode{"150", "demonstrate military or police power", 4, -7.2},
    CameoCode{"154", "mobilize or increase armed forces", 4, -7.2},
    CameoCode{"16", "reduce relations", 4, -4.0},
    CameoCode{"160", "reduce relations", 4, -4.0},
    CameoCode{"161", "reduce or break diplomatic relations", 4, -4.0},
    CameoCode{"162", "reduce or stop material aid", 4, -5.6},
    CameoCode{"1621", "reduce or stop economic assistance", 4, -5.6},
    CameoCode{"1622", "reduce or stop military assistance", 4, -5.6},
    CameoCode{"1623", "reduce or stop humanitarian assistance", 4, -5.6},
    CameoCode{"1624", "reduce or stop military protection or peacekeeping", 4, -5.6},
    CameoCode{"163", "impose embargo, boycott, or sanctions", 4, -6.5},
    CameoCode{"166", "expel or withdraw", 4, -8.0},
    CameoCode{"17", "coerce", 4, -7.0},
    CameoCode{"170", "coerce", 4, -7.0},
    CameoCode{"171", "seize or damage property", 4, -9.2},
    CameoCode{"172", "impose administrative sanctions", 4, -5.0},
    CameoCode{"1721", "impose restrictions on political freedoms", 4, -5.0},
    CameoCode{"1723", "impose curfew", 4, -5.0},
    CameoCode{"173", "arrest, detain, or charge with legal action", 4, -5.0},
    CameoCode{"174", "expel or deport individuals", 4, -5.0},
    CameoCode{"175", "use tactics of violent repression", 4, -9.0},
    CameoCode{"18", "assault", 4, -9.0},
    CameoCode{"180", "use unconventional violence", 4, -9.0},
    CameoCode{"181", "abduct, hijack, or take hostage", 4, -9.0},
    CameoCode{"182", "physically assault", 4, -9.5},
    CameoCode{"183", "conduct suicide, car, or other non-military bombing", 4, -10.0},
    CameoCode{"1831", "carry out suicide bombing", 4, -10.0},
    CameoCode{"1832", "carry out vehicular bombing", 4, -10.0},
    CameoCode{"185", "attempt to assassinate", 4, -8.0},
    CameoCode{"186", "assassinate", 4, -10.0},
    CameoCode{"19", "fight", 4, -10.0},
    CameoCode{"190", "use conventional military force", 4, -10.0},
    CameoCode{"193", "fight with small arms and light weapons", 4, -10.0},
    CameoCode{"194", "fight with artillery and tanks", 4, -10.0},
    CameoCode{"195", "employ aerial weapons", 4, -10.0},
    CameoCode{"20", "use unconventional mass violence", 4, -10.0},
    CameoCode{"202", "engage in mass killings", 4, -10.0},
};

constexpr std::array<std::string_view, 16> kPloverTypes = {
    "AGREE",   "CONSULT", "SUPPORT", "CONCEDE",  "COOPERATE", "AID",    "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE", "ASSAULT"};

}  // namespace

std::optional<CameoCode> LookupCameo(std::string_view code) {
  while (!code.empty()) {
    for (const CameoCode& entry : kCameo)
      if (entry.code == code) return entry;
    code.remove_suffix(1);  // fall back to the parent code
  }
  return std::nullopt;
}

bool IsPloverEventType(std::string_view type) {
  for (std::string_view t : kPloverTypes)
    if (t == type) return true;
  return false;
}

}  // namespace sitrep::code
