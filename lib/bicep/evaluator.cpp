#include "bicep/evaluator.h"
#include "yaml/yaml_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>

#include "arm/template_functions.h"
#include "bicep/parser.h"
#include "json/json_reader.h"
#include "source/confinement.h"

namespace ztlint::bicep {

using source::DiagnosticKind;
using source::FileId;
using source::Span;
using value::Value;

// Where a declaration's evaluation stands. Outside the anonymous namespace: the
// declarations below (in ztlint::bicep, as evaluator.h names them) hold one.
enum class State { kPending, kRunning, kDone };

namespace {

namespace fs = std::filesystem;

using Bindings = std::vector<std::pair<std::string, Value>>;

bool is_registry_reference(std::string_view path) {
  return path.starts_with("br:") || path.starts_with("br/") || path.starts_with("ts:") ||
         path.starts_with("ts/");
}

// The key of an object property: an identifier, or a string without interpolation.
const std::string* property_key(const Node* property) {
  if (property->kind != NodeKind::kObjectProperty || !property->key) return nullptr;
  if (property->key->kind == NodeKind::kIdentifier) return &property->key->name;
  if (property->key->kind == NodeKind::kString && property->key->segments.empty()) {
    return &property->key->text;
  }
  return nullptr;
}

const Node* find_property(const Node* object, std::string_view name) {
  if (!object || object->kind != NodeKind::kObject) return nullptr;
  for (const Node* item : object->items) {
    const std::string* key = property_key(item);
    if (key && value::iequals(*key, name)) return item;
  }
  return nullptr;
}

std::string number_text(double number) {
  if (number == static_cast<double>(static_cast<long long>(number))) {
    return fmt::format("{}", static_cast<long long>(number));
  }
  return fmt::format("{}", number);
}

// ARM `type@apiVersion` split in two.
std::pair<std::string, std::string> split_type(const std::string& written) {
  const std::size_t at = written.find('@');
  if (at == std::string::npos) return {written, {}};
  return {written.substr(0, at), written.substr(at + 1)};
}

}  // namespace

// ---- one evaluation of one template ------------------------------------------------------

struct DeclInstance {
  std::string address;
  Bindings bindings;
  const Node* object = nullptr;  // the instance's body (object literal)
  Value declared_name;
  Value full_name;
  std::string parent_address;  // a nested resource's parent instance
  bool emitted = false;
  // Modules: the evaluation of the target template and the module's value {name, outputs}.
  State module_state = State::kPending;
  std::unique_ptr<TemplateEvaluation> module;
  Value module_value;
};

struct Declaration {
  const Node* node = nullptr;  // kResource or kModule
  Declaration* parent = nullptr;
  State header = State::kPending;
  bool loop = false;
  bool count_known = true;
  std::string type;
  std::string api_version;
  std::vector<DeclInstance> instances;
  std::vector<std::unique_ptr<Declaration>> children;
};

struct Symbol {
  enum class Kind { kParam, kVar, kResource, kModule, kFunc, kNamespace, kImported };
  Kind kind = Kind::kVar;
  const Node* node = nullptr;
  State state = State::kPending;
  Value value;
  Declaration* declaration = nullptr;
  std::string source_path;    // imports: the resolved file (empty for registry imports)
  std::string imported_name;  // imports: the name in the source file
};

class TemplateEvaluation {
 public:
  TemplateEvaluation(Evaluator& evaluator, FileId file, std::string address_prefix,
                     ParameterValues parameters, std::vector<FileId> module_stack, bool emit)
      : evaluator_(evaluator),
        file_(file),
        tree_(evaluator.tree(file)),
        path_(evaluator.sources().file(file).path()),
        prefix_(std::move(address_prefix)),
        parameters_(std::move(parameters)),
        module_stack_(std::move(module_stack)),
        emit_(emit) {
    collect();
  }

  // Evaluates every resource and module declaration, emitting resources when asked to.
  void run() {
    for (auto& declaration : declarations_) run_declaration(*declaration);
  }

  // The outputs of the template, by name.
  Value outputs() {
    value::Map entries;
    for (const Node* node : tree_.root->items) {
      if (node->kind != NodeKind::kOutput || !node->value) continue;
      entries.emplace_back(node->name, eval_with({}, node->value).with_span(span(node->range)));
    }
    return Value::map(std::move(entries), span(tree_.root->range));
  }

  // The values of the `param` declarations (for .bicepparam files).
  ParameterValues parameter_values() {
    ParameterValues values;
    for (const Node* node : tree_.root->items) {
      if (node->kind == NodeKind::kParam) values[node->name] = lookup_symbol(node->name, node);
    }
    return values;
  }

  // An exported variable or function of this file, for `import`.
  Value exported_value(const std::string& name, const Node* at) { return lookup_symbol(name, at); }
  const Node* function(const std::string& name) const {
    auto it = symbols_.find(name);
    return it != symbols_.end() && it->second.kind == Symbol::Kind::kFunc ? it->second.node
                                                                          : nullptr;
  }

  Value call_user_function(const Node* function, std::vector<Value> args, Span at) {
    Bindings bindings;
    for (std::size_t i = 0; i < function->items.size(); ++i) {
      bindings.emplace_back(function->items[i]->name,
                            i < args.size() ? args[i] : Value::unknown("missing argument", at));
    }
    if (++function_depth_ > kMaxModuleDepth * 4) {
      --function_depth_;
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("function '{}' recurses too deeply", function->name), at);
      return Value::unknown("function recursion limit", at);
    }
    Value result = eval_with(std::move(bindings), function->value);
    --function_depth_;
    return result.with_span(at);
  }

 private:
  Span span(source::TextRange range) const { return Span{file_, range}; }
  Span span(const Node* node) const { return Span{file_, node->range}; }

  // ---- symbols ---------------------------------------------------------------------------

  void collect() {
    for (const Node* node : tree_.root->items) {
      if (is_duplicate(node)) continue;
      Symbol symbol;
      symbol.node = node;
      switch (node->kind) {
        case NodeKind::kParam: symbol.kind = Symbol::Kind::kParam; break;
        case NodeKind::kVar: symbol.kind = Symbol::Kind::kVar; break;
        case NodeKind::kFunc: symbol.kind = Symbol::Kind::kFunc; break;
        case NodeKind::kResource:
        case NodeKind::kModule:
          symbol.kind =
              node->kind == NodeKind::kResource ? Symbol::Kind::kResource : Symbol::Kind::kModule;
          symbol.declaration = add_declaration(node, nullptr);
          break;
        case NodeKind::kImport: collect_import(node); continue;
        default: continue;
      }
      symbols_.emplace(node->name, std::move(symbol));
    }
  }

  // Bicep refuses a second declaration of a name (param, var, func, resource, module); it is
  // reported once at its name and ignored, the first one stands.
  bool is_duplicate(const Node* node) {
    switch (node->kind) {
      case NodeKind::kParam:
      case NodeKind::kVar:
      case NodeKind::kFunc:
      case NodeKind::kResource:
      case NodeKind::kModule: break;
      default: return false;
    }
    const auto first = symbols_.find(node->name);
    if (node->name.empty() || first == symbols_.end()) return false;
    const auto at = [](const Node* declared) {
      return declared->name_range.end > declared->name_range.begin ? declared->name_range
                                                                    : declared->range;
    };
    const source::LineColumn where =
        evaluator_.sources().file(file_).line_column(at(first->second.node).begin);
    evaluator_.report_once(
        fmt::format("duplicate:{}:{}", path_, node->range.begin), DiagnosticKind::kSyntax,
        fmt::format("duplicate symbol '{}': already declared at {}:{}:{}; this declaration is "
                    "ignored",
                    node->name, path_, where.line, where.column),
        span(at(node)));
    return true;
  }

