// JSON-RPC transport: messages framed by a Content-Length header, over any byte stream.
#pragma once

#include <istream>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace ztlint::lsp {

// Reads framed messages. Robust to what a broken client sends: header lines that are not
// `Name: value` are skipped, a Content-Length is recognised anywhere in a line (so the
// reader resynchronises after a body that was shorter than announced), and a missing or
// absurd length drops that header block. Knows nothing of JSON.
class MessageReader {
 public:
  enum class Status { kMessage, kEnd };

  explicit MessageReader(std::istream& in) : in_(in) {}

  // Blocks until a whole body has been read (kMessage, in `body`) or the stream ends (kEnd;
  // a body cut short by the end is dropped).
  Status read(std::string& body);

 private:
  std::istream& in_;
};

// Writes framed messages; safe to call from several threads.
class MessageWriter {
 public:
  explicit MessageWriter(std::ostream& out) : out_(out) {}
  void write(std::string_view body);

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

// Frames one body (what MessageWriter writes).
std::string frame(std::string_view body);

}  // namespace ztlint::lsp
