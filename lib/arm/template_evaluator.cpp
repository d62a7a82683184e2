#include "arm/template_evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

#include "arm/expression.h"
#include "arm/template_functions.h"
#include "graph/resource_id.h"
#include "source/confinement.h"

namespace ztlint::arm {

using value::List;
using value::Map;
using value::Value;

namespace {

constexpr int kMaxDeploymentDepth = 12;
constexpr int kMaxFunctionDepth = 32;
constexpr std::size_t kMaxReferenceDepth = 200;
constexpr long long kMaxCopyCount = 800;  // Azure's own limit

bool schema_contains(const Value& root, std::string_view word) {
  if (!root.is_map()) return false;
  const Value* schema = root.get("$schema");
  if (!schema || !schema->is_string()) return false;
  return value::to_lower(schema->as_string()).find(value::to_lower(word)) != std::string::npos;
}

const Value* member(const Value& object, std::string_view name) {
  return object.is_map() ? object.get(name) : nullptr;
}

std::string string_or(const Value* value, std::string fallback) {
  return value && value->is_string() ? value->as_string() : fallback;
}

// The text a name contributes to an address: the name, its symbol, or what was written.
std::string name_text(const Value& name, const Value* written) {
  if (name.is_string()) return name.as_string();
  if (name.is_unknown() && !name.as_unknown().symbol.empty()) return name.as_unknown().symbol;
  return string_or(written, "?");
}

std::string type_name_key(std::string_view type, const Value& name) {
  const std::string key = name.identity_key();
  return key.empty() ? std::string() : value::to_lower(type) + "|" + key;
}

}  // namespace

ParameterValues parameter_values_of(const Value& parameters_object) {
  ParameterValues out;
  if (!parameters_object.is_map()) return out;
  for (const auto& [name, entry] : parameters_object.as_map()) {
    if (const Value* given = member(entry, "value")) {
      out[value::to_lower(name)] = given->with_span(entry.span());
    } else if (member(entry, "reference")) {
      out[value::to_lower(name)] = Value::unknown("a Key Vault secret reference", entry.span());
    }
  }
  return out;
}

bool is_template_document(const Value& root) {
  return schema_contains(root, "deploymentTemplate");
}

bool is_parameters_document(const Value& root) {
  return schema_contains(root, "deploymentParameters");
}

const Value* TemplateLoader::parse_file(source::FileId file, bool report_errors) {
  auto it = parsed_.find(file);
  if (it == parsed_.end()) {
    const source::SourceFile& source = sources_.file(file);
    const std::uint32_t begin = source.content_begin();
    it = parsed_.emplace(file, json::read(source.text().substr(begin), file, begin)).first;
  }
  if (!it->second.ok() && report_errors) report_parse_error(file);
  return it->second.ok() ? &it->second.value : nullptr;
}

std::optional<source::FileId> TemplateLoader::open(const std::string& path,
                                                   source::Diagnostic* error) {
  namespace fs = std::filesystem;
  auto canonical = [](const std::string& p) {
    std::error_code ec;
    const fs::path result = fs::weakly_canonical(p, ec);
    return ec ? fs::path(p).lexically_normal().string() : result.string();
  };
  // Files already read under another spelling of their path are the same file.
  for (; indexed_ < sources_.size(); ++indexed_) {
    const auto id = static_cast<source::FileId>(indexed_);
    by_canonical_path_.emplace(canonical(sources_.file(id).path()), id);
  }
  if (auto it = by_canonical_path_.find(canonical(path)); it != by_canonical_path_.end()) {
    return it->second;
  }
  return sources_.load(path, error);
}

void TemplateLoader::report_parse_error(source::FileId file) {
  const auto it = parsed_.find(file);
  if (it == parsed_.end() || it->second.ok()) return;
  if (!reported_.insert(fmt::format("syntax-file:{}", file)).second) return;
  diagnostics_.push_back(source::Diagnostic{source::DiagnosticKind::kSyntax,
                                            it->second.error->message,
                                            source::Span{file, it->second.error->range},
                                            {}});
}

// One instance of a template being evaluated: its parameters, variables, functions and the
// resources it declares. Nested deployments make child evaluators; an `outer`-scoped one
// reads its parent's parameters and variables.
class TemplateEvaluator {
 public:
  TemplateEvaluator(TemplateLoader& loader, source::FileId file, const Value& root,
                    ParameterValues parameters, TemplateEvaluator* outer,
                    std::string address_prefix, int depth, std::vector<graph::Resource>& out)
      : loader_(loader),
        file_(file),
        root_(root),
        supplied_(std::move(parameters)),
        outer_(outer),
        prefix_(std::move(address_prefix)),
        depth_(depth),
        out_(out) {
    context_.diagnostics = &loader_.diagnostics_;
    context_.reported = &loader_.reported_;
    context_.scope = [this](std::string_view name, std::span<const Value> args) {
      return scope_function(name, args);
    };
    index_declarations();
  }

  void run() {
    const Value* resources = member(root_, "resources");
    if (!resources) return;
    collect(*resources, nullptr, instances_);
    for (std::size_t i = 0; i < instances_.size(); ++i) {
      register_instance(instances_[i]);
      instance_index_.emplace(instances_[i].address, i);
    }
    for (Instance& instance : instances_) emit(instance);
  }

  // The template's `outputs`, evaluated: name -> {type, value}.
  Value outputs() {
    const Value* outputs = member(root_, "outputs");
    if (!outputs || !outputs->is_map()) return Value::map({});
    Map out;
    for (const auto& [name, definition] : outputs->as_map()) {
      Value result = Value::unknown("the output has no value", definition.span());
      if (const Value* given = member(definition, "value")) {
        result = evaluate(*given);
      } else if (const Value* loop = member(definition, "copy")) {
        Map named = loop->is_map() ? loop->as_map() : Map{};
        named.emplace_back("name", Value::string("__output_" + name));
        result = expand_copy(Value::map(std::move(named), loop->span()));
      }
      Map entry;
      if (const Value* type = member(definition, "type")) entry.emplace_back("type", *type);
      entry.emplace_back("value", result);
      out.emplace_back(name, Value::map(std::move(entry), definition.span()));
    }
    return Value::map(std::move(out), outputs->span());
  }

