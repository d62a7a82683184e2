#include "terraform/hcl_parser.h"

#include <fmt/format.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "source/utf8.h"
#include "terraform/syntax_tree.h"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace ztlint::terraform {

const Attribute* Body::attribute(std::string_view name) const {
  for (const Attribute& a : attributes) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const Block* Body::block(std::string_view type) const {
  for (const Block& b : blocks) {
    if (b.type == type) return &b;
  }
  return nullptr;
}

namespace {

using source::Diagnostic;
using source::DiagnosticKind;
using source::Span;

// The grammar's node types the converter distinguishes, looked up by symbol once.
enum class Node : std::uint8_t {
  kOther,
  kConfigFile,
  kBody,
  kAttribute,
  kBlock,
  kBlockStart,
  kBlockEnd,
  kIdentifier,
  kExpression,
  kLiteralValue,
  kNumericLit,
  kBoolLit,
  kNullLit,
  kStringLit,
  kTemplateExpr,
  kQuotedTemplate,
  kHeredocTemplate,
  kHeredocIdentifier,
  kHeredocStart,
  kTemplateLiteral,
  kTemplateInterpolation,
  kTemplateDirective,
  kTemplateIf,
  kTemplateIfIntro,
  kTemplateElseIntro,
  kTemplateIfEnd,
  kTemplateFor,
  kTemplateForStart,
  kTemplateForEnd,
  kStripMarker,
  kInterpolationStart,
  kInterpolationEnd,
  kDirectiveStart,
  kDirectiveEnd,
  kQuotedStart,
  kQuotedEnd,
  kVariableExpr,
  kFunctionCall,
  kFunctionArguments,
  kEllipsis,
  kCollectionValue,
  kTuple,
  kObject,
  kObjectElem,
  kForExpr,
  kForTupleExpr,
  kForObjectExpr,
  kForIntro,
  kForCond,
  kConditional,
  kOperation,
  kBinaryOperation,
  kUnaryOperation,
  kGetAttr,
  kIndex,
  kNewIndex,
  kLegacyIndex,
  kSplat,
  kAttrSplat,
  kFullSplat,
  kComment,
  kError,
  kTupleStart,
  kObjectStart,
};

struct NodeName {
  const char* name;
  Node node;
};

constexpr NodeName kNodeNames[] = {
    {"config_file", Node::kConfigFile},
    {"body", Node::kBody},
    {"attribute", Node::kAttribute},
    {"block", Node::kBlock},
    {"block_start", Node::kBlockStart},
    {"block_end", Node::kBlockEnd},
    {"identifier", Node::kIdentifier},
    {"expression", Node::kExpression},
    {"literal_value", Node::kLiteralValue},
    {"numeric_lit", Node::kNumericLit},
    {"bool_lit", Node::kBoolLit},
    {"null_lit", Node::kNullLit},
    {"string_lit", Node::kStringLit},
    {"template_expr", Node::kTemplateExpr},
    {"quoted_template", Node::kQuotedTemplate},
    {"heredoc_template", Node::kHeredocTemplate},
    {"heredoc_identifier", Node::kHeredocIdentifier},
    {"heredoc_start", Node::kHeredocStart},
    {"template_literal", Node::kTemplateLiteral},
    {"template_interpolation", Node::kTemplateInterpolation},
    {"template_directive", Node::kTemplateDirective},
    {"template_if", Node::kTemplateIf},
    {"template_if_intro", Node::kTemplateIfIntro},
    {"template_else_intro", Node::kTemplateElseIntro},
    {"template_if_end", Node::kTemplateIfEnd},
    {"template_for", Node::kTemplateFor},
    {"template_for_start", Node::kTemplateForStart},
    {"template_for_end", Node::kTemplateForEnd},
    {"strip_marker", Node::kStripMarker},
    {"template_interpolation_start", Node::kInterpolationStart},
    {"template_interpolation_end", Node::kInterpolationEnd},
    {"template_directive_start", Node::kDirectiveStart},
    {"template_directive_end", Node::kDirectiveEnd},
    {"quoted_template_start", Node::kQuotedStart},
    {"quoted_template_end", Node::kQuotedEnd},
    {"variable_expr", Node::kVariableExpr},
    {"function_call", Node::kFunctionCall},
    {"function_arguments", Node::kFunctionArguments},
    {"ellipsis", Node::kEllipsis},
    {"collection_value", Node::kCollectionValue},
    {"tuple", Node::kTuple},
    {"object", Node::kObject},
    {"object_elem", Node::kObjectElem},
    {"for_expr", Node::kForExpr},
    {"for_tuple_expr", Node::kForTupleExpr},
    {"for_object_expr", Node::kForObjectExpr},
    {"for_intro", Node::kForIntro},
    {"for_cond", Node::kForCond},
    {"conditional", Node::kConditional},
    {"operation", Node::kOperation},
    {"binary_operation", Node::kBinaryOperation},
    {"unary_operation", Node::kUnaryOperation},
    {"get_attr", Node::kGetAttr},
    {"index", Node::kIndex},
    {"new_index", Node::kNewIndex},
    {"legacy_index", Node::kLegacyIndex},
    {"splat", Node::kSplat},
    {"attr_splat", Node::kAttrSplat},
    {"full_splat", Node::kFullSplat},
    {"comment", Node::kComment},
    {"ERROR", Node::kError},
    {"tuple_start", Node::kTupleStart},
    {"object_start", Node::kObjectStart},
};

// Symbol → Node, for the named symbols of the grammar.
const std::vector<Node>& node_table() {
  static const std::vector<Node> table = [] {
    const TSLanguage* language = tree_sitter_hcl();
    std::vector<Node> out(ts_language_symbol_count(language) + 1, Node::kOther);
    for (TSSymbol s = 0; s < out.size() - 1; ++s) {
      if (ts_language_symbol_type(language, s) != TSSymbolTypeRegular) continue;
      const char* name = ts_language_symbol_name(language, s);
      for (const NodeName& entry : kNodeNames) {
        if (std::strcmp(entry.name, name) == 0) out[s] = entry.node;
      }
    }
    return out;
  }();
  return table;
}

Node node_kind(TSNode node) {
  if (ts_node_is_error(node)) return Node::kError;
  if (!ts_node_is_named(node)) return Node::kOther;
  const auto& table = node_table();
  const TSSymbol symbol = ts_node_symbol(node);
  return symbol < table.size() ? table[symbol] : Node::kOther;
}

// Decodes the escapes of a quoted HCL string segment.
std::string unescape_quoted(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      const char e = raw[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'u':
        case 'U': {
          const std::size_t digits = e == 'u' ? 4 : 8;
          unsigned long code = 0;
          if (i + digits < raw.size()) {
            const std::string hex(raw.substr(i + 1, digits));
            char* end = nullptr;
            code = std::strtoul(hex.c_str(), &end, 16);
            if (end == hex.c_str() + hex.size() && hex.size() == digits) {
              i += digits;
              source::append_utf8(out, code);
              break;
            }
          }
          out += '\\';
          out += e;
          break;
        }
        default: out += '\\'; out += e;
      }
    } else if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c &&
               raw[i + 2] == '{') {
      out += c;  // `$${` is a literal `${`
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string unescape_heredoc(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if ((c == '$' || c == '%') && i + 2 < raw.size() && raw[i + 1] == c && raw[i + 2] == '{') {
      out += c;
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

class Converter {
 public:
  Converter(std::string_view text, source::FileId file, source::Diagnostics& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {
    cursor_ = ts_tree_cursor_new(TSNode{});
  }
  ~Converter() { ts_tree_cursor_delete(&cursor_); }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  Body config_file(TSNode root) {
    for (TSNode child : children(root)) {
      if (node_kind(child) == Node::kBody) return body(child);
    }
    return {};
  }

  // Offers the top-level blocks of `previous` that end before byte `unchanged` of the text,
  // where the text is as it was, and whose conversion reported nothing.
  void reuse(const PreviousConversion& previous, std::uint32_t unchanged) {
    if (previous.body == nullptr || previous.diagnostics == nullptr || previous.id != file_) {
      return;
    }
    for (const source::Diagnostic& diagnostic : *previous.diagnostics) {
      if (diagnostic.span.file != file_) return;  // not placed: nothing is known to be clean
    }
    unchanged_ = unchanged;
    for (const Block& block : previous.body->blocks) {
      const std::uint32_t begin = block.span.range.begin, end = block.span.range.end;
      if (block.span.file != file_ || end >= unchanged) continue;
      const bool reported = std::any_of(previous.diagnostics->begin(), previous.diagnostics->end(),
                                        [&](const source::Diagnostic& diagnostic) {
                                          return diagnostic.span.range.begin < end &&
                                                 diagnostic.span.range.end >= begin;
                                        });
      if (!reported) reusable_.emplace(begin, &block);
    }
  }

 private:
  // RAII depth counter for the recursive descent.
  struct DepthGuard {
    explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    int& depth_;
  };

  std::vector<TSNode> children(TSNode node) {
    std::vector<TSNode> out;
    out.reserve(ts_node_child_count(node));
    ts_tree_cursor_reset(&cursor_, node);
    if (ts_tree_cursor_goto_first_child(&cursor_)) {
      do {
        out.push_back(ts_tree_cursor_current_node(&cursor_));
      } while (ts_tree_cursor_goto_next_sibling(&cursor_));
    }
    return out;
  }

  Span span(TSNode node) const {
    return Span{file_, {ts_node_start_byte(node), ts_node_end_byte(node)}};
  }
  Span span(std::uint32_t begin, std::uint32_t end) const { return Span{file_, {begin, end}}; }
  std::string_view slice(TSNode node) const {
    const std::uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (b >= text_.size() || e <= b) return {};
    return text_.substr(b, std::min<std::size_t>(e, text_.size()) - b);
  }

  bool too_deep(TSNode node) {
    if (depth_ <= kMaxSyntaxDepth) return false;
    if (!depth_reported_) {
      depth_reported_ = true;
      diagnostics_.push_back(
          Diagnostic{DiagnosticKind::kEvaluation,
                     fmt::format("nesting deeper than {} levels is not evaluated", kMaxSyntaxDepth),
                     span(node),
                     {}});
    }
    return true;
  }

  Body body(TSNode node) {
    DepthGuard guard(depth_);
    Body out;
    if (too_deep(node)) return out;
    for (TSNode child : children(node)) {
      switch (node_kind(child)) {
        case Node::kAttribute: {
          Attribute attribute;
          attribute.span = span(child);
          for (TSNode part : children(child)) {
            const Node kind = node_kind(part);
            if (kind == Node::kIdentifier && attribute.name.empty()) {
              attribute.name = std::string(slice(part));
              attribute.name_span = span(part);
            } else if (kind == Node::kExpression) {
              attribute.expr = expression(part);
            }
          }
          if (!attribute.expr) attribute.expr = invalid(child);
          out.attributes.push_back(std::move(attribute));
          break;
        }
        case Node::kBlock:
          if (const Block* kept = depth_ == 1 ? reusable(child) : nullptr) {
            out.blocks.push_back(*kept);
          } else {
            out.blocks.push_back(block(child));
          }
          break;
        default: break;
      }
    }
    return out;
  }

  // The earlier conversion of the top-level block `node`, when it can stand for a new one.
  const Block* reusable(TSNode node) const {
    if (reusable_.empty()) return nullptr;
    const std::uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    if (end >= unchanged_ || ts_node_has_error(node)) return nullptr;
    const auto it = reusable_.find(begin);
    return it != reusable_.end() && it->second->span.range.end == end ? it->second : nullptr;
  }

  Block block(TSNode node) {
    Block out;
    out.span = span(node);
    bool have_type = false;
    for (TSNode child : children(node)) {
      switch (node_kind(child)) {
        case Node::kIdentifier:
          if (!have_type) {
            out.type = std::string(slice(child));
            have_type = true;
          } else {
            out.labels.emplace_back(slice(child));
          }
          break;
        case Node::kStringLit: out.labels.push_back(string_literal(child)); break;
        case Node::kBody: out.body = body(child); break;
        default: break;
      }
    }
    return out;
  }

  // The decoded content of a string_lit (no interpolation by grammar).
  std::string string_literal(TSNode node) {
    std::uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    for (TSNode child : children(node)) {
      const Node kind = node_kind(child);
      if (kind == Node::kQuotedStart) begin = ts_node_end_byte(child);
      if (kind == Node::kQuotedEnd) end = ts_node_start_byte(child);
    }
    if (end < begin) end = begin;
    return unescape_quoted(text_.substr(begin, end - begin));
  }

  ExprPtr invalid(TSNode node) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kInvalid;
    e->span = span(node);
    return e;
  }

  ExprPtr literal(TSNode node, value::Value v) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kLiteral;
    e->span = span(node);
    e->value = v.with_span(e->span);
    return e;
  }

  ExprPtr expression(TSNode node) {
    DepthGuard guard(depth_);
    if (too_deep(node)) return invalid(node);
    if (node_kind(node) != Node::kExpression) return term(node);
    const std::vector<TSNode> parts = children(node);
    return sequence(node, parts, 0, parts.size());
  }

  // A primary term (maybe parenthesized) followed by attribute, index and splat steps.
  ExprPtr sequence(TSNode whole, const std::vector<TSNode>& nodes, std::size_t lo, std::size_t hi) {
    while (lo < hi && node_kind(nodes[lo]) == Node::kComment) ++lo;
    if (lo >= hi) return invalid(whole);
    ExprPtr primary;
    std::size_t next = lo + 1;
    if (!ts_node_is_named(nodes[lo]) && slice(nodes[lo]) == "(") {
      std::size_t i = lo + 1;
      while (i < hi && node_kind(nodes[i]) == Node::kComment) ++i;
      if (i >= hi) return invalid(whole);
      primary = expression(nodes[i]);
      next = i + 1;
      while (next < hi && !(!ts_node_is_named(nodes[next]) && slice(nodes[next]) == ")")) ++next;
      if (next < hi) ++next;
    } else {
      primary = term(nodes[lo]);
    }
    std::vector<TraversalStep> steps;
    for (std::size_t i = next; i < hi; ++i) add_steps(nodes[i], steps);
    if (steps.empty()) return primary;
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kTraversal;
    e->span = span(ts_node_start_byte(nodes[lo]), ts_node_end_byte(nodes[hi - 1]));
    e->operands.push_back(std::move(primary));
    e->steps = std::move(steps);
    return e;
  }

  void add_steps(TSNode node, std::vector<TraversalStep>& steps) {
    switch (node_kind(node)) {
      case Node::kGetAttr: {
        TraversalStep step;
        step.kind = TraversalStep::Kind::kAttr;
        step.span = span(node);
        for (TSNode c : children(node)) {
          if (node_kind(c) == Node::kIdentifier) step.name = std::string(slice(c));
        }
        steps.push_back(std::move(step));
        break;
      }
      case Node::kIndex: {
        TraversalStep step;
        step.kind = TraversalStep::Kind::kIndex;
        step.span = span(node);
        for (TSNode c : children(node)) {
          if (node_kind(c) == Node::kNewIndex) {
            for (TSNode i : children(c)) {
              if (node_kind(i) == Node::kExpression) step.index = expression(i);
            }
          } else if (node_kind(c) == Node::kLegacyIndex) {
            std::string_view digits = slice(c);
            if (!digits.empty() && digits.front() == '.') digits.remove_prefix(1);
            step.name = std::string(digits);
          }
        }
        if (!step.index && step.name.empty()) step.index = invalid(node);
        steps.push_back(std::move(step));
        break;
      }
      case Node::kSplat:
      case Node::kAttrSplat:
      case Node::kFullSplat: {
        if (node_kind(node) == Node::kSplat) {
          for (TSNode c : children(node)) add_steps(c, steps);
          break;
        }
        TraversalStep step;
        step.kind = TraversalStep::Kind::kSplat;
        step.span = span(node);
        steps.push_back(std::move(step));
        for (TSNode c : children(node)) add_steps(c, steps);
        break;
      }
      default: break;
    }
  }

  ExprPtr term(TSNode node) {
    DepthGuard guard(depth_);
    if (too_deep(node)) return invalid(node);
    switch (node_kind(node)) {
      case Node::kExpression: return expression(node);
      case Node::kLiteralValue: {
        for (TSNode c : children(node)) return term(c);
        return invalid(node);
      }
      case Node::kNumericLit: {
        const std::string digits(slice(node));
        char* end = nullptr;
        const double number = std::strtod(digits.c_str(), &end);
        return literal(node, value::Value::number(number));
      }
      case Node::kBoolLit: return literal(node, value::Value::boolean(slice(node) == "true"));
      case Node::kNullLit: return literal(node, value::Value::null());
      case Node::kStringLit: return literal(node, value::Value::string(string_literal(node)));
      case Node::kTemplateExpr: {
        for (TSNode c : children(node)) {
          if (node_kind(c) == Node::kQuotedTemplate) return quoted_template(c);
          if (node_kind(c) == Node::kHeredocTemplate) return heredoc(c);
        }
        return invalid(node);
      }
      case Node::kQuotedTemplate: return quoted_template(node);
      case Node::kHeredocTemplate: return heredoc(node);
      case Node::kVariableExpr: {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kVariable;
        e->span = span(node);
        e->name = std::string(slice(node));
        return e;
      }
      case Node::kFunctionCall: return call(node);
      case Node::kCollectionValue: {
        for (TSNode c : children(node)) return term(c);
        return invalid(node);
      }
      case Node::kTuple: {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kTuple;
        e->span = span(node);
        for (TSNode c : children(node)) {
          if (node_kind(c) == Node::kExpression) e->operands.push_back(expression(c));
        }
        return e;
      }
      case Node::kObject: return object(node);
      case Node::kForExpr: {
        for (TSNode c : children(node)) return for_expr(c);
        return invalid(node);
      }
      case Node::kConditional: {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kConditional;
        e->span = span(node);
        for (TSNode c : children(node)) {
          if (node_kind(c) == Node::kExpression) e->operands.push_back(expression(c));
        }
        if (e->operands.size() != 3) return invalid(node);
        return e;
      }
      case Node::kOperation: {
        for (TSNode c : children(node)) return term(c);
        return invalid(node);
      }
      case Node::kBinaryOperation: return binary(node);
      case Node::kUnaryOperation: {
        const std::vector<TSNode> parts = children(node);
        if (parts.size() < 2) return invalid(node);
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::kUnary;
        e->span = span(node);
        e->op = std::string(slice(parts[0]));
        e->operands.push_back(sequence(node, parts, 1, parts.size()));
        return e;
      }
      default: return invalid(node);
    }
  }

  ExprPtr binary(TSNode node) {
    const std::vector<TSNode> parts = children(node);
    // The operator is the first unnamed child that is not a parenthesis, after an operand.
    std::size_t op = 0;
    int parens = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (ts_node_is_named(parts[i])) continue;
      const std::string_view t = slice(parts[i]);
      if (t == "(") {
        ++parens;
      } else if (t == ")") {
        --parens;
      } else if (parens == 0 && i > 0) {
        op = i;
        break;
      }
    }
    if (op == 0) return invalid(node);
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kBinary;
    e->span = span(node);
    e->op = std::string(slice(parts[op]));
    e->operands.push_back(sequence(node, parts, 0, op));
    e->operands.push_back(sequence(node, parts, op + 1, parts.size()));
    return e;
  }

  ExprPtr call(TSNode node) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kCall;
    e->span = span(node);
    for (TSNode c : children(node)) {
      const Node kind = node_kind(c);
      if (kind == Node::kIdentifier) {
        e->name += slice(c);
      } else if (!ts_node_is_named(c) && slice(c) == "::") {
        e->name += "::";
      } else if (kind == Node::kFunctionArguments) {
        for (TSNode a : children(c)) {
          if (node_kind(a) == Node::kExpression) e->operands.push_back(expression(a));
          if (node_kind(a) == Node::kEllipsis) e->expand_last = true;
        }
      }
    }
    return e;
  }

  ExprPtr object(TSNode node) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kObject;
    e->span = span(node);
    for (TSNode c : children(node)) {
      if (node_kind(c) != Node::kObjectElem) continue;
      TSNode key = ts_node_child_by_field_name(c, "key", 3);
      TSNode val = ts_node_child_by_field_name(c, "val", 3);
      if (ts_node_is_null(key) || ts_node_is_null(val)) continue;
      ObjectItem item;
      // A bare identifier key names the attribute literally; `(expr)` evaluates.
      const std::vector<TSNode> key_parts = children(key);
      if (key_parts.size() == 1 && node_kind(key_parts[0]) == Node::kVariableExpr) {
        item.key = literal(key, value::Value::string(std::string(slice(key_parts[0]))));
      } else {
        item.key = expression(key);
      }
      item.value = expression(val);
      e->items.push_back(std::move(item));
    }
    return e;
  }

  ExprPtr for_expr(TSNode node) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kFor;
    e->span = span(node);
    e->is_object = node_kind(node) == Node::kForObjectExpr;
    ExprPtr collection, key, value, condition;
    std::vector<ExprPtr> bodies;
    for (TSNode c : children(node)) {
      switch (node_kind(c)) {
        case Node::kForIntro: {
          std::vector<std::string> names;
          for (TSNode i : children(c)) {
            if (node_kind(i) == Node::kIdentifier) names.emplace_back(slice(i));
            if (node_kind(i) == Node::kExpression) collection = expression(i);
          }
          if (names.size() == 2) {
            e->key_var = names[0];
            e->name = names[1];
          } else if (names.size() == 1) {
            e->name = names[0];
          }
          break;
        }
        case Node::kExpression: bodies.push_back(expression(c)); break;
        case Node::kEllipsis: e->grouping = true; break;
        case Node::kForCond:
          for (TSNode i : children(c)) {
            if (node_kind(i) == Node::kExpression) condition = expression(i);
          }
          break;
        default: break;
      }
    }
    if (!collection) return invalid(node);
    if (e->is_object) {
      if (bodies.size() != 2) return invalid(node);
      key = std::move(bodies[0]);
      value = std::move(bodies[1]);
    } else {
      if (bodies.size() != 1) return invalid(node);
      value = std::move(bodies[0]);
    }
    e->operands.push_back(std::move(collection));
    e->operands.push_back(std::move(key));
    e->operands.push_back(std::move(value));
    e->operands.push_back(std::move(condition));
    return e;
  }

  // ----- templates

  ExprPtr quoted_template(TSNode node) {
    const std::vector<TSNode> parts = children(node);
    std::uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    std::size_t lo = 0, hi = parts.size();
    if (hi > 0 && node_kind(parts[0]) == Node::kQuotedStart) {
      begin = ts_node_end_byte(parts[0]);
      lo = 1;
    }
    if (hi > lo && node_kind(parts[hi - 1]) == Node::kQuotedEnd) {
      end = ts_node_start_byte(parts[hi - 1]);
      --hi;
    }
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kTemplate;
    e->span = span(node);
    e->parts = template_parts(parts, lo, hi, begin, end, /*quoted=*/true);
    return simplify_template(std::move(e));
  }

  ExprPtr heredoc(TSNode node) {
    const std::vector<TSNode> parts = children(node);
    bool strip_indent = false;
    std::size_t lo = 0, hi = parts.size();
    std::uint32_t begin = ts_node_end_byte(node), end = ts_node_end_byte(node);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (node_kind(parts[i]) == Node::kHeredocStart) strip_indent = slice(parts[i]) == "<<-";
      if (node_kind(parts[i]) == Node::kHeredocIdentifier) {
        lo = i + 1;
        // Content starts on the line after the opening marker.
        std::uint32_t p = ts_node_end_byte(parts[i]);
        while (p < text_.size() && text_[p] != '\n') ++p;
        begin = std::min<std::uint32_t>(p + 1, static_cast<std::uint32_t>(text_.size()));
        break;
      }
    }
    if (hi > lo && node_kind(parts[hi - 1]) == Node::kHeredocIdentifier) {
      --hi;
      // Content ends at the start of the closing marker's line.
      std::uint32_t p = ts_node_start_byte(parts[hi]);
      while (p > begin && text_[p - 1] != '\n') --p;
      end = p;
    }
    if (end < begin) end = begin;
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::kTemplate;
    e->span = span(node);
    e->parts = template_parts(parts, lo, hi, begin, end, /*quoted=*/false);
    if (strip_indent) strip_indentation(e->parts, text_.substr(begin, end - begin));
    return simplify_template(std::move(e));
  }

  // `<<-`: removes the smallest indentation of the non-blank lines from every line.
  static void strip_indentation(std::vector<TemplatePart>& parts, std::string_view raw) {
    std::size_t indent = std::string_view::npos;
    std::size_t pos = 0;
    while (pos < raw.size()) {
      std::size_t eol = raw.find('\n', pos);
      if (eol == std::string_view::npos) eol = raw.size();
      std::size_t n = 0;
      while (pos + n < eol && is_blank(raw[pos + n])) ++n;
      if (pos + n < eol) indent = std::min(indent, n);
      pos = eol + 1;
    }
    if (indent == std::string_view::npos || indent == 0) return;
    bool at_line_start = true;
    for (TemplatePart& part : parts) {
      if (part.kind != TemplatePart::Kind::kLiteral) {
        at_line_start = false;
        continue;
      }
      std::string out;
      for (std::size_t i = 0; i < part.text.size();) {
        if (at_line_start) {
          std::size_t n = 0;
          while (n < indent && i < part.text.size() && is_blank(part.text[i])) ++i, ++n;
          at_line_start = false;
          continue;
        }
        out += part.text[i];
        if (part.text[i] == '\n') at_line_start = true;
        ++i;
      }
      part.text = std::move(out);
    }
  }

  // A template that is one literal is a string; `"${x}"` alone is x itself (HCL keeps the
  // type of a lone interpolation).
  ExprPtr simplify_template(std::shared_ptr<Expr> e) {
    if (e->parts.empty()) {
      auto lit = std::make_shared<Expr>();
      lit->kind = Expr::Kind::kLiteral;
      lit->span = e->span;
      lit->value = value::Value::string("", e->span);
      return lit;
    }
    if (e->parts.size() == 1 && e->parts[0].kind == TemplatePart::Kind::kLiteral) {
      auto lit = std::make_shared<Expr>();
      lit->kind = Expr::Kind::kLiteral;
      lit->span = e->span;
      lit->value = value::Value::string(std::move(e->parts[0].text), e->span);
      return lit;
    }
    return e;
  }

  std::vector<TemplatePart> template_parts(const std::vector<TSNode>& nodes, std::size_t lo,
                                           std::size_t hi, std::uint32_t begin, std::uint32_t end,
                                           bool quoted) {
    DepthGuard guard(depth_);
    std::vector<TemplatePart> out;
    if (depth_ > kMaxSyntaxDepth) return out;
    std::uint32_t pos = begin;
    auto add_literal = [&](std::uint32_t from, std::uint32_t to) {
      if (to <= from || to > text_.size()) return;
      const std::string_view raw = text_.substr(from, to - from);
      TemplatePart part;
      part.kind = TemplatePart::Kind::kLiteral;
      part.text = quoted ? unescape_quoted(raw) : unescape_heredoc(raw);
      out.push_back(std::move(part));
    };
    for (std::size_t i = lo; i < hi; ++i) {
      const Node kind = node_kind(nodes[i]);
      if (kind != Node::kTemplateInterpolation && kind != Node::kTemplateDirective) continue;
      add_literal(pos, ts_node_start_byte(nodes[i]));
      pos = ts_node_end_byte(nodes[i]);
      if (kind == Node::kTemplateInterpolation) {
        TemplatePart part;
        part.kind = TemplatePart::Kind::kInterpolation;
        for (TSNode c : children(nodes[i])) {
          const Node k = node_kind(c);
          if (k == Node::kExpression) part.expr = expression(c);
          if (k == Node::kStripMarker) (part.expr ? part.strip_after : part.strip_before) = true;
        }
        if (!part.expr) part.expr = invalid(nodes[i]);
        out.push_back(std::move(part));
      } else {
        for (TSNode c : children(nodes[i])) {
          if (node_kind(c) == Node::kTemplateIf) out.push_back(template_if(c, quoted));
          if (node_kind(c) == Node::kTemplateFor) out.push_back(template_for(c, quoted));
        }
      }
    }
    add_literal(pos, end);
    apply_strip_markers(out);
    return out;
  }

  static void trim_right(std::string& s) {
    while (!s.empty() && (is_blank(s.back()) || s.back() == '\n' || s.back() == '\r')) s.pop_back();
  }
  static void trim_left(std::string& s) {
    std::size_t n = 0;
    while (n < s.size() && (is_blank(s[n]) || s[n] == '\n' || s[n] == '\r')) ++n;
    s.erase(0, n);
  }

  static void apply_strip_markers(std::vector<TemplatePart>& parts) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].kind == TemplatePart::Kind::kLiteral) continue;
      if (parts[i].strip_before && i > 0 && parts[i - 1].kind == TemplatePart::Kind::kLiteral) {
        trim_right(parts[i - 1].text);
      }
      if (parts[i].strip_after && i + 1 < parts.size() &&
          parts[i + 1].kind == TemplatePart::Kind::kLiteral) {
        trim_left(parts[i + 1].text);
      }
    }
  }

  // Strip markers of a directive tag: {before `%{~`, after `~}`}.
  std::pair<bool, bool> tag_strips(TSNode tag) {
    bool before = false, after = false;
    bool seen_start = false;
    for (TSNode c : children(tag)) {
      const Node k = node_kind(c);
      if (k == Node::kDirectiveStart) seen_start = true;
      if (k == Node::kStripMarker) {
        const auto prev = ts_node_prev_sibling(c);
        if (seen_start && node_kind(prev) == Node::kDirectiveStart) {
          before = true;
        } else {
          after = true;
        }
      }
    }
    return {before, after};
  }

  TemplatePart template_if(TSNode node, bool quoted) {
    TemplatePart part;
    part.kind = TemplatePart::Kind::kIf;
    const std::vector<TSNode> nodes = children(node);
    std::size_t intro = nodes.size(), else_intro = nodes.size(), end_tag = nodes.size();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const Node k = node_kind(nodes[i]);
      if (k == Node::kTemplateIfIntro) intro = i;
      if (k == Node::kTemplateElseIntro) else_intro = i;
      if (k == Node::kTemplateIfEnd) end_tag = i;
    }
    if (intro == nodes.size()) {
      part.kind = TemplatePart::Kind::kLiteral;
      return part;
    }
    for (TSNode c : children(nodes[intro])) {
      if (node_kind(c) == Node::kExpression) part.expr = expression(c);
    }
    if (!part.expr) part.expr = invalid(nodes[intro]);
    const std::size_t then_end = std::min(else_intro, end_tag);
    const std::uint32_t close =
        end_tag < nodes.size() ? ts_node_start_byte(nodes[end_tag]) : ts_node_end_byte(node);
    auto [intro_before, intro_after] = tag_strips(nodes[intro]);
    part.strip_before = intro_before;
    part.then_parts = template_parts(
        nodes, intro + 1, then_end, ts_node_end_byte(nodes[intro]),
        then_end < nodes.size() ? ts_node_start_byte(nodes[then_end]) : close, quoted);
    if (intro_after && !part.then_parts.empty() &&
        part.then_parts.front().kind == TemplatePart::Kind::kLiteral) {
      trim_left(part.then_parts.front().text);
    }
    if (else_intro < nodes.size()) {
      part.else_parts = template_parts(nodes, else_intro + 1, end_tag,
                                       ts_node_end_byte(nodes[else_intro]), close, quoted);
      auto [else_before, else_after] = tag_strips(nodes[else_intro]);
      if (else_before && !part.then_parts.empty() &&
          part.then_parts.back().kind == TemplatePart::Kind::kLiteral) {
        trim_right(part.then_parts.back().text);
      }
      if (else_after && !part.else_parts.empty() &&
          part.else_parts.front().kind == TemplatePart::Kind::kLiteral) {
        trim_left(part.else_parts.front().text);
      }
    }
    if (end_tag < nodes.size()) {
      auto [end_before, end_after] = tag_strips(nodes[end_tag]);
      auto& last = else_intro < nodes.size() ? part.else_parts : part.then_parts;
      if (end_before && !last.empty() && last.back().kind == TemplatePart::Kind::kLiteral) {
        trim_right(last.back().text);
      }
      part.strip_after = end_after;
    }
    return part;
  }

  TemplatePart template_for(TSNode node, bool quoted) {
    TemplatePart part;
    part.kind = TemplatePart::Kind::kFor;
    const std::vector<TSNode> nodes = children(node);
    std::size_t start = nodes.size(), end_tag = nodes.size();
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      const Node k = node_kind(nodes[i]);
      if (k == Node::kTemplateForStart) start = i;
      if (k == Node::kTemplateForEnd) end_tag = i;
    }
    if (start == nodes.size()) {
      part.kind = TemplatePart::Kind::kLiteral;
      return part;
    }
    std::vector<std::string> names;
    for (TSNode c : children(nodes[start])) {
      if (node_kind(c) == Node::kIdentifier) names.emplace_back(slice(c));
      if (node_kind(c) == Node::kExpression) part.expr = expression(c);
    }
    if (names.size() == 2) {
      part.key_var = names[0];
      part.value_var = names[1];
    } else if (names.size() == 1) {
      part.value_var = names[0];
    }
    if (!part.expr) part.expr = invalid(nodes[start]);
    const std::uint32_t close =
        end_tag < nodes.size() ? ts_node_start_byte(nodes[end_tag]) : ts_node_end_byte(node);
    part.then_parts =
        template_parts(nodes, start + 1, end_tag, ts_node_end_byte(nodes[start]), close, quoted);
    auto [start_before, start_after] = tag_strips(nodes[start]);
    part.strip_before = start_before;
    if (start_after && !part.then_parts.empty() &&
        part.then_parts.front().kind == TemplatePart::Kind::kLiteral) {
      trim_left(part.then_parts.front().text);
    }
    if (end_tag < nodes.size()) {
      auto [end_before, end_after] = tag_strips(nodes[end_tag]);
      if (end_before && !part.then_parts.empty() &&
          part.then_parts.back().kind == TemplatePart::Kind::kLiteral) {
        trim_right(part.then_parts.back().text);
      }
      part.strip_after = end_after;
    }
    return part;
  }

  std::string_view text_;
  source::FileId file_;
  source::Diagnostics& diagnostics_;
  TSTreeCursor cursor_;
  int depth_ = 0;
  bool depth_reported_ = false;
  std::uint32_t unchanged_ = 0;  // bytes at the start of the text as they were
  std::unordered_map<std::uint32_t, const Block*> reusable_;  // by start
};

