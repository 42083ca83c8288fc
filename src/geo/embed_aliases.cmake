# Writes OUT: a C++ file holding TSV (the geocoder's alias table) as a string literal.
file(READ ${TSV} ALIASES)
file(WRITE ${OUT} "// Generated from src/geo/aliases.tsv by embed_aliases.cmake. Do not edit.\n"
  "#include \"geo/geocoder.h\"\n"
  "namespace sitrep::geo {\n"
  "std::string_view Geocoder::EmbeddedAliasesTsv() { return R\"sitrep_tsv(${ALIASES})sitrep_tsv\"; }\n"
  "}  // namespace sitrep::geo\n")
