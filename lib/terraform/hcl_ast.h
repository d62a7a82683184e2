// The HCL syntax tree the evaluator walks: bodies, blocks, attributes and expressions.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::terraform {

struct Expr;
// Shared: expressions are immutable once parsed, so an unchanged block of an edited file
// is carried into its new parse without copying them.
using ExprPtr = std::shared_ptr<const Expr>;

// One step after a traversal's root: `.name`, `[key]`, or a splat (`[*]` / `.*`) that
// applies the steps after it to every element.
struct TraversalStep {
  enum class Kind { kAttr, kIndex, kSplat };
  Kind kind = Kind::kAttr;
  std::string name;  // kAttr; kIndex with a legacy `.0` index holds the digits here
  ExprPtr index;     // kIndex with `[expr]`
  source::Span span;
};

// A piece of a template: literal text, `${expr}`, `%{if}` or `%{for}`.
struct TemplatePart {
  enum class Kind { kLiteral, kInterpolation, kIf, kFor };
  Kind kind = Kind::kLiteral;
  std::string text;                      // kLiteral (escapes already processed)
  ExprPtr expr;                          // kInterpolation value, kIf condition, kFor collection
  std::vector<TemplatePart> then_parts;  // kIf true branch, kFor body
  std::vector<TemplatePart> else_parts;  // kIf false branch
  std::string key_var, value_var;        // kFor (key_var empty when only one is named)
  bool strip_before = false;             // `~` on the opening side: trim preceding whitespace
  bool strip_after = false;              // `~` on the closing side: trim following whitespace
};

struct ObjectItem {
  ExprPtr key;  // a bare identifier key is a kLiteral string
  ExprPtr value;
};

struct Expr {
  enum class Kind {
    kLiteral,      // value
    kTemplate,     // parts
    kVariable,     // name (root of a traversal: var, local, each, azurerm_subnet...)
    kTraversal,    // operands[0] then steps
    kTuple,        // operands
    kObject,       // items
    kCall,         // name, operands, expand_last
    kConditional,  // operands: condition, true, false
    kBinary,       // op, operands: left, right
    kUnary,        // op, operands[0]
    kFor,          // key_var, value_var, operands: collection, key (object form), value, cond
    kInvalid,      // did not parse or nested too deeply: evaluates to Unknown
  };
  Kind kind = Kind::kInvalid;
  source::Span span;
  value::Value value;
  std::string name;  // kVariable, kCall; kFor value variable
  std::string op;    // kBinary, kUnary
  std::vector<ExprPtr> operands;
  std::vector<TraversalStep> steps;
  std::vector<ObjectItem> items;
  std::vector<TemplatePart> parts;
  bool expand_last = false;  // f(args...)
  // kFor: key_var (may be empty), name = value variable, is_object, grouping (`...`);
  // operands = {collection, key or null, value, condition or null}.
  std::string key_var;
  bool is_object = false;
  bool grouping = false;
};

struct Block;

struct Attribute {
  std::string name;
  ExprPtr expr;
  source::Span span;  // the whole `name = expr`
  source::Span name_span;
};

// A body keeps attributes and blocks in source order of their kind.
struct Body {
  std::vector<Attribute> attributes;
  std::vector<Block> blocks;

  const Attribute* attribute(std::string_view name) const;
  const Block* block(std::string_view type) const;
};

struct Block {
  std::string type;
  std::vector<std::string> labels;
  Body body;
  source::Span span;  // the whole block
};

}  // namespace ztlint::terraform
