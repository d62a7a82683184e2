#include "bicep/parser.h"

#include <array>
#include <charconv>
#include <string>
#include <utility>

namespace ztlint::bicep {
namespace {

using source::TextRange;
using TK = TokenKind;

// Thrown inside the parser only, caught at the declaration boundary (never escapes parse()).
struct ParseFailure {};

constexpr std::array<std::string_view, 15> kDeclarationKeywords = {
    "targetScope", "metadata", "param",     "var",      "resource", "module",  "output", "type",
    "func",        "import",   "extension", "provider", "using",    "extends", "assert"};

bool is_declaration_keyword(std::string_view word) {
  for (std::string_view keyword : kDeclarationKeywords) {
    if (word == keyword) return true;
  }
  return false;
}

struct BinaryLevel {
  std::array<TK, 4> operators;
  bool newline_before_allowed;  // an operator that cannot start an item may open a line
};

// Lowest precedence first, as the Bicep operator reference lists them.
constexpr std::array kBinaryLevels = {
    BinaryLevel{{TK::kDoubleQuestion, TK::kEnd, TK::kEnd, TK::kEnd}, true},
    BinaryLevel{{TK::kOr, TK::kEnd, TK::kEnd, TK::kEnd}, true},
    BinaryLevel{{TK::kAnd, TK::kEnd, TK::kEnd, TK::kEnd}, true},
    BinaryLevel{{TK::kEquals, TK::kNotEquals, TK::kEqualsInsensitive, TK::kNotEqualsInsensitive},
                true},
    BinaryLevel{{TK::kLess, TK::kLessOrEquals, TK::kGreater, TK::kGreaterOrEquals}, false},
    BinaryLevel{{TK::kPlus, TK::kMinus, TK::kEnd, TK::kEnd}, false},
    BinaryLevel{{TK::kAsterisk, TK::kSlash, TK::kModulo, TK::kEnd}, false},
};

std::string_view operator_text(TK kind) {
  switch (kind) {
    case TK::kDoubleQuestion: return "??";
    case TK::kOr: return "||";
    case TK::kAnd: return "&&";
    case TK::kEquals: return "==";
    case TK::kNotEquals: return "!=";
    case TK::kEqualsInsensitive: return "=~";
    case TK::kNotEqualsInsensitive: return "!~";
    case TK::kLess: return "<";
    case TK::kLessOrEquals: return "<=";
    case TK::kGreater: return ">";
    case TK::kGreaterOrEquals: return ">=";
    case TK::kPlus: return "+";
    case TK::kMinus: return "-";
    case TK::kAsterisk: return "*";
    case TK::kSlash: return "/";
    case TK::kModulo: return "%";
    case TK::kExclamation: return "!";
    default: return "";
  }
}

class Parser {
 public:
  Parser(std::string_view text, std::uint32_t begin) : text_(text) {
    LexResult lexed = lex(text, begin);
    tokens_ = std::move(lexed.tokens);
    tree_.comments = std::move(lexed.comments);
    for (auto& [range, message] : lexed.errors) tree_.errors.push_back({range, message});
  }

  SyntaxTree run() {
    Node* program = tree_.make(NodeKind::kProgram, {0, static_cast<std::uint32_t>(text_.size())});
    tree_.root = program;
    while (true) {
      skip_newlines();
      if (at(TK::kEnd)) break;
      const std::size_t start = pos_;
      const std::size_t errors_before = tree_.errors.size();
      try {
        depth_ = 0;
        Node* declaration = parse_declaration();
        program->items.push_back(declaration);
        if (!at(TK::kNewLine) && !at(TK::kEnd)) {
          fail("expected a new line after " + describe_previous());
        }
      } catch (const ParseFailure&) {
        if (tree_.errors.size() == errors_before) {
          error_here("expected a declaration after " + describe_previous());
        }
        Node* broken = tree_.make(NodeKind::kError, {tokens_[start].range.begin, 0});
        synchronize();
        broken->range.end = std::max(broken->range.begin, previous_end());
        program->items.push_back(broken);
        if (pos_ == start) advance();
      }
    }
    return std::move(tree_);
  }

 private:
  // ---- tokens -----------------------------------------------------------------------

