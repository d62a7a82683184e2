// The template expression language: "[concat('a', parameters('b'))]" parsed into a tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ztlint::arm {

// One node of a template expression. Plain data.
struct Expression {
  enum class Kind : std::uint8_t {
    kString,  // 'text' ('' escapes a quote); `text` holds the content
    kNumber,  // 12, -3; `number`
    kBool,    // true / false; `number` is 1 or 0
    kNull,    // null
    kCall,    // name(args...); `text` is the name as written ("ns.fn" for user functions)
    kMember,  // operands[0].text
    kIndex,   // operands[0][operands[1]]
  };
  Kind kind = Kind::kNull;
  std::string text;
  double number = 0;
  std::vector<Expression> operands;
  std::uint32_t offset = 0;  // where the node starts in the expression text
};

// How a JSON string is read by the template language.
enum class StringForm : std::uint8_t {
  kLiteral,     // plain text
  kEscaped,     // "[[...": the literal text without its first '['
  kExpression,  // "[...]": an expression between the brackets
};

StringForm string_form(std::string_view text);

struct ParsedExpression {
  std::optional<Expression> expression;
  std::string error;  // set when expression is empty
  std::uint32_t error_offset = 0;
};

// Parses the text between the outer brackets of an expression string.
ParsedExpression parse_expression(std::string_view text);

}  // namespace ztlint::arm
