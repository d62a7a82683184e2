#include "arm/arm_front_end.h"

#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>

#include "arm/template_evaluator.h"
#include "arm/template_functions.h"
#include "graph/resource_id.h"

namespace ztlint::arm {

namespace {

using value::Value;

bool mentions(std::string_view text, std::string_view word) {
  return value::to_lower(text).find(value::to_lower(word)) != std::string::npos;
}

// The parameter files Azure tooling pairs with a template: `<stem>.parameters.json` beside it.
std::vector<std::string> sibling_parameter_paths(const std::string& template_path) {
  namespace fs = std::filesystem;
  const fs::path path(template_path);
  const std::string stem = path.stem().string();
  return {(path.parent_path() / (stem + ".parameters.json")).string()};
}

std::optional<std::string> find_declared(
    std::string_view id, const std::unordered_map<std::string, std::string>& by_type_name) {
  const auto parts = graph::parse_resource_id(id);
  if (!parts) return std::nullopt;
  const auto it = by_type_name.find(value::to_lower(parts->type) + "|" + id_name_key(parts->name));
  if (it == by_type_name.end()) return std::nullopt;
  return it->second;
}

// "@ref{ID}.properties.ipConfigurations[0]" -> Ref{address of ID, {properties,
// ipConfigurations, 0}} when a template of the run declares the resource.
Value resolve_reference(const Value& value,
                        const std::unordered_map<std::string, std::string>& by_type_name,
                        bool* changed) {
  const std::string& symbol = value.as_unknown().symbol;
  std::size_t at = kReferencePrefix.size();
  int depth = 1;
  for (; at < symbol.size() && depth > 0; ++at) {
    if (symbol[at] == '{') ++depth;
    if (symbol[at] == '}') --depth;
  }
  if (depth != 0) return value;
  const std::string_view id =
      std::string_view(symbol).substr(kReferencePrefix.size(), at - 1 - kReferencePrefix.size());
  const auto address = find_declared(id, by_type_name);
  if (!address) return value;
  std::vector<std::string> path;
  std::string_view rest = std::string_view(symbol).substr(at);
  while (!rest.empty()) {
    const char opener = rest.front();
    rest.remove_prefix(1);
    const std::size_t end = opener == '[' ? rest.find(']') : rest.find_first_of(".[");
    path.emplace_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(opener == '[' ? end + 1 : end);
    if (opener != '.' && opener != '[') return value;
  }
  *changed = true;
  return Value::ref(value::Ref{*address, std::move(path)}, value.span());
}

// An ID built over a symbolic name ("/.../storageAccounts/{concat('st',uniqueString(...))}")
// cannot be resolved by text; a Ref to the declared resource of that type and name can.
Value resolve_symbolic_ids(const Value& value,
                           const std::unordered_map<std::string, std::string>& by_type_name,
                           bool* changed) {
  switch (value.kind()) {
    case Value::Kind::kUnknown: {
      const std::string& symbol = value.as_unknown().symbol;
      if (symbol.compare(0, kReferencePrefix.size(), kReferencePrefix) == 0) {
        return resolve_reference(value, by_type_name, changed);
      }
      if (symbol.empty() || !graph::looks_like_resource_id(symbol)) return value;
      const auto address = find_declared(symbol, by_type_name);
      if (!address) return value;
      *changed = true;
      return Value::ref(value::Ref{*address, {"id"}}, value.span());
    }
    case Value::Kind::kList: {
      value::List items;
      bool inner = false;
      for (const Value& item : value.as_list()) {
        items.push_back(resolve_symbolic_ids(item, by_type_name, &inner));
      }
      if (!inner) return value;
      *changed = true;
      return Value::list(std::move(items), value.span());
    }
    case Value::Kind::kMap: {
      value::Map entries;
      bool inner = false;
      for (const auto& [key, item] : value.as_map()) {
        entries.emplace_back(key, resolve_symbolic_ids(item, by_type_name, &inner));
      }
      if (!inner) return value;
      *changed = true;
      return Value::map(std::move(entries), value.span());
    }
    default: return value;
  }
}

}  // namespace

void load(source::SourceSet& sources, const Inputs& inputs, graph::Fragment& out,
          source::Diagnostics& diagnostics) {
  TemplateLoader loader(sources, diagnostics);
  std::vector<source::FileId> templates;
  std::map<std::string, source::FileId> parameter_files;  // by path

  for (const source::FileId file : inputs.json_files) {
    const source::SourceFile& source = sources.file(file);
    const Value* root = loader.parse_file(file, false);
    if (!root) {
      // A file that fails to read is ours to report only when it looks like a template.
      const std::string_view head = source.text().substr(0, 4096);
      const bool is_template = mentions(head, "deploymentTemplate");
      const bool is_parameters = mentions(head, "deploymentParameters");
      if (is_template || is_parameters) {
        loader.parse_file(file, false);  // cached: the error is reported below
        loader.report_parse_error(file);
        out.files.emplace_back(
            file, is_template ? graph::Language::kArm : graph::Language::kArmParameters);
      }
      continue;
    }
    if (is_template_document(*root)) {
      templates.push_back(file);
      out.files.emplace_back(file, graph::Language::kArm);
    } else if (is_parameters_document(*root)) {
      parameter_files.emplace(source.path(), file);
      out.files.emplace_back(file, graph::Language::kArmParameters);
    }
  }

  ParameterValues explicit_values;
  for (const std::string& path : inputs.parameter_files) {
    // .bicepparam files in the same list belong to the Bicep front end.
    if (std::filesystem::path(path).extension() != ".json") continue;
    source::Diagnostic error;
    const auto file = sources.load(path, &error);
    if (!file) {
      error.kind = source::DiagnosticKind::kConfig;
      diagnostics.push_back(std::move(error));
      continue;
    }
    const Value* root = loader.parse_file(*file, true);
    if (!root) continue;
    if (const Value* given = root->get("parameters")) {
      for (auto& [name, item] : parameter_values_of(*given)) explicit_values[name] = item;
    }
    out.files.emplace_back(*file, graph::Language::kArmParameters);
  }

  std::map<source::FileId, std::vector<graph::Resource>> produced;
  for (const source::FileId file : templates) {
    ParameterValues values;
    for (const std::string& path : sibling_parameter_paths(sources.file(file).path())) {
      const auto it = parameter_files.find(path);
      if (it == parameter_files.end()) continue;
      const Value* root = loader.parse_file(it->second, false);
      if (const Value* given = root ? root->get("parameters") : nullptr) {
        values = parameter_values_of(*given);
      }
    }
    for (const auto& [name, item] : explicit_values) values[name] = item;
    loader.load(file, *loader.parse_file(file, false), values, produced[file]);
  }

  // A template another one links to is evaluated through that link only.
  std::vector<graph::Resource> resources;
  for (auto& [file, list] : produced) {
    if (loader.linked_files().count(file)) continue;
    for (graph::Resource& resource : list) resources.push_back(std::move(resource));
  }
  for (const source::FileId file : loader.linked_files()) {
    if (std::find(templates.begin(), templates.end(), file) == templates.end()) {
      out.files.emplace_back(file, graph::Language::kArm);
    }
  }

  std::unordered_map<std::string, std::string> by_type_name;
  for (const graph::Resource& resource : resources) {
    const std::string key = resource.name.identity_key();
    if (!key.empty())
      by_type_name.emplace(value::to_lower(resource.type) + "|" + key, resource.address);
  }
  for (graph::Resource& resource : resources) {
    bool changed = false;
    resource.body = resolve_symbolic_ids(resource.body, by_type_name, &changed);
    out.resources.push_back(std::move(resource));
  }
}

}  // namespace ztlint::arm
