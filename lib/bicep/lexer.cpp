#include "bicep/lexer.h"
#include "source/utf8.h"

#include <array>
#include <cctype>
#include <utility>

namespace ztlint::bicep {
namespace {

struct Punctuation {
  std::string_view text;
  TokenKind kind;
};

// Longest first, so `...` wins over `.` and `??` over `?`.
constexpr std::array kPunctuation = {
    Punctuation{"...", TokenKind::kEllipsis},
    Punctuation{".?", TokenKind::kQuestionDot},
    Punctuation{"::", TokenKind::kDoubleColon},
    Punctuation{"??", TokenKind::kDoubleQuestion},
    Punctuation{"==", TokenKind::kEquals},
    Punctuation{"!=", TokenKind::kNotEquals},
    Punctuation{"=~", TokenKind::kEqualsInsensitive},
    Punctuation{"!~", TokenKind::kNotEqualsInsensitive},
    Punctuation{"<=", TokenKind::kLessOrEquals},
    Punctuation{">=", TokenKind::kGreaterOrEquals},
    Punctuation{"&&", TokenKind::kAnd},
    Punctuation{"||", TokenKind::kOr},
    Punctuation{"=>", TokenKind::kArrow},
    Punctuation{"{", TokenKind::kLeftBrace},
    Punctuation{"}", TokenKind::kRightBrace},
    Punctuation{"[", TokenKind::kLeftBracket},
    Punctuation{"]", TokenKind::kRightBracket},
    Punctuation{"(", TokenKind::kLeftParen},
    Punctuation{")", TokenKind::kRightParen},
    Punctuation{",", TokenKind::kComma},
    Punctuation{".", TokenKind::kDot},
    Punctuation{":", TokenKind::kColon},
    Punctuation{";", TokenKind::kSemicolon},
    Punctuation{"?", TokenKind::kQuestion},
    Punctuation{"=", TokenKind::kAssign},
    Punctuation{"<", TokenKind::kLess},
    Punctuation{">", TokenKind::kGreater},
    Punctuation{"+", TokenKind::kPlus},
    Punctuation{"-", TokenKind::kMinus},
    Punctuation{"*", TokenKind::kAsterisk},
    Punctuation{"/", TokenKind::kSlash},
    Punctuation{"%", TokenKind::kModulo},
    Punctuation{"!", TokenKind::kExclamation},
    Punctuation{"@", TokenKind::kAt},
    Punctuation{"|", TokenKind::kPipe},
};

bool is_identifier_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool is_identifier_part(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}


class Lexer {
 public:
  Lexer(std::string_view text, std::uint32_t begin) : text_(text), pos_(begin) {}