  const Token& cur() const { return tokens_[pos_]; }
  const Token& peek(std::size_t ahead = 1) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  bool at(TK kind) const { return cur().kind == kind; }
  bool at_word(std::string_view word) const {
    return cur().kind == TK::kIdentifier && cur().text == word;
  }
  const Token& advance() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  std::uint32_t previous_end() const { return pos_ == 0 ? 0 : tokens_[pos_ - 1].range.end; }
  void skip_newlines() {
    while (at(TK::kNewLine)) advance();
  }
  // The kind of the first token that is not a new line, from the current position.
  TK kind_past_newlines() const {
    std::size_t i = pos_;
    while (tokens_[i].kind == TK::kNewLine) ++i;
    return tokens_[i].kind;
  }

  // The last token before the current one that is not a line break.
  const Token* previous_significant() const {
    for (std::size_t i = pos_; i > 0; --i) {
      if (tokens_[i - 1].kind != TK::kNewLine) return &tokens_[i - 1];
    }
    return nullptr;
  }
  std::uint32_t significant_end() const {
    const Token* token = previous_significant();
    return token ? token->range.end : 0;
  }

  std::string describe_previous() const {
    const Token* previous = previous_significant();
    if (!previous) return "the start of the file";
    const Token& token = *previous;
    switch (token.kind) {
      case TK::kString:
      case TK::kStringRight:
      case TK::kMultilineString: return "a string";
      case TK::kNumber: return "'" + token.text + "'";
      default: break;
    }
    std::string_view written = text_.substr(token.range.begin, token.range.end - token.range.begin);
    if (written.size() > 30) return std::string(to_string(token.kind));
    return "'" + std::string(written) + "'";
  }

  TextRange error_range() const {
    // A token on a later line than what it should follow: point right after the latter.
    if (at(TK::kNewLine) || at(TK::kEnd) || (pos_ > 0 && tokens_[pos_ - 1].kind == TK::kNewLine)) {
      return {significant_end(), significant_end()};
    }
    return cur().range;
  }
  void error_here(std::string message) {
    tree_.errors.push_back({error_range(), std::move(message)});
  }
  [[noreturn]] void fail(std::string message) {
    error_here(std::move(message));
    throw ParseFailure{};
  }
  const Token& expect(TK kind, std::string_view what) {
    if (!at(kind)) fail("expected " + std::string(what) + " after " + describe_previous());
    return advance();
  }
  const Token& expect_word(std::string_view word) {
    if (!at_word(word)) fail("expected '" + std::string(word) + "' after " + describe_previous());
    return advance();
  }
  const Token& expect_identifier(std::string_view what) { return expect(TK::kIdentifier, what); }

  // At an unindented line that starts with a declaration keyword or a decorator.
  bool at_declaration_start() const {
    if (pos_ > 0 && tokens_[pos_ - 1].kind != TK::kNewLine) return false;
    if (cur().spaced) return false;
    if (at(TK::kAt)) return true;
    return at(TK::kIdentifier) && is_declaration_keyword(cur().text) && peek().kind != TK::kColon &&
           peek().kind != TK::kNewLine;
  }

  // Skips to the next line that starts (unindented) with a declaration keyword or decorator.
  void synchronize() {
    while (!at(TK::kEnd) && !at_declaration_start()) advance();
  }

  // Inside a bracketed list: a declaration at the start of a line means the list was left open.
  void check_unclosed(std::string_view closing) {
    if (at_declaration_start() || at(TK::kEnd)) {
      tree_.errors.push_back(
          {{significant_end(), significant_end()},
           "expected " + std::string(closing) + " after " + describe_previous()});
      throw ParseFailure{};
    }
  }

  struct DepthGuard {
    explicit DepthGuard(Parser& parser) : parser_(parser) {
      if (++parser_.depth_ > kMaxDepth) {
        parser_.fail("expected less deeply nested code after " + parser_.describe_previous() +
                     " (nesting limit reached)");
      }
    }
    ~DepthGuard() { --parser_.depth_; }
    Parser& parser_;
  };

