#include "lsp/transport.h"

#include <gtest/gtest.h>

#include <sstream>
#include <streambuf>

#include "lsp/json_rpc.h"
#include "lsp/uri.h"

namespace ztlint::lsp {
namespace {

std::vector<std::string> read_all(std::istream& in) {
  MessageReader reader(in);
  std::vector<std::string> bodies;
  std::string body;
  while (reader.read(body) == MessageReader::Status::kMessage) bodies.push_back(body);
  return bodies;
}

std::vector<std::string> read_all(const std::string& bytes) {
  std::istringstream in(bytes);
  return read_all(in);
}

TEST(MessageReader, ReadsConsecutiveFramedMessages) {
  const auto bodies = read_all(frame("{\"a\":1}") + frame("{\"b\":2}"));
  EXPECT_EQ(bodies, (std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"}));
}

TEST(MessageReader, AcceptsOtherHeadersAndAnyCaseOfTheName) {
  const auto bodies = read_all(
      "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
  EXPECT_EQ(bodies, (std::vector<std::string>{"{}"}));
}

TEST(MessageReader, ResynchronisesAfterAShortContentLength) {
  // The first length is 3 too short: its tail is garbage before the next header.
  const std::string bytes = "Content-Length: 8\r\n\r\n{\"a\":123}\r\n" + frame("{\"b\":2}");
  const auto bodies = read_all(bytes);
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[0], "{\"a\":123");
  EXPECT_EQ(bodies[1], "{\"b\":2}");
}

TEST(MessageReader, FindsAHeaderGluedToTheTailOfAShortBody) {
  const std::string bytes = "Content-Length: 5\r\n\r\n{\"a\":1}" + frame("{}");
  const auto bodies = read_all(bytes);
  ASSERT_EQ(bodies.size(), 2u);
  EXPECT_EQ(bodies[1], "{}");
}

TEST(MessageReader, SkipsGarbageAndHeaderBlocksWithoutAUsableLength) {
  const std::string bytes = "garbage line\r\n\r\nContent-Length: many\r\n\r\n" +
                            std::string("Content-Length: 99999999999999\r\n\r\n") + frame("{}");
  EXPECT_EQ(read_all(bytes), (std::vector<std::string>{"{}"}));
}

TEST(MessageReader, EndsCleanlyWhenTheInputStopsMidMessage) {
  EXPECT_TRUE(read_all("Content-Length: 10\r\n\r\n{\"a\"").empty());
  EXPECT_TRUE(read_all("Content-Len").empty());
  EXPECT_TRUE(read_all("").empty());
}

// Delivers one byte per read, as a pipe may.
class TrickleBuffer : public std::streambuf {
 public:
  explicit TrickleBuffer(std::string bytes) : bytes_(std::move(bytes)) {}

 protected:
  int_type underflow() override {
    if (next_ >= bytes_.size()) return traits_type::eof();
    current_ = bytes_[next_++];
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  std::string bytes_;
  std::size_t next_ = 0;
  char current_ = 0;
};

TEST(MessageReader, AssemblesMessagesFromPartialReads) {
  TrickleBuffer buffer(frame("{\"jsonrpc\":\"2.0\"}") + frame("[]"));
  std::istream in(&buffer);
  EXPECT_EQ(read_all(in), (std::vector<std::string>{"{\"jsonrpc\":\"2.0\"}", "[]"}));
}

TEST(MessageWriter, FramesWithTheByteLengthOfTheBody) {
  std::ostringstream out;
  MessageWriter writer(out);
  writer.write("{\"x\":\"\xC3\xA9\"}");
  EXPECT_EQ(out.str(), "Content-Length: 10\r\n\r\n{\"x\":\"\xC3\xA9\"}");
}

TEST(Classify, TellsRequestsNotificationsResponsesAndJunkApart) {
  bool parse_error = false;
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":1,"method":"m"})", &parse_error).kind,
            Incoming::Kind::kRequest);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","method":"m","params":{}})", &parse_error).kind,
            Incoming::Kind::kNotification);
  EXPECT_EQ(classify(R"({"jsonrpc":"2.0","id":"x","result":null})", &parse_error).kind,
            Incoming::Kind::kResponse);
  EXPECT_EQ(classify(R"([1,2])", &parse_error).kind, Incoming::Kind::kInvalid);
  EXPECT_FALSE(parse_error);
  classify(R"({"id": 1, "method": )", &parse_error);
  EXPECT_TRUE(parse_error);
}

TEST(SerializedNotification, IsTheDumpOfTheNotificationMadeOfItsParams) {
  const Json params{{"diagnostics", Json::array({{{"message", "a \"quoted\" \u00e9"}}})},
                    {"uri", "file:///w/main.tf"},
                    {"version", 3}};
  EXPECT_EQ(serialized_notification("textDocument/publishDiagnostics", params.dump()),
            make_notification("textDocument/publishDiagnostics", params).dump());
}

TEST(Uri, ConvertsFileUrisAndPathsBothWays) {
  EXPECT_EQ(uri_to_path("file:///home/a%20b/main.tf"), "/home/a b/main.tf");
  EXPECT_EQ(uri_to_path("file://localhost/x/./y.tf"), "/x/y.tf");
  EXPECT_EQ(uri_to_path("untitled:Untitled-1"), std::nullopt);
  EXPECT_EQ(path_to_uri("/home/a b/é.tf"), "file:///home/a%20b/%C3%A9.tf");
  EXPECT_EQ(uri_to_path(path_to_uri("/w/x y#z.tf")), "/w/x y#z.tf");
}

}  // namespace
}  // namespace ztlint::lsp