 private:
  struct CopyIndex {
    std::string name;  // lower-cased loop name
    Value index;       // a number, or Unknown when the count is unknown
  };

  // One resource (or one copy of it) found in the template, before its body is evaluated.
  struct Instance {
    const Value* raw = nullptr;
    std::vector<CopyIndex> copies;
    std::string type;
    std::string source_type;
    Value name;
    std::string address;
    std::string parent_address;
    std::string symbolic_name;
    std::string copy_suffix;  // "[3]" for a copy, "[*]" when the count is unknown
    bool existing = false;
    // Emission state, so a deployment whose outputs are read early is followed once.
    enum class State : std::uint8_t { kPending, kEmitting, kDone } state = State::kPending;
    Value outputs;  // a followed deployment's outputs
  };

  // -------------------------------------------------------------------------------------
  // Declarations.

  void index_declarations() {
    if (const Value* variables = member(root_, "variables"); variables && variables->is_map()) {
      for (const auto& [name, raw] : variables->as_map()) {
        if (value::iequals(name, "copy") && raw.is_list()) {
          for (const Value& loop : raw.as_list()) {
            const Value* loop_name = member(loop, "name");
            if (loop_name && loop_name->is_string()) {
              variable_loops_[value::to_lower(loop_name->as_string())] = &loop;
            }
          }
          continue;
        }
        variables_[value::to_lower(name)] = &raw;
      }
    }
    if (const Value* parameters = member(root_, "parameters"); parameters && parameters->is_map()) {
      for (const auto& [name, raw] : parameters->as_map()) {
        parameter_defs_[value::to_lower(name)] = &raw;
      }
    }
    if (const Value* functions = member(root_, "functions"); functions && functions->is_list()) {
      for (const Value& group : functions->as_list()) {
        const std::string ns = value::to_lower(string_or(member(group, "namespace"), ""));
        const Value* members = member(group, "members");
        if (!members || !members->is_map()) continue;
        for (const auto& [name, definition] : members->as_map()) {
          functions_[ns + "." + value::to_lower(name)] = &definition;
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // Parameters, variables, user functions, copyIndex, reference: the template's scope.

  const TemplateEvaluator& scope_owner() const { return outer_ ? outer_->scope_owner() : *this; }

  Value parameter(const std::string& key, source::Span span) {
    if (!function_frames_.empty()) {
      const auto& frame = function_frames_.back();
      if (auto it = frame.find(key); it != frame.end()) return it->second;
      return Value::unknown("user functions see only their own parameters", span);
    }
    if (outer_) return outer_->parameter(key, span);
    if (auto it = parameter_cache_.find(key); it != parameter_cache_.end()) return it->second;
    Value result;
    const auto def = parameter_defs_.find(key);
    const auto given = supplied_.find(key);
    const bool null_given = given != supplied_.end() && given->second.is_null() &&
                            def != parameter_defs_.end() && member(*def->second, "defaultValue");
    if (given != supplied_.end() && !null_given) {
      // A null value stands for "not given": Azure uses the default then.
      result = given->second;
    } else if (def == parameter_defs_.end()) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("parameter '{}' is not declared in the template", key), span,
             "param:" + key);
      result = Value::unknown(fmt::format("parameter '{}' is not declared", key), span);
    } else if (const Value* fallback = member(*def->second, "defaultValue")) {
      if (!in_progress_.insert("p:" + key).second || in_progress_.size() > kMaxReferenceDepth) {
        in_progress_.erase("p:" + key);
        report(source::DiagnosticKind::kEvaluation,
               fmt::format("parameter '{}' has a default that refers to itself", key), span,
               "pcycle:" + key);
        return Value::unknown("the parameter's default refers to itself", span);
      }
      result = evaluate(*fallback);
      in_progress_.erase("p:" + key);
    } else if (const Value* nullable = member(*def->second, "nullable");
               nullable && nullable->is_bool() && nullable->as_bool()) {
      result = Value::null(def->second->span());
    } else {
      result = Value::unknown(fmt::format("parameter '{}' has no value", key), def->second->span());
    }
    if (def != parameter_defs_.end()) check_allowed(key, *def->second, result);
    parameter_cache_[key] = result;
    return result;
  }

  // A known value outside `allowedValues` would fail the deployment: say so, at the value.
  void check_allowed(const std::string& key, const Value& definition, const Value& given) {
    const Value* allowed = member(definition, "allowedValues");
    if (!allowed || !allowed->is_list() || !is_computable(given) || given.is_null()) return;
    std::string name = key;
    if (const Value* declared = member(root_, "parameters"); declared && declared->is_map()) {
      for (const auto& [written, unused] : declared->as_map()) {
        if (value::iequals(written, key)) name = written;
      }
    }
    const auto matches = [&](const Value& option) {
      if (option.is_string() && given.is_string()) {
        return value::iequals(option.as_string(), given.as_string());
      }
      return option == given;
    };
    if (given.is_list()) {  // an array parameter: every element must be allowed
      for (const Value& item : given.as_list()) {
        if (std::none_of(allowed->as_list().begin(), allowed->as_list().end(),
                         [&](const Value& option) { return option == item; })) {
          report(source::DiagnosticKind::kEvaluation,
                 fmt::format("parameter '{}': {} is not among its allowedValues", name,
                             item.to_display()),
                 given.span(), "allowed:" + key);
          return;
        }
      }
      return;
    }
    if (std::none_of(allowed->as_list().begin(), allowed->as_list().end(), matches)) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("parameter '{}': {} is not among its allowedValues", name,
                         given.to_display()),
             given.span(), "allowed:" + key);
    }
  }