  Declaration* add_declaration(const Node* node, Declaration* parent) {
    auto declaration = std::make_unique<Declaration>();
    declaration->node = node;
    declaration->parent = parent;
    Declaration* raw = declaration.get();
    if (parent) {
      parent->children.push_back(std::move(declaration));
    } else {
      declarations_.push_back(std::move(declaration));
    }
    all_declarations_.push_back(raw);
    if (node->kind == NodeKind::kResource) {
      for (const Node* item : body_object(node)->items) {
        if (item->kind == NodeKind::kResource) add_declaration(item, raw);
      }
    }
    return raw;
  }

  // The object literal of a resource or module body, through `if` and `for`.
  static const Node* body_object(const Node* node) {
    static const Node kEmpty{};
    const Node* body = node->value;
    if (body && body->kind == NodeKind::kFor) body = body->value;
    if (body && body->kind == NodeKind::kIf) body = body->value;
    return body ? body : &kEmpty;
  }

  void collect_import(const Node* node) {
    std::string source_path;
    if (!is_registry_reference(node->text) && !node->text.empty() &&
        node->text.find('@') == std::string::npos) {
      source_path = evaluator_.resolve_path(file_, node->text);
    } else if (is_registry_reference(node->text)) {
      evaluator_.report_once("import:" + node->text, DiagnosticKind::kUnsupported,
                             fmt::format("import from '{}' not followed: registry files are not "
                                         "fetched, so imported values are unknown",
                                         node->text),
                             span(node));
    }
    if (!node->name.empty() && node->items.empty()) {
      Symbol symbol;
      symbol.kind = Symbol::Kind::kNamespace;
      symbol.node = node;
      symbol.source_path = source_path;
      symbols_.emplace(node->name, std::move(symbol));
    }
    for (const Node* item : node->items) {
      Symbol symbol;
      symbol.kind = Symbol::Kind::kImported;
      symbol.node = item;
      symbol.source_path = source_path;
      symbol.imported_name = item->text;
      symbols_.emplace(item->name, std::move(symbol));
    }
  }

  TemplateEvaluation* imported(const std::string& path, const Node* at) {
    if (path.empty()) return nullptr;
    auto it = imports_.find(path);
    if (it != imports_.end()) return it->second.get();
    imports_[path] = nullptr;  // a cycle of imports finds nullptr
    if (std::string why = source::confinement_violation(evaluator_.unit().root, path);
        !why.empty()) {
      evaluator_.report(DiagnosticKind::kIo, fmt::format("import is not read: {}", why), span(at));
      return nullptr;
    }
    const auto id = evaluator_.load(path, span(at));
    if (!id || std::find(module_stack_.begin(), module_stack_.end(), *id) != module_stack_.end() ||
        module_stack_.size() >= static_cast<std::size_t>(kMaxModuleDepth)) {
      return nullptr;
    }
    std::vector<FileId> stack = module_stack_;
    stack.push_back(*id);
    auto evaluation = std::make_unique<TemplateEvaluation>(
        evaluator_, *id, prefix_, ParameterValues{}, std::move(stack), false);
    TemplateEvaluation* raw = evaluation.get();
    imports_[path] = std::move(evaluation);
    return raw;
  }

  Value lookup_symbol(const std::string& name, const Node* at) {
    for (auto frame = frames_.rbegin(); frame != frames_.rend(); ++frame) {
      for (auto binding = frame->rbegin(); binding != frame->rend(); ++binding) {
        if (binding->first == name) return binding->second;
      }
    }
    auto it = symbols_.find(name);
    if (it == symbols_.end()) {
      for (Declaration* declaration : all_declarations_) {
        if (declaration->parent && declaration->node->name == name) {
          return resource_value(*declaration, at);
        }
      }
      evaluator_.report(DiagnosticKind::kEvaluation, fmt::format("unknown symbol '{}'", name),
                        span(at));
      return Value::unknown(fmt::format("unknown symbol '{}'", name), span(at));
    }
    Symbol& symbol = it->second;
    switch (symbol.kind) {
      case Symbol::Kind::kParam:
      case Symbol::Kind::kVar: return variable_value(symbol, at);
      case Symbol::Kind::kResource: return resource_value(*symbol.declaration, at);
      case Symbol::Kind::kModule: return module_value(*symbol.declaration, at);
      case Symbol::Kind::kImported: {
        TemplateEvaluation* source = imported(symbol.source_path, at);
        if (!source)
          return Value::unknown(fmt::format("'{}' is imported from a file that is not read", name),
                                span(at));
        return source->exported_value(symbol.imported_name, at);
      }
      case Symbol::Kind::kFunc:
      case Symbol::Kind::kNamespace: break;
    }
    return Value::unknown(fmt::format("'{}' is not a value", name), span(at));
  }

