#include "json/json_reader.h"
#include "source/utf8.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace ztlint::json {

namespace {

using value::Value;

// Recursive descent straight into Values. The first error ends the read: a half-read
// document is not worth guessing about.
class Reader {
 public:
  Reader(std::string_view text, source::FileId file, std::uint32_t base, const ReadOptions& options)
      : text_(text), file_(file), base_(base), options_(options) {}

  ReadResult run() {
    ReadResult result;
    skip_space();
    if (!error_ && pos_ >= text_.size())
      fail(pos_, pos_, "expected a JSON value, found end of file");
    if (!error_) result.value = parse_value(0, pos_);
    if (!error_) {
      skip_space();
      if (!error_ && pos_ < text_.size()) {
        fail(pos_, pos_ + 1, "unexpected text after the JSON value");
      }
    }
    if (error_) {
      result.value = Value();
      result.error = std::move(error_);
    }
    return result;
  }

 private:
  source::Span span(std::size_t begin, std::size_t end) const {
    return source::Span{
        file_,
        {static_cast<std::uint32_t>(base_ + begin), static_cast<std::uint32_t>(base_ + end)}};
  }

  void fail(std::size_t begin, std::size_t end, std::string message) {
    if (error_) return;
    end = std::min(std::max(end, begin), text_.size());
    begin = std::min(begin, text_.size());
    error_ = ReadError{
        std::move(message),
        {static_cast<std::uint32_t>(base_ + begin), static_cast<std::uint32_t>(base_ + end)}};
  }

  std::string describe_here() const {
    if (pos_ >= text_.size()) return "end of file";
    const char c = text_[pos_];
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      return fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
    }
    return fmt::format("'{}'", c);
  }