  Node* make(NodeKind kind, std::uint32_t begin) {
    return tree_.make(kind, {begin, std::max(begin, previous_end())});
  }
  void finish(Node* node) { node->range.end = std::max(node->range.begin, previous_end()); }

  // ---- declarations ------------------------------------------------------------------

  std::vector<Node*> parse_decorators() {
    std::vector<Node*> decorators;
    while (at(TK::kAt)) {
      const std::uint32_t begin = advance().range.begin;
      Node* decorator = make(NodeKind::kDecorator, begin);
      if (!at(TK::kIdentifier)) fail("expected a decorator name after '@'");
      decorator->value = parse_postfix(parse_primary());
      finish(decorator);
      decorators.push_back(decorator);
      skip_newlines();
    }
    return decorators;
  }

  void take_name(Node* node, std::string_view what) {
    const Token& name = expect_identifier(what);
    node->name = name.text;
    node->name_range = name.range;
  }

  // A string literal without interpolation, as in a resource type or module path.
  const Token& expect_plain_string(std::string_view what) {
    if (at(TK::kStringLeft)) fail("expected " + std::string(what) + " without interpolation");
    return expect(TK::kString, what);
  }

  Node* parse_declaration() {
    const std::uint32_t begin = cur().range.begin;
    std::vector<Node*> decorators = parse_decorators();
    if (!at(TK::kIdentifier) || !is_declaration_keyword(cur().text)) {
      fail("expected a declaration (param, var, resource, module, output, ...) after " +
           describe_previous());
    }
    const std::string keyword = advance().text;
    Node* node = nullptr;
    if (keyword == "targetScope") {
      node = make(NodeKind::kTargetScope, begin);
      expect(TK::kAssign, "'='");
      node->value = parse_expression();
    } else if (keyword == "metadata") {
      node = make(NodeKind::kMetadata, begin);
      take_name(node, "a metadata name");
      expect(TK::kAssign, "'='");
      node->value = parse_expression();
    } else if (keyword == "param") {
      node = make(NodeKind::kParam, begin);
      take_name(node, "a parameter name");
      if (!at(TK::kAssign)) node->type = parse_declared_type("a parameter type");
      if (at(TK::kAssign)) {
        advance();
        node->value = parse_expression();
      }
    } else if (keyword == "var") {
      node = make(NodeKind::kVar, begin);
      take_name(node, "a variable name");
      if (!at(TK::kAssign)) node->type = parse_declared_type("a variable type or '='");
      expect(TK::kAssign, "'='");
      node->value = parse_expression();
    } else if (keyword == "resource") {
      node = parse_resource(begin);
    } else if (keyword == "module") {
      node = make(NodeKind::kModule, begin);
      take_name(node, "a module name");
      node->text = expect_plain_string("a module path").text;
      expect(TK::kAssign, "'='");
      node->value = parse_body();
    } else if (keyword == "output") {
      node = make(NodeKind::kOutput, begin);
      take_name(node, "an output name");
      node->type = parse_declared_type("an output type");
      expect(TK::kAssign, "'='");
      node->value = parse_expression();
    } else if (keyword == "type") {
      node = make(NodeKind::kTypeDecl, begin);
      take_name(node, "a type name");
      expect(TK::kAssign, "'='");
      node->type = parse_type();
    } else if (keyword == "func") {
      node = parse_func(begin);
    } else if (keyword == "import") {
      node = parse_import(begin);
    } else if (keyword == "extension" || keyword == "provider") {
      node = make(NodeKind::kExtension, begin);
      if (at(TK::kIdentifier)) {
        node->text = advance().text;
      } else {
        node->text = expect_plain_string("an extension name or reference").text;
      }
      parse_with_as(node);
    } else if (keyword == "using") {
      node = make(NodeKind::kUsing, begin);
      if (at_word("none")) {
        advance();
      } else {
        const Token& path = expect_plain_string("a template path");
        node->text = path.text;
        node->name_range = path.range;  // where errors about the template point
      }
      parse_with_as(node);
    } else if (keyword == "extends") {
      node = make(NodeKind::kExtends, begin);
      node->text = expect_plain_string("a parameters file path").text;
    } else {  // assert
      node = make(NodeKind::kAssert, begin);
      take_name(node, "an assertion name");
      expect(TK::kAssign, "'='");
      node->value = parse_expression();
    }
    node->decorators = std::move(decorators);
    finish(node);
    return node;
  }

