// serve_fixture --db FILE: adds the TEST FIXTURE events of serve_fixture.h to a store
// that holds the seeds, and prints their ids as JSON. Used by web/e2e/run.mjs.
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/serve_fixture.h"

int main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "--db") {
    std::cerr << "usage: serve_fixture --db FILE (a store with the seeds ingested)\n";
    return 2;
  }
  if (sitrep::Status removed = sitrep::testing::RemoveCoderEvents(argv[2]); !removed.ok())
    return std::cerr << removed.ToString() << "\n", 1;
  auto store = sitrep::Store::Open(argv[2]);
  if (!store.ok()) return std::cerr << store.status().ToString() << "\n", 1;
  auto ids = sitrep::testing::AddSeedFixtures(**store);
  if (!ids.ok()) return std::cerr << ids.status().ToString() << "\n", 1;
  std::cout << nlohmann::json(*ids).dump() << "\n";
  return 0;
}