  LexResult run() {
    bool spaced = false;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
        spaced = true;
        continue;
      }
      if (c == '\n') {
        push(TokenKind::kNewLine, pos_, pos_ + 1, {}, spaced);
        ++pos_;
        spaced = false;
        continue;
      }
      if (c == '/' && peek(1) == '/') {
        const std::uint32_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        comment(start);
        spaced = true;
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        const std::uint32_t start = pos_;
        const std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) {
          pos_ = static_cast<std::uint32_t>(text_.size());
          result_.errors.push_back({{start, start + 2}, "unterminated multi-line comment"});
        } else {
          pos_ = static_cast<std::uint32_t>(close + 2);
        }
        comment(start);
        spaced = true;
        continue;
      }
      // `#disable-next-line rule` and `#disable-diagnostics` directives are trivia.
      if (c == '#' && at_line_start()) {
        const std::uint32_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        comment(start);
        spaced = true;
        continue;
      }
      lex_token(spaced);
      spaced = false;
    }
    push(TokenKind::kEnd, pos_, pos_, {}, spaced);
    return std::move(result_);
  }

 private:
  char peek(std::uint32_t ahead) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }

  bool at_line_start() const {
    for (std::uint32_t i = pos_; i > 0; --i) {
      const char c = text_[i - 1];
      if (c == '\n') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  void comment(std::uint32_t start) {
    result_.comments.push_back({{start, pos_}, std::string(text_.substr(start, pos_ - start))});
  }

  void push(TokenKind kind, std::uint32_t begin, std::uint32_t end, std::string text, bool spaced) {
    result_.tokens.push_back(Token{kind, {begin, end}, std::move(text), spaced});
  }

  void lex_token(bool spaced) {
    const std::uint32_t start = pos_;
    const char c = text_[pos_];
    if (c == '\'') {
      if (text_.substr(pos_, 3) == "'''") return lex_multiline(spaced);
      ++pos_;
      return lex_string_body(start, /*resumed=*/false, spaced);
    }
    if (c == '}' && !interpolation_depths_.empty() && interpolation_depths_.back() == 0) {
      interpolation_depths_.pop_back();
      ++pos_;
      return lex_string_body(start, /*resumed=*/true, spaced);
    }
    if (is_identifier_start(c)) {
      while (pos_ < text_.size() && is_identifier_part(text_[pos_])) ++pos_;
      return push(TokenKind::kIdentifier, start, pos_,
                  std::string(text_.substr(start, pos_ - start)), spaced);
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (peek(0) == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
        ++pos_;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
          ++pos_;
        }
      }
      return push(TokenKind::kNumber, start, pos_, std::string(text_.substr(start, pos_ - start)),
                  spaced);
    }
    for (const Punctuation& p : kPunctuation) {
      if (text_.substr(pos_, p.text.size()) == p.text) {
        pos_ += static_cast<std::uint32_t>(p.text.size());
        if (!interpolation_depths_.empty()) {
          if (p.kind == TokenKind::kLeftBrace) ++interpolation_depths_.back();
          if (p.kind == TokenKind::kRightBrace) --interpolation_depths_.back();
        }
        return push(p.kind, start, pos_, {}, spaced);
      }
    }
    // Skip a whole UTF-8 sequence so a stray character is reported once.
    ++pos_;
    while (pos_ < text_.size() && (static_cast<unsigned char>(text_[pos_]) & 0xC0) == 0x80) ++pos_;
    result_.errors.push_back({{start, pos_}, "unexpected character"});
    push(TokenKind::kUnknown, start, pos_, std::string(text_.substr(start, pos_ - start)), spaced);
  }

  void lex_multiline(bool spaced) {
    const std::uint32_t start = pos_;
    pos_ += 3;
    // Bicep drops one line break right after the opening quotes.
    std::uint32_t content = pos_;
    if (text_.substr(content, 2) == "\r\n") {
      content += 2;
    } else if (peek(0) == '\n') {
      content += 1;
    }
    const std::size_t close = text_.find("'''", content);
    if (close == std::string_view::npos) {
      pos_ = static_cast<std::uint32_t>(text_.size());
      result_.errors.push_back({{start, start + 3}, "unterminated multi-line string"});
      return push(TokenKind::kMultilineString, start, pos_, std::string(text_.substr(content)),
                  spaced);
    }
    std::size_t end = close + 3;
    // Quotes right before the closing ''' belong to the string ('''it''''s''').
    while (end < text_.size() && text_[end] == '\'') ++end;
    pos_ = static_cast<std::uint32_t>(end);
    push(TokenKind::kMultilineString, start, pos_,
         std::string(text_.substr(content, end - 3 - content)), spaced);
  }

  // Scans string text after an opening quote or the `}` closing an interpolation.
  void lex_string_body(std::uint32_t start, bool resumed, bool spaced) {
    std::string value;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\'') {
        ++pos_;
        return push(resumed ? TokenKind::kStringRight : TokenKind::kString, start, pos_,
                    std::move(value), spaced);
      }
      if (c == '$' && peek(1) == '{') {
        pos_ += 2;
        interpolation_depths_.push_back(0);
        return push(resumed ? TokenKind::kStringMiddle : TokenKind::kStringLeft, start, pos_,
                    std::move(value), spaced);
      }
      if (c == '\n') break;
      if (c == '\\') {
        escape(value);
        continue;
      }
      value += c;
      ++pos_;
    }
    result_.errors.push_back({{start, pos_}, "unterminated string"});
    push(resumed ? TokenKind::kStringRight : TokenKind::kString, start, pos_, std::move(value),
         spaced);
  }

  void escape(std::string& value) {
    const std::uint32_t start = pos_;
    const char next = peek(1);
    pos_ += 2;
    switch (next) {
      case '\\': value += '\\'; return;
      case '\'': value += '\''; return;
      case 'n': value += '\n'; return;
      case 'r': value += '\r'; return;
      case 't': value += '\t'; return;
      case '$': value += '$'; return;
      case 'u':
        if (peek(0) == '{') {
          const std::size_t close = text_.find('}', pos_);
          if (close != std::string_view::npos && close - pos_ <= 7) {
            std::uint32_t code = 0;
            bool ok = close > pos_ + 1;
            for (std::size_t i = pos_ + 1; i < close && ok; ++i) {
              const char h = text_[i];
              if (!std::isxdigit(static_cast<unsigned char>(h))) ok = false;
              code = code * 16 + static_cast<std::uint32_t>(
                                     std::isdigit(static_cast<unsigned char>(h))
                                         ? h - '0'
                                         : std::tolower(static_cast<unsigned char>(h)) - 'a' + 10);
            }
            if (ok && code <= 0x10FFFF) {
              source::append_utf8(value, code);
              pos_ = static_cast<std::uint32_t>(close + 1);
              return;
            }
          }
        }
        break;
      default: break;
    }
    if (next == '\n' || next == '\0') pos_ = start + 1;
    result_.errors.push_back({{start, pos_}, "invalid escape sequence"});
  }

  std::string_view text_;
  std::uint32_t pos_;
  LexResult result_;
  // One entry per open `${`: the depth of `{` braces opened inside it.
  std::vector<int> interpolation_depths_;
};

}  // namespace

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd: return "end of file";
    case TokenKind::kNewLine: return "new line";
    case TokenKind::kIdentifier: return "identifier";
    case TokenKind::kNumber: return "number";
    case TokenKind::kString: return "string";
    case TokenKind::kStringLeft:
    case TokenKind::kStringMiddle:
    case TokenKind::kStringRight: return "string";
    case TokenKind::kMultilineString: return "multi-line string";
    case TokenKind::kLeftBrace: return "'{'";
    case TokenKind::kRightBrace: return "'}'";
    case TokenKind::kLeftBracket: return "'['";
    case TokenKind::kRightBracket: return "']'";
    case TokenKind::kLeftParen: return "'('";
    case TokenKind::kRightParen: return "')'";
    case TokenKind::kComma: return "','";
    case TokenKind::kDot: return "'.'";
    case TokenKind::kQuestionDot: return "'.?'";
    case TokenKind::kColon: return "':'";
    case TokenKind::kDoubleColon: return "'::'";
    case TokenKind::kSemicolon: return "';'";
    case TokenKind::kQuestion: return "'?'";
    case TokenKind::kDoubleQuestion: return "'?\?'";
    case TokenKind::kAssign: return "'='";
    case TokenKind::kEquals: return "'=='";
    case TokenKind::kNotEquals: return "'!='";
    case TokenKind::kEqualsInsensitive: return "'=~'";
    case TokenKind::kNotEqualsInsensitive: return "'!~'";
    case TokenKind::kLess: return "'<'";
    case TokenKind::kLessOrEquals: return "'<='";
    case TokenKind::kGreater: return "'>'";
    case TokenKind::kGreaterOrEquals: return "'>='";
    case TokenKind::kPlus: return "'+'";
    case TokenKind::kMinus: return "'-'";
    case TokenKind::kAsterisk: return "'*'";
    case TokenKind::kSlash: return "'/'";
    case TokenKind::kModulo: return "'%'";
    case TokenKind::kExclamation: return "'!'";
    case TokenKind::kAnd: return "'&&'";
    case TokenKind::kOr: return "'||'";
    case TokenKind::kArrow: return "'=>'";
    case TokenKind::kAt: return "'@'";
    case TokenKind::kPipe: return "'|'";
    case TokenKind::kEllipsis: return "'...'";
    case TokenKind::kUnknown: return "unexpected character";
  }
  return "token";
}

LexResult lex(std::string_view text, std::uint32_t begin) {
  return Lexer(text, begin).run();
}

}  // namespace ztlint::bicep