  void parse_with_as(Node* node) {
    if (at_word("with")) {
      advance();
      node->value = parse_expression();
    }
    if (at_word("as")) {
      advance();
      take_name(node, "an alias");
    }
  }

  // `param x resource 'T@v'` / `output x resource 'T@v'`, or an ordinary type.
  Node* parse_declared_type(std::string_view what) {
    if (at_word("resource") && (peek().kind == TK::kString)) {
      const std::uint32_t begin = advance().range.begin;
      Node* type = make(NodeKind::kTypeName, begin);
      type->name = "resource";
      Node* argument = make(NodeKind::kString, cur().range.begin);
      argument->text = advance().text;
      finish(argument);
      type->items.push_back(argument);
      finish(type);
      return type;
    }
    if (at(TK::kNewLine) || at(TK::kEnd))
      fail("expected " + std::string(what) + " after " + describe_previous());
    return parse_type();
  }

  Node* parse_resource(std::uint32_t begin) {
    Node* node = make(NodeKind::kResource, begin);
    take_name(node, "a resource name");
    node->text = expect_plain_string("a resource type ('Type@apiVersion')").text;
    if (at_word("existing")) {
      advance();
      node->flag = true;
    }
    expect(TK::kAssign, "'='");
    node->value = parse_body();
    finish(node);
    return node;
  }

  // The value of a resource or module: an object, `if (...) {...}` or `[for ...]`.
  Node* parse_body() {
    if (at_word("if")) return parse_if();
    if (!at(TK::kLeftBrace) && !at(TK::kLeftBracket)) {
      fail("expected '{', 'if' or '[for' after " + describe_previous());
    }
    return parse_expression();
  }

  Node* parse_if() {
    DepthGuard guard(*this);
    const std::uint32_t begin = expect_word("if").range.begin;
    Node* node = make(NodeKind::kIf, begin);
    expect(TK::kLeftParen, "'('");
    skip_newlines();
    node->target = parse_expression();
    skip_newlines();
    expect(TK::kRightParen, "')'");
    node->value = parse_expression();
    finish(node);
    return node;
  }

  Node* parse_func(std::uint32_t begin) {
    Node* node = make(NodeKind::kFunc, begin);
    take_name(node, "a function name");
    expect(TK::kLeftParen, "'('");
    skip_newlines();
    while (!at(TK::kRightParen)) {
      Node* parameter = make(NodeKind::kFuncParam, cur().range.begin);
      take_name(parameter, "a parameter name");
      parameter->type = parse_type();
      finish(parameter);
      node->items.push_back(parameter);
      skip_newlines();
      if (at(TK::kComma)) {
        advance();
        skip_newlines();
      } else if (!at(TK::kRightParen)) {
        fail("expected ',' or ')' after " + describe_previous());
      }
    }
    advance();
    node->type = parse_type();
    expect(TK::kArrow, "'=>'");
    skip_newlines();
    node->value = parse_expression();
    return node;
  }

  Node* parse_import(std::uint32_t begin) {
    Node* node = make(NodeKind::kImport, begin);
    if (at(TK::kString)) {  // legacy `import 'az@1.0.0' with {...} as x`
      node->text = advance().text;
      parse_with_as(node);
      return node;
    }
    if (at(TK::kAsterisk)) {
      advance();
      expect_word("as");
      take_name(node, "a namespace name");
    } else {
      expect(TK::kLeftBrace, "'{' or '*'");
      skip_newlines();
      while (!at(TK::kRightBrace)) {
        Node* item = make(NodeKind::kImportItem, cur().range.begin);
        if (at(TK::kString)) {
          item->text = advance().text;
        } else {
          item->text = expect_identifier("an imported name").text;
        }
        item->name = item->text;
        item->name_range = tokens_[pos_ - 1].range;
        if (at_word("as")) {
          advance();
          take_name(item, "an alias");
        }
        finish(item);
        node->items.push_back(item);
        skip_separators();
        if (!at(TK::kRightBrace) && !at(TK::kIdentifier) && !at(TK::kString)) {
          fail("expected ',' or '}' after " + describe_previous());
        }
      }
      advance();
    }
    expect_word("from");
    node->text = expect_plain_string("an import source").text;
    return node;
  }