  Value variable(const std::string& key, source::Span span) {
    if (outer_ && variables_.empty() && variable_loops_.empty()) {
      return outer_->variable(key, span);
    }
    if (auto it = variable_cache_.find(key); it != variable_cache_.end()) return it->second;
    if (!in_progress_.insert("v:" + key).second) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("variable '{}' refers to itself", key), span, "cycle:" + key);
      return Value::unknown("the variable refers to itself", span);
    }
    // Each variable that needs another costs stack: a long chain is an error, not a crash.
    if (in_progress_.size() > kMaxReferenceDepth) {
      in_progress_.erase("v:" + key);
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("variables refer to each other more than {} deep", kMaxReferenceDepth),
             span, "vardepth");
      return Value::unknown("variables nested too deeply", span);
    }
    Value result;
    if (auto it = variables_.find(key); it != variables_.end()) {
      result = evaluate(*it->second);
    } else if (auto loop = variable_loops_.find(key); loop != variable_loops_.end()) {
      result = expand_copy(*loop->second);
    } else if (outer_) {
      result = outer_->variable(key, span);
    } else {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("variable '{}' is not declared in the template", key), span, "var:" + key);
      result = Value::unknown(fmt::format("variable '{}' is not declared", key), span);
    }
    in_progress_.erase("v:" + key);
    variable_cache_[key] = result;
    return result;
  }

  Value copy_index(std::span<const Value> args, source::Span span) {
    std::string name;
    double offset = 0;
    for (const Value& arg : args) {
      if (arg.is_string()) name = value::to_lower(arg.as_string());
      if (arg.is_number()) offset = arg.as_number();
    }
    const std::vector<CopyIndex>* copies = &copies_;
    for (auto it = copies->rbegin(); it != copies->rend(); ++it) {
      if (!name.empty() && it->name != name) continue;
      if (!it->index.is_number()) return it->index.with_span(span);
      return Value::number(it->index.as_number() + offset, span);
    }
    if (outer_) return outer_->copy_index(args, span);
    report(source::DiagnosticKind::kEvaluation, "copyIndex() outside a copy loop", span,
           fmt::format("copyindex:{}", span.range.begin));
    return Value::unknown("copyIndex() outside a copy loop", span);
  }

  Value call_user_function(std::string_view name, std::span<const Value> args, source::Span span) {
    const std::string key = value::to_lower(name);
    const Value* definition = nullptr;
    for (const TemplateEvaluator* scope = this; scope && !definition; scope = scope->outer_) {
      if (auto it = scope->functions_.find(key); it != scope->functions_.end()) {
        definition = it->second;
      }
    }
    if (!definition) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("user function '{}' is not defined", name), span, "fn:" + key);
      return Value::unknown(fmt::format("{}() is not defined", name), span);
    }
    if (function_frames_.size() >= kMaxFunctionDepth) {
      return Value::unknown("user functions nested too deeply", span);
    }
    std::map<std::string, Value> frame;
    if (const Value* parameters = member(*definition, "parameters");
        parameters && parameters->is_list()) {
      std::size_t i = 0;
      for (const Value& parameter : parameters->as_list()) {
        const std::string parameter_name =
            value::to_lower(string_or(member(parameter, "name"), ""));
        frame[parameter_name] =
            i < args.size() ? args[i] : Value::unknown("missing argument", span);
        ++i;
      }
    }
    const Value* output =
        member(member(*definition, "output") ? *member(*definition, "output") : Value(), "value");
    if (!output) return Value::unknown("the user function has no output", span);
    function_frames_.push_back(std::move(frame));
    std::vector<CopyIndex> saved_copies;
    saved_copies.swap(copies_);
    Value result = evaluate(*output);
    copies_.swap(saved_copies);
    function_frames_.pop_back();
    return result.with_span(span);
  }

  // The address of a resource this template (or an enclosing one) declares, by symbolic
  // name, resource ID, or plain name.
  std::optional<std::string> resolve_local(const Value& reference) const {
    if (reference.is_ref()) return reference.as_ref().target;
    std::string text;
    if (reference.is_string()) {
      text = reference.as_string();
    } else if (reference.is_unknown() && !reference.as_unknown().symbol.empty()) {
      text = reference.as_unknown().symbol;
    } else {
      return std::nullopt;
    }
    for (const TemplateEvaluator* scope = this; scope; scope = scope->outer_) {
      if (auto it = scope->symbolic_.find(value::to_lower(text)); it != scope->symbolic_.end()) {
        return it->second;
      }
      if (graph::looks_like_resource_id(text)) {
        if (auto parts = graph::parse_resource_id(text)) {
          const std::string key = value::to_lower(parts->type) + "|" + id_name_key(parts->name);
          if (auto it = scope->by_type_name_.find(key); it != scope->by_type_name_.end()) {
            return it->second;
          }
        }
      } else if (auto it = scope->by_name_.find(reference.identity_key());
                 it != scope->by_name_.end() && !it->second.empty()) {
        return it->second;
      } else if (text.find('/') != std::string::npos) {
        // dependsOn also accepts "<full type>/<full name>" without a scope
        // ("Microsoft.Network/virtualNetworks/subnets/hub/app"), and the provider part of
        // an ID ("Microsoft.Network/virtualNetworks/hub/subnets/app").
        std::vector<std::string> keys;
        const auto segments = std::count(text.begin(), text.end(), '/') + 1;
        if (segments % 2 == 1) {
          const auto type_segments = (segments + 1) / 2;
          std::size_t cut = 0;
          for (long i = 0; i < type_segments; ++i) cut = text.find('/', cut) + 1;
          keys.push_back(value::to_lower(text.substr(0, cut - 1)) + "|" +
                         id_name_key(text.substr(cut)));
        }
        if (auto parts = graph::parse_resource_id("/providers/" + text)) {
          keys.push_back(value::to_lower(parts->type) + "|" + id_name_key(parts->name));
        }
        for (const std::string& key : keys) {
          if (auto found = scope->by_type_name_.find(key); found != scope->by_type_name_.end()) {
            return found->second;
          }
        }
      }
    }
    return std::nullopt;
  }

 public:
  // The identity key of a name as it appears in an ID: literal segments and "{symbol}"
  // segments joined with '/', in the canonical form concat() gives the same name.
  static std::string id_name_key(std::string_view name) {
    if (name.find('{') == std::string_view::npos) return value::to_lower(name);
    std::vector<Value> parts;
    std::string_view rest = name;
    bool first = true;
    while (true) {
      const auto slash = rest.find('/');
      const std::string_view segment = rest.substr(0, slash);
      if (!first) parts.push_back(Value::string("/"));
      first = false;
      if (segment.size() >= 2 && segment.front() == '{' && segment.back() == '}') {
        parts.push_back(Value::symbolic("", std::string(segment.substr(1, segment.size() - 2))));
      } else {
        parts.push_back(Value::string(std::string(segment)));
      }
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
    FunctionContext context;
    return call_function("concat", parts, context).identity_key();
  }

 private:
  Value reference_of(std::span<const Value> args, source::Span span) {
    if (args.empty()) return Value::unknown("reference() without a resource", span);
    const bool full =
        args.size() > 2 && args[2].is_string() && value::iequals(args[2].as_string(), "full");
    if (auto address = resolve_local(args[0])) {
      // A nested deployment's outputs are known: follow it now if it has not been yet.
      for (TemplateEvaluator* scope = this; scope; scope = scope->outer_) {
        const auto it = scope->instance_index_.find(*address);
        if (it == scope->instance_index_.end()) continue;
        Instance& instance = scope->instances_[it->second];
        if (!value::iequals(instance.type, "Microsoft.Resources/deployments")) break;
        scope->emit(instance);
        if (instance.state != Instance::State::kDone || !instance.outputs.is_map()) break;
        Value properties = Value::map(Map{{"outputs", instance.outputs}}, span);
        if (!full) return properties;
        return Value::map(Map{{"properties", properties}, {"name", instance.name}}, span);
      }
      value::Ref ref{*address, {}};
      if (!full) ref.path.push_back("properties");
      return Value::ref(std::move(ref), span);
    }
    // Declared in another template, perhaps: a symbolic value the front end resolves to a
    // Ref once every template is loaded (see resolve_symbolic_ids).
    std::string id;
    if (args[0].is_string() && graph::looks_like_resource_id(args[0].as_string())) {
      id = args[0].as_string();
    } else if (args[0].is_unknown() && graph::looks_like_resource_id(args[0].as_unknown().symbol)) {
      id = args[0].as_unknown().symbol;
    }
    if (!id.empty()) {
      return Value::symbolic("reference() reads a deployed resource's state",
                             std::string(kReferencePrefix) + id + "}" + (full ? "" : ".properties"),
                             span);
    }
    return Value::unknown("reference() reads a deployed resource's state", span);
  }

  Value resource_info(std::span<const Value> args, source::Span span) {
    if (args.empty()) return Value::unknown("resourceInfo() without a resource", span);
    auto address = resolve_local(args[0]);
    if (!address) return Value::unknown("resourceInfo() of an unknown resource", span);
    Map info;
    info.emplace_back("id", Value::ref(value::Ref{*address, {"id"}}, span));
    if (auto it = info_.find(*address); it != info_.end()) {
      info.emplace_back("name", it->second.first.with_span(span));
      info.emplace_back("type", Value::string(it->second.second, span));
    }
    return Value::map(std::move(info), span);
  }

  std::optional<Value> scope_function(std::string_view name, std::span<const Value> args) {
    const source::Span span = context_.span;
    const std::string lower = value::to_lower(name);
    if (lower == "parameters") {
      if (args.size() != 1 || !args[0].is_string()) {
        return Value::unknown("parameters() needs a parameter name", span);
      }
      return parameter(value::to_lower(args[0].as_string()), span);
    }
    if (lower == "variables") {
      if (args.size() != 1 || !args[0].is_string()) {
        return Value::unknown("variables() needs a variable name", span);
      }
      return variable(value::to_lower(args[0].as_string()), span);
    }
    if (lower == "copyindex") return copy_index(args, span);
    if (lower == "reference") return reference_of(args, span);
    if (lower == "resourceinfo") return resource_info(args, span);
    if (lower == "lambdavariables") {
      if (args.size() == 1 && args[0].is_string()) {
        const std::string key = value::to_lower(args[0].as_string());
        for (auto it = lambda_variables_.rbegin(); it != lambda_variables_.rend(); ++it) {
          if (it->first == key) return it->second;
        }
      }
      return Value::unknown("lambdaVariables() outside its lambda", span);
    }
    if (name.find('.') != std::string_view::npos) return call_user_function(name, args, span);
    return std::nullopt;
  }

  void report(source::DiagnosticKind kind, std::string message, source::Span span,
              const std::string& key) {
    if (!loader_.reported_.insert(fmt::format("{}:{}:{}", key, span.file, span.range.begin))
             .second) {
      return;
    }
    loader_.diagnostics_.push_back(source::Diagnostic{kind, std::move(message), span, {}});
  }

  // -------------------------------------------------------------------------------------
  // Evaluation of JSON values and expressions.

 public:
  Value evaluate(const Value& raw) {
    if (loader_.deadline_.expired()) return out_of_time(raw.span());
    switch (raw.kind()) {
      case Value::Kind::kString: return evaluate_string(raw);
      case Value::Kind::kList: {
        List items;
        items.reserve(raw.as_list().size());
        for (const Value& item : raw.as_list()) items.push_back(evaluate(item));
        return Value::list(std::move(items), raw.span());
      }
      case Value::Kind::kMap: {
        Map entries;
        entries.reserve(raw.as_map().size());
        for (const auto& [key, item] : raw.as_map()) {
          if (value::iequals(key, "copy") && is_property_copy(item)) {
            for (const Value& loop : item.as_list()) {
              entries.emplace_back(string_or(member(loop, "name"), "copy"), expand_copy(loop));
            }
            continue;
          }
          entries.emplace_back(key, evaluate(item));
        }
        return Value::map(std::move(entries), raw.span());
      }
      default: return raw;
    }
  }

 private:
  static bool is_property_copy(const Value& item) {
    if (!item.is_list() || item.as_list().empty()) return false;
    for (const Value& loop : item.as_list()) {
      if (!member(loop, "name") || !member(loop, "input")) return false;
    }
    return true;
  }

  // A property or variable copy loop: {name, count, input} -> an array.
  Value expand_copy(const Value& loop) {
    const std::string name = value::to_lower(string_or(member(loop, "name"), ""));
    const Value* input = member(loop, "input");
    const Value* count_raw = member(loop, "count");
    if (!input || !count_raw)
      return Value::unknown("a copy loop without count or input", loop.span());
    const Value count = evaluate(*count_raw);
    if (!count.is_number()) {
      return Value::unknown("the copy loop's count is unknown", loop.span());
    }
    long long n = to_integer(count.as_number());
    if (n > kMaxCopyCount) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("copy count {} exceeds Azure's limit of {}", n, kMaxCopyCount),
             count_raw->span(), "copylimit");
      n = kMaxCopyCount;
    }
    List items;
    for (long long i = 0; i < n; ++i) {
      copies_.push_back(CopyIndex{name, Value::number(static_cast<double>(i))});
      items.push_back(evaluate(*input));
      copies_.pop_back();
    }
    return Value::list(std::move(items), loop.span());
  }

  Value evaluate_string(const Value& raw) {
    const std::string& text = raw.as_string();
    switch (string_form(text)) {
      case StringForm::kLiteral: return raw;
      case StringForm::kEscaped: return Value::string(text.substr(1), raw.span());
      case StringForm::kExpression: break;
    }
    const ParsedExpression parsed =
        parse_expression(std::string_view(text).substr(1, text.size() - 2));
    if (!parsed.expression) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("invalid template expression: {} (at character {})", parsed.error,
                         parsed.error_offset + 2),
             raw.span(), "syntax");
      return Value::unknown("invalid template expression", raw.span());
    }
    return evaluate_expression(*parsed.expression, raw.span()).with_span(raw.span());
  }

  static bool is_lambda(const Expression& e) {
    return e.kind == Expression::Kind::kCall && value::iequals(e.text, "lambda");
  }

  Value apply_lambda(const Expression& lambda, std::span<const Value> values, source::Span span) {
    // lambda('a', 'b', body): the names, then the body.
    const std::size_t names = lambda.operands.empty() ? 0 : lambda.operands.size() - 1;
    for (std::size_t i = 0; i < names; ++i) {
      const Expression& name = lambda.operands[i];
      lambda_variables_.emplace_back(value::to_lower(name.text),
                                     i < values.size() ? values[i] : Value());
    }
    Value result = lambda.operands.empty() ? Value::unknown("an empty lambda", span)
                                           : evaluate_expression(lambda.operands.back(), span);
    lambda_variables_.resize(lambda_variables_.size() - names);
    return result;
  }

  // map / filter / reduce / sort / toObject / mapValues / groupBy with a lambda argument.
  std::optional<Value> evaluate_lambda_call(const Expression& call, source::Span span) {
    const std::string name = value::to_lower(call.text);
    if (call.operands.size() < 2) return std::nullopt;
    const Expression* lambda = nullptr;
    for (const Expression& operand : call.operands) {
      if (is_lambda(operand)) lambda = &operand;
    }
    if (!lambda) return std::nullopt;
    const Value input = evaluate_expression(call.operands[0], span);
    if (!input.is_list() && !(input.is_map() && name == "mapvalues")) {
      return Value::unknown(fmt::format("{}() over an unknown collection", call.text), span);
    }
    List items;
    if (input.is_map()) {
      Map out;
      for (const auto& [key, item] : input.as_map()) {
        const Value args[] = {item};
        out.emplace_back(key, apply_lambda(*lambda, args, span));
      }
      return Value::map(std::move(out), span);
    }
    const List& list = input.as_list();
    if (name == "map") {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Value args[] = {list[i], Value::number(static_cast<double>(i), span)};
        items.push_back(apply_lambda(*lambda, args, span));
      }
      return Value::list(std::move(items), span);
    }
    if (name == "filter") {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Value args[] = {list[i], Value::number(static_cast<double>(i), span)};
        const Value keep = apply_lambda(*lambda, args, span);
        if (!keep.is_bool()) return Value::unknown("filter() with an unknown condition", span);
        if (keep.as_bool()) items.push_back(list[i]);
      }
      return Value::list(std::move(items), span);
    }
    if (name == "reduce" && call.operands.size() >= 3) {
      Value accumulator = evaluate_expression(call.operands[1], span);
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Value args[] = {accumulator, list[i], Value::number(static_cast<double>(i), span)};
        accumulator = apply_lambda(*lambda, args, span);
      }
      return accumulator;
    }
    if (name == "toobject") {
      const Expression* value_lambda =
          call.operands.size() >= 3 && is_lambda(call.operands[2]) ? &call.operands[2] : nullptr;
      const Expression& key_lambda = call.operands[1];
      Map out;
      for (const Value& item : list) {
        const Value args[] = {item};
        const Value key = apply_lambda(key_lambda, args, span);
        if (!key.is_string()) return Value::unknown("toObject() with an unknown key", span);
        out.emplace_back(key.as_string(),
                         value_lambda ? apply_lambda(*value_lambda, args, span) : item);
      }
      return Value::map(std::move(out), span);
    }
    return std::nullopt;
  }

  // The root template ran out of time: reported once, every value from here on is unknown.
  Value out_of_time(source::Span span) {
    if (!std::exchange(loader_.out_of_time_reported_, true)) {
      loader_.diagnostics_.push_back(source::Diagnostic{
          source::DiagnosticKind::kEvaluation,
          fmt::format("evaluating the template took longer than the limit of {} ms; stopped "
                      "here, the remaining values are unknown",
                      source::evaluation_time_limit().count()),
          span,
          {}});
    }
    return Value::unknown("evaluation stopped at the time limit", span);
  }

  Value evaluate_expression(const Expression& e, source::Span span) {
    if (loader_.deadline_.expired()) return out_of_time(span);
    switch (e.kind) {
      case Expression::Kind::kString: return Value::string(e.text, span);
      case Expression::Kind::kNumber: return Value::number(e.number, span);
      case Expression::Kind::kBool: return Value::boolean(e.number != 0, span);
      case Expression::Kind::kNull: return Value::null(span);
      case Expression::Kind::kMember:
        return access_member(evaluate_expression(e.operands[0], span), e.text, span);
      case Expression::Kind::kIndex:
        return access_index(evaluate_expression(e.operands[0], span),
                            evaluate_expression(e.operands[1], span), span);
      case Expression::Kind::kCall: break;
    }
    // if() evaluates only the branch it takes, so a guarded branch cannot fail.
    if (value::iequals(e.text, "if") && e.operands.size() == 3) {
      const Value condition = evaluate_expression(e.operands[0], span);
      if (condition.is_bool()) {
        return evaluate_expression(e.operands[condition.as_bool() ? 1 : 2], span);
      }
    }
    if (auto result = evaluate_lambda_call(e, span)) return *result;
    std::vector<Value> args;
    args.reserve(e.operands.size());
    for (const Expression& operand : e.operands) args.push_back(evaluate_expression(operand, span));
    context_.span = span;
    return call_function(e.text, args, context_);
  }

  // -------------------------------------------------------------------------------------
  // Resources.

  // Finds every resource and copy of it, with its type, name and address.
  void collect(const Value& resources, const Instance* parent, std::vector<Instance>& out) {
    auto visit = [&](const Value& raw, const std::string& symbolic_name) {
      if (!raw.is_map()) return;
      const Value* copy = member(raw, "copy");
      if (copy && copy->is_map()) {
        const std::string loop = value::to_lower(string_or(member(*copy, "name"), ""));
        const Value* count_raw = member(*copy, "count");
        const Value count = count_raw ? evaluate(*count_raw) : Value();
        if (count.is_number()) {
          long long n = to_integer(count.as_number());
          if (n > kMaxCopyCount) {
            report(source::DiagnosticKind::kEvaluation,
                   fmt::format("copy count {} exceeds Azure's limit of {}", n, kMaxCopyCount),
                   count_raw->span(), "copylimit");
            n = kMaxCopyCount;
          }
          if (n > 0 && loader_.unit_instances_ + static_cast<std::size_t>(n) >
                           source::kMaxInstancesPerUnit) {
            report(source::DiagnosticKind::kEvaluation,
                   fmt::format("copy loop '{}' brings the resources of the deployment to more "
                               "than the limit of {}; evaluated as one copy with an unknown index",
                               loop, source::kMaxInstancesPerUnit),
                   count_raw->span(), "unitlimit");
            copies_.push_back(CopyIndex{loop, Value::unknown("the copy index is not followed")});
            add_instance(raw, symbolic_name, parent, "[*]", out);
            copies_.pop_back();
            return;
          }
          if (n > 0) loader_.unit_instances_ += static_cast<std::size_t>(n);
          for (long long i = 0; i < n; ++i) {
            copies_.push_back(CopyIndex{loop, Value::number(static_cast<double>(i))});
            add_instance(raw, symbolic_name, parent, fmt::format("[{}]", i), out);
            copies_.pop_back();
          }
        } else {
          copies_.push_back(CopyIndex{loop, Value::unknown("the copy count is unknown")});
          add_instance(raw, symbolic_name, parent, "[*]", out);
          copies_.pop_back();
        }
        return;
      }
      add_instance(raw, symbolic_name, parent, "", out);
    };
    if (resources.is_list()) {
      for (const Value& raw : resources.as_list()) visit(raw, "");
    } else if (resources.is_map()) {
      for (const auto& [name, raw] : resources.as_map()) visit(raw, name);
    }
  }

  void add_instance(const Value& raw, const std::string& symbolic_name, const Instance* parent,
                    const std::string& suffix, std::vector<Instance>& out) {
    if (const Value* condition = member(raw, "condition")) {
      const Value result = evaluate(*condition);
      if (result.is_bool() && !result.as_bool()) return;
      if (result.is_string() && value::iequals(result.as_string(), "false")) return;
    }
    Instance instance;
    instance.raw = &raw;
    instance.copies = copies_;
    instance.symbolic_name = symbolic_name;
    instance.copy_suffix = suffix;
    const Value type = member(raw, "type") ? evaluate(*member(raw, "type")) : Value();
    instance.source_type = type.is_string() ? type.as_string() : "";
    instance.type = instance.source_type;
    if (parent && instance.type.find('/') == std::string::npos) {
      instance.type = parent->type + "/" + instance.type;  // nested child: short type
    }
    const Value* written_name = member(raw, "name");
    Value name =
        written_name ? evaluate(*written_name) : Value::unknown("a resource without a name");
    if (parent) {
      // A nested child written with only its own segment gets its parent's name in front.
      const std::size_t segments = std::count(instance.type.begin(), instance.type.end(), '/');
      const std::size_t given =
          name.is_string() ? std::count(name.as_string().begin(), name.as_string().end(), '/') + 1
                           : 1;
      if (given < segments) {
        const Value parts[] = {parent->name, Value::string("/"), name};
        FunctionContext plain;
        plain.span = name.span();
        name = call_function("concat", parts, plain).with_span(name.span());
      }
      instance.parent_address = parent->address;
    }
    instance.name = name;
    if (const Value* existing = member(raw, "existing"); existing && existing->is_bool()) {
      instance.existing = existing->as_bool();
    }
    std::string address = prefix_ + instance.type + "/" +
                          name_text(name, written_name ? &*written_name : nullptr) + suffix;
    if (!used_addresses_.insert(address).second) {
      if (plainly_declared(raw, written_name, parent)) {
        report_duplicate(instance, address, written_name ? written_name->span() : raw.span());
      }
      int n = 2;
      while (!used_addresses_.insert(fmt::format("{}#{}", address, n)).second) ++n;
      address = fmt::format("{}#{}", address, n);
    }
    if (plainly_declared(raw, written_name, parent)) {
      first_declared_.emplace(address, written_name ? written_name->span() : raw.span());
    }
    instance.address = std::move(address);
    out.push_back(std::move(instance));
    if (const Value* children = member(raw, "resources")) {
      const Instance self = out.back();
      collect(*children, &self, out);
    }
  }

  // Only the plain case is judged for duplicates: a literal name (a name from parameters
  // may be a placeholder), no condition (alternatives, the "new or existing" pattern), no
  // `scope` (extension resources differ by it), not nested in a parent (children of two
  // parents may share a short name), in the template itself (a nested
  // deployment followed for its outputs may be met again).
  bool plainly_declared(const Value& raw, const Value* written_name, const void* parent) const {
    return depth_ == 0 && parent == nullptr && written_name != nullptr && written_name->is_string() &&
           !written_name->as_string().starts_with("[") && member(raw, "condition") == nullptr &&
           member(raw, "scope") == nullptr;
  }

  // Azure rejects a template that declares one resource twice. Only plain names are
  // compared: copies and expressions may still differ once deployed.
  void report_duplicate(const Instance& instance, const std::string& address, source::Span at) {
    const auto first = first_declared_.find(address);
    if (!instance.copy_suffix.empty() || !instance.name.is_string() || instance.existing ||
        first == first_declared_.end()) {
      return;
    }
    const source::SourceFile& file = loader_.sources_.file(first->second.file);
    const source::LineColumn where = file.line_column(first->second.range.begin);
    report(source::DiagnosticKind::kSyntax,  // Azure refuses the template: as a parse error
           fmt::format("resource '{}/{}' is declared more than once in this template (first at "
                       "{}:{}:{}); Azure rejects the deployment",
                       instance.type, instance.name.as_string(), file.path(), where.line,
                       where.column),
           at, "duplicate");
  }

  void register_instance(const Instance& instance) {
    if (!instance.symbolic_name.empty()) {
      // The loop as a whole stands for its first copy; "name[2]" for one copy, as
      // `bicep build` writes reference(format('name[{0}]', copyIndex())).
      symbolic_.emplace(value::to_lower(instance.symbolic_name), instance.address);
      if (!instance.copy_suffix.empty()) {
        symbolic_.emplace(value::to_lower(instance.symbolic_name + instance.copy_suffix),
                          instance.address);
      }
    }
    const std::string key = type_name_key(instance.type, instance.name);
    if (!key.empty()) by_type_name_.emplace(key, instance.address);
    const std::string name_key = instance.name.identity_key();
    if (!name_key.empty()) {
      // A plain name in dependsOn identifies a resource only when it is unambiguous.
      auto [it, inserted] = by_name_.emplace(name_key, instance.address);
      if (!inserted && it->second != instance.address) it->second.clear();
    }
    info_[instance.address] = {instance.name, instance.type};
  }

  static bool is_header_member(std::string_view key) {
    static constexpr std::string_view kHeader[] = {"type",      "name",      "apiVersion",
                                                   "copy",      "condition", "resources",
                                                   "dependsOn", "existing",  "comments"};
    for (std::string_view h : kHeader) {
      if (value::iequals(key, h)) return true;
    }
    return false;
  }

  // An extension resource's `scope`: a symbolic name, an ID, or the relative form
  // "Microsoft.Storage/storageAccounts/name" templates use. A Ref when declared here.
  Value resolve_scope(const Value& scope) const {
    if (auto address = resolve_local(scope)) {
      return Value::ref(value::Ref{*address, {"id"}}, scope.span());
    }
    if (scope.is_string() && !scope.as_string().empty() && scope.as_string().front() != '/') {
      if (auto address = resolve_local(Value::string("/providers/" + scope.as_string()))) {
        return Value::ref(value::Ref{*address, {"id"}}, scope.span());
      }
    }
    return scope;
  }

  void emit(Instance& instance) {
    if (instance.state != Instance::State::kPending) return;
    instance.state = Instance::State::kEmitting;
    std::vector<CopyIndex> saved_copies = std::move(copies_);
    copies_ = instance.copies;
    const Value& raw = *instance.raw;
    const bool is_deployment = value::iequals(instance.type, "Microsoft.Resources/deployments");
    Map body;
    for (const auto& [key, item] : raw.as_map()) {
      if (is_header_member(key)) continue;
      if (is_deployment && value::iequals(key, "properties") && item.is_map()) {
        Map properties;
        for (const auto& [property, inner] : item.as_map()) {
          if (value::iequals(property, "template")) continue;  // evaluated in its own scope
          properties.emplace_back(property, evaluate(inner));
        }
        body.emplace_back(key, Value::map(std::move(properties), item.span()));
        continue;
      }
      if (value::iequals(key, "scope")) {
        body.emplace_back(key, resolve_scope(evaluate(item)));
        continue;
      }
      body.emplace_back(key, evaluate(item));
    }
    if (const Value* depends = member(raw, "dependsOn"); depends && depends->is_list()) {
      List edges;
      for (const Value& entry : depends->as_list()) {
        const Value target = evaluate(entry);
        if (auto address = resolve_local(target)) {
          edges.push_back(Value::ref(value::Ref{*address, {}}, entry.span()));
        }
      }
      body.emplace_back("dependsOn", Value::list(std::move(edges), depends->span()));
    }
    graph::Resource resource;
    resource.address = instance.address;
    resource.type = instance.type;
    resource.source_type = instance.source_type;
    resource.api_version = string_or(member(raw, "apiVersion"), "");
    resource.name = instance.name;
    if (!instance.parent_address.empty()) {
      resource.parent = Value::ref(value::Ref{instance.parent_address, {"id"}}, raw.span());
    }
    resource.body = Value::map(std::move(body), raw.span());
    resource.range = raw.span();
    resource.language = graph::Language::kArm;
    resource.reference_only = instance.existing;
    const Value deployment_body = resource.body;
    out_.push_back(std::move(resource));
    if (is_deployment) instance.outputs = follow_deployment(instance, deployment_body);
    copies_ = std::move(saved_copies);
    instance.state = Instance::State::kDone;
  }

  // -------------------------------------------------------------------------------------
  // Nested and linked deployments.

  // Evaluates the deployment's template; returns its outputs (null when not followed).
  Value follow_deployment(const Instance& instance, const Value& body) {
    const Value& raw = *instance.raw;
    const Value* properties = member(raw, "properties");
    if (!properties) return {};
    if (depth_ + 1 > kMaxDeploymentDepth) {
      report(source::DiagnosticKind::kEvaluation,
             fmt::format("nested deployments deeper than {} levels are not followed",
                         kMaxDeploymentDepth),
             raw.span(), "depth");
      return {};
    }
    const Value* evaluated_properties = member(body, "properties");
    ParameterValues parameters;
    if (evaluated_properties) {
      if (const Value* given = member(*evaluated_properties, "parameters")) {
        parameters = parameter_values_of(*given);
      }
    }
    const std::string prefix = instance.address + "::";
    if (const Value* inline_template = member(*properties, "template")) {
      const Value* options =
          evaluated_properties
              ? evaluated_properties->find_path("expressionEvaluationOptions.scope")
              : nullptr;
      const bool inner =
          options && options->is_string() && value::iequals(options->as_string(), "inner");
      if (inner) {
        TemplateEvaluator child(loader_, file_, *inline_template, std::move(parameters), nullptr,
                                prefix, depth_ + 1, out_);
        child.caller_ = this;
        child.run();
        return child.outputs();
      } else {
        TemplateEvaluator child(loader_, file_, *inline_template, {}, this, prefix, depth_ + 1,
                                out_);
        child.caller_ = this;
        child.run();
        return child.outputs();
      }
    }
    const Value* link =
        evaluated_properties ? member(*evaluated_properties, "templateLink") : nullptr;
    if (!link) return {};
    if (const Value* relative = member(*link, "relativePath"); relative && relative->is_string()) {
      return follow_relative(relative->as_string(), std::move(parameters), prefix,
                             relative->span());
    }
    if (auto relative = relative_uri(member(*link, "uri"))) {
      return follow_relative(*relative, std::move(parameters), prefix, link->span(), true);
    }
    report(source::DiagnosticKind::kUnsupported,
           "remote template link is not followed (ztlint reads local files only)", link->span(),
           "remotelink");
    return {};
  }

  // uri(deployment().properties.templateLink.uri, 'nested/x.json') names a file beside
  // this template: the deployment's own location is where the template was read from.
  static std::optional<std::string> relative_uri(const Value* uri) {
    if (!uri || !uri->is_unknown()) return std::nullopt;
    const std::string& symbol = uri->as_unknown().symbol;
    constexpr std::string_view kPrefix = "uri(deployment().properties.templateLink.uri,'";
    if (symbol.size() <= kPrefix.size() + 2 || symbol.compare(0, kPrefix.size(), kPrefix) != 0 ||
        symbol.compare(symbol.size() - 2, 2, "')") != 0) {
      return std::nullopt;
    }
    std::string relative = symbol.substr(kPrefix.size(), symbol.size() - kPrefix.size() - 2);
    if (relative.find('\'') != std::string::npos || relative.find("://") != std::string::npos) {
      return std::nullopt;
    }
    return relative;
  }

  Value follow_relative(const std::string& relative, ParameterValues parameters,
                        const std::string& prefix, source::Span span, bool from_uri = false) {
    namespace fs = std::filesystem;
    // A URI built from deployment().properties.templateLink.uri may have been handed down
    // from an enclosing deployment: try the enclosing templates' folders too.
    std::optional<source::FileId> file;
    source::Diagnostic error;
    for (const TemplateEvaluator* scope = this; scope && !file; scope = scope->caller_) {
      const fs::path base = fs::path(loader_.sources_.file(scope->file_).path()).parent_path();
      const fs::path path = (base / relative).lexically_normal();
      // Nothing outside the repository root is read, nor through a symbolic link loop.
      if (std::string why = source::confinement_violation(loader_.unit_root_, path); !why.empty()) {
        report(source::DiagnosticKind::kIo,
               fmt::format("linked template '{}' is not read: {}", relative, why), span, "link");
        return {};
      }
      file = loader_.open(path.string(), &error);
      if (!from_uri) break;
    }
    if (!file) {
      report(source::DiagnosticKind::kIo,
             fmt::format("linked template '{}' cannot be read: {}", relative, error.message), span,
             "link");
      return {};
    }
    for (const TemplateEvaluator* scope = this; scope; scope = scope->caller_) {
      if (scope->file_ == *file) {
        report(source::DiagnosticKind::kEvaluation,
               fmt::format("linked template '{}' links back to itself", relative), span, "cycle");
        return {};
      }
    }
    loader_.linked_files_.insert(*file);
    const Value* root = loader_.parse_file(*file, true);
    if (!root) return {};
    TemplateEvaluator child(loader_, *file, *root, std::move(parameters), nullptr, prefix,
                            depth_ + 1, out_);
    child.caller_ = this;
    child.run();
    return child.outputs();
  }

  TemplateLoader& loader_;
  source::FileId file_;
  const Value& root_;
  ParameterValues supplied_;
  TemplateEvaluator* outer_;
  // The template whose deployment resource this one is (null for a root template).
  const TemplateEvaluator* caller_ = nullptr;
  std::string prefix_;
  int depth_;
  std::vector<graph::Resource>& out_;

  FunctionContext context_;
  std::map<std::string, const Value*> parameter_defs_;
  std::map<std::string, const Value*> variables_;
  std::map<std::string, const Value*> variable_loops_;
  std::map<std::string, const Value*> functions_;
  std::map<std::string, Value> parameter_cache_;
  std::map<std::string, Value> variable_cache_;
  std::set<std::string> in_progress_;
  std::vector<std::map<std::string, Value>> function_frames_;
  std::vector<std::pair<std::string, Value>> lambda_variables_;
  std::vector<CopyIndex> copies_;
  std::vector<Instance> instances_;
  std::unordered_map<std::string, std::size_t> instance_index_;
  std::set<std::string> used_addresses_;
  std::map<std::string, source::Span> first_declared_;  // address -> where its name is written
  std::unordered_map<std::string, std::string> symbolic_;
  std::unordered_map<std::string, std::string> by_type_name_;
  std::unordered_map<std::string, std::string> by_name_;
  std::unordered_map<std::string, std::pair<Value, std::string>> info_;
};

void TemplateLoader::load(source::FileId file, const Value& root, const ParameterValues& parameters,
                          std::vector<graph::Resource>& out) {
  const std::string prefix = sources_.file(file).path() + "#";
  deadline_ = source::Deadline();
  unit_instances_ = 0;
  out_of_time_reported_ = false;
  if (!linted_) linted_ = source::linted_folder(sources_);
  unit_root_ = source::confinement_root(sources_.file(file).path(), *linted_);
  TemplateEvaluator evaluator(*this, file, root, parameters, nullptr, prefix, 0, out);
  evaluator.run();
}

std::string id_name_key(std::string_view name) {
  return TemplateEvaluator::id_name_key(name);
}

}  // namespace ztlint::arm
