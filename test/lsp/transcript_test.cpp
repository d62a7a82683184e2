// JSON-RPC transcripts: messages in, messages out, compared with test/lsp/transcripts/*.jsonl.
//
// A transcript is one message a line: `--> {...}` the client sends, `<-- {...}` the server
// must send, in order; `#` lines are comments. `${ROOT_URI}` stands for the scratch
// workspace the transcript runs in. The runner waits for the server to go idle after each
// message, so the order of what it sends is deterministic. ZTLINT_UPDATE_TRANSCRIPTS=1
// rewrites the expected lines from what the server sent.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp_client.h"
#include "scratch_workspace.h"

namespace ztlint::lsp {
namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::vector<std::string> transcript_names() {
  std::vector<std::string> names;
  for (const auto& entry :
       std::filesystem::directory_iterator(ZTLINT_SOURCE_DIR "/test/lsp/transcripts")) {
    if (entry.path().extension() == ".jsonl") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Transcript : public ::testing::TestWithParam<std::string> {};

TEST_P(Transcript, ServerAnswersAsRecorded) {
  const std::string path =
      std::string(ZTLINT_SOURCE_DIR "/test/lsp/transcripts/") + GetParam() + ".jsonl";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  testing::ScratchWorkspace workspace;
  const std::string root_uri = workspace.root_uri();

  std::vector<std::string> kept;  // the client's lines and comments, for rewriting
  std::vector<Json> expected;
  std::vector<Json> actual;
  {
    testing::LspClient client;
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("<-- ", 0) == 0) {
        expected.push_back(Json::parse(line.substr(4)));
        continue;
      }
      kept.push_back(line);
      if (line.rfind("--> ", 0) != 0) continue;
      client.raw(replace_all(line.substr(4), "${ROOT_URI}", root_uri));
      client.server().wait_idle();
      for (Json& message : client.take_all()) {
        actual.push_back(Json::parse(replace_all(message.dump(), root_uri, "${ROOT_URI}")));
      }
      // A marker line: how many answers had arrived after this message.
      kept.push_back(std::to_string(actual.size()));
    }
  }

  if (std::getenv("ZTLINT_UPDATE_TRANSCRIPTS")) {
    std::ofstream out(path, std::ios::trunc);
    std::size_t written = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
      if (i > 0 && kept[i - 1].rfind("--> ", 0) == 0) {
        const std::size_t upto = std::stoul(kept[i]);
        for (; written < upto; ++written) out << "<-- " << actual[written].dump() << "\n";
        continue;
      }
      out << kept[i] << "\n";
    }
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_EQ(actual.size(), expected.size()) << "the server sent:\n" << Json(actual).dump(1);
  for (std::size_t i = 0; i < actual.size(); ++i) {
    EXPECT_EQ(actual[i], expected[i]) << "message " << i << " differs:\nexpected "
                                      << expected[i].dump() << "\nactual   " << actual[i].dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Transcripts, Transcript, ::testing::ValuesIn(transcript_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ztlint::lsp
