// Pseudo-projective parsing (Nivre & Nilsson 2005, "head" encoding): the transition parser
// builds only projective trees, so non-projective training trees are made projective by
// lifting arcs, remembering in the label where each lifted word came from, and parser
// output is taken back by following those notes.
//
// Lifting: while some arc crosses another, take the shortest non-projective arc h -> d and
// make d a dependent of h's head; the first lift renames d's label "L||H", where H is the
// label of the word d was lifted from. Lowering: a word labelled "L||H" is moved to the
// first word labelled H found breadth-first (left to right) below its current head, and
// relabelled L; when there is none it stays and is relabelled L.
//
// Heads are 0-based word indexes, -1 for the root.
#pragma once

#include <string>
#include <vector>

namespace sitrep {

inline constexpr std::string_view kLiftMark = "||";

bool IsProjective(const std::vector<int>& heads);
// Makes the tree projective in place; returns the number of lifts.
int Projectivize(std::vector<int>* heads, std::vector<std::string>* labels);
// Undoes the lifts recorded in the labels, in place.
void Deprojectivize(std::vector<int>* heads, std::vector<std::string>* labels);

}  // namespace sitrep