// ----- syntax errors

std::string_view closer_name(std::string_view token) {
  if (token == "}") return "block";
  if (token == "]") return "list";
  if (token == ")") return "parenthesis";
  return {};
}

class ErrorReporter {
 public:
  ErrorReporter(std::string_view text, source::FileId file, source::Diagnostics& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {}

  void report(TSNode root) {
    if (!ts_node_has_error(root)) return;
    // Iterative walk (a deeply nested file must not exhaust the stack), entering only
    // subtrees that hold an error.
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    bool done = false;
    while (!done && count_ < kMaxErrors) {
      const TSNode node = ts_tree_cursor_current_node(&cursor);
      bool descend = false;
      if (ts_node_is_missing(node)) {
        missing(node);
      } else if (ts_node_is_error(node)) {
        error(node);
      } else if (ts_node_has_error(node)) {
        descend = true;
      }
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) continue;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          done = true;
          break;
        }
      }
    }
    ts_tree_cursor_delete(&cursor);
  }

 private:
  static constexpr int kMaxErrors = 20;

  std::string_view slice(TSNode node) const {
    const std::uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
    if (b >= text_.size() || e <= b) return {};
    return text_.substr(b, std::min<std::size_t>(e, text_.size()) - b);
  }
  void add(std::string message, std::uint32_t begin, std::uint32_t end) {
    ++count_;
    diagnostics_.push_back(
        Diagnostic{DiagnosticKind::kSyntax, std::move(message), Span{file_, {begin, end}}, {}});
  }

  // A token the parser inserted to recover, e.g. the `}` of a block left open.
  void missing(TSNode node) {
    const std::string_view type = ts_node_type(node);
    const std::uint32_t at = ts_node_start_byte(node);
    if (const std::string_view what = closer_name(type); !what.empty()) {
      // Point at the construct left open: the block header, or the opening bracket.
      TSNode container = ts_node_parent(node);
      const Node container_kind = node_kind(container);
      if (container_kind == Node::kBlockEnd)
        container = ts_node_parent(container);
      else if (container_kind != Node::kFunctionCall)
        container = ts_node_parent(container);
      if (!ts_node_is_null(container)) {
        std::uint32_t begin = ts_node_start_byte(container);
        std::uint32_t end = begin + 1;
        if (node_kind(container) == Node::kBlock) {
          const std::string_view header = text_.substr(begin, ts_node_end_byte(container) - begin);
          const std::size_t brace = header.find('{');
          end = brace == std::string_view::npos ? begin + 1
                                                : begin + static_cast<std::uint32_t>(brace) + 1;
        }
        add(fmt::format("unclosed {} started here: missing '{}'", what, type), begin, end);
        return;
      }
    }
    if (type == "=") {
      add("missing '=' after attribute name", at, at);
      return;
    }
    if (type == "quoted_template_end") {  // a string the file ends inside
      const TSNode string = ts_node_parent(node);
      if (!ts_node_is_null(string)) {
        add("unclosed string started here", ts_node_start_byte(string),
            ts_node_start_byte(string) + 1);
        return;
      }
    }
    if (type == "{" || type == "[" || type == "(" || type == "identifier") {
      // Recovery invented a token where an attribute's value should start.
      TSNode up = ts_node_parent(node);
      for (int i = 0; i < 6 && !ts_node_is_null(up); ++i, up = ts_node_parent(up)) {
        if (node_kind(up) != Node::kAttribute) continue;
        const std::uint32_t count = ts_node_child_count(up);
        for (std::uint32_t c = 0; c < count; ++c) {
          const TSNode child = ts_node_child(up, c);
          if (!ts_node_is_named(child) && slice(child) == "=" && only_space_between(child, at)) {
            add("missing value after '='", ts_node_start_byte(child), ts_node_end_byte(child));
            return;
          }
        }
      }
    }
    if (type == "identifier") {  // the grammar's name for "an expression was expected"
      add("expected a value here", at, at);
      return;
    }
    add(fmt::format("missing '{}'", type), at, at);
  }

  // Nothing but white space from the end of `token` up to `offset`.
  bool only_space_between(TSNode token, std::uint32_t offset) const {
    const std::uint32_t from = ts_node_end_byte(token);
    if (from > offset || offset > text_.size()) return false;
    const std::string_view gap = text_.substr(from, offset - from);
    return std::all_of(gap.begin(), gap.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
  }

  void error(TSNode node) {
    std::vector<TSNode> kids;
    TSTreeCursor cursor = ts_tree_cursor_new(node);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      do {
        kids.push_back(ts_tree_cursor_current_node(&cursor));
      } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    const std::uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
    if (kids.empty()) {
      add(fmt::format("unexpected '{}'", shorten(slice(node))), begin, end);
      return;
    }
    auto text_of = [&](std::size_t i) { return i < kids.size() ? slice(kids[i]) : ""; };
    // An attribute or operator with nothing after it.
    const std::string_view last = text_of(kids.size() - 1);
    if (!ts_node_is_named(kids.back())) {
      if (last == "=") {
        add("missing value after '='", ts_node_start_byte(kids.back()),
            ts_node_end_byte(kids.back()));
        return;
      }
      static constexpr std::string_view kOperators[] = {
          "+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<=", ">=", "<", ">", "?", ":"};
      if (std::find(std::begin(kOperators), std::end(kOperators), last) != std::end(kOperators)) {
        add(fmt::format("missing operand after '{}'", last), ts_node_start_byte(kids.back()),
            ts_node_end_byte(kids.back()));
        return;
      }
    }
    // An unterminated string.
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (node_kind(kids[i]) != Node::kQuotedStart) continue;
      bool closed = false;
      for (std::size_t j = i + 1; j < kids.size(); ++j) {
        if (node_kind(kids[j]) == Node::kQuotedEnd) closed = true;
      }
      if (!closed) {
        add("unclosed string started here", ts_node_start_byte(kids[i]), ts_node_end_byte(kids[i]));
        return;
      }
    }
    for (std::size_t i = 0; i < kids.size(); ++i) {
      if (node_kind(kids[i]) != Node::kIdentifier) continue;
      const TSNode* next = i + 1 < kids.size() ? &kids[i + 1] : nullptr;
      if (next == nullptr) continue;
      const std::string_view next_text = text_of(i + 1);
      if (next_text == "=") {
        if (i + 2 >= kids.size()) {
          add("missing value after '='", ts_node_start_byte(*next), ts_node_end_byte(*next));
          return;
        }
        continue;
      }
      const Node next_kind = node_kind(*next);
      const bool block_like = next_text == "{" || next_kind == Node::kBlockStart ||
                              next_kind == Node::kStringLit || next_kind == Node::kIdentifier ||
                              next_kind == Node::kQuotedStart;
      if (!block_like && ts_node_is_named(*next)) {
        add("missing '=' after attribute name", ts_node_start_byte(kids[i]),
            ts_node_end_byte(kids[i]));
        return;
      }
    }
    const std::string_view first = text_of(0);
    if (first == "}" || first == "]" || first == ")") {
      add(fmt::format("unexpected '{}'", first), ts_node_start_byte(kids[0]),
          ts_node_end_byte(kids[0]));
      return;
    }
    // A block whose `{` was never closed.
    bool open = false;
    std::size_t open_at = 0;
    for (std::size_t i = 0; i < kids.size(); ++i) {
      const Node k = node_kind(kids[i]);
      if (k == Node::kBlockStart && !open) {
        open = true;
        open_at = i;
      }
      if (k == Node::kBlockEnd) open = false;
    }
    if (open && end >= text_.size() - trailing_space()) {
      std::size_t header = open_at;
      while (header > 0 && (node_kind(kids[header - 1]) == Node::kIdentifier ||
                            node_kind(kids[header - 1]) == Node::kStringLit)) {
        --header;
      }
      add("unclosed block started here: missing '}'", ts_node_start_byte(kids[header]),
          ts_node_end_byte(kids[open_at]));
      return;
    }
    // Otherwise the first token the parser could not place.
    TSNode leaf = kids[0];
    while (ts_node_child_count(leaf) > 0) leaf = ts_node_child(leaf, 0);
    add(fmt::format("unexpected '{}'", shorten(slice(leaf))), ts_node_start_byte(leaf),
        ts_node_end_byte(leaf));
  }

  std::size_t trailing_space() const {
    std::size_t n = 0;
    while (n < text_.size() &&
           std::isspace(static_cast<unsigned char>(text_[text_.size() - 1 - n])))
      ++n;
    return n;
  }

  static std::string shorten(std::string_view text) {
    const std::size_t eol = text.find('\n');
    if (eol != std::string_view::npos) text = text.substr(0, eol);
    if (text.size() > 30) return std::string(text.substr(0, 30)) + "...";
    return std::string(text);
  }

  std::string_view text_;
  source::FileId file_;
  source::Diagnostics& diagnostics_;
  int count_ = 0;
};

}  // namespace

