#include "train/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "train/perceptron.h"

namespace sitrep {
namespace {

std::string SampleModel() {
  ModelWriter writer("tagger");
  SectionWriter a;
  a.U32(7);
  a.String("hello");
  a.Array(std::vector<uint16_t>{1, 2, 3});
  a.F32(2.5f);
  writer.AddSection("alpha", a.Take());
  SectionWriter b;
  b.U64(0x1122334455667788ULL);
  writer.AddSection("beta", b.Take());
  return writer.Serialize();
}

TEST(ModelFile, RoundTrip) {
  auto file = ModelFile::Parse(SampleModel(), "m", "tagger");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->kind(), "tagger");
  SectionReader a = file->Section("alpha");
  EXPECT_EQ(a.U32(), 7u);
  EXPECT_EQ(a.String(), "hello");
  EXPECT_EQ(a.Array<uint16_t>(), (std::vector<uint16_t>{1, 2, 3}));
  EXPECT_EQ(a.F32(), 2.5f);
  EXPECT_TRUE(a.Finish().ok());
  SectionReader b = file->Section("beta");
  EXPECT_EQ(b.U64(), 0x1122334455667788ULL);
  EXPECT_TRUE(b.Finish().ok());
  EXPECT_EQ(file->bytes().size() % 8, 0u);
}

// Every possible truncation fails with kModel, names the file and gives the offset.
TEST(ModelFile, EveryTruncationIsAModelError) {
  std::string bytes = SampleModel();
  for (size_t n = 0; n < bytes.size(); ++n) {
    auto file = ModelFile::Parse(bytes.substr(0, n), "short.model", "tagger");
    ASSERT_FALSE(file.ok()) << n;
    EXPECT_EQ(file.status().code(), Code::kModel);
    EXPECT_EQ(file.status().file(), "short.model");
    ASSERT_TRUE(file.status().offset().has_value());
    EXPECT_EQ(*file.status().offset(), n);
    EXPECT_NE(file.status().message().find("truncated"), std::string::npos) << file.status().ToString();
  }
}

TEST(ModelFile, OtherVersionIsRejected) {
  std::string bytes = SampleModel();
  bytes[8] = 2;  // format version 2
  auto file = ModelFile::Parse(bytes, "v2.model", "tagger");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Code::kModel);
  EXPECT_EQ(file.status().offset(), 8u);
  EXPECT_NE(file.status().message().find("version 2"), std::string::npos);
}

TEST(ModelFile, BadMagicKindAndChecksum) {
  std::string bytes = SampleModel();
  std::string bad = bytes;
  bad[0] = 'X';
  auto magic = ModelFile::Parse(bad, "m", "tagger");
  EXPECT_EQ(magic.status().code(), Code::kModel);
  EXPECT_EQ(magic.status().offset(), 0u);

  auto kind = ModelFile::Parse(bytes, "m", "parser");
  EXPECT_EQ(kind.status().code(), Code::kModel);
  EXPECT_NE(kind.status().message().find("'tagger'"), std::string::npos);

  bad = bytes;
  bad[bad.size() - 3] ^= 0x40;  // one flipped bit in the payload
  auto sum = ModelFile::Parse(bad, "m", "tagger");
  EXPECT_EQ(sum.status().code(), Code::kModel);
  EXPECT_NE(sum.status().message().find("checksum"), std::string::npos);

  auto longer = ModelFile::Parse(bytes + "x", "m", "tagger");
  EXPECT_EQ(longer.status().code(), Code::kModel);
}

TEST(ModelFile, ReadsPastTheSectionFailWithTheOffset) {
  auto file = ModelFile::Parse(SampleModel(), "m.model", "tagger");
  ASSERT_TRUE(file.ok());
  SectionReader b = file->Section("beta");
  uint64_t start = b.offset();
  b.U64();
  EXPECT_TRUE(b.ok());
  b.U32();  // past the end
  EXPECT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Code::kModel);
  EXPECT_EQ(b.status().offset(), start + 8);
  EXPECT_EQ(b.status().file(), "m.model");
  b.U8();  // still failed, still the first error
  EXPECT_EQ(b.status().offset(), start + 8);

  SectionReader missing = file->Section("gamma");
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("gamma"), std::string::npos);
}

TEST(ModelFile, HugeArrayCountsDoNotAllocate) {
  ModelWriter writer("tagger");
  SectionWriter s;
  s.U64(uint64_t{1} << 60);  // a count no section can hold
  writer.AddSection("a", s.Take());
  auto file = ModelFile::Parse(writer.Serialize(), "m", "tagger");
  ASSERT_TRUE(file.ok());
  SectionReader a = file->Section("a");
  EXPECT_TRUE(a.Array<uint64_t>().empty());
  EXPECT_EQ(a.status().code(), Code::kModel);
}

TEST(ModelFile, MissingFileNamesIt) {
  auto file = ModelFile::Load("/nonexistent/dir/tagger.model", "tagger");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Code::kModel);
  EXPECT_EQ(file.status().file(), "/nonexistent/dir/tagger.model");
}

TEST(ModelFile, WriteAndLoad) {
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_model_file_test.model").string();
  ModelWriter writer("parser");
  SectionWriter s;
  s.String("x");
  writer.AddSection("s", s.Take());
  ASSERT_TRUE(writer.Write(path).ok());
  auto file = ModelFile::Load(path, "parser");
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->Section("s").String(), "x");
  std::remove(path.c_str());
}

TEST(SparseWeights, DamagedTablesAreRejected) {
  AveragedPerceptron ap(3);
  std::vector<uint64_t> f = {Feature(1, 2), Feature(3, 4)};
  ap.Update(f, 2, 0);
  ap.Tick();  // the averaged weight counts the time since the update
  SparseWeights w = ap.Finish(0.0f);
  float scores[3] = {0, 0, 0};
  w.Score(f, scores);
  EXPECT_GT(scores[2], scores[1]);
  EXPECT_LT(scores[0], scores[1]);

  ModelWriter writer("tagger");
  SectionWriter s;
  w.Write(&s);
  std::string section = s.Take();
  writer.AddSection("w", section);
  auto file = ModelFile::Parse(writer.Serialize(), "m", "tagger");
  ASSERT_TRUE(file.ok());
  SectionReader r = file->Section("w");
  auto read = SparseWeights::Read(&r);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->num_features(), w.num_features());

  // A class id beyond the class count (last entry's class field) must not load.
  section[section.size() - 4] = 9;
  ModelWriter bad("tagger");
  bad.AddSection("w", section);
  auto bad_file = ModelFile::Parse(bad.Serialize(), "m", "tagger");
  ASSERT_TRUE(bad_file.ok());
  SectionReader br = bad_file->Section("w");
  auto bad_read = SparseWeights::Read(&br);
  EXPECT_FALSE(bad_read.ok());
  EXPECT_EQ(bad_read.status().code(), Code::kModel);
}

}  // namespace
}  // namespace sitrep
