#include "lsp/transport.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace ztlint::lsp {
namespace {

// Bodies above this are refused rather than allocated (a garbage length).
constexpr std::size_t kMaxBody = 256u << 20;

// The value of a Content-Length header found anywhere in the line, if any.
std::optional<std::size_t> content_length(std::string_view line) {
  static constexpr std::string_view kName = "content-length:";
  std::string lower(line);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::size_t at = lower.rfind(kName);
  if (at == std::string::npos) return std::nullopt;
  std::string_view rest = line.substr(at + kName.size());
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) {
    rest.remove_suffix(1);
  }
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (error != std::errc() || end != rest.data() + rest.size() || value > kMaxBody) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

MessageReader::Status MessageReader::read(std::string& body) {
  // SIZE_MAX: no usable Content-Length in this header block yet.
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::size_t length = kNone;
  std::string line;
  bool in_headers = false;  // a header line was seen since the last blank line
  while (std::getline(in_, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (length != kNone) {
        body.assign(length, '\0');
        in_.read(body.data(), static_cast<std::streamsize>(length));
        if (static_cast<std::size_t>(in_.gcount()) != length) return Status::kEnd;
        return Status::kMessage;
      }
      in_headers = false;  // a header block without a usable length: skip it
      continue;
    }
    if (auto value = content_length(line)) {
      length = *value;
    } else if (!in_headers && line.find(':') == std::string::npos) {
      length = kNone;  // garbage between messages
    }
    in_headers = true;
  }
  return Status::kEnd;
}

std::string frame(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

void MessageWriter::write(std::string_view body) {
  const std::string framed = frame(body);
  std::lock_guard lock(mutex_);
  out_.write(framed.data(), static_cast<std::streamsize>(framed.size()));
  out_.flush();
}

}  // namespace ztlint::lsp
