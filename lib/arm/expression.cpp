#include "arm/expression.h"

#include <fmt/format.h>

#include <charconv>

namespace ztlint::arm {

StringForm string_form(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[') {
    if (text[1] == '[') return StringForm::kEscaped;
    if (text.back() == ']') return StringForm::kExpression;
  }
  return StringForm::kLiteral;
}

namespace {

constexpr int kMaxDepth = 256;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParsedExpression run() {
    ParsedExpression result;
    skip_space();
    Expression expression = parse(0);
    skip_space();
    if (error_.empty() && pos_ < text_.size()) {
      fail(fmt::format("unexpected '{}' after the expression", text_[pos_]));
    }
    if (!error_.empty()) {
      result.error = error_;
      result.error_offset = error_offset_;
    } else {
      result.expression = std::move(expression);
    }
    return result;
  }

 private:
  void fail(std::string message) {
    if (!error_.empty()) return;
    error_ = std::move(message);
    error_offset_ = static_cast<std::uint32_t>(pos_);
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  static bool ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }
  static bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

  Expression parse(int depth) {
    if (depth > kMaxDepth) {
      fail("the expression is nested too deeply");
      return {};
    }
    Expression node = parse_primary(depth);
    while (error_.empty()) {
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == '.') {
        const std::size_t at = pos_++;
        skip_space();
        const std::size_t begin = pos_;
        while (pos_ < text_.size() && ident_char(text_[pos_])) ++pos_;
        if (pos_ == begin) {
          fail("expected a property name after '.'");
          break;
        }
        Expression member{Expression::Kind::kMember,
                          std::string(text_.substr(begin, pos_ - begin)),
                          0,
                          {},
                          static_cast<std::uint32_t>(at)};
        member.operands.push_back(std::move(node));
        node = std::move(member);
      } else if (pos_ < text_.size() && text_[pos_] == '[') {
        const std::size_t at = pos_++;
        skip_space();
        Expression index = parse(depth + 1);
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != ']') {
          fail("expected ']' after the index");
          break;
        }
        ++pos_;
        Expression access{Expression::Kind::kIndex, {}, 0, {}, static_cast<std::uint32_t>(at)};
        access.operands.push_back(std::move(node));
        access.operands.push_back(std::move(index));
        node = std::move(access);
      } else {
        break;
      }
    }
    return node;
  }

  Expression parse_primary(int depth) {
    skip_space();
    const auto at = static_cast<std::uint32_t>(pos_);
    if (pos_ >= text_.size()) {
      fail("expected an expression");
      return {};
    }
    const char c = text_[pos_];
    if (c == '\'') {
      std::string content;
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          pos_ = at;
          fail("unterminated string literal");
          return {};
        }
        if (text_[pos_] == '\'') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
            content += '\'';
            pos_ += 2;
            continue;
          }
          ++pos_;
          break;
        }
        content += text_[pos_++];
      }
      return Expression{Expression::Kind::kString, std::move(content), 0, {}, at};
    }
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
      std::size_t end = pos_ + 1;
      while (end < text_.size() &&
             ((text_[end] >= '0' && text_[end] <= '9') || text_[end] == '.')) {
        ++end;
      }
      double number = 0;
      const char* first = text_.data() + pos_ + (c == '+' ? 1 : 0);
      const auto parsed = std::from_chars(first, text_.data() + end, number);
      if (parsed.ec != std::errc() || parsed.ptr != text_.data() + end) {
        fail("invalid number");
        return {};
      }
      pos_ = end;
      return Expression{Expression::Kind::kNumber, {}, number, {}, at};
    }
    if (!ident_start(c)) {
      fail(fmt::format("unexpected '{}' in the expression", c));
      return {};
    }
    std::size_t end = pos_;
    while (end < text_.size() && (ident_char(text_[end]) || text_[end] == '.')) ++end;
    // "ns.fn(" is a user function; "a.b" without '(' is not valid here.
    std::string_view name = text_.substr(pos_, end - pos_);
    std::size_t after = end;
    while (after < text_.size() && text_[after] == ' ') ++after;
    if (after >= text_.size() || text_[after] != '(') {
      // A bare word: only the literals are allowed.
      std::size_t word_end = pos_;
      while (word_end < text_.size() && ident_char(text_[word_end])) ++word_end;
      const std::string_view word = text_.substr(pos_, word_end - pos_);
      if (word == "true" || word == "false") {
        pos_ = word_end;
        return Expression{Expression::Kind::kBool, {}, word == "true" ? 1.0 : 0.0, {}, at};
      }
      if (word == "null") {
        pos_ = word_end;
        return Expression{Expression::Kind::kNull, {}, 0, {}, at};
      }
      fail(fmt::format("expected '(' after function name '{}'", word));
      return {};
    }
    Expression call{Expression::Kind::kCall, std::string(name), 0, {}, at};
    pos_ = after + 1;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ')') {
      ++pos_;
      return call;
    }
    while (error_.empty()) {
      call.operands.push_back(parse(depth + 1));
      skip_space();
      if (!error_.empty()) break;
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ')') {
        ++pos_;
        break;
      }
      fail(fmt::format("expected ',' or ')' in the arguments of '{}'", name));
    }
    return call;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  std::uint32_t error_offset_ = 0;
};

}  // namespace

ParsedExpression parse_expression(std::string_view text) {
  return Parser(text).run();
}

}  // namespace ztlint::arm