  // ---- expressions -------------------------------------------------------------------

  void skip_separators() {
    while (at(TK::kNewLine) || at(TK::kComma)) advance();
  }

  bool lambda_ahead() const {
    if (at(TK::kIdentifier) && peek().kind == TK::kArrow) return true;
    if (!at(TK::kLeftParen)) return false;
    std::size_t i = pos_ + 1;
    while (true) {
      TK kind = tokens_[i].kind;
      if (kind == TK::kRightParen) return tokens_[i + 1].kind == TK::kArrow;
      if (kind != TK::kIdentifier && kind != TK::kComma && kind != TK::kNewLine) return false;
      ++i;
    }
  }

  Node* parse_expression() {
    DepthGuard guard(*this);
    const std::uint32_t begin = cur().range.begin;
    if (lambda_ahead()) return parse_lambda(begin);
    Node* condition = parse_binary(0);
    if (kind_past_newlines() != TK::kQuestion) return condition;
    skip_newlines();
    advance();
    skip_newlines();
    Node* node = make(NodeKind::kTernary, begin);
    node->target = condition;
    node->items.push_back(parse_expression());
    skip_newlines();
    expect(TK::kColon, "':'");
    skip_newlines();
    node->items.push_back(parse_expression());
    finish(node);
    return node;
  }

  Node* parse_lambda(std::uint32_t begin) {
    Node* node = make(NodeKind::kLambda, begin);
    auto add_parameter = [&](const Token& token) {
      Node* parameter = make(NodeKind::kIdentifier, token.range.begin);
      parameter->range = token.range;
      parameter->name = token.text;
      node->items.push_back(parameter);
    };
    if (at(TK::kIdentifier)) {
      add_parameter(advance());
    } else {
      advance();  // (
      skip_separators();
      while (at(TK::kIdentifier)) {
        add_parameter(advance());
        skip_separators();
      }
      expect(TK::kRightParen, "')'");
    }
    expect(TK::kArrow, "'=>'");
    skip_newlines();
    node->value = parse_expression();
    finish(node);
    return node;
  }

  Node* parse_binary(std::size_t level) {
    if (level == kBinaryLevels.size()) return parse_unary();
    DepthGuard guard(*this);
    const std::uint32_t begin = cur().range.begin;
    Node* left = parse_binary(level + 1);
    const BinaryLevel& ops = kBinaryLevels[level];
    while (true) {
      const TK next = ops.newline_before_allowed ? kind_past_newlines() : cur().kind;
      bool matched = false;
      for (TK op : ops.operators) matched = matched || (op != TK::kEnd && op == next);
      if (!matched) return left;
      skip_newlines();
      advance();
      skip_newlines();
      Node* node = make(NodeKind::kBinary, begin);
      node->text = operator_text(next);
      node->target = left;
      node->value = parse_binary(level + 1);
      finish(node);
      left = node;
    }
  }

  Node* parse_unary() {
    if (at(TK::kExclamation) || at(TK::kMinus) || at(TK::kPlus)) {
      DepthGuard guard(*this);
      const Token& op = advance();
      Node* node = make(NodeKind::kUnary, op.range.begin);
      node->text = op.kind == TK::kPlus ? "+" : operator_text(op.kind);
      node->value = parse_unary();
      finish(node);
      return node;
    }
    return parse_postfix(parse_primary());
  }