  Value variable_value(Symbol& symbol, const Node* at) {
    if (symbol.state == State::kDone) return symbol.value;
    if (symbol.state == State::kRunning) {
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("'{}' depends on itself", symbol.node->name), span(at));
      return Value::unknown("circular reference", span(at));
    }
    symbol.state = State::kRunning;
    const Node* node = symbol.node;
    Value result;
    if (node->kind == NodeKind::kParam) {
      auto supplied = parameters_.find(node->name);
      if (supplied != parameters_.end()) {
        result = supplied->second;
      } else if (node->value) {
        result = eval_with({}, node->value);
      } else {
        result = Value::unknown(fmt::format("parameter '{}' has no value", node->name), span(node));
      }
    } else {
      result = eval_with({}, node->value);
    }
    symbol.value = result;
    symbol.state = State::kDone;
    return result;
  }

  // ---- resources and modules ----------------------------------------------------------

  void ensure_header(Declaration& declaration) {
    if (declaration.header == State::kDone) return;
    if (declaration.header == State::kRunning) {
      evaluator_.report(
          DiagnosticKind::kEvaluation,
          fmt::format("the name or condition of '{}' depends on itself", declaration.node->name),
          span(declaration.node->name_range));
      return;
    }
    declaration.header = State::kRunning;
    const Node* node = declaration.node;
    const bool is_resource = node->kind == NodeKind::kResource;
    if (is_resource) {
      auto [type, api_version] = split_type(node->text);
      if (declaration.parent && type.find('/') == std::string::npos) {
        type = declaration.parent->type + "/" + type;
        if (api_version.empty()) api_version = declaration.parent->api_version;
      }
      declaration.type = std::move(type);
      declaration.api_version = std::move(api_version);
    }

    std::vector<const DeclInstance*> parents;
    static const DeclInstance kRoot;
    if (declaration.parent) {
      ensure_header(*declaration.parent);
      for (const DeclInstance& instance : declaration.parent->instances)
        parents.push_back(&instance);
    } else {
      parents.push_back(&kRoot);
    }
    std::vector<DeclInstance> instances;
    for (const DeclInstance* parent : parents) {
      const std::string base = declaration.parent ? parent->address + "::" + node->name
                                                  : prefix_ + path_ + "#" + node->name;
      const Node* body = node->value;
      auto add = [&](std::string address, Bindings bindings, const Node* object) {
        DeclInstance instance;
        instance.address = std::move(address);
        instance.bindings = std::move(bindings);
        instance.object = object;
        instance.parent_address = declaration.parent ? parent->address : std::string();
        instances.push_back(std::move(instance));
      };
      auto conditional = [&](std::string address, Bindings bindings, const Node* inner) {
        if (inner && inner->kind == NodeKind::kIf) {
          const Value condition = eval_with(bindings, inner->target);
          if (condition.is_bool() && !condition.as_bool()) return;
          inner = inner->value;
        }
        add(std::move(address), std::move(bindings), inner);
      };
      if (body && body->kind == NodeKind::kFor) {
        declaration.loop = true;
        const Value items = eval_with(parent->bindings, body->target);
        const std::string item_name = body->items.empty() ? "" : body->items[0]->name;
        const std::string index_name = body->items.size() > 1 ? body->items[1]->name : "";
        std::size_t& made = evaluator_.unit().instances;
        const bool too_many =
            items.is_list() && (items.as_list().size() > kMaxLoopCount ||
                                made + items.as_list().size() > source::kMaxInstancesPerUnit);
        if (too_many) {
          evaluator_.report(
              DiagnosticKind::kEvaluation,
              items.as_list().size() > kMaxLoopCount
                  ? fmt::format("the loop of '{}' has {} items, more than Azure's limit of {}; "
                                "evaluated as one instance with an unknown index",
                                node->name, items.as_list().size(), kMaxLoopCount)
                  : fmt::format("the loop of '{}' brings the instances of the deployment to more "
                                "than the limit of {}; evaluated as one instance with an unknown "
                                "index",
                                node->name, source::kMaxInstancesPerUnit),
              span(body->target));
        }
        if (items.is_list() && !too_many) {
          const value::List& list = items.as_list();
          made += list.size();
          for (std::size_t i = 0; i < list.size(); ++i) {
            Bindings bindings = parent->bindings;
            bindings.emplace_back(item_name, list[i]);
            if (!index_name.empty()) {
              bindings.emplace_back(index_name, Value::number(static_cast<double>(i), span(body)));
            }
            conditional(fmt::format("{}[{}]", base, i), std::move(bindings), body->value);
          }
        } else {
          declaration.count_known = false;
          Bindings bindings = parent->bindings;
          const Value unknown = Value::unknown(
              fmt::format("the items of '{}' are not known", node->name), span(body));
          bindings.emplace_back(item_name, unknown);
          if (!index_name.empty()) bindings.emplace_back(index_name, unknown);
          conditional(base + "[*]", std::move(bindings), body->value);
        }
      } else {
        conditional(base, parent->bindings, body);
      }
    }
    for (DeclInstance& instance : instances) {
      const Node* name_property = find_property(instance.object, "name");
      if (name_property && name_property->value) {
        instance.declared_name =
            eval_with(instance.bindings, name_property->value).with_span(span(name_property));
      } else {
        instance.declared_name = Value::unknown("no name", span(node));
      }
      instance.full_name = instance.declared_name;
      if (!is_resource) continue;
      std::string parent_address = instance.parent_address;
      if (const Node* parent_property = find_property(instance.object, "parent")) {
        const Value parent = eval_with(instance.bindings, parent_property->value);
        if (parent.is_ref() && parent.as_ref().path.empty())
          parent_address = parent.as_ref().target;
      }
      instance.parent_address = parent_address;
      if (!parent_address.empty()) {
        auto facts = evaluator_.instances().find(parent_address);
        if (facts != evaluator_.instances().end() && facts->second.full_name.is_string() &&
            instance.declared_name.is_string()) {
          instance.full_name = Value::string(
              facts->second.full_name.as_string() + "/" + instance.declared_name.as_string(),
              instance.declared_name.span());
        }
      }
      evaluator_.instances()[instance.address] = Evaluator::InstanceFacts{
          declaration.type, declaration.api_version, instance.declared_name, instance.full_name};
    }
    declaration.instances = std::move(instances);
    declaration.header = State::kDone;
  }

  Value resource_value(Declaration& declaration, const Node* at) {
    if (declaration.node->kind == NodeKind::kModule) return module_value(declaration, at);
    ensure_header(declaration);
    if (declaration.loop) {
      if (!declaration.count_known) {
        return Value::unknown(
            fmt::format("the instances of '{}' are not known", declaration.node->name), span(at));
      }
      value::List refs;
      for (const DeclInstance& instance : declaration.instances) {
        refs.push_back(Value::ref(value::Ref{instance.address, {}}, span(at)));
      }
      return Value::list(std::move(refs), span(at));
    }
    if (declaration.instances.empty()) {
      return Value::unknown(
          fmt::format("'{}' is not deployed (its condition is false)", declaration.node->name),
          span(at));
    }
    return Value::ref(value::Ref{declaration.instances.front().address, {}}, span(at));
  }

  Value module_value(Declaration& declaration, const Node* at) {
    ensure_header(declaration);
    value::List values;
    for (DeclInstance& instance : declaration.instances) {
      values.push_back(evaluate_module(declaration, instance));
    }
    if (declaration.loop) {
      if (!declaration.count_known) {
        return Value::unknown(
            fmt::format("the instances of '{}' are not known", declaration.node->name), span(at));
      }
      return Value::list(std::move(values), span(at));
    }
    if (values.empty()) {
      return Value::unknown(
          fmt::format("'{}' is not deployed (its condition is false)", declaration.node->name),
          span(at));
    }
    return values.front();
  }

  Value evaluate_module(Declaration& declaration, DeclInstance& instance) {
    if (instance.module_state == State::kDone) return instance.module_value;
    const Node* node = declaration.node;
    const Span at = span(node);
    if (instance.module_state == State::kRunning) {
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("module '{}' depends on its own outputs", node->name), at);
      return Value::unknown("circular module reference", at);
    }
    instance.module_state = State::kRunning;
    Value outputs =
        Value::unknown(fmt::format("the outputs of module '{}' are not known", node->name), at);
    if (is_registry_reference(node->text)) {
      evaluator_.report_once(
          "module:" + node->text, DiagnosticKind::kUnsupported,
          fmt::format("module '{}' not followed: registry modules are not fetched", node->text),
          at);
    } else if (!node->text.ends_with(".bicep")) {
      evaluator_.report_once(
          "module:" + node->text, DiagnosticKind::kUnsupported,
          fmt::format("module '{}' not followed: only .bicep modules are read", node->text), at);
    } else {
      outputs = evaluate_local_module(node, instance, at);
    }
    value::Map entries;
    entries.emplace_back("name", instance.declared_name);
    entries.emplace_back("outputs", outputs);
    instance.module_value = Value::map(std::move(entries), at);
    instance.module_state = State::kDone;
    return instance.module_value;
  }

  // Where a module's path is written (the quoted string), else the whole declaration.
  Span path_span(const Node* node) const {
    const std::string_view text = evaluator_.sources().file(file_).text().substr(
        node->range.begin, node->range.end - node->range.begin);
    const std::size_t at = text.find("'" + node->text + "'");
    if (at == std::string_view::npos) return span(node);
    const auto begin = static_cast<std::uint32_t>(node->range.begin + at);
    return Span{file_, {begin, static_cast<std::uint32_t>(begin + node->text.size() + 2)}};
  }

  Value evaluate_local_module(const Node* node, DeclInstance& instance, Span at) {
    const Value unknown =
        Value::unknown(fmt::format("the outputs of module '{}' are not known", node->name), at);
    const std::string path = evaluator_.resolve_path(file_, node->text);
    if (std::string why = source::confinement_violation(evaluator_.unit().root, path);
        !why.empty()) {
      evaluator_.report(DiagnosticKind::kIo,
                        fmt::format("module '{}' is not read: {}", node->text, why),
                        path_span(node));
      return unknown;
    }
    const auto id = evaluator_.load(path, at);
    if (!id) return unknown;
    if (std::find(module_stack_.begin(), module_stack_.end(), *id) != module_stack_.end()) {
      std::string chain;
      for (FileId step : module_stack_) chain += evaluator_.sources().file(step).path() + " -> ";
      chain += evaluator_.sources().file(*id).path();
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("module '{}' includes itself ({})", node->text, chain), at);
      return unknown;
    }
    if (module_stack_.size() >= static_cast<std::size_t>(kMaxModuleDepth)) {
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("module '{}' not followed: modules nest deeper than {}",
                                    node->text, kMaxModuleDepth),
                        at);
      return unknown;
    }
    ParameterValues parameters;
    if (const Node* params = find_property(instance.object, "params")) {
      const Value supplied = eval_with(instance.bindings, params->value);
      if (supplied.is_map()) {
        for (const auto& [name, value] : supplied.as_map()) parameters[name] = value;
      } else if (!supplied.is_null()) {
        // Parameters not known as a whole: each is unknown (a default would be a guess).
        for (const Node* declaration : evaluator_.tree(*id).root->items) {
          if (declaration->kind == NodeKind::kParam) {
            parameters[declaration->name] = Value::unknown(
                fmt::format("the parameters of module '{}' are not known", node->name), at);
          }
        }
      }
    }
    std::vector<FileId> stack = module_stack_;
    stack.push_back(*id);
    instance.module = std::make_unique<TemplateEvaluation>(
        evaluator_, *id, instance.address + ">", std::move(parameters), std::move(stack), emit_);
    instance.module->run();
    return instance.module->outputs();
  }

  void run_declaration(Declaration& declaration) {
    ensure_header(declaration);
    if (declaration.node->kind == NodeKind::kModule) {
      for (DeclInstance& instance : declaration.instances) evaluate_module(declaration, instance);
      return;
    }
    if (emit_) {
      for (DeclInstance& instance : declaration.instances) emit(declaration, instance);
    }
    for (auto& child : declaration.children) run_declaration(*child);
  }

  void emit(Declaration& declaration, DeclInstance& instance) {
    if (instance.emitted) return;
    instance.emitted = true;
    const Node* node = declaration.node;
    graph::Resource resource;
    resource.address = instance.address;
    resource.type = declaration.type;
    resource.source_type = split_type(node->text).first;
    resource.api_version = declaration.api_version;
    resource.name = instance.full_name;
    resource.range = span(node);
    resource.language = graph::Language::kBicep;
    resource.reference_only = node->flag;
    if (!instance.parent_address.empty()) {
      resource.parent = Value::ref(value::Ref{instance.parent_address, {}}, span(node));
    }
    Value body = instance.object ? eval_with(instance.bindings, instance.object)
                                 : Value::map({}, span(node));
    if (body.is_map()) {
      value::Map entries;
      for (const auto& [key, item] : body.as_map()) {
        if (value::iequals(key, "parent") || value::iequals(key, "dependsOn")) continue;
        entries.emplace_back(key, item);
      }
      body = Value::map(std::move(entries), body.span());
    }
    resource.body = std::move(body);
    evaluator_.out().resources.push_back(std::move(resource));
  }

  // ---- expressions --------------------------------------------------------------------

  // Evaluates with only `bindings` as local variables (a declaration's own loop variables),
  // whatever locals the caller had.
  Value eval_with(Bindings bindings, const Node* node) {
    std::vector<Bindings> saved;
    saved.swap(frames_);
    frames_.push_back(std::move(bindings));
    Value result = eval(node);
    frames_.swap(saved);
    return result;
  }

  Value eval(const Node* node) {
    if (!node) return Value::null();
    Evaluator::Unit& unit = evaluator_.unit();
    if (unit.deadline.expired()) {
      if (!std::exchange(unit.out_of_time_reported, true)) {
        evaluator_.report(DiagnosticKind::kEvaluation,
                          fmt::format("evaluating the template took longer than the limit of {} "
                                      "ms; stopped here, the remaining values are unknown",
                                      source::evaluation_time_limit().count()),
                          span(node));
      }
      return Value::unknown("evaluation stopped at the time limit", span(node));
    }
    if (++depth_ > kMaxDepth * 4) {
      --depth_;
      evaluator_.report(DiagnosticKind::kEvaluation, "expression nests too deeply", span(node));
      return Value::unknown("evaluation depth limit", span(node));
    }
    Value result = eval_node(node);
    --depth_;
    return result;
  }

  Value eval_node(const Node* node) {
    const Span at = span(node);
    switch (node->kind) {
      case NodeKind::kString: return eval_string(node);
      case NodeKind::kNumber: return Value::number(node->number, at);
      case NodeKind::kBool: return Value::boolean(node->flag, at);
      case NodeKind::kNull: return Value::null(at);
      case NodeKind::kIdentifier: return lookup_symbol(node->name, node).with_span(at);
      case NodeKind::kParen:
      case NodeKind::kNonNull: return eval(node->value);
      case NodeKind::kArray: {
        value::List items;
        for (const Node* item : node->items) {
          if (item->kind == NodeKind::kSpread) {
            const Value spread = eval(item->value);
            if (!spread.is_list())
              return Value::unknown("spread of a value that is not a known array", at);
            items.insert(items.end(), spread.as_list().begin(), spread.as_list().end());
          } else {
            items.push_back(eval(item));
          }
        }
        return Value::list(std::move(items), at);
      }
      case NodeKind::kObject: return eval_object(node);
      case NodeKind::kMember:
      case NodeKind::kIndex: return eval_access_chain(node);
      case NodeKind::kResourceAccess: return nested_resource(node);
      case NodeKind::kCall: return eval_call(node);
      case NodeKind::kUnary: {
        const Value operand = eval(node->value);
        if (node->text == "+") return operand;
        if (node->text == "-") {
          if (operand.is_number()) return Value::number(-operand.as_number(), at);
          return call("sub", {Value::number(0, at), operand}, at);
        }
        return call("not", {operand}, at);
      }
      case NodeKind::kBinary: return eval_binary(node);
      case NodeKind::kTernary: {
        const Value condition = eval(node->target);
        if (condition.is_bool()) return eval(node->items[condition.as_bool() ? 0 : 1]);
        return Value::unknown("the condition is not known", at);
      }
      case NodeKind::kFor: return eval_for(node);
      case NodeKind::kIf: return eval(node->value);
      case NodeKind::kLambda: return Value::unknown("a lambda is only a function argument", at);
      default: break;
    }
    return Value::unknown(fmt::format("{} is not a value", to_string(node->kind)), at);
  }

  // a.b[c].?d!: evaluated from the base up, so a safe access that meets null ends the whole
  // chain with null (the operators short-circuit).
  Value eval_access_chain(const Node* node) {
    std::vector<const Node*> chain;
    const Node* base = node;
    while (base->kind == NodeKind::kMember || base->kind == NodeKind::kIndex ||
           base->kind == NodeKind::kNonNull) {
      chain.push_back(base);
      base = base->kind == NodeKind::kNonNull ? base->value : base->target;
    }
    std::reverse(chain.begin(), chain.end());
    std::size_t step = 0;
    Value current;
    const Node* first = chain.front();
    auto ns = base->kind == NodeKind::kIdentifier ? symbols_.find(base->name) : symbols_.end();
    if (first->kind == NodeKind::kMember && ns != symbols_.end() &&
        ns->second.kind == Symbol::Kind::kNamespace && !shadowed(base->name)) {
      TemplateEvaluation* source = imported(ns->second.source_path, first);
      if (!source) return Value::unknown("imported from a file that is not read", span(node));
      current = source->exported_value(first->name, first).with_span(span(first));
      step = 1;
    } else {
      current = eval(base);
    }
    for (; step < chain.size(); ++step) {
      const Node* access = chain[step];
      const Span at = span(access);
      if (access->kind == NodeKind::kNonNull) continue;
      if (access->flag && current.is_null()) return Value::null(span(node));
      if (access->kind == NodeKind::kMember) {
        if (access->flag && current.is_map() && !current.get(access->name)) {
          return Value::null(span(node));
        }
        current = member(current, access->name, false, at);
        continue;
      }
      const Value index = eval(access->value);
      if (access->flag) {
        const bool missing_key =
            current.is_map() && index.is_string() && !current.get(index.as_string());
        const bool out_of_range =
            current.is_list() && index.is_number() &&
            (index.as_number() < 0 ||
             index.as_number() >= static_cast<double>(current.as_list().size()));
        if (missing_key || out_of_range) return Value::null(span(node));
      }
      current = arm::access_index(current, index, at);
    }
    return current;
  }

  bool shadowed(const std::string& name) const {
    for (const Bindings& frame : frames_) {
      for (const auto& binding : frame) {
        if (binding.first == name) return true;
      }
    }
    return false;
  }

  Value member(const Value& target, const std::string& name, bool safe, Span at) {
    if (target.is_null() && safe) return Value::null(at);
    if (target.is_ref() && target.as_ref().path.empty()) {
      auto facts = evaluator_.instances().find(target.as_ref().target);
      if (facts != evaluator_.instances().end()) {
        if (name == "name") return facts->second.declared_name.with_span(at);
        if (name == "type") return Value::string(facts->second.type, at);
        if (name == "apiVersion") return Value::string(facts->second.api_version, at);
      }
    }
    if (safe && target.is_map() && !target.get(name)) return Value::null(at);
    return arm::access_member(target, name, at);
  }

  Value nested_resource(const Node* node) {
    const Span at = span(node);
    // The chain of symbolic names: vnet::subnet::child.
    std::vector<std::string> names{node->name};
    const Node* base = node->target;
    while (base->kind == NodeKind::kResourceAccess) {
      names.insert(names.begin(), base->name);
      base = base->target;
    }
    const Value parent = eval(base);
    if (!parent.is_ref() || base->kind != NodeKind::kIdentifier) {
      return Value::unknown("nested resource of an unknown parent", at);
    }
    auto it = symbols_.find(base->name);
    if (it == symbols_.end() || !it->second.declaration) {
      return Value::unknown("nested resource of an unknown parent", at);
    }
    Declaration* declaration = it->second.declaration;
    std::string address = parent.as_ref().target;
    for (const std::string& name : names) {
      Declaration* child = nullptr;
      for (auto& candidate : declaration->children) {
        if (candidate->node->name == name) child = candidate.get();
      }
      if (!child) {
        evaluator_.report(
            DiagnosticKind::kEvaluation,
            fmt::format("'{}' has no nested resource '{}'", declaration->node->name, name), at);
        return Value::unknown("unknown nested resource", at);
      }
      ensure_header(*child);
      std::vector<const DeclInstance*> matches;
      for (const DeclInstance& instance : child->instances) {
        if (instance.parent_address == address) matches.push_back(&instance);
      }
      if (child->loop) {
        if (&name != &names.back() || !child->count_known) {
          return Value::unknown("instances of a nested resource loop", at);
        }
        value::List refs;
        for (const DeclInstance* instance : matches) {
          refs.push_back(Value::ref(value::Ref{instance->address, {}}, at));
        }
        return Value::list(std::move(refs), at);
      }
      if (matches.empty()) return Value::unknown("the nested resource is not deployed", at);
      address = matches.front()->address;
      declaration = child;
    }
    return Value::ref(value::Ref{address, {}}, at);
  }

  Value eval_string(const Node* node) {
    const Span at = span(node);
    if (node->segments.empty()) return Value::string(node->text, at);
    std::vector<Value> parts;
    bool all_strings = true;
    std::string joined;
    for (std::size_t i = 0; i < node->segments.size(); ++i) {
      if (!node->segments[i].empty()) {
        parts.push_back(Value::string(node->segments[i], at));
        joined += node->segments[i];
      }
      if (i >= node->items.size()) continue;
      Value hole = eval(node->items[i]);
      switch (hole.kind()) {
        case Value::Kind::kNumber: hole = Value::string(number_text(hole.as_number()), at); break;
        case Value::Kind::kBool: hole = Value::string(hole.as_bool() ? "true" : "false", at); break;
        case Value::Kind::kNull: hole = Value::string("", at); break;
        case Value::Kind::kList:
        case Value::Kind::kMap: hole = call("string", {hole}, at); break;
        default: break;
      }
      if (hole.is_string()) {
        joined += hole.as_string();
      } else {
        all_strings = false;
      }
      parts.push_back(std::move(hole));
    }
    if (joined.size() > source::kMaxStringBytes) {
      evaluator_.report(DiagnosticKind::kEvaluation,
                        fmt::format("the interpolation built a string longer than the limit of "
                                    "{} bytes; the value is unknown",
                                    source::kMaxStringBytes),
                        at);
      return Value::unknown("a string beyond the size limit", at);
    }
    if (all_strings) return Value::string(std::move(joined), at);
    for (const Value& part : parts) {
      if (part.is_unknown() && part.as_unknown().symbol.empty()) {
        return Value::unknown(part.as_unknown().reason, at);
      }
    }
    return call("concat", parts, at);
  }

  Value eval_object(const Node* node) {
    value::Map entries;
    auto set = [&](std::string key, Value value) {
      for (auto& entry : entries) {
        if (value::iequals(entry.first, key)) {
          entry.second = std::move(value);
          return;
        }
      }
      entries.emplace_back(std::move(key), std::move(value));
    };
    for (const Node* item : node->items) {
      if (item->kind == NodeKind::kResource) continue;  // nested resources are their own
      if (item->kind == NodeKind::kSpread) {
        const Value spread = eval(item->value);
        if (spread.is_map()) {
          for (const auto& [key, value] : spread.as_map()) set(key, value);
        } else if (!spread.is_null()) {
          return Value::unknown("spread of a value that is not a known object", span(node));
        }
        continue;
      }
      if (item->kind != NodeKind::kObjectProperty) continue;
      std::string key;
      if (const std::string* plain = property_key(item)) {
        key = *plain;
      } else {
        const Value computed = eval(item->key);
        if (!computed.is_string()) continue;  // a property whose name is not known
        key = computed.as_string();
      }
      set(std::move(key), eval(item->value).with_span(span(item)));
    }
    return Value::map(std::move(entries), span(node));
  }

  Value eval_binary(const Node* node) {
    const Span at = span(node);
    const std::string& op = node->text;
    const Value left = eval(node->target);
    if (op == "&&" || op == "||") {
      const bool short_value = op == "||";
      if (left.is_bool() && left.as_bool() == short_value) return Value::boolean(short_value, at);
      const Value right = eval(node->value);
      if (left.is_bool()) return right.is_bool() ? Value::boolean(right.as_bool(), at) : right;
      if (right.is_bool() && right.as_bool() == short_value) return Value::boolean(short_value, at);
      return Value::unknown("the operands are not known", at);
    }
    // An Unknown left side stays Unknown: it may be null at deployment, or not.
    if (op == "??") return left.is_null() ? eval(node->value) : left;
    const Value right = eval(node->value);
    struct Operator {
      std::string_view text;
      std::string_view function;
      bool negate;
    };
    static constexpr std::array kOperators = {
        Operator{"==", "equals", false}, Operator{"!=", "equals", true},
        Operator{"<", "less", false},    Operator{"<=", "lessOrEquals", false},
        Operator{">", "greater", false}, Operator{">=", "greaterOrEquals", false},
        Operator{"+", "add", false},     Operator{"-", "sub", false},
        Operator{"*", "mul", false},     Operator{"/", "div", false},
        Operator{"%", "mod", false},
    };
    if (op == "=~" || op == "!~") {
      const Value a =
          left.is_string() ? Value::string(value::to_lower(left.as_string()), at) : left;
      const Value b =
          right.is_string() ? Value::string(value::to_lower(right.as_string()), at) : right;
      const Value equal = call("equals", {a, b}, at);
      return op == "=~" ? equal : call("not", {equal}, at);
    }
    for (const Operator& entry : kOperators) {
      if (entry.text != op) continue;
      if ((op == "==" || op == "!=") && (left.is_ref() || right.is_ref())) {
        if (left.is_ref() && right.is_ref() && left == right) return Value::boolean(op == "==", at);
        return Value::unknown("comparison of references", at);
      }
      const Value result = call(entry.function, {left, right}, at);
      return entry.negate ? call("not", {result}, at) : result;
    }
    return Value::unknown(fmt::format("operator '{}'", op), at);
  }

  Value eval_for(const Node* node) {
    const Span at = span(node);
    const Value items = eval(node->target);
    if (!items.is_list()) return Value::unknown("the loop's items are not known", at);
    const std::string item_name = node->items.empty() ? "" : node->items[0]->name;
    const std::string index_name = node->items.size() > 1 ? node->items[1]->name : "";
    value::List results;
    const value::List& list = items.as_list();
    for (std::size_t i = 0; i < list.size(); ++i) {
      Bindings frame;
      frame.emplace_back(item_name, list[i]);
      if (!index_name.empty())
        frame.emplace_back(index_name, Value::number(static_cast<double>(i), at));
      frames_.push_back(std::move(frame));
      const Node* body = node->value;
      bool keep = true;
      if (body->kind == NodeKind::kIf) {
        const Value condition = eval(body->target);
        keep = !(condition.is_bool() && !condition.as_bool());
        body = body->value;
      }
      if (keep) results.push_back(eval(body));
      frames_.pop_back();
    }
    return Value::list(std::move(results), at);
  }

  // ---- calls --------------------------------------------------------------------------

  Value call(std::string_view name, std::vector<Value> args, Span at) {
    arm::FunctionContext context;
    context.scope = [](std::string_view, std::span<const Value>) -> std::optional<Value> {
      return std::nullopt;
    };
    context.diagnostics = &evaluator_.diagnostics();
    context.reported = &evaluator_.reported_functions();
    context.span = at;
    return arm::call_function(name, args, context);
  }

  Value apply_lambda(const Node* lambda, std::vector<Value> args, Span at) {
    Bindings frame;
    for (std::size_t i = 0; i < lambda->items.size(); ++i) {
      frame.emplace_back(lambda->items[i]->name,
                         i < args.size() ? std::move(args[i]) : Value::null(at));
    }
    frames_.push_back(std::move(frame));
    Value result = eval(lambda->value);
    frames_.pop_back();
    return result;
  }

  Value eval_call(const Node* node) {
    const Span at = span(node);
    if (node->target) {
      const Node* ns = node->target;
      if (ns->kind == NodeKind::kIdentifier && (ns->name == "sys" || ns->name == "az")) {
        return builtin(node, at);
      }
      if (ns->kind == NodeKind::kIdentifier) {
        auto it = symbols_.find(ns->name);
        if (it != symbols_.end() && it->second.kind == Symbol::Kind::kNamespace) {
          TemplateEvaluation* source = imported(it->second.source_path, node);
          if (const Node* function = source ? source->function(node->name) : nullptr) {
            return source->call_user_function(function, eval_arguments(node), at);
          }
          return Value::unknown(fmt::format("imported function '{}' is not known", node->name), at);
        }
      }
      // A resource function such as `storage.listKeys()`: known only at deployment.
      return Value::unknown(fmt::format("'{}()' is known only at deployment", node->name), at);
    }
    auto it = symbols_.find(node->name);
    if (it != symbols_.end() && it->second.kind == Symbol::Kind::kFunc) {
      return call_user_function(it->second.node, eval_arguments(node), at);
    }
    if (it != symbols_.end() && it->second.kind == Symbol::Kind::kImported) {
      TemplateEvaluation* source = imported(it->second.source_path, node);
      if (const Node* function = source ? source->function(it->second.imported_name) : nullptr) {
        return source->call_user_function(function, eval_arguments(node), at);
      }
    }
    return builtin(node, at);
  }

  std::vector<Value> eval_arguments(const Node* node) {
    std::vector<Value> args;
    for (const Node* argument : node->items) args.push_back(eval(argument));
    return args;
  }

  const Node* lambda_argument(const Node* node, std::size_t index) const {
    if (index >= node->items.size()) return nullptr;
    const Node* argument = node->items[index];
    return argument->kind == NodeKind::kLambda ? argument : nullptr;
  }

  Value builtin(const Node* node, Span at) {
    const std::string name = value::to_lower(node->name);
    using Handler = Value (TemplateEvaluation::*)(const Node*, Span);
    struct Entry {
      std::string_view name;
      Handler handler;
    };
    // Functions Bicep has and the template-function library does not: those taking lambdas,
    // those reading files beside the template, and `any`.
    static constexpr std::array kBicepFunctions = {
        Entry{"map", &TemplateEvaluation::fn_map},
        Entry{"filter", &TemplateEvaluation::fn_filter},
        Entry{"reduce", &TemplateEvaluation::fn_reduce},
        Entry{"sort", &TemplateEvaluation::fn_sort},
        Entry{"toobject", &TemplateEvaluation::fn_to_object},
        Entry{"mapvalues", &TemplateEvaluation::fn_map_values},
        Entry{"groupby", &TemplateEvaluation::fn_group_by},
        Entry{"any", &TemplateEvaluation::fn_any},
        Entry{"loadjsoncontent", &TemplateEvaluation::fn_load_json},
        Entry{"loadtextcontent", &TemplateEvaluation::fn_load_text},
        Entry{"loadyamlcontent", &TemplateEvaluation::fn_load_yaml},
        Entry{"loadfileasbase64", &TemplateEvaluation::fn_not_offline},
        Entry{"readenvironmentvariable", &TemplateEvaluation::fn_not_offline},
        Entry{"getsecret", &TemplateEvaluation::fn_not_offline},
    };
    for (const Entry& entry : kBicepFunctions) {
      if (entry.name == name) return (this->*entry.handler)(node, at);
    }
    return call(node->name, eval_arguments(node), at);
  }

  Value fn_any(const Node* node, Span at) {
    return node->items.empty() ? Value::null(at) : eval(node->items[0]);
  }

  Value fn_not_offline(const Node* node, Span at) {
    if (node->name == "loadYamlContent" || node->name == "loadFileAsBase64") {
      // Not read, but a path leaving the repository root is refused all the same.
      const Value path = node->items.empty() ? Value() : eval(node->items[0]);
      if (path.is_string()) {
        const std::string resolved = evaluator_.resolve_path(file_, path.as_string());
        if (std::string why = source::confinement_violation(evaluator_.unit().root, resolved);
            !why.empty()) {
          evaluator_.report(DiagnosticKind::kIo, why, at);
          return Value::unknown("a file outside the repository root", at);
        }
      }
      evaluator_.report_once(
          "function:" + node->name, DiagnosticKind::kUnsupported,
          fmt::format("'{}' is not supported; its result is unknown", node->name), at);
    }
    return Value::unknown(fmt::format("'{}()' is not known offline", node->name), at);
  }

  // The array argument and lambda of map/filter/sort/...; nullopt result when not usable.
  bool list_and_lambda(const Node* node, std::size_t lambda_index, Value* list,
                       const Node** lambda) {
    if (node->items.empty()) return false;
    *list = eval(node->items[0]);
    *lambda = lambda_argument(node, lambda_index);
    return list->is_list() && *lambda;
  }

  Value fn_map(const Node* node, Span at) {
    Value list;
    const Node* lambda = nullptr;
    if (!list_and_lambda(node, 1, &list, &lambda))
      return Value::unknown("map() over unknown items", at);
    value::List results;
    const value::List& items = list.as_list();
    for (std::size_t i = 0; i < items.size(); ++i) {
      results.push_back(
          apply_lambda(lambda, {items[i], Value::number(static_cast<double>(i), at)}, at));
    }
    return Value::list(std::move(results), at);
  }

  Value fn_filter(const Node* node, Span at) {
    Value list;
    const Node* lambda = nullptr;
    if (!list_and_lambda(node, 1, &list, &lambda))
      return Value::unknown("filter() over unknown items", at);
    value::List results;
    const value::List& items = list.as_list();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Value keep =
          apply_lambda(lambda, {items[i], Value::number(static_cast<double>(i), at)}, at);
      if (!keep.is_bool()) return Value::unknown("filter() with an unknown condition", at);
      if (keep.as_bool()) results.push_back(items[i]);
    }
    return Value::list(std::move(results), at);
  }

  Value fn_reduce(const Node* node, Span at) {
    Value list;
    const Node* lambda = nullptr;
    if (!list_and_lambda(node, 2, &list, &lambda) || node->items.size() < 2) {
      return Value::unknown("reduce() over unknown items", at);
    }
    Value accumulator = eval(node->items[1]);
    const value::List& items = list.as_list();
    for (std::size_t i = 0; i < items.size(); ++i) {
      accumulator = apply_lambda(
          lambda, {accumulator, items[i], Value::number(static_cast<double>(i), at)}, at);
    }
    return accumulator;
  }

  Value fn_sort(const Node* node, Span at) {
    Value list;
    const Node* lambda = nullptr;
    if (!list_and_lambda(node, 1, &list, &lambda))
      return Value::unknown("sort() over unknown items", at);
    value::List items = list.as_list();
    bool known = true;
    std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
      if (!known) return false;
      const Value less = apply_lambda(lambda, {a, b}, at);
      if (!less.is_bool()) known = false;
      return known && less.as_bool();
    });
    if (!known) return Value::unknown("sort() with an unknown order", at);
    return Value::list(std::move(items), at);
  }

  Value fn_to_object(const Node* node, Span at) {
    Value list;
    const Node* key_lambda = nullptr;
    if (!list_and_lambda(node, 1, &list, &key_lambda)) {
      return Value::unknown("toObject() over unknown items", at);
    }
    const Node* value_lambda = lambda_argument(node, 2);
    value::Map entries;
    for (const Value& item : list.as_list()) {
      const Value key = apply_lambda(key_lambda, {item}, at);
      if (!key.is_string()) return Value::unknown("toObject() with an unknown key", at);
      Value entry = value_lambda ? apply_lambda(value_lambda, {item}, at) : item;
      bool replaced = false;
      for (auto& existing : entries) {
        if (value::iequals(existing.first, key.as_string())) {
          existing.second = entry;
          replaced = true;
        }
      }
      if (!replaced) entries.emplace_back(key.as_string(), std::move(entry));
    }
    return Value::map(std::move(entries), at);
  }

  Value fn_map_values(const Node* node, Span at) {
    const Node* lambda = lambda_argument(node, 1);
    if (node->items.empty() || !lambda) return Value::unknown("mapValues() of unknown input", at);
    const Value object = eval(node->items[0]);
    if (!object.is_map()) return Value::unknown("mapValues() of an unknown object", at);
    value::Map entries;
    for (const auto& [key, item] : object.as_map()) {
      entries.emplace_back(key, apply_lambda(lambda, {item}, at));
    }
    return Value::map(std::move(entries), at);
  }

  Value fn_group_by(const Node* node, Span at) {
    Value list;
    const Node* lambda = nullptr;
    if (!list_and_lambda(node, 1, &list, &lambda))
      return Value::unknown("groupBy() over unknown items", at);
    std::vector<std::pair<std::string, value::List>> groups;
    for (const Value& item : list.as_list()) {
      const Value key = apply_lambda(lambda, {item}, at);
      if (!key.is_string()) return Value::unknown("groupBy() with an unknown key", at);
      auto group = std::find_if(groups.begin(), groups.end(),
                                [&](const auto& g) { return g.first == key.as_string(); });
      if (group == groups.end()) {
        groups.emplace_back(key.as_string(), value::List{item});
      } else {
        group->second.push_back(item);
      }
    }
    value::Map entries;
    for (auto& [key, items] : groups) entries.emplace_back(key, Value::list(std::move(items), at));
    return Value::map(std::move(entries), at);
  }

  // A file named by loadJsonContent/loadTextContent: beside the template, inside the
  // repository (no escaping it with `..` or an absolute path).
  std::optional<FileId> content_file(const Node* node, Span at) {
    if (node->items.empty()) return std::nullopt;
    const Value path = eval(node->items[0]);
    if (!path.is_string()) return std::nullopt;
    const std::string resolved = evaluator_.resolve_path(file_, path.as_string());
    if (std::string why = source::confinement_violation(evaluator_.unit().root, resolved);
        !why.empty()) {
      evaluator_.report(DiagnosticKind::kIo, why, at);
      return std::nullopt;
    }
    return evaluator_.load(resolved, at);
  }

  Value fn_load_text(const Node* node, Span at) {
    const auto id = content_file(node, at);
    if (!id) return Value::unknown("the file's content is not known", at);
    const source::SourceFile& file = evaluator_.sources().file(*id);
    return Value::string(std::string(file.text().substr(file.content_begin())), at);
  }

  Value fn_load_json(const Node* node, Span at) {
    const auto id = content_file(node, at);
    if (!id) return Value::unknown("the file's content is not known", at);
    const source::SourceFile& file = evaluator_.sources().file(*id);
    json::ReadResult read =
        json::read(file.text().substr(file.content_begin()), *id, file.content_begin());
    if (!read.ok()) {
      evaluator_.report(DiagnosticKind::kSyntax, read.error->message, Span{*id, read.error->range});
      return Value::unknown("the JSON file does not parse", at);
    }
    return select_content_path(node, read.value, at);
  }

  // YAML carries no positions through yaml-cpp's tree: values point at the whole file.
  Value fn_load_yaml(const Node* node, Span at) {
    const auto id = content_file(node, at);
    if (!id) return Value::unknown("the file's content is not known", at);
    const source::SourceFile& file = evaluator_.sources().file(*id);
    const Span whole{*id, {file.content_begin(), static_cast<std::uint32_t>(file.text().size())}};
    std::string error;
    auto parsed = yaml::parse(file.text().substr(file.content_begin()), whole, &error);
    if (!parsed) {
      evaluator_.report(DiagnosticKind::kSyntax, error, Span{*id, {0, 0}});
      return Value::unknown("the YAML file does not parse", at);
    }
    return select_content_path(node, *parsed, at);
  }

  // The optional second argument of loadJsonContent/loadYamlContent: a path such as
  // '$.a.b' or '.a[0]' into the loaded document.
  Value select_content_path(const Node* node, Value result, Span at) {
    if (node->items.size() > 1) {
      const Value path = eval(node->items[1]);
      if (!path.is_string()) return Value::unknown("the content path is not known", at);
      std::string dotted = path.as_string();
      if (dotted.starts_with("$")) dotted.erase(0, 1);
      std::vector<std::string> steps;
      std::string step;
      for (char c : dotted) {
        if (c == '.' || c == '[' || c == ']') {
          if (!step.empty()) steps.push_back(std::move(step));
          step.clear();
        } else if (c != '\'' && c != '"') {
          step += c;
        }
      }
      if (!step.empty()) steps.push_back(std::move(step));
      const Value* found = result.find_path(steps);
      if (!found) return Value::unknown("the content path names nothing", at);
      result = *found;
    }
    return result;
  }

  Evaluator& evaluator_;
  FileId file_;
  const SyntaxTree& tree_;
  std::string path_;
  std::string prefix_;
  ParameterValues parameters_;
  std::vector<FileId> module_stack_;
  bool emit_;
  std::map<std::string, Symbol> symbols_;
  std::vector<std::unique_ptr<Declaration>> declarations_;
  std::vector<Declaration*> all_declarations_;
  std::map<std::string, std::unique_ptr<TemplateEvaluation>> imports_;
  std::vector<Bindings> frames_;
  int depth_ = 0;
  int function_depth_ = 0;

  friend class Evaluator;
};

