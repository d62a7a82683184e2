// The Bicep syntax tree: one node type for declarations, expressions and type expressions.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "bicep/lexer.h"
#include "source/text_range.h"

namespace ztlint::bicep {

enum class NodeKind : std::uint8_t {
  // Declarations (children of kProgram). `decorators` holds their @decorators.
  kProgram,      // items: declarations
  kTargetScope,  // value
  kMetadata,     // name, value
  kParam,        // name, type (may be null in .bicepparam), value (default, may be null)
  kVar,          // name, type (optional), value
  kResource,     // name, text = 'type@version', flag = existing, value (object/if/for)
  kModule,       // name, text = path, value
  kOutput,       // name, type, value
  kTypeDecl,     // name, type
  kFunc,         // name, items: kFuncParam, type = return type, value = body
  kFuncParam,    // name, type
  kImport,       // text = source path; items: kImportItem; name = namespace alias for `* as x`
  kImportItem,   // text = imported symbol, name = local alias (same when not renamed)
  kExtension,    // text = extension name or reference, value = `with` config, name = alias
  kUsing,        // text = template path (empty for `using none`), value = `with` config
  kExtends,      // text = base .bicepparam path
  kAssert,       // name, value
  kDecorator,    // value: the call expression
  kError,        // a declaration that did not parse
  // Expressions.
  kString,  // text = value when `segments` is empty; else segments + items (holes)
  kNumber,  // number
  kBool,    // flag
  kNull,
  kIdentifier,      // name
  kArray,           // items
  kObject,          // items: kObjectProperty, kSpread, nested kResource
  kObjectProperty,  // key (kString or kIdentifier node), value; decorators for object types
  kSpread,          // value
  kMember,          // target, name, flag = safe (.?)
  kIndex,           // target, value = index, flag = safe ([?...] or .?[...])
  kResourceAccess,  // target :: name
  kCall,            // name; target = namespace (optional, e.g. `sys`); items = arguments
  kUnary,           // text = operator, value
  kBinary,          // text = operator, target = left, value = right
  kTernary,         // target = condition, items = {then, else}
  kLambda,          // items: kIdentifier parameters, value = body
  kFor,             // items: item variable, optional index variable; target = iterable,
                    // value = body (expression or kIf)
  kIf,              // target = condition, value = body
  kParen,           // value
  kNonNull,         // value!
  // Type expressions (kept as written; the evaluator does not check types).
  kTypeName,      // name; items = type arguments (resourceInput<'T@v'>)
  kTypeUnion,     // items
  kTypeArray,     // value[]
  kTypeNullable,  // value?
  kTypeObject,    // items: kObjectProperty (key kIdentifier "*" for additional properties)
  kTypeTuple,     // items
  kTypeMember,    // target.name, target[*]
};

std::string_view to_string(NodeKind kind);

// A node of the tree. Field use per kind is listed beside NodeKind; unused fields stay empty.
// Nodes live in a SyntaxTree's arena and point at each other; a tree is immutable once
// parsed and may be read from any thread.
struct Node {
  NodeKind kind = NodeKind::kError;
  source::TextRange range;
  std::string name;
  source::TextRange name_range;
  std::string text;
  double number = 0;
  bool flag = false;
  Node* target = nullptr;
  Node* value = nullptr;
  Node* type = nullptr;
  Node* key = nullptr;
  std::vector<Node*> items;
  std::vector<Node*> decorators;
  std::vector<std::string> segments;  // literal pieces of an interpolated string (n holes + 1)
};

// A parsed file: the nodes, the comments, and the syntax errors.
struct SyntaxError {
  source::TextRange range;
  std::string message;
};

class SyntaxTree {
 public:
  SyntaxTree() = default;
  SyntaxTree(const SyntaxTree&) = delete;
  SyntaxTree& operator=(const SyntaxTree&) = delete;
  SyntaxTree(SyntaxTree&&) = default;
  SyntaxTree& operator=(SyntaxTree&&) = default;

  Node* make(NodeKind kind, source::TextRange range) {
    Node& node = nodes_.emplace_back();
    node.kind = kind;
    node.range = range;
    return &node;
  }

  Node* root = nullptr;  // the kProgram node
  std::vector<Comment> comments;
  std::vector<SyntaxError> errors;

 private:
  std::deque<Node> nodes_;
};

}  // namespace ztlint::bicep