  Node* parse_postfix(Node* node) {
    const std::uint32_t begin = node->range.begin;
    while (true) {
      if (at(TK::kDot) || at(TK::kQuestionDot)) {
        const bool safe = advance().kind == TK::kQuestionDot;
        if (safe && at(TK::kLeftBracket)) {
          node = parse_index(node, begin, true);
          continue;
        }
        Node* member = make(NodeKind::kMember, begin);
        member->target = node;
        member->flag = safe;
        take_name(member, "a property name");
        if (at(TK::kLeftParen) && !safe) {  // namespaced call: sys.concat(...)
          member->kind = NodeKind::kCall;
          parse_arguments(member);
        }
        finish(member);
        node = member;
      } else if (at(TK::kLeftBracket) && !cur().spaced) {
        node = parse_index(node, begin, false);
      } else if (at(TK::kDoubleColon)) {
        advance();
        Node* access = make(NodeKind::kResourceAccess, begin);
        access->target = node;
        take_name(access, "a nested resource name");
        finish(access);
        node = access;
      } else if (at(TK::kExclamation)) {
        advance();
        Node* non_null = make(NodeKind::kNonNull, begin);
        non_null->value = node;
        finish(non_null);
        node = non_null;
      } else {
        return node;
      }
    }
  }

  Node* parse_index(Node* target, std::uint32_t begin, bool safe) {
    DepthGuard guard(*this);
    advance();  // [
    if (at(TK::kQuestion)) {
      advance();
      safe = true;
    }
    skip_newlines();
    Node* index = make(NodeKind::kIndex, begin);
    index->target = target;
    index->flag = safe;
    index->value = parse_expression();
    skip_newlines();
    expect(TK::kRightBracket, "']'");
    finish(index);
    return index;
  }

  void parse_arguments(Node* call) {
    DepthGuard guard(*this);
    expect(TK::kLeftParen, "'('");
    skip_newlines();
    while (!at(TK::kRightParen)) {
      call->items.push_back(parse_expression());
      skip_newlines();
      if (at(TK::kComma)) {
        advance();
        skip_newlines();
      } else if (!at(TK::kRightParen)) {
        fail("expected ',' or ')' after " + describe_previous());
      }
    }
    advance();
  }

  Node* parse_primary() {
    DepthGuard guard(*this);
    if (at_declaration_start()) fail("expected an expression after " + describe_previous());
    const Token& token = cur();
    const std::uint32_t begin = token.range.begin;
    switch (token.kind) {
      case TK::kIdentifier: {
        advance();
        if (token.text == "true" || token.text == "false") {
          Node* node = make(NodeKind::kBool, begin);
          node->flag = token.text == "true";
          return node;
        }
        if (token.text == "null") return make(NodeKind::kNull, begin);
        if (at(TK::kLeftParen)) {
          Node* call = make(NodeKind::kCall, begin);
          call->name = token.text;
          call->name_range = token.range;
          parse_arguments(call);
          finish(call);
          return call;
        }
        Node* node = make(NodeKind::kIdentifier, begin);
        node->name = token.text;
        node->name_range = token.range;
        return node;
      }
      case TK::kNumber: {
        advance();
        Node* node = make(NodeKind::kNumber, begin);
        node->text = token.text;
        std::from_chars(token.text.data(), token.text.data() + token.text.size(), node->number);
        return node;
      }
      case TK::kString:
      case TK::kMultilineString: {
        advance();
        Node* node = make(NodeKind::kString, begin);
        node->text = token.text;
        return node;
      }
      case TK::kStringLeft: return parse_interpolated_string();
      case TK::kLeftBracket: return parse_array();
      case TK::kLeftBrace: return parse_object(false);
      case TK::kLeftParen: {
        advance();
        skip_newlines();
        Node* node = make(NodeKind::kParen, begin);
        node->value = parse_expression();
        skip_newlines();
        expect(TK::kRightParen, "')'");
        finish(node);
        return node;
      }
      default: break;
    }
    fail("expected an expression after " + describe_previous());
  }

  Node* parse_interpolated_string() {
    const std::uint32_t begin = cur().range.begin;
    Node* node = make(NodeKind::kString, begin);
    node->segments.push_back(advance().text);
    while (true) {
      skip_newlines();
      node->items.push_back(parse_expression());
      skip_newlines();
      if (at(TK::kStringMiddle)) {
        node->segments.push_back(advance().text);
      } else if (at(TK::kStringRight)) {
        node->segments.push_back(advance().text);
        break;
      } else {
        fail("expected '}' after " + describe_previous() + " in an interpolated string");
      }
    }
    finish(node);
    return node;
  }