  void skip_space() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() &&
                 (text_[pos_ + 1] == '/' || text_[pos_ + 1] == '*')) {
        if (!options_.allow_comments) {
          fail(pos_, pos_ + 2, "comments are not allowed here");
          return;
        }
        if (text_[pos_ + 1] == '/') {
          const auto end = text_.find('\n', pos_ + 2);
          pos_ = end == std::string_view::npos ? text_.size() : end + 1;
        } else {
          const auto end = text_.find("*/", pos_ + 2);
          if (end == std::string_view::npos) {
            fail(pos_, pos_ + 2, "unterminated /* comment");
            pos_ = text_.size();
            return;
          }
          pos_ = end + 2;
        }
      } else {
        return;
      }
    }
  }

  // `begin` is where the value's span starts: the value itself, or its member's key.
  Value parse_value(std::uint32_t depth, std::size_t begin) {
    if (pos_ >= text_.size()) {
      fail(pos_, pos_, "expected a JSON value, found end of file");
      return {};
    }
    switch (text_[pos_]) {
      case '{': return parse_object(depth, begin);
      case '[': return parse_array(depth, begin);
      case '"': {
        std::string text;
        if (!parse_string(&text)) return {};
        return Value::string(std::move(text), span(begin, pos_));
      }
      case 't': return parse_literal("true", begin);
      case 'f': return parse_literal("false", begin);
      case 'n': return parse_literal("null", begin);
      default: return parse_number(begin);
    }
  }

  Value parse_literal(std::string_view word, std::size_t begin) {
    const std::size_t at = pos_;
    if (text_.compare(pos_, word.size(), word) != 0 || is_word_char(word.size())) {
      std::size_t end = pos_;
      while (end < text_.size() && is_word_char(end - pos_)) ++end;
      fail(at, std::max(end, at + 1),
           fmt::format("expected a JSON value, found '{}'", text_.substr(at, end - at)));
      return {};
    }
    pos_ += word.size();
    if (word[0] == 'n') return Value::null(span(begin, pos_));
    return Value::boolean(word[0] == 't', span(begin, pos_));
  }

  bool is_word_char(std::size_t offset) const {
    if (pos_ + offset >= text_.size()) return false;
    const char c = text_[pos_ + offset];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  Value parse_number(std::size_t span_begin) {
    const std::size_t begin = pos_;
    std::size_t p = pos_;
    auto digits = [&] {
      const std::size_t start = p;
      while (p < text_.size() && text_[p] >= '0' && text_[p] <= '9') ++p;
      return p > start;
    };
    if (p < text_.size() && text_[p] == '-') ++p;
    const std::size_t int_begin = p;
    if (!digits()) {
      if (p == begin) {
        fail(begin, begin + 1, fmt::format("expected a JSON value, found {}", describe_here()));
      } else {
        fail(begin, p + 1, "expected digits after '-'");
      }
      return {};
    }
    if (text_[int_begin] == '0' && p - int_begin > 1) {
      fail(begin, p, "numbers may not have leading zeros");
      return {};
    }
    if (p < text_.size() && text_[p] == '.') {
      ++p;
      if (!digits()) {
        fail(begin, p + 1, "expected digits after the decimal point");
        return {};
      }
    }
    if (p < text_.size() && (text_[p] == 'e' || text_[p] == 'E')) {
      ++p;
      if (p < text_.size() && (text_[p] == '+' || text_[p] == '-')) ++p;
      if (!digits()) {
        fail(begin, p + 1, "expected digits in the exponent");
        return {};
      }
    }
    double number = 0;
    const auto [end, ec] = std::from_chars(text_.data() + begin, text_.data() + p, number);
    if (ec == std::errc::result_out_of_range) {
      fail(begin, p, "number out of range");
      return {};
    }
    (void)end;
    pos_ = p;
    return Value::number(number, span(span_begin, p));
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool parse_hex4(std::size_t at, std::uint32_t* out) {
    if (at + 4 > text_.size()) return false;
    std::uint32_t code = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int digit = hex_digit(text_[at + i]);
      if (digit < 0) return false;
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    *out = code;
    return true;
  }

  // At the opening quote; leaves pos_ after the closing quote.
  bool parse_string(std::string* out) {
    const std::size_t begin = pos_++;
    // Fast path: copy runs without escapes in one go.
    while (true) {
      std::size_t run = pos_;
      while (run < text_.size()) {
        const unsigned char c = static_cast<unsigned char>(text_[run]);
        if (c == '"' || c == '\\' || c < 0x20) break;
        ++run;
      }
      out->append(text_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= text_.size()) {
        fail(begin, begin + 1, "unterminated string");
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c != '\\' && options_.allow_control_characters && (c == '\n' || c == '\r' || c == '\t')) {
        out->push_back(c);
        ++pos_;
        continue;
      }
      if (c != '\\') {
        if (c == '\n' || c == '\r') {
          fail(begin, pos_, "unterminated string (line break inside a string)");
        } else {
          fail(pos_, pos_ + 1, "control character in a string must be escaped");
        }
        return false;
      }
      if (pos_ + 1 >= text_.size()) {
        fail(begin, begin + 1, "unterminated string");
        return false;
      }
      const char escape = text_[pos_ + 1];
      switch (escape) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          std::uint32_t code = 0;
          if (!parse_hex4(pos_ + 2, &code)) {
            fail(pos_, std::min(pos_ + 6, text_.size()), "\\u must be followed by 4 hex digits");
            return false;
          }
          std::size_t consumed = 6;
          if (code >= 0xD800 && code < 0xDC00) {
            std::uint32_t low = 0;
            if (pos_ + 7 < text_.size() && text_[pos_ + 6] == '\\' && text_[pos_ + 7] == 'u' &&
                parse_hex4(pos_ + 8, &low) && low >= 0xDC00 && low < 0xE000) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
              consumed = 12;
            } else {
              code = 0xFFFD;  // a lone surrogate cannot be UTF-8
            }
          } else if (code >= 0xDC00 && code < 0xE000) {
            code = 0xFFFD;
          }
          source::append_utf8(*out, code);
          pos_ += consumed;
          continue;
        }
        default:
          fail(pos_, pos_ + 2, fmt::format("invalid escape '\\{}' in a string", escape));
          return false;
      }
      pos_ += 2;
    }
  }

  bool enter(std::uint32_t depth) {
    if (depth >= options_.max_depth) {
      fail(pos_, pos_ + 1,
           fmt::format("nesting deeper than {} levels is not supported", options_.max_depth));
      return false;
    }
    return true;
  }

  Value parse_object(std::uint32_t depth, std::size_t span_begin) {
    if (!enter(depth)) return {};
    const std::size_t begin = pos_++;
    value::Map members;
    skip_space();
    bool first = true;
    while (!error_) {
      if (pos_ >= text_.size()) {
        fail(begin, begin + 1, "unterminated object: expected '}'");
        break;
      }
      if (text_[pos_] == '}') {
        ++pos_;
        return Value::map(std::move(members), span(span_begin, pos_));
      }
      if (text_[pos_] != '"') {
        fail(pos_, pos_ + 1,
             fmt::format("expected a quoted member name{}, found {}", first ? " or '}'" : "",
                         describe_here()));
        break;
      }
      const std::size_t key_begin = pos_;
      std::string key;
      if (!parse_string(&key)) break;
      skip_space();
      if (error_) break;
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        fail(pos_, pos_ + 1,
             fmt::format("expected ':' after object member name, found {}", describe_here()));
        break;
      }
      ++pos_;
      skip_space();
      if (error_) break;
      Value item = parse_value(depth + 1, options_.member_spans ? key_begin : pos_);
      if (error_) break;
      members.emplace_back(std::move(key), std::move(item));
      first = false;
      skip_space();
      if (error_) break;
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        if (error_) break;
        if (pos_ < text_.size() && text_[pos_] == '}' && !options_.allow_trailing_commas) {
          fail(pos_ - 1, pos_, "trailing comma before '}' is not allowed");
        }
        continue;
      }
      if (pos_ >= text_.size() || text_[pos_] == '}') continue;
      fail(pos_, pos_ + 1,
           fmt::format("expected ',' or '}}' after object member, found {}", describe_here()));
    }
    return {};
  }

  Value parse_array(std::uint32_t depth, std::size_t span_begin) {
    if (!enter(depth)) return {};
    const std::size_t begin = pos_++;
    value::List items;
    skip_space();
    while (!error_) {
      if (pos_ >= text_.size()) {
        fail(begin, begin + 1, "unterminated array: expected ']'");
        break;
      }
      if (text_[pos_] == ']') {
        ++pos_;
        return Value::list(std::move(items), span(span_begin, pos_));
      }
      Value item = parse_value(depth + 1, pos_);
      if (error_) break;
      items.push_back(std::move(item));
      skip_space();
      if (error_) break;
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        skip_space();
        if (error_) break;
        if (pos_ < text_.size() && text_[pos_] == ']' && !options_.allow_trailing_commas) {
          fail(pos_ - 1, pos_, "trailing comma before ']' is not allowed");
        }
        continue;
      }
      if (pos_ >= text_.size() || text_[pos_] == ']') continue;
      fail(pos_, pos_ + 1,
           fmt::format("expected ',' or ']' after array element, found {}", describe_here()));
    }
    return {};
  }

  std::string_view text_;
  source::FileId file_;
  std::uint32_t base_;
  const ReadOptions& options_;
  std::size_t pos_ = 0;
  std::optional<ReadError> error_;
};

}  // namespace

ReadResult read(std::string_view text, source::FileId file, std::uint32_t base,
                const ReadOptions& options) {
  return Reader(text, file, base, options).run();
}

}  // namespace ztlint::json