namespace {

// The syntax tree into the evaluator's AST, with the tree's errors as diagnostics.
Body convert(const SyntaxTree& tree, std::string_view text, source::FileId id,
             source::Diagnostics& diagnostics, const PreviousConversion& converted = {},
             std::uint32_t unchanged = 0) {
  if (!tree) {
    diagnostics.push_back(
        Diagnostic{DiagnosticKind::kSyntax, "the file could not be parsed", Span{id, {0, 0}}, {}});
    return {};
  }
  const TSNode root = ts_tree_root_node(tree.get());
  ErrorReporter(text, id, diagnostics).report(root);
  Converter converter(text, id, diagnostics);
  converter.reuse(converted, unchanged);
  return converter.config_file(root);
}

}  // namespace

Body parse_hcl(const source::SourceFile& file, source::FileId id, source::Diagnostics& diagnostics,
               HclParser* parser) {
  if (file.text().size() > kMaxHclFileBytes) {
    diagnostics.push_back(source::Diagnostic{
        source::DiagnosticKind::kIo,
        fmt::format("file is larger than the limit of {} MiB for Terraform files ({} bytes); "
                    "not read",
                    kMaxHclFileBytes >> 20, file.text().size()),
        source::Span{id, {0, 0}}, id == source::kNoFile ? file.path() : std::string()});
    return Body{};
  }
  std::optional<HclParser> own;
  if (parser == nullptr) parser = &own.emplace();
  // Parse the whole text (offsets stay file offsets); a BOM is blanked to a space.
  std::string_view text = file.text();
  std::string copy;
  if (file.content_begin() > 0) {
    copy.assign(text);
    for (std::uint32_t i = 0; i < file.content_begin(); ++i) copy[i] = ' ';
    text = copy;
  }
  return convert(parser->parse(text), text, id, diagnostics);
}

