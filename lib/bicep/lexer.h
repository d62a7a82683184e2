// Tokens of the Bicep language and the lexer that produces them, comments kept aside.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "source/diagnostic.h"
#include "source/text_range.h"

namespace ztlint::bicep {

enum class TokenKind : std::uint8_t {
  kEnd,
  kNewLine,
  kIdentifier,
  kNumber,
  kString,           // 'text' without interpolation (value decoded)
  kStringLeft,       // 'text${
  kStringMiddle,     // }text${
  kStringRight,      // }text'
  kMultilineString,  // '''text'''
  kLeftBrace,
  kRightBrace,
  kLeftBracket,
  kRightBracket,
  kLeftParen,
  kRightParen,
  kComma,
  kDot,
  kQuestionDot,  // .?
  kColon,
  kDoubleColon,  // ::
  kSemicolon,
  kQuestion,
  kDoubleQuestion,        // ??
  kAssign,                // =
  kEquals,                // ==
  kNotEquals,             // !=
  kEqualsInsensitive,     // =~
  kNotEqualsInsensitive,  // !~
  kLess,
  kLessOrEquals,
  kGreater,
  kGreaterOrEquals,
  kPlus,
  kMinus,
  kAsterisk,
  kSlash,
  kModulo,
  kExclamation,
  kAnd,    // &&
  kOr,     // ||
  kArrow,  // =>
  kAt,
  kPipe,
  kEllipsis,  // ...
  kUnknown,   // a character that starts no token
};

std::string_view to_string(TokenKind kind);

struct Token {
  TokenKind kind = TokenKind::kEnd;
  source::TextRange range;
  // Identifier name, number text, or the decoded text of a string (piece).
  std::string text;
  // True when whitespace or a comment precedes the token on its line.
  bool spaced = false;
};

// A `//`, `/* */` or `#pragma`-style line kept for suppressions and expectations.
struct Comment {
  source::TextRange range;
  std::string text;  // the comment as written
};

struct LexResult {
  std::vector<Token> tokens;  // ends with kEnd
  std::vector<Comment> comments;
  // Lexical errors: unterminated strings and comments, bad escapes, stray characters.
  std::vector<std::pair<source::TextRange, std::string>> errors;
};

// Splits Bicep source text into tokens, starting at `begin` (after a byte order mark).
// Never fails: problems are listed in `errors` and lexing goes on.
LexResult lex(std::string_view text, std::uint32_t begin = 0);

}  // namespace ztlint::bicep