// ---- Evaluator -----------------------------------------------------------------------

Evaluator::Evaluator(source::SourceSet& sources, graph::Fragment& out,
                     source::Diagnostics& diagnostics)
    : sources_(sources), out_(out), diagnostics_(diagnostics) {}

Evaluator::~Evaluator() = default;

const SyntaxTree& Evaluator::tree(FileId file) {
  auto it = trees_.find(file);
  if (it != trees_.end()) return *it->second;
  const source::SourceFile& source = sources_.file(file);
  auto tree = std::make_unique<SyntaxTree>(parse(source.text(), source.content_begin()));
  for (const SyntaxError& error : tree->errors) {
    report(DiagnosticKind::kSyntax, error.message, Span{file, error.range});
  }
  const bool parameters = source.path().ends_with(".bicepparam");
  out_.files.emplace_back(file,
                          parameters ? graph::Language::kBicepParams : graph::Language::kBicep);
  return *trees_.emplace(file, std::move(tree)).first->second;
}

void Evaluator::begin_unit(FileId file) {
  unit_ = Unit{};
  if (!linted_) linted_ = source::linted_folder(sources_);
  unit_.root = source::confinement_root(sources_.file(file).path(), *linted_);
}

void Evaluator::evaluate_root(FileId file, const ParameterValues& parameters,
                              const std::string& address_prefix) {
  begin_unit(file);
  TemplateEvaluation evaluation(*this, file, address_prefix, parameters, {file}, true);
  evaluation.run();
}