Body reparse_hcl(const source::SourceFile& file, source::FileId id,
                 source::Diagnostics& diagnostics, HclParser& parser, const SyntaxTree& previous,
                 std::string_view previous_text, SyntaxTree& tree,
                 const PreviousConversion& converted) {
  if (file.content_begin() > 0 || file.text().size() > kMaxHclFileBytes) {
    // A BOM (blanked text, parsed whole), or a file too large to parse at all.
    tree = SyntaxTree();
    return parse_hcl(file, id, diagnostics, &parser);
  }
  tree = parser.reparse(previous, previous_text, file.text());
  const std::string_view text = file.text();
  const auto unchanged = static_cast<std::uint32_t>(
      std::mismatch(text.begin(), text.end(), previous_text.begin(), previous_text.end()).first -
      text.begin());
  return convert(tree, text, id, diagnostics, converted, unchanged);
}

std::vector<Comment> file_comments(const source::SourceFile& file, source::FileId id) {
  std::vector<Comment> out;
  if (file.text().size() > kMaxHclFileBytes) return out;  // not parsed: parse_hcl says why
  HclParser parser;
  std::string_view text = file.text();
  std::string copy;
  if (file.content_begin() > 0) {
    copy.assign(text);
    for (std::uint32_t i = 0; i < file.content_begin(); ++i) copy[i] = ' ';
    text = copy;
  }
  SyntaxTree tree = parser.parse(text);
  if (!tree) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree.get()));
  bool done = false;
  while (!done) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    if (node_kind(node) == Node::kComment) {
      const std::uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
      out.push_back(Comment{file.text().substr(b, e - b), Span{id, {b, e}}});
    } else if (ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace ztlint::terraform
