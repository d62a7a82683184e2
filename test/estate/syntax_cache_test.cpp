#include "estate/syntax_cache.h"

#include <gtest/gtest.h>

#include "estate/estate.h"
#include "support/run_ztlint.h"
#include "terraform/hcl_ast.h"

namespace ztlint::estate {
namespace {

TEST(SyntaxCacheTest, ReusesAParseOnlyForTheSamePathIdAndText) {
  SyntaxCache cache;
  const source::SourceFile file("/ws/main.tf", "variable \"a\" {}\n");
  const auto parsed = cache.parse(file, 3);
  EXPECT_EQ(cache.parse(file, 3), parsed);
  EXPECT_EQ(cache.reused(), 1u);
  EXPECT_NE(cache.parse(file, 4), parsed) << "spans carry the id: another id needs a new parse";
  const source::SourceFile elsewhere("/ws/other.tf", "variable \"a\" {}\n");
  EXPECT_NE(cache.parse(elsewhere, 4), parsed);
  EXPECT_EQ(cache.reused(), 1u);
}

// Block types, labels and spans, and the syntax errors: what the evaluator reads.
std::vector<std::string> outline(const terraform::ParsedFile& parsed) {
  std::vector<std::string> out;
  for (const terraform::Block& block : parsed.body.blocks) {
    std::string line = block.type;
    for (const std::string& label : block.labels) line += " " + label;
    line +=
        " @" + std::to_string(block.span.range.begin) + "-" + std::to_string(block.span.range.end);
    for (const terraform::Attribute& attribute : block.body.attributes) {
      line += " " + attribute.name + "@" + std::to_string(attribute.span.range.begin);
    }
    out.push_back(line);
  }
  for (const source::Diagnostic& diagnostic : parsed.diagnostics) {
    out.push_back("error " + diagnostic.message + " @" +
                  std::to_string(diagnostic.span.range.begin));
  }
  return out;
}

TEST(SyntaxCacheTest, AFileBeingEditedIsReparsedIncrementallyToTheSameTree) {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "resource \"azurerm_subnet\" \"s" + std::to_string(i) + "\" {\n  name = \"snet-" +
            std::to_string(i) + "\"\n}\n\n";
  }
  const std::vector<std::string> edits = {
      text,
      // An attribute added in the middle, a block removed at the start, a syntax error made
      // and mended, and an edit at the very end.
      text.substr(0, 200) + "  extra = 1\n" + text.substr(200),
      text.substr(text.find("resource", 10)),
      text + "resource \"azurerm_subnet\" \"broken\" {\n  name = \n",
      text + "resource \"azurerm_subnet\" \"broken\" {\n  name = \"ok\"\n}\n",
      text + "# trailing comment",
  };
  SyntaxCache cache;
  for (const std::string& version : edits) {
    const source::SourceFile file("/ws/big.tf", version);
    const auto incremental = cache.parse(file, 0);
    const auto fresh = terraform::parse_file(file, 0);
    EXPECT_EQ(outline(*incremental), outline(*fresh));
  }
  // The first edit is parsed whole (no tree was kept for a file never edited); later ones
  // reuse the previous tree.
  EXPECT_EQ(cache.incremental(), edits.size() - 2);
}

TEST(SyntaxCacheTest, AnOpenFileIsParsedIncrementallyFromItsFirstEdit) {
  const std::string text = "resource \"azurerm_subnet\" \"a\" {\n  name = \"snet-a\"\n}\n";
  SyntaxCache cache;
  const source::SourceFile on_disk("/ws/main.tf", text);
  const auto indexed = cache.parse(on_disk, 0);
  // Opened unchanged: parsed once more, to keep the tree a first edit starts from.
  const auto opened = cache.parse(on_disk, 0, /*open=*/true);
  EXPECT_NE(opened, indexed);
  EXPECT_EQ(outline(*opened), outline(*indexed));
  EXPECT_EQ(cache.parse(on_disk, 0, /*open=*/true), opened);
  const source::SourceFile edited("/ws/main.tf", text + "# edited\n");
  const auto after_edit = cache.parse(edited, 0, /*open=*/true);
  EXPECT_EQ(outline(*after_edit), outline(*terraform::parse_file(edited, 0)));
  EXPECT_EQ(cache.incremental(), 1u);
}

TEST(SyntaxCacheTest, BlocksBeforeAnEditAreCarriedIntoTheNewParse) {
  const std::string first = "resource \"azurerm_subnet\" \"a\" {\n  name = \"snet-a\"\n}\n";
  const std::string broken = "resource \"azurerm_subnet\" \"b\" {\n  name = (1 +)\n}\n";
  const std::string last = "resource \"azurerm_subnet\" \"c\" {\n  name = \"snet-c\"\n}\n";
  SyntaxCache cache;
  const source::SourceFile before("/ws/main.tf", first + broken + last);
  const auto old_parse = cache.parse(before, 0, /*open=*/true);
  const source::SourceFile after("/ws/main.tf", first + broken + last + "# edited\n");
  const auto new_parse = cache.parse(after, 0, /*open=*/true);
  const auto fresh = terraform::parse_file(after, 0);
  EXPECT_EQ(outline(*new_parse), outline(*fresh));
  ASSERT_EQ(new_parse->body.blocks.size(), 3u);
  ASSERT_EQ(old_parse->body.blocks.size(), 3u);
  const auto name_of = [](const terraform::ParsedFile& parsed, std::size_t block) {
    return parsed.body.blocks[block].body.attribute("name")->expr;
  };
  // The clean block before the edit is the same parse; the one with a syntax error is parsed
  // again, so its error is reported again.
  EXPECT_EQ(name_of(*new_parse, 0), name_of(*old_parse, 0));
  EXPECT_NE(name_of(*new_parse, 1), name_of(*old_parse, 1));
  EXPECT_FALSE(new_parse->diagnostics.empty());
  // Under another id, spans differ: nothing is carried over.
  const auto renumbered = cache.parse(after, 1, /*open=*/true);
  EXPECT_NE(name_of(*renumbered, 0), name_of(*new_parse, 0));
  EXPECT_EQ(renumbered->body.blocks[0].span.file, 1u);
}

TEST(SyntaxCacheTest, AnEstateLoadedTwiceWithACacheIsTheSameAsWithout) {
  testing::ScratchDir dir;
  dir.write("net/vnet.tf", R"(resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
}
)");
  dir.write("net/subnet.tf", R"(resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.1.0/24"
}
)");  // a syntax error: cached parses keep their diagnostics
  LoadOptions options;
  options.paths = {dir.path().string()};
  const auto plain = load_estate(options);

  SyntaxCache cache;
  options.cache = &cache;
  const auto first = load_estate(options);
  const auto second = load_estate(options);
  for (const Estate* estate : {first.get(), second.get()}) {
    ASSERT_EQ(estate->graph.size(), plain->graph.size());
    for (graph::ResourceIndex i = 0; i < plain->graph.size(); ++i) {
      EXPECT_EQ(estate->graph.resource(i).address, plain->graph.resource(i).address);
      EXPECT_EQ(estate->graph.resource(i).type, plain->graph.resource(i).type);
    }
    ASSERT_EQ(estate->diagnostics.size(), plain->diagnostics.size());
    for (std::size_t i = 0; i < plain->diagnostics.size(); ++i) {
      EXPECT_EQ(estate->diagnostics[i].message, plain->diagnostics[i].message);
      EXPECT_EQ(estate->diagnostics[i].span.range.begin, plain->diagnostics[i].span.range.begin);
    }
  }
  EXPECT_FALSE(plain->diagnostics.empty());
}

}  // namespace
}  // namespace ztlint::estate