ParameterValues Evaluator::evaluate_parameter_file(FileId file, std::string* template_path) {
  const SyntaxTree& parsed = tree(file);
  for (const Node* node : parsed.root->items) {
    if (node->kind == NodeKind::kUsing && !node->text.empty() && template_path &&
        !is_registry_reference(node->text)) {
      *template_path = resolve_path(file, node->text);
    }
  }
  begin_unit(file);
  TemplateEvaluation evaluation(*this, file, {}, {}, {file}, false);
  return evaluation.parameter_values();
}

std::vector<std::string> Evaluator::local_module_paths(FileId file) {
  std::vector<std::string> paths;
  for (const Node* node : tree(file).root->items) {
    if (node->kind == NodeKind::kModule && !is_registry_reference(node->text)) {
      paths.push_back(resolve_path(file, node->text));
    }
  }
  return paths;
}

std::string Evaluator::resolve_path(FileId file, const std::string& relative) const {
  const fs::path base = fs::path(sources_.file(file).path()).parent_path();
  return (base / fs::path(relative)).lexically_normal().generic_string();
}

std::optional<FileId> Evaluator::load(const std::string& path, Span span) {
  if (auto id = sources_.find(path)) return id;
  std::error_code error;
  const std::string canonical = fs::weakly_canonical(fs::absolute(path), error).generic_string();
  if (canonical_paths_.empty()) {
    for (FileId id = 0; id < sources_.size(); ++id) {
      const std::string known =
          fs::weakly_canonical(fs::absolute(sources_.file(id).path()), error).generic_string();
      canonical_paths_.emplace(known, id);
    }
  }
  auto it = canonical_paths_.find(canonical);
  if (it != canonical_paths_.end()) return it->second;
  source::Diagnostic problem;
  auto id = sources_.load(path, &problem);
  if (!id) {
    problem.span = span;
    problem.message = fmt::format("'{}': {}", path, problem.message);
    diagnostics_.push_back(std::move(problem));
    return std::nullopt;
  }
  canonical_paths_.emplace(canonical, *id);
  return id;
}

void Evaluator::report(DiagnosticKind kind, std::string message, Span span) {
  diagnostics_.push_back(source::Diagnostic{kind, std::move(message), span, {}});
}

void Evaluator::report_once(const std::string& key, DiagnosticKind kind, std::string message,
                            Span span) {
  if (reported_.insert(key).second) report(kind, std::move(message), span);
}

}  // namespace ztlint::bicep
