#include "terraform_plan/plan_front_end.h"

#include <fmt/format.h>

#include <map>
#include <string>

#include "json/json_reader.h"
#include "terraform/azurerm_mapping.h"
#include "terraform/evaluated_resource.h"

namespace ztlint::terraform_plan {

namespace {

using value::Value;

const Value* member(const Value& object, std::string_view key) {
  return object.is_map() ? object.get(key) : nullptr;
}

std::string string_member(const Value& object, std::string_view key) {
  const Value* found = member(object, key);
  return found && found->is_string() ? found->as_string() : std::string();
}

// `after` with every place `after_unknown` marks true replaced by Unknown.
Value apply_unknowns(const Value& after, const Value* unknown) {
  if (!unknown) return after;
  if (unknown->is_bool()) {
    return unknown->as_bool() ? Value::unknown("known after apply", after.span()) : after;
  }
  if (after.is_map() && unknown->is_map()) {
    value::Map entries = after.as_map();
    for (auto& [key, item] : entries) item = apply_unknowns(item, unknown->get(key));
    // Attributes that are entirely unknown may be absent from `after`.
    for (const auto& [key, mark] : unknown->as_map()) {
      if (mark.is_bool() && mark.as_bool() && !after.get(key)) {
        entries.emplace_back(key, Value::unknown("known after apply", after.span()));
      }
    }
    return Value::map(std::move(entries), after.span());
  }
  if (after.is_list() && unknown->is_list()) {
    value::List items = after.as_list();
    const value::List& marks = unknown->as_list();
    for (std::size_t i = 0; i < items.size() && i < marks.size(); ++i) {
      items[i] = apply_unknowns(items[i], &marks[i]);
    }
    return Value::list(std::move(items), after.span());
  }
  return after;
}

// The configuration of one module, by resource address within the module.
struct ModuleConfig {
  std::map<std::string, const Value*> resources;  // "azurerm_subnet.app" → its config entry
};

void index_module(const Value& module, const std::string& prefix,
                  std::map<std::string, ModuleConfig>& out) {
  ModuleConfig& config = out[prefix];
  if (const Value* resources = member(module, "resources"); resources && resources->is_list()) {
    for (const Value& resource : resources->as_list()) {
      const std::string address = string_member(resource, "address");
      if (!address.empty()) config.resources[address] = &resource;
    }
  }
  if (const Value* calls = member(module, "module_calls"); calls && calls->is_map()) {
    for (const auto& [name, call] : calls->as_map()) {
      if (const Value* child = member(call, "module")) {
        // Configuration is per module call, not per instance: key by the call path.
        index_module(*child, prefix.empty() ? "module." + name : prefix + ".module." + name, out);
      }
    }
  }
}

// "module.spoke[\"a\"].module.x[0]" → "module.spoke.module.x" (configuration keys).
std::string strip_instance_keys(std::string_view address) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  for (char c : address) {
    if (in_string) {
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '[') ++depth;
    else if (c == ']') --depth;
    else if (depth > 0 && c == '"') in_string = true;
    else if (depth == 0) out += c;
  }
  return out;
}

// The instance key suffix of an address ("[\"web\"]", "[0]"), or empty.
std::string instance_suffix(std::string_view address) {
  if (address.empty() || address.back() != ']') return {};
  int depth = 0;
  for (std::size_t i = address.size(); i-- > 0;) {
    if (address[i] == ']') ++depth;
    if (address[i] == '[' && --depth == 0) return std::string(address.substr(i));
  }
  return {};
}

// A reference such as "azurerm_subnet.app[\"web\"].id" or "module.hub.firewall_ip" turned
// into the referenced instance's address, when it names a resource.
std::optional<value::Ref> reference_to_ref(std::string_view reference, const std::string& module_prefix,
                                           const std::string& own_key) {
  if (reference.rfind("var.", 0) == 0 || reference.rfind("local.", 0) == 0 ||
      reference.rfind("module.", 0) == 0 || reference.rfind("each.", 0) == 0 ||
      reference.rfind("count.", 0) == 0 || reference.rfind("path.", 0) == 0) {
    return std::nullopt;
  }
  std::string text(reference);
  const bool data = text.rfind("data.", 0) == 0;
  // type.name[key].attr...: split after the name (and its key, if any).
  std::size_t pos = data ? 5 : 0;
  const std::size_t type_end = text.find('.', pos);
  if (type_end == std::string::npos) return std::nullopt;
  std::size_t name_end = type_end + 1;
  while (name_end < text.size() && text[name_end] != '.' && text[name_end] != '[') ++name_end;
  std::string key;
  if (name_end < text.size() && text[name_end] == '[') {
    const std::size_t close = text.find(']', name_end);
    if (close == std::string::npos) return std::nullopt;
    key = text.substr(name_end, close - name_end + 1);
    name_end = close + 1;
  }
  value::Ref ref;
  std::string target = text.substr(0, name_end - key.size());
  // for_each over the same collection: the instance with our own key.
  ref.target = (module_prefix.empty() ? "" : module_prefix + ".") + target + (key.empty() ? own_key : key);
  std::string rest = name_end < text.size() ? text.substr(name_end + 1) : std::string();
  while (!rest.empty()) {
    const std::size_t dot = rest.find('.');
    ref.path.push_back(rest.substr(0, dot));
    if (dot == std::string::npos) break;
    rest.erase(0, dot + 1);
  }
  if (ref.path.empty()) ref.path.push_back("id");
  return ref;
}

// Replaces Unknown top-level arguments by Refs where the configuration references a resource.
Value link_unknowns(const Value& arguments, const Value* config, const std::string& module_prefix,
                    const std::string& own_key, const std::map<std::string, bool>& known_addresses) {
  const Value* expressions = config ? member(*config, "expressions") : nullptr;
  if (!expressions || !arguments.is_map()) return arguments;
  value::Map entries = arguments.as_map();
  for (auto& [key, item] : entries) {
    if (!item.is_unknown()) continue;
    const Value* expression = member(*expressions, key);
    const Value* references = expression ? member(*expression, "references") : nullptr;
    if (!references || !references->is_list()) continue;
    for (const Value& reference : references->as_list()) {
      if (!reference.is_string()) continue;
      auto ref = reference_to_ref(reference.as_string(), module_prefix, own_key);
      if (!ref) continue;
      if (!known_addresses.count(ref->target)) {
        // Without our own key (a count/for_each resource referencing a single one).
        auto plain = reference_to_ref(reference.as_string(), module_prefix, "");
        if (!plain || !known_addresses.count(plain->target)) continue;
        ref = plain;
      }
      item = Value::ref(std::move(*ref), item.span());
      break;
    }
  }
  return Value::map(std::move(entries), arguments.span());
}

int azurerm_major_version(const Value& plan) {
  const Value* constraint = plan.find_path("configuration.provider_config.azurerm.version_constraint");
  if (!constraint || !constraint->is_string()) return 0;
  for (char c : constraint->as_string()) {
    if (c >= '1' && c <= '9') return c - '0';
  }
  return 0;
}

struct Instance {
  const Value* entry;  // the resource_changes / planned_values entry
  Value arguments;
  std::string address;
  std::string module_address;
  bool data = false;
  std::string type;
};

// planned_values (or a state's values) nest resources by module; each module names its
// own address.
void collect_planned(const Value& module, const std::string& module_address,
                     std::vector<Instance>& out) {
  if (const Value* resources = member(module, "resources"); resources && resources->is_list()) {
    for (const Value& resource : resources->as_list()) {
      const Value* values = member(resource, "values");
      out.push_back({&resource, values ? *values : Value::map({}, resource.span()),
                     string_member(resource, "address"), module_address,
                     string_member(resource, "mode") == "data", string_member(resource, "type")});
    }
  }
  if (const Value* children = member(module, "child_modules"); children && children->is_list()) {
    for (const Value& child : children->as_list()) {
      collect_planned(child, string_member(child, "address"), out);
    }
  }
}

void load_plan(source::SourceSet& sources, source::FileId file_id, graph::Fragment& out,
               source::Diagnostics& diagnostics) {
  const source::SourceFile& file = sources.file(file_id);
  const std::string_view text = file.text().substr(file.content_begin());
  json::ReadOptions options;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  const json::ReadResult read = json::read(text, file_id, file.content_begin(), options);
  if (!read.ok()) {
    diagnostics.push_back({source::DiagnosticKind::kSyntax, read.error->message,
                           source::Span{file_id, read.error->range}, {}});
    out.files.emplace_back(file_id, graph::Language::kTerraformPlan);
    return;
  }
  const Value& plan = read.value;
  out.files.emplace_back(file_id, graph::Language::kTerraformPlan);

  std::vector<Instance> instances;
  if (const Value* changes = member(plan, "resource_changes"); changes && changes->is_list()) {
    for (const Value& change : changes->as_list()) {
      const Value* body = member(change, "change");
      const Value* actions = body ? member(*body, "actions") : nullptr;
      bool deleted_only = false;
      if (actions && actions->is_list() && actions->as_list().size() == 1 &&
          actions->as_list()[0].is_string() && actions->as_list()[0].as_string() == "delete") {
        deleted_only = true;
      }
      if (deleted_only || !body) continue;
      const Value* after = member(*body, "after");
      Value arguments = after && after->is_map() ? *after : Value::map({}, change.span());
      arguments = apply_unknowns(arguments, member(*body, "after_unknown"));
      instances.push_back({&change, std::move(arguments), string_member(change, "address"),
                           string_member(change, "module_address"),
                           string_member(change, "mode") == "data", string_member(change, "type")});
    }
  } else if (const Value* root = plan.find_path("planned_values.root_module")) {
    collect_planned(*root, "", instances);
  } else if (const Value* state_root = plan.find_path("values.root_module")) {
    collect_planned(*state_root, "", instances);  // `terraform show -json` of a state
  }

  std::map<std::string, ModuleConfig> configs;
  if (const Value* root = plan.find_path("configuration.root_module")) index_module(*root, "", configs);
  std::map<std::string, bool> known_addresses;
  for (const Instance& instance : instances) known_addresses[instance.address] = true;
  const int major = azurerm_major_version(plan);

  for (Instance& instance : instances) {
    if (instance.address.empty() || instance.type.empty()) continue;
    const std::string config_module = strip_instance_keys(instance.module_address);
    const std::string local_address =
        strip_instance_keys(instance.module_address.empty()
                                ? instance.address
                                : instance.address.substr(instance.module_address.size() + 1));
    const Value* config = nullptr;
    if (auto module = configs.find(config_module); module != configs.end()) {
      if (auto it = module->second.resources.find(local_address); it != module->second.resources.end()) {
        config = it->second;
      }
    }
    terraform::EvaluatedResource resource;
    resource.is_data_source = instance.data;
    resource.type = instance.type;
    resource.address = instance.address;
    resource.arguments = link_unknowns(instance.arguments, config, instance.module_address,
                                       instance_suffix(instance.address), known_addresses);
    resource.range = instance.entry->span();
    resource.azurerm_major_version = major;
    terraform::lower_to_arm(resource, out, diagnostics);
  }
}

}  // namespace

bool looks_like_plan(std::string_view text) {
  const std::string_view head = text.substr(0, 4096);
  return head.find("\"format_version\"") != std::string_view::npos &&
         (text.find("\"planned_values\"") != std::string_view::npos ||
          text.find("\"resource_changes\"") != std::string_view::npos ||
          (head.find("\"terraform_version\"") != std::string_view::npos &&
           text.find("\"root_module\"") != std::string_view::npos));
}

void load(source::SourceSet& sources, const std::vector<source::FileId>& json_files,
          graph::Fragment& out, source::Diagnostics& diagnostics) {
  for (source::FileId file_id : json_files) {
    if (!looks_like_plan(sources.file(file_id).text())) continue;
    load_plan(sources, file_id, out, diagnostics);
  }
}

}  // namespace ztlint::terraform_plan