  Node* parse_array() {
    const std::uint32_t begin = advance().range.begin;  // [
    skip_newlines();
    if (at_word("for") && (peek().kind == TK::kIdentifier || peek().kind == TK::kLeftParen)) {
      return parse_for(begin);
    }
    Node* node = make(NodeKind::kArray, begin);
    skip_separators();
    while (!at(TK::kRightBracket)) {
      check_unclosed("']'");
      if (at(TK::kEllipsis)) {
        const std::uint32_t spread_begin = advance().range.begin;
        Node* spread = make(NodeKind::kSpread, spread_begin);
        spread->value = parse_expression();
        finish(spread);
        node->items.push_back(spread);
      } else {
        node->items.push_back(parse_expression());
      }
      if (!at(TK::kNewLine) && !at(TK::kComma) && !at(TK::kRightBracket)) {
        fail("expected ',', a new line or ']' after " + describe_previous());
      }
      skip_separators();
    }
    advance();
    finish(node);
    return node;
  }

  Node* parse_for(std::uint32_t begin) {
    advance();  // for
    Node* node = make(NodeKind::kFor, begin);
    auto variable = [&]() {
      const Token& token = expect_identifier("a loop variable");
      Node* item = make(NodeKind::kIdentifier, token.range.begin);
      item->range = token.range;
      item->name = token.text;
      node->items.push_back(item);
    };
    if (at(TK::kLeftParen)) {
      advance();
      variable();
      expect(TK::kComma, "','");
      variable();
      expect(TK::kRightParen, "')'");
    } else {
      variable();
    }
    expect_word("in");
    node->target = parse_expression();
    expect(TK::kColon, "':'");
    skip_newlines();
    node->value = at_word("if") ? parse_if() : parse_expression();
    skip_newlines();
    expect(TK::kRightBracket, "']'");
    finish(node);
    return node;
  }

  Node* parse_object(bool type_context) {
    DepthGuard guard(*this);
    const std::uint32_t begin = advance().range.begin;  // {
    Node* node = make(type_context ? NodeKind::kTypeObject : NodeKind::kObject, begin);
    skip_separators();
    while (!at(TK::kRightBrace)) {
      check_unclosed("'}'");
      std::vector<Node*> decorators = parse_decorators();
      const std::uint32_t item_begin = cur().range.begin;
      Node* item = nullptr;
      if (at(TK::kEllipsis)) {
        advance();
        item = make(NodeKind::kSpread, item_begin);
        item->value = parse_expression();
      } else if (!type_context && at_word("resource") && peek().kind == TK::kIdentifier) {
        advance();
        item = parse_resource(item_begin);
      } else {
        item = make(NodeKind::kObjectProperty, item_begin);
        item->key = parse_property_key(type_context);
        if (type_context && at(TK::kQuestion)) {
          advance();
          item->flag = true;
        }
        expect(TK::kColon, "':'");
        skip_newlines();
        if (type_context) {
          item->type = parse_type();
        } else {
          item->value = parse_expression();
        }
      }
      item->decorators = std::move(decorators);
      finish(item);
      node->items.push_back(item);
      if (!at(TK::kNewLine) && !at(TK::kComma) && !at(TK::kRightBrace)) {
        fail("expected ',', a new line or '}' after " + describe_previous());
      }
      skip_separators();
    }
    advance();
    finish(node);
    return node;
  }

  Node* parse_property_key(bool type_context) {
    const std::uint32_t begin = cur().range.begin;
    if (at(TK::kIdentifier)) {
      Node* key = make(NodeKind::kIdentifier, begin);
      key->name = advance().text;
      key->range.end = previous_end();
      key->name_range = key->range;
      return key;
    }
    if (type_context && at(TK::kAsterisk)) {
      advance();
      Node* key = make(NodeKind::kIdentifier, begin);
      key->name = "*";
      return key;
    }
    if (at(TK::kString) || at(TK::kMultilineString)) {
      Node* key = make(NodeKind::kString, begin);
      key->text = advance().text;
      key->range.end = previous_end();
      return key;
    }
    if (at(TK::kStringLeft)) return parse_interpolated_string();
    fail("expected a property name after " + describe_previous());
  }

  // ---- types -------------------------------------------------------------------------

