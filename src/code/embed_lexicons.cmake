# Writes OUT: a C++ file holding DIR/predicates.tsv and DIR/actors.tsv as string literals.
file(READ ${DIR}/predicates.tsv PREDICATES)
file(READ ${DIR}/actors.tsv ACTORS)
file(WRITE ${OUT} "// Generated from src/code/lexicon/ by embed_lexicons.cmake. Do not edit.\n"
  "#include \"code/lexicon.h\"\n"
  "namespace sitrep::code {\n"
  "std::string_view EmbeddedPredicatesTsv() { return R\"sitrep_tsv(${PREDICATES})sitrep_tsv\"; }\n"
  "std::string_view EmbeddedActorsTsv() { return R\"sitrep_tsv(${ACTORS})sitrep_tsv\"; }\n"
  "}  // namespace sitrep::code\n")