  Node* parse_type() {
    DepthGuard guard(*this);
    const std::uint32_t begin = cur().range.begin;
    if (at(TK::kNewLine) && kind_past_newlines() == TK::kPipe) skip_newlines();
    if (at(TK::kPipe)) advance();  // a leading `|` in a multi-line union
    Node* first = parse_type_postfix();
    if (!at(TK::kPipe) && !(kind_past_newlines() == TK::kPipe && at(TK::kNewLine))) return first;
    Node* node = make(NodeKind::kTypeUnion, begin);
    node->items.push_back(first);
    while (at(TK::kPipe) || (at(TK::kNewLine) && kind_past_newlines() == TK::kPipe)) {
      skip_newlines();
      advance();
      skip_newlines();
      node->items.push_back(parse_type_postfix());
    }
    finish(node);
    return node;
  }

  Node* parse_type_postfix() {
    const std::uint32_t begin = cur().range.begin;
    Node* node = parse_type_primary();
    while (true) {
      if (at(TK::kLeftBracket) && peek().kind == TK::kRightBracket) {
        advance();
        advance();
        Node* array = make(NodeKind::kTypeArray, begin);
        array->value = node;
        node = array;
      } else if (at(TK::kLeftBracket)) {
        advance();
        Node* member = make(NodeKind::kTypeMember, begin);
        member->target = node;
        if (at(TK::kAsterisk) || at(TK::kNumber)) {
          member->name = advance().text;
          if (member->name.empty()) member->name = "*";
        } else {
          fail("expected '*', a number or ']' after '['");
        }
        expect(TK::kRightBracket, "']'");
        finish(member);
        node = member;
      } else if (at(TK::kQuestion)) {
        advance();
        Node* nullable = make(NodeKind::kTypeNullable, begin);
        nullable->value = node;
        node = nullable;
      } else if (at(TK::kDot)) {
        advance();
        Node* member = make(NodeKind::kTypeMember, begin);
        member->target = node;
        if (at(TK::kAsterisk)) {
          advance();
          member->name = "*";
        } else {
          take_name(member, "a property name");
        }
        finish(member);
        node = member;
      } else {
        return node;
      }
    }
  }

  Node* parse_type_primary() {
    DepthGuard guard(*this);
    const Token& token = cur();
    const std::uint32_t begin = token.range.begin;
    switch (token.kind) {
      case TK::kIdentifier: {
        if (token.text == "true" || token.text == "false" || token.text == "null") {
          return parse_primary();
        }
        advance();
        Node* node = make(NodeKind::kTypeName, begin);
        node->name = token.text;
        node->name_range = token.range;
        if (at(TK::kLess)) {
          advance();
          while (!at(TK::kGreater)) {
            node->items.push_back(parse_type());
            if (at(TK::kComma)) {
              advance();
            } else if (!at(TK::kGreater)) {
              fail("expected ',' or '>' after " + describe_previous());
            }
          }
          advance();
          finish(node);
        }
        return node;
      }
      case TK::kString:
      case TK::kMultilineString:
      case TK::kNumber: return parse_primary();
      case TK::kMinus: return parse_unary();
      case TK::kLeftBrace: return parse_object(true);
      case TK::kLeftBracket: {
        advance();
        Node* node = make(NodeKind::kTypeTuple, begin);
        skip_separators();
        while (!at(TK::kRightBracket)) {
          parse_decorators();
          node->items.push_back(parse_type());
          if (!at(TK::kNewLine) && !at(TK::kComma) && !at(TK::kRightBracket)) {
            fail("expected ',', a new line or ']' after " + describe_previous());
          }
          skip_separators();
        }
        advance();
        finish(node);
        return node;
      }
      case TK::kLeftParen: {
        advance();
        skip_newlines();
        Node* inner = parse_type();
        skip_newlines();
        expect(TK::kRightParen, "')'");
        return inner;
      }
      default: break;
    }
    fail("expected a type after " + describe_previous());
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  SyntaxTree tree_;
};

}  // namespace

SyntaxTree parse(std::string_view text, std::uint32_t begin) {
  return Parser(text, begin).run();
}

}  // namespace ztlint::bicep
