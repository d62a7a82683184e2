#include "terraform/module_evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "source/confinement.h"
#include "source/limits.h"
#include "terraform/evaluation_cache.h"
#include "terraform/function_library.h"
#include "terraform/hcl_parser.h"
#include "terraform/syntax_tree.h"

namespace ztlint::terraform {
namespace {

namespace fs = std::filesystem;
using source::Diagnostic;
using source::DiagnosticKind;
using source::Span;
using value::List;
using value::Map;
using value::Value;

// Functions Terraform has but whose results cannot be known offline (time, randomness,
// hashes ztlint does not compute): Unknown without a diagnostic.
constexpr std::string_view kOfflineUnknownFunctions[] = {
    "abspath",
    "base64decode",
    "base64gzip",
    "base64sha256",
    "base64sha512",
    "basename",
    "bcrypt",
    "csvdecode",
    "dirname",
    "ephemeralasnull",
    "fileexists",
    "filebase64",
    "filebase64sha256",
    "filebase64sha512",
    "filemd5",
    "fileset",
    "filesha1",
    "filesha256",
    "filesha512",
    "formatdate",
    "indent",
    "issensitive",
    "log",
    "md5",
    "parseint",
    "pathexpand",
    "plantimestamp",
    "rsadecrypt",
    "sha1",
    "sha256",
    "sha512",
    "signum",
    "textdecodebase64",
    "textencodebase64",
    "timeadd",
    "timecmp",
    "timestamp",
    "type",
    "urlencode",
    "uuid",
    "uuidv5",
    "yamlencode",
    "templatestring",
    "strcontains",
};

std::string normalize_dir(const fs::path& p) {
  std::string out = p.lexically_normal().generic_string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  if (out.empty()) out = ".";
  return out;
}

std::string dir_of(const std::string& file_path) {
  return normalize_dir(fs::path(file_path).parent_path());
}

std::string quote_key(const std::string& key) {
  std::string out = "[\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += "\"]";
  return out;
}

bool is_local_source(const std::string& s) {
  return s.starts_with("./") || s.starts_with("../") || s.starts_with(".\\") ||
         s.starts_with("..\\") || s == "." || s == "..";
}

// Meta-arguments of a resource block: not part of its configuration.
bool is_resource_meta(std::string_view name) {
  return name == "count" || name == "for_each" || name == "provider" || name == "depends_on";
}
bool is_resource_meta_block(std::string_view type) {
  return type == "lifecycle" || type == "provisioner" || type == "connection";
}

// Hashes strings and string views alike: lookups by a view need no copy.
struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

struct ModuleDecl {
  std::string dir;
  std::vector<source::FileId> files;
  std::vector<std::shared_ptr<const ParsedFile>> parsed;  // owns what the maps point into
  // Transparent, so a cached evaluation's key finds its declaration without a copy.
  std::map<std::string, const Block*, std::less<>> variables;
  std::map<std::string, const Attribute*, std::less<>> locals;
  std::map<std::string, const Block*> outputs;
  std::vector<std::pair<std::string, const Block*>> resources;  // "type.name" / "data.type.name"
  std::unordered_map<std::string, const Block*, TransparentHash, std::equal_to<>> resource_index;
  std::vector<std::pair<std::string, const Block*>> calls;
  std::map<std::string, const Block*> call_index;
  int azurerm_major = 0;
};

enum class State { kNone, kBusy, kDone };
enum class Repetition { kSingle, kCount, kForEach, kUnknown };

struct Slot {
  State state = State::kNone;
  Value value;
};

// One repetition of a block: its key and the bindings (`count`, `each`) it evaluates with.
struct Repeat {
  std::string suffix;  // "", "[0]", "[\"web\"]", "[*]"
  Value key;           // number, string, or Unknown
  std::vector<std::pair<std::string, Value>> bindings;
};

struct ResourceSlot {
  State state = State::kNone;
  Repetition repetition = Repetition::kSingle;
  // Shared with the evaluation cache: a resource reused from it is not copied.
  std::shared_ptr<const std::vector<ResourceInstance>> instances;
  Value whole;

  const std::vector<ResourceInstance>& all_instances() const {
    static const std::vector<ResourceInstance> kNone;
    return instances != nullptr ? *instances : kNone;
  }
};

struct Instance;

struct CallSlot {
  State state = State::kNone;
  Repetition repetition = Repetition::kSingle;
  std::vector<std::pair<Value, std::unique_ptr<Instance>>> children;
  Value unavailable;  // set (Unknown) when the module is remote, missing or recursive
};

struct Instance {
  const ModuleDecl* decl = nullptr;
  std::string prefix;  // "module.a[\"x\"]."
  Instance* parent = nullptr;
  const Block* call = nullptr;
  std::vector<std::pair<std::string, Value>> call_bindings;
  int depth = 0;
  int azurerm_major = 0;
  std::string root_dir;
  std::map<std::string, Value> root_values;  // root module: values from tfvars
  std::map<std::string, Slot> inputs, locals, outputs;
  std::unordered_map<std::string, ResourceSlot> resources;  // slots stay where they are
  std::map<std::string, CallSlot> calls;
};

// Names bound while evaluating: `each`, `count`, for-expression and iterator variables.
struct Scope {
  Instance* instance = nullptr;
  const Scope* parent = nullptr;
  std::vector<std::pair<std::string, Value>> vars;

  const Value* lookup(std::string_view name) const {
    for (const Scope* s = this; s != nullptr; s = s->parent) {
      for (auto it = s->vars.rbegin(); it != s->vars.rend(); ++it) {
        if (it->first == name) return &it->second;
      }
    }
    return nullptr;
  }
};

// Where a traversal is inside a resource, so an attribute not configured becomes a Ref.
struct Origin {
  std::string target;
  std::vector<std::string> path;
};

std::optional<Origin> origin_of_object(const Value& v) {
  if (!v.is_map()) return std::nullopt;
  const Value* id = map_get(v.as_map(), "id");
  if (id == nullptr || !id->is_ref()) return std::nullopt;
  const value::Ref& ref = id->as_ref();
  if (ref.path.size() != 1 || ref.path[0] != "id") return std::nullopt;
  return Origin{ref.target, {}};
}

class Evaluator {
 public:
  Evaluator(source::SourceSet& sources, source::Diagnostics& diagnostics)
      : sources_(sources), diagnostics_(diagnostics) {}

  Evaluation run(const Inputs& inputs) {
    inputs_ = &inputs;
    cache_ = inputs.evaluation_cache;
    if (cache_ != nullptr) {
      run_ = ++cache_->runs;
      cache_->reused = cache_->evaluated = 0;
    }
    // Files come folder by folder: a folder's name is worked out once, not per file.
    std::string_view last_folder;
    std::string dir;
    for (source::FileId id : inputs.tf_files) {
      const std::string& path = sources_.file(id).path();
      const std::string_view folder = std::string_view(path).substr(0, path.rfind('/') + 1);
      if (dir.empty() || folder != last_folder) dir = dir_of(path);
      last_folder = folder;
      module_for(dir).files.push_back(id);
      result_.files.emplace_back(id, graph::Language::kTerraform);
    }
    for (auto& [dir, decl] : modules_) parse_module(*decl);

    // Folders another folder calls are evaluated through those calls only.
    std::set<std::string> called;
    std::vector<std::string> dirs;
    std::map<std::string, std::vector<std::string>> edges;
    for (auto& [dir, decl] : modules_) dirs.push_back(dir);
    for (const std::string& dir : dirs) {
      for (const auto& [name, block] : modules_[dir]->calls) {
        const std::string source = literal_source(*block);
        if (!is_local_source(source)) continue;
        const std::string target = normalize_dir(fs::path(dir) / source);
        if (target != dir && modules_.count(target)) {
          called.insert(target);
          edges[dir].push_back(target);
        }
      }
    }
    // Folders that only call each other (a cycle nobody enters) still get evaluated: the
    // first of them becomes a root.
    std::set<std::string> reached;
    auto reach = [&](const std::string& from) {
      std::vector<std::string> stack{from};
      while (!stack.empty()) {
        const std::string d = stack.back();
        stack.pop_back();
        if (!reached.insert(d).second) continue;
        for (const std::string& t : edges[d]) stack.push_back(t);
      }
    };
    for (const std::string& dir : dirs) {
      if (!called.count(dir)) reach(dir);
    }
    for (const std::string& dir : dirs) {
      if (reached.count(dir)) continue;
      called.erase(dir);
      reach(dir);
    }

    std::map<std::string, std::vector<source::FileId>> tfvars_by_dir;
    for (source::FileId id : inputs.tfvars_files) {
      tfvars_by_dir[dir_of(sources_.file(id).path())].push_back(id);
      result_.files.emplace_back(id, graph::Language::kTfvars);
    }
    std::vector<source::FileId> var_files;
    for (const std::string& path : inputs.var_files) {
      Diagnostic error;
      const auto id = sources_.load(path, &error);
      if (!id) {
        diagnostics_.push_back(std::move(error));
        continue;
      }
      var_files.push_back(*id);
      result_.files.emplace_back(*id, graph::Language::kTfvars);
    }

    // Several root modules may declare the same address: each is then qualified by its
    // folder ("envs/prod#azurerm_subnet.app"), as ARM addresses are by their file.
    const std::size_t root_count = static_cast<std::size_t>(std::count_if(
        dirs.begin(), dirs.end(), [&](const std::string& d) { return !called.count(d); }));
    for (const std::string& dir : dirs) {
      if (called.count(dir)) continue;
      auto root = std::make_unique<Instance>();
      if (root_count > 1) root->prefix = dir + "#";
      root->decl = modules_[dir].get();
      root->azurerm_major = root->decl->azurerm_major;
      root->root_dir = dir;
      apply_tfvars(*root, tfvars_by_dir[dir], var_files);
      begin_memo(*root, tfvars_by_dir[dir], var_files);
      emit(*root);
      end_memo();
      roots_.push_back(std::move(root));
    }
    if (cache_ != nullptr) {  // root modules gone since the last run
      std::erase_if(cache_->units,
                    [&](const auto& unit) { return memo_units_seen_.count(unit.first) == 0; });
    }
    return std::move(result_);
  }

 private:
  // ----- modules

  ModuleDecl& module_for(const std::string& dir) {
    auto& slot = modules_[dir];
    if (!slot) {
      slot = std::make_unique<ModuleDecl>();
      slot->dir = dir;
    }
    return *slot;
  }

  void parse_module(ModuleDecl& decl) {
    // By path, each looked up once: a module may have hundreds of files.
    std::vector<std::pair<std::string_view, source::FileId>> by_path;
    by_path.reserve(decl.files.size());
    for (source::FileId id : decl.files) by_path.emplace_back(sources_.file(id).path(), id);
    std::sort(by_path.begin(), by_path.end());
    for (std::size_t i = 0; i < by_path.size(); ++i) decl.files[i] = by_path[i].second;
    for (source::FileId id : decl.files) {
      decl.parsed.push_back(parsed(id));
      const ParsedFile& file = *decl.parsed.back();
      diagnostics_.insert(diagnostics_.end(), file.diagnostics.begin(), file.diagnostics.end());
      index_body(decl, file.body);
    }
  }

  std::shared_ptr<const ParsedFile> parsed(source::FileId id) {
    if (inputs_ != nullptr && inputs_->parsed != nullptr) {
      if (auto it = inputs_->parsed->find(id); it != inputs_->parsed->end()) return it->second;
    }
    return parse_file(sources_.file(id), id);
  }

  // Terraform refuses a second block of the same address; the first one is kept. Override
  // files (override.tf, *_override.tf) are merged by Terraform, so they are not reported.
  void report_duplicate(const Block& first, const Block& again) {
    const auto is_override = [&](const Block& block) {
      const std::string name = fs::path(sources_.file(block.span.file).path()).filename().string();
      return name == "override.tf" || name.ends_with("_override.tf");
    };
    if (is_override(first) || is_override(again)) return;
    std::string what = again.type;
    for (const std::string& label : again.labels) what += " \"" + label + "\"";
    const source::SourceFile& first_file = sources_.file(first.span.file);
    const source::LineColumn at = first_file.line_column(first.span.range.begin);
    // The header line of the repeated block: where the name that clashes is written.
    const source::SourceFile& file = sources_.file(again.span.file);
    const std::uint32_t line = file.line_index_of(again.span.range.begin);
    const std::uint32_t line_end =
        file.line_start(line) + static_cast<std::uint32_t>(file.line_text(line).size());
    diagnostics_.push_back(Diagnostic{
        DiagnosticKind::kSyntax,  // Terraform refuses the module: as invalid as a parse error
        fmt::format("duplicate {}: already declared at {}:{}:{}; this declaration is ignored", what,
                    first_file.path(), at.line, at.column),
        Span{again.span.file, {again.span.range.begin, std::min(line_end, again.span.range.end)}},
        {}});
  }

  void index_body(ModuleDecl& decl, const Body& body) {
    for (const Block& block : body.blocks) {
      const auto& l = block.labels;
      if (const auto want = expected_labels(block.type); want && l.size() != want->first) {
        diagnostics_.push_back(Diagnostic{
            DiagnosticKind::kSyntax,
            fmt::format("a {} block needs {}", block.type, want->second),
            Span{block.span.file,
                 {block.span.range.begin,
                  block.span.range.begin + static_cast<std::uint32_t>(block.type.size())}},
            {}});
        continue;
      }
      if (block.type == "resource" && l.size() == 2) {
        std::string key = l[0] + "." + l[1];
        if (auto [it, added] = decl.resource_index.emplace(key, &block); added) {
          decl.resources.emplace_back(key, &block);
        } else {
          report_duplicate(*it->second, block);
        }
      } else if (block.type == "data" && l.size() == 2) {
        std::string key = "data." + l[0] + "." + l[1];
        if (auto [it, added] = decl.resource_index.emplace(key, &block); added) {
          decl.resources.emplace_back(key, &block);
        } else {
          report_duplicate(*it->second, block);
        }
      } else if (block.type == "module" && l.size() == 1) {
        if (auto [it, added] = decl.call_index.emplace(l[0], &block); added) {
          decl.calls.emplace_back(l[0], &block);
        } else {
          report_duplicate(*it->second, block);
        }
      } else if (block.type == "variable" && l.size() == 1) {
        if (auto [it, added] = decl.variables.emplace(l[0], &block); !added) {
          report_duplicate(*it->second, block);
        }
      } else if (block.type == "output" && l.size() == 1) {
        if (auto [it, added] = decl.outputs.emplace(l[0], &block); !added) {
          report_duplicate(*it->second, block);
        }
      } else if (block.type == "locals") {
        for (const Attribute& a : block.body.attributes) decl.locals.emplace(a.name, &a);
      } else if (block.type == "terraform") {
        if (const Block* rp = block.body.block("required_providers")) {
          if (const Attribute* az = rp->body.attribute("azurerm")) {
            Scope scope;
            const Value v = eval(*az->expr, scope);
            const Value* version = v.is_map() ? map_get(v.as_map(), "version") : &v;
            if (version != nullptr && version->is_string()) {
              decl.azurerm_major = major_version(version->as_string());
            }
          }
        }
      }
    }
  }

  // Label count and wording of the top-level blocks that take labels.
  static std::optional<std::pair<std::size_t, std::string_view>> expected_labels(
      std::string_view type) {
    if (type == "resource" || type == "data") {
      return std::make_pair(std::size_t{2}, std::string_view("a type and a name label"));
    }
    if (type == "module" || type == "variable" || type == "output") {
      return std::make_pair(std::size_t{1}, std::string_view("one name label"));
    }
    return std::nullopt;
  }

  static int major_version(const std::string& constraint) {
    for (std::size_t i = 0; i < constraint.size(); ++i) {
      if (std::isdigit(static_cast<unsigned char>(constraint[i]))) {
        int major = 0;
        while (i < constraint.size() && std::isdigit(static_cast<unsigned char>(constraint[i]))) {
          major = major * 10 + (constraint[i++] - '0');
          if (major > 1000) break;
        }
        return major;
      }
    }
    return 0;
  }

  std::string literal_source(const Block& call) {
    const Attribute* a = call.body.attribute("source");
    if (a == nullptr || a->expr->kind != Expr::Kind::kLiteral || !a->expr->value.is_string()) {
      return {};
    }
    return a->expr->value.as_string();
  }

  // A local module folder not among the run's files is read from disk.
  const ModuleDecl* load_module_dir(const std::string& dir, const fs::path& root) {
    if (auto it = modules_.find(dir); it != modules_.end()) return it->second.get();
    if (loaded_dirs_.count(dir)) return nullptr;
    loaded_dirs_.insert(dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return nullptr;
    std::vector<std::string> paths;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".tf") continue;
      // A file linked from outside the repository root is not read, nor a link loop.
      if (std::string why = source::confinement_violation(root, entry.path()); !why.empty()) {
        diagnostics_.push_back(
            Diagnostic{DiagnosticKind::kIo, why, Span{}, entry.path().generic_string()});
        continue;
      }
      if (entry.is_regular_file(ec)) paths.push_back(entry.path().generic_string());
    }
    std::sort(paths.begin(), paths.end());
    if (paths.empty()) return nullptr;
    ModuleDecl& decl = module_for(dir);
    for (const std::string& path : paths) {
      Diagnostic error;
      const auto id = sources_.load(path, &error);
      if (!id) {
        diagnostics_.push_back(std::move(error));
        continue;
      }
      decl.files.push_back(*id);
      result_.files.emplace_back(*id, graph::Language::kTerraform);
    }
    parse_module(decl);
    return &decl;
  }

  // ----- variables

  void apply_tfvars(Instance& root, std::vector<source::FileId> automatic,
                    const std::vector<source::FileId>& var_files) {
    // terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in name order.
    auto rank = [&](source::FileId id) {
      const std::string name = fs::path(sources_.file(id).path()).filename().string();
      if (name == "terraform.tfvars") return std::make_pair(0, name);
      if (name == "terraform.tfvars.json") return std::make_pair(1, name);
      return std::make_pair(2, name);
    };
    std::sort(automatic.begin(), automatic.end(),
              [&](source::FileId a, source::FileId b) { return rank(a) < rank(b); });
    for (source::FileId id : automatic) read_tfvars(root, id);
    for (source::FileId id : var_files) read_tfvars(root, id);
  }

  void read_tfvars(Instance& root, source::FileId id) {
    const source::SourceFile& file = sources_.file(id);
    if (file.path().ends_with(".json")) {
      const Span whole{id, {file.content_begin(), static_cast<std::uint32_t>(file.text().size())}};
      const auto v = parse_json_value(file.text().substr(file.content_begin()), whole);
      if (!v || !v->is_map()) {
        diagnostics_.push_back(Diagnostic{
            DiagnosticKind::kSyntax, "a .tfvars.json file must hold a JSON object", whole, {}});
        return;
      }
      for (const auto& [k, item] : v->as_map()) root.root_values[k] = item;
      return;
    }
    const ParsedFile& parsed_file = *tfvars_files_.emplace_back(parsed(id));
    diagnostics_.insert(diagnostics_.end(), parsed_file.diagnostics.begin(),
                        parsed_file.diagnostics.end());
    const Body& body = parsed_file.body;
    Scope scope;
    for (const Attribute& a : body.attributes) {
      root.root_values[a.name] = eval(*a.expr, scope).with_span(a.span);
    }
  }

  // Converts a value to a variable's declared primitive type, as Terraform does.
  // Converts a value to a variable's declared type, as Terraform does: primitives convert,
  // and object attributes declared optional() that the value lacks get their default
  // (null unless given), through map/list/set/object nesting.
  Value convert_to_type(const Block& variable, Value v) {
    const Attribute* type = variable.body.attribute("type");
    if (type == nullptr) return v;
    return convert(*type->expr, std::move(v), 0);
  }

  Value convert(const Expr& type, Value v, int depth) {
    if (!v.is_concrete() || v.is_null() || depth > 32) return v;
    if (type.kind == Expr::Kind::kVariable) {
      const std::string& t = type.name;
      if (t == "string" && !v.is_string()) {
        if (auto s = to_terraform_string(v)) return Value::string(*s, v.span());
      } else if (t == "number" && v.is_string()) {
        if (auto n = to_terraform_number(v)) return Value::number(*n, v.span());
      } else if (t == "bool" && v.is_string()) {
        if (auto b = to_terraform_bool(v)) return Value::boolean(*b, v.span());
      }
      return v;
    }
    if (type.kind != Expr::Kind::kCall || type.operands.empty()) return v;
    const Expr& inner = *type.operands[0];
    if (type.name == "optional") return convert(inner, std::move(v), depth + 1);
    if ((type.name == "list" || type.name == "set") && v.is_list()) {
      List items;
      for (const Value& item : v.as_list()) items.push_back(convert(inner, item, depth + 1));
      return Value::list(std::move(items), v.span());
    }
    if (type.name == "map" && v.is_map()) {
      Map entries;
      for (const auto& [k, item] : v.as_map())
        entries.emplace_back(k, convert(inner, item, depth + 1));
      return Value::map(std::move(entries), v.span());
    }
    if (type.name == "object" && v.is_map() && inner.kind == Expr::Kind::kObject) {
      Map entries = v.as_map();
      for (const ObjectItem& item : inner.items) {
        if (item.key->kind != Expr::Kind::kLiteral || !item.key->value.is_string()) continue;
        const std::string& name = item.key->value.as_string();
        auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const auto& e) { return e.first == name; });
        if (it != entries.end()) {
          it->second = convert(*item.value, it->second, depth + 1);
          continue;
        }
        const Expr& attribute_type = *item.value;
        if (attribute_type.kind != Expr::Kind::kCall || attribute_type.name != "optional") continue;
        Value fallback = Value::null(v.span());
        if (attribute_type.operands.size() > 1) {
          Scope scope;
          fallback = convert(*attribute_type.operands[0], eval(*attribute_type.operands[1], scope),
                             depth + 1);
        }
        entries.emplace_back(name, std::move(fallback));
      }
      return Value::map(std::move(entries), v.span());
    }
    return v;
  }

  Value input(Instance& inst, const std::string& name, Span at) {
    const auto var = inst.decl->variables.find(name);
    if (var == inst.decl->variables.end()) {
      return error(fmt::format("reference to undeclared input variable '{}'", name), at);
    }
    const std::string memo_key = "variable:" + name;
    const bool memo = memoised(inst, memo_key);
    Slot& slot = inst.inputs[name];
    if (slot.state == State::kDone) return slot.value;
    if (slot.state == State::kBusy) return cycle("var." + name, at);
    if (memo && reuse_value(memo_key, slot)) return slot.value;
    slot.state = State::kBusy;
    if (memo) frames_.emplace_back();
    Value v;
    bool have = false;
    if (inst.parent == nullptr) {
      if (auto it = inst.root_values.find(name); it != inst.root_values.end()) {
        v = it->second;
        have = true;
      }
    } else if (const Attribute* a = inst.call->body.attribute(name)) {
      Scope scope{inst.parent, nullptr, inst.call_bindings};
      active_.push_back(inst.prefix + "var." + name);
      v = eval(*a->expr, scope);
      active_.pop_back();
      have = true;
    }
    if (!have) {
      if (const Attribute* d = var->second->body.attribute("default")) {
        Scope scope;
        v = eval(*d->expr, scope);
      } else {
        v = Value::unknown(fmt::format("input variable '{}' has no value", name),
                           var->second->span);
      }
    }
    slot.value = convert_to_type(*var->second, v);
    slot.state = State::kDone;
    if (memo) keep_value(memo_key, var->second->span, slot.value);
    return slot.value;
  }

  Value local(Instance& inst, const std::string& name, Span at) {
    const auto decl = inst.decl->locals.find(name);
    if (decl == inst.decl->locals.end()) {
      return error(fmt::format("reference to undeclared local value '{}'", name), at);
    }
    const std::string memo_key = "local:" + name;
    const bool memo = memoised(inst, memo_key);
    Slot& slot = inst.locals[name];
    if (slot.state == State::kDone) return slot.value;
    if (slot.state == State::kBusy) return cycle(inst.prefix + "local." + name, decl->second->span);
    if (memo && reuse_value(memo_key, slot)) return slot.value;
    slot.state = State::kBusy;
    if (memo) frames_.emplace_back();
    active_.push_back(inst.prefix + "local." + name);
    Scope scope{&inst, nullptr, {}};
    Value v = eval(*decl->second->expr, scope);
    active_.pop_back();
    Slot& done = inst.locals[name];
    done.value = v;
    done.state = State::kDone;
    if (memo) keep_value(memo_key, decl->second->span, v);
    return v;
  }

  Value output(Instance& inst, const std::string& name, Span at) {
    const auto decl = inst.decl->outputs.find(name);
    if (decl == inst.decl->outputs.end()) {
      return error(fmt::format("module has no output '{}'", name), at);
    }
    Slot& slot = inst.outputs[name];
    if (slot.state == State::kDone) return slot.value;
    if (slot.state == State::kBusy) return cycle(inst.prefix + "output." + name, at);
    slot.state = State::kBusy;
    active_.push_back(inst.prefix + "output." + name);
    Value v;
    if (const Attribute* a = decl->second->body.attribute("value")) {
      Scope scope{&inst, nullptr, {}};
      v = eval(*a->expr, scope);
    }
    active_.pop_back();
    Slot& done = inst.outputs[name];
    done.value = v;
    done.state = State::kDone;
    return v;
  }

  Value all_outputs(Instance& inst, Span at) {
    Map out;
    for (const auto& [name, block] : inst.decl->outputs)
      out.emplace_back(name, output(inst, name, at));
    return Value::map(std::move(out), at);
  }

  // ----- diagnostics

  Value error(std::string reason, Span at) {
    taint();
    ++errors_;
    return Value::unknown(std::move(reason), at);
  }

  // A reference back to something being evaluated: reported once, naming the cycle.
  Value cycle(const std::string& what, Span at) {
    std::string chain;
    auto it = std::find(active_.begin(), active_.end(), what);
    for (; it != active_.end(); ++it) chain += *it + " → ";
    chain += what;
    taint();
    if (reported_cycles_.insert(what).second) {
      diagnostics_.push_back(Diagnostic{
          DiagnosticKind::kEvaluation, fmt::format("reference cycle: {}", chain), at, {}});
    }
    return Value::unknown(fmt::format("reference cycle: {}", chain), at);
  }

  void report(DiagnosticKind kind, std::string message, Span at) {
    taint();
    diagnostics_.push_back(Diagnostic{kind, std::move(message), at, {}});
  }

  // ----- repetition

  // Expands count / for_each of a block body; `label` names the block in messages.
  // One instance with an unknown key: what a repetition that cannot be expanded becomes.
  static std::vector<Repeat> unknown_repetition(Repetition k) {
    Repeat r;
    r.suffix = "[*]";
    r.key = Value::unknown("the repetition key is not known offline");
    if (k == Repetition::kCount) {
      r.bindings.emplace_back("count", Value::map({{"index", r.key}}));
    } else {
      r.bindings.emplace_back("each", Value::map({{"key", r.key}, {"value", r.key}}));
    }
    std::vector<Repeat> out;
    out.push_back(std::move(r));
    return out;
  }

  // Expands count / for_each within the limit of instances per root module.
  std::vector<Repeat> repetitions(const Body& body, const Scope& scope, Repetition* kind,
                                  const std::string& label) {
    std::vector<Repeat> out = expand_repetitions(body, scope, kind, label);
    if (*kind != Repetition::kCount && *kind != Repetition::kForEach) return out;
    unit_instances_ += out.size();
    if (unit_instances_ <= source::kMaxInstancesPerUnit) return out;
    const Attribute* where = body.attribute(*kind == Repetition::kCount ? "count" : "for_each");
    report(DiagnosticKind::kEvaluation,
           fmt::format("{} brings the instances of the root module to more than the limit of {}; "
                       "evaluated as one instance with an unknown key",
                       label, source::kMaxInstancesPerUnit),
           where != nullptr ? where->span : Span{});
    unit_instances_ -= out.size() - 1;
    unit_limit_reached_ = true;
    const Repetition k = *kind;
    *kind = Repetition::kUnknown;
    return unknown_repetition(k);
  }

  // Expands count / for_each of a block body; `label` names the block in messages.
  std::vector<Repeat> expand_repetitions(const Body& body, const Scope& scope, Repetition* kind,
                                         const std::string& label) {
    std::vector<Repeat> out;
    const Attribute* count = body.attribute("count");
    const Attribute* for_each = body.attribute("for_each");
    auto unknown_one = [&](Repetition k) {
      *kind = Repetition::kUnknown;
      Repeat r;
      r.suffix = "[*]";
      r.key = Value::unknown("the repetition key is not known offline");
      if (k == Repetition::kCount) {
        r.bindings.emplace_back("count", Value::map({{"index", r.key}}));
      } else {
        r.bindings.emplace_back("each", Value::map({{"key", r.key}, {"value", r.key}}));
      }
      out.push_back(std::move(r));
      return out;
    };
    auto too_many = [&](std::size_t n, const Attribute& a, Repetition k) {
      report(DiagnosticKind::kEvaluation,
             fmt::format("{} expands to {} instances, more than the limit of {}; evaluated as one "
                         "instance with an unknown key",
                         label, n, kMaxInstancesPerBlock),
             a.span);
      return unknown_one(k);
    };
    if (count != nullptr) {
      *kind = Repetition::kCount;
      const Value n = eval(*count->expr, scope);
      if (!n.is_concrete()) return unknown_one(Repetition::kCount);
      const auto number = to_terraform_number(n);
      if (!number || *number < 0 || std::floor(*number) != *number) {
        report(DiagnosticKind::kEvaluation,
               fmt::format("count must be a whole number, got {}", n.to_display()), count->span);
        return unknown_one(Repetition::kCount);
      }
      if (*number > kMaxInstancesPerBlock) {
        return too_many(static_cast<std::size_t>(*number), *count, Repetition::kCount);
      }
      for (int i = 0; i < static_cast<int>(*number); ++i) {
        Repeat r;
        r.suffix = fmt::format("[{}]", i);
        r.key = Value::number(i);
        r.bindings.emplace_back("count", Value::map({{"index", r.key}}));
        out.push_back(std::move(r));
      }
      return out;
    }
    if (for_each != nullptr) {
      *kind = Repetition::kForEach;
      const Value v = eval(*for_each->expr, scope);
      if (!v.is_concrete()) return unknown_one(Repetition::kForEach);
      if (v.is_map()) {
        if (v.as_map().size() > static_cast<std::size_t>(kMaxInstancesPerBlock)) {
          return too_many(v.as_map().size(), *for_each, Repetition::kForEach);
        }
        std::vector<const std::pair<std::string, Value>*> entries;
        for (const auto& e : v.as_map()) entries.push_back(&e);
        std::sort(entries.begin(), entries.end(),
                  [](const auto* a, const auto* b) { return a->first < b->first; });
        for (const auto* e : entries) {
          Repeat r;
          r.suffix = quote_key(e->first);
          r.key = Value::string(e->first);
          r.bindings.emplace_back("each", Value::map({{"key", r.key}, {"value", e->second}}));
          out.push_back(std::move(r));
        }
        return out;
      }
      if (v.is_list()) {
        if (v.as_list().size() > static_cast<std::size_t>(kMaxInstancesPerBlock)) {
          return too_many(v.as_list().size(), *for_each, Repetition::kForEach);
        }
        std::vector<std::string> keys;
        for (const Value& item : v.as_list()) {
          if (!item.is_concrete()) return unknown_one(Repetition::kForEach);
          const auto s = to_terraform_string(item);
          if (!s) {
            report(DiagnosticKind::kEvaluation,
                   "for_each over a list must hold strings (a set of strings) or be a map",
                   for_each->span);
            return unknown_one(Repetition::kForEach);
          }
          if (std::find(keys.begin(), keys.end(), *s) == keys.end()) keys.push_back(*s);
        }
        std::sort(keys.begin(), keys.end());
        for (const std::string& k : keys) {
          Repeat r;
          r.suffix = quote_key(k);
          r.key = Value::string(k);
          r.bindings.emplace_back("each", Value::map({{"key", r.key}, {"value", r.key}}));
          out.push_back(std::move(r));
        }
        return out;
      }
      if (v.is_null()) return out;
      report(DiagnosticKind::kEvaluation,
             fmt::format("for_each must be a map or a set of strings, got {}", v.to_display()),
             for_each->span);
      return unknown_one(Repetition::kForEach);
    }
    *kind = Repetition::kSingle;
    out.emplace_back();
    return out;
  }

  // ----- resources

  ResourceSlot* resource(Instance& inst, const std::string& key, Span at) {
    const auto decl = inst.decl->resource_index.find(key);
    if (decl == inst.decl->resource_index.end()) return nullptr;
    const std::string memo_key = "resource:" + key;
    const bool memo = memoised(inst, memo_key);
    ResourceSlot& slot = inst.resources[key];
    if (slot.state == State::kDone) return &slot;
    if (slot.state == State::kBusy) {
      cycle(inst.prefix + key, at);
      return nullptr;
    }
    if (memo) {
      if (const auto cached = reusable(memo_key)) {
        restore(slot, *cached);
        return &slot;
      }
      frames_.emplace_back();
    }
    slot.state = State::kBusy;
    active_.push_back(inst.prefix + key);
    const Block& block = *decl->second;
    const std::string base = inst.prefix + key;
    Scope scope{&inst, nullptr, {}};
    Repetition repetition = Repetition::kSingle;
    std::vector<Repeat> repeats = repetitions(block.body, scope, &repetition, base);
    std::vector<ResourceInstance> instances;
    for (Repeat& r : repeats) {
      Scope body_scope{&inst, nullptr, std::move(r.bindings)};
      ResourceInstance ri;
      ri.address = base + r.suffix;
      ri.key = r.key;
      ri.arguments = eval_body(block.body, body_scope, block.span, /*resource_level=*/true);
      Map object = ri.arguments.as_map();
      if (map_get(object, "id") == nullptr) {
        object.emplace_back("id", Value::ref(value::Ref{ri.address, {"id"}}, block.span));
      }
      ri.object = Value::map(std::move(object), block.span);
      instances.push_back(std::move(ri));
    }
    active_.pop_back();
    ResourceSlot& done = inst.resources[key];
    done.repetition = repetition;
    done.instances = std::make_shared<const std::vector<ResourceInstance>>(std::move(instances));
    switch (repetition) {
      case Repetition::kSingle: done.whole = done.all_instances().front().object; break;
      case Repetition::kCount: {
        List items;
        for (const auto& ri : done.all_instances()) items.push_back(ri.object);
        done.whole = Value::list(std::move(items), block.span);
        break;
      }
      case Repetition::kForEach: {
        Map items;
        for (const auto& ri : done.all_instances()) {
          items.emplace_back(ri.key.as_string(), ri.object);
        }
        done.whole = Value::map(std::move(items), block.span);
        break;
      }
      case Repetition::kUnknown:
        done.whole = Value::unknown(fmt::format("the instances of {} are not known offline", base),
                                    block.span);
        break;
    }
    done.state = State::kDone;
    if (memo) {
      if (auto entry = finish_frame(block.span)) {
        entry->repetition = static_cast<int>(done.repetition);
        entry->instances = done.instances;
        entry->whole = done.whole;
        keep(memo_key, std::move(entry));
      }
    }
    return &done;
  }

  // Evaluates a block body: attributes as values (span = the attribute), nested blocks as
  // lists of maps under their type, dynamic blocks expanded.
  Value eval_body(const Body& body, const Scope& scope, Span span, bool resource_level) {
    Map out;
    for (const Attribute& a : body.attributes) {
      if (resource_level && is_resource_meta(a.name)) continue;
      Value v = eval(*a.expr, scope);
      // An argument set to null is not set (Terraform semantics: the provider default or a
      // computed value applies).
      if (v.is_null()) continue;
      out.emplace_back(a.name, v.with_span(a.span));
    }
    std::vector<std::pair<std::string, List>> blocks;
    auto list_for = [&](const std::string& type) -> List& {
      for (auto& [t, l] : blocks) {
        if (t == type) return l;
      }
      return blocks.emplace_back(type, List{}).second;
    };
    for (const Block& b : body.blocks) {
      if (resource_level && is_resource_meta_block(b.type)) continue;
      if (b.type == "dynamic" && b.labels.size() == 1) {
        expand_dynamic(b, scope, list_for(b.labels[0]));
        continue;
      }
      list_for(b.type).push_back(eval_body(b.body, scope, b.span, false));
    }
    for (auto& [type, items] : blocks) {
      Span list_span = items.empty() ? span : items.front().span();
      if (!items.empty()) list_span.range.end = items.back().span().range.end;
      out.emplace_back(type, Value::list(std::move(items), list_span));
    }
    return Value::map(std::move(out), span);
  }

  void expand_dynamic(const Block& dynamic, const Scope& scope, List& into) {
    const Block* content = dynamic.body.block("content");
    if (content == nullptr) return;
    std::string iterator = dynamic.labels[0];
    if (const Attribute* it = dynamic.body.attribute("iterator")) {
      if (it->expr->kind == Expr::Kind::kVariable) iterator = it->expr->name;
    }
    const Attribute* for_each = dynamic.body.attribute("for_each");
    if (for_each == nullptr) return;
    const Value collection = eval(*for_each->expr, scope);
    auto add = [&](Value key, Value value) {
      Scope inner{scope.instance, &scope, {}};
      inner.vars.emplace_back(iterator,
                              Value::map({{"key", std::move(key)}, {"value", std::move(value)}}));
      Value item = eval_body(content->body, inner, dynamic.span, false);
      into.push_back(std::move(item));
    };
    if (!collection.is_concrete()) {
      const Value unknown = Value::unknown("the dynamic block's for_each is not known offline");
      add(unknown, unknown);
      return;
    }
    if (collection.is_list()) {
      const List& l = collection.as_list();
      if (l.size() > static_cast<std::size_t>(kMaxInstancesPerBlock)) {
        report(DiagnosticKind::kEvaluation, "dynamic block expands to too many blocks",
               for_each->span);
        return;
      }
      for (std::size_t i = 0; i < l.size(); ++i) {
        add(l[i].is_string() ? l[i] : Value::number(static_cast<double>(i)), l[i]);
      }
    } else if (collection.is_map()) {
      for (const auto& [k, v] : collection.as_map()) add(Value::string(k), v);
    }
  }

  // ----- module calls

  CallSlot* call(Instance& inst, const std::string& name, Span at) {
    const auto decl = inst.decl->call_index.find(name);
    if (decl == inst.decl->call_index.end()) return nullptr;
    CallSlot& slot = inst.calls[name];
    if (slot.state == State::kDone) return &slot;
    if (slot.state == State::kBusy) {
      cycle(inst.prefix + "module." + name, at);
      return nullptr;
    }
    slot.state = State::kBusy;
    const Block& block = *decl->second;
    const Attribute* source_attr = block.body.attribute("source");
    Scope scope{&inst, nullptr, {}};
    const Value source_value = source_attr ? eval(*source_attr->expr, scope) : Value();
    const std::string source = source_value.is_string() ? source_value.as_string() : "";
    const Span where = source_attr ? source_attr->span : block.span;
    const ModuleDecl* target = nullptr;
    if (!is_local_source(source)) {
      if (reported_remote_.insert(source).second) {
        report(
            DiagnosticKind::kUnsupported,
            fmt::format("remote module source '{}' is not followed (ztlint never fetches)", source),
            where);
      }
      slot.unavailable =
          Value::unknown(fmt::format("outputs of remote module '{}'", source), where);
    } else {
      const std::string dir = normalize_dir(fs::path(inst.decl->dir) / source);
      bool recursive = false;
      for (const Instance* a = &inst; a != nullptr; a = a->parent) recursive |= a->decl->dir == dir;
      if (recursive) {
        report(DiagnosticKind::kEvaluation,
               fmt::format("module '{}' includes itself through source '{}'; not evaluated", name,
                           source),
               where);
        slot.unavailable = Value::unknown("a module that includes itself", where);
      } else if (std::string why = source::confinement_violation(unit_root(inst), dir);
                 !why.empty()) {
        report(DiagnosticKind::kIo, fmt::format("module '{}' is not read: {}", name, why), where);
        slot.unavailable = Value::unknown("a module outside the repository root", where);
      } else if (inst.depth + 1 > kMaxModuleDepth) {
        report(DiagnosticKind::kEvaluation,
               fmt::format("module '{}' is nested deeper than {} levels; not evaluated", name,
                           kMaxModuleDepth),
               where);
        slot.unavailable = Value::unknown("module nesting too deep", where);
      } else {
        target = load_module_dir(dir, unit_root(inst));
        if (target == nullptr) {
          report(DiagnosticKind::kEvaluation,
                 fmt::format("module source '{}' has no .tf files ({})", source, dir), where);
          slot.unavailable = Value::unknown("a module without files", where);
        }
      }
    }
    std::vector<std::pair<Value, std::unique_ptr<Instance>>> children;
    Repetition repetition = Repetition::kSingle;
    if (target != nullptr) {
      active_.push_back(inst.prefix + "module." + name);
      std::vector<Repeat> repeats =
          repetitions(block.body, scope, &repetition, inst.prefix + "module." + name);
      active_.pop_back();
      for (Repeat& r : repeats) {
        auto child = std::make_unique<Instance>();
        child->decl = target;
        child->prefix = inst.prefix + "module." + name + r.suffix + ".";
        child->parent = &inst;
        child->call = &block;
        child->call_bindings = std::move(r.bindings);
        child->depth = inst.depth + 1;
        child->azurerm_major = inst.azurerm_major != 0 ? inst.azurerm_major : target->azurerm_major;
        child->root_dir = inst.root_dir;
        children.emplace_back(r.key, std::move(child));
      }
    }
    CallSlot& done = inst.calls[name];
    done.repetition = repetition;
    done.children = std::move(children);
    done.state = State::kDone;
    return &done;
  }

  // ----- output

  void emit(Instance& inst) {
    if (inst.parent == nullptr) begin_unit(inst);
    for (const auto& [key, block] : inst.decl->resources) {
      ResourceSlot* slot = resource(inst, key, block->span);
      if (slot == nullptr) continue;
      const bool data = block->type == "data";
      for (const ResourceInstance& ri : slot->all_instances()) {
        EvaluatedResource out;
        out.is_data_source = data;
        out.type = block->labels[0];
        out.address = ri.address;
        out.arguments = ri.arguments;
        out.range = block->span;
        out.azurerm_major_version = inst.azurerm_major;
        result_.resources.push_back(std::move(out));
      }
    }
    for (const auto& [name, block] : inst.decl->calls) {
      CallSlot* slot = call(inst, name, block->span);
      if (slot == nullptr) continue;
      for (auto& [key, child] : slot->children) emit(*child);
    }
  }

  // ----- expressions

  struct DepthGuard {
    explicit DepthGuard(int& d) : depth(d) { ++depth; }
    ~DepthGuard() { --depth; }
    int& depth;
  };

 public:
  Value eval(const Expr& e, const Scope& scope) {
    DepthGuard guard(depth_);
    if (depth_ > kMaxEvaluationDepth) {
      taint();
      if (!depth_reported_) {
        depth_reported_ = true;
        report(DiagnosticKind::kEvaluation,
               fmt::format("evaluation nested deeper than {} levels; the value is unknown",
                           kMaxEvaluationDepth),
               e.span);
      }
      return Value::unknown("evaluation nested too deeply", e.span);
    }
    if (deadline_.expired()) return out_of_time(e.span);
    switch (e.kind) {
      case Expr::Kind::kLiteral: return e.value;
      case Expr::Kind::kTemplate: return eval_template(e, scope);
      case Expr::Kind::kVariable: return eval_traversal(e, {}, scope);
      case Expr::Kind::kTraversal:
        if (e.operands[0]->kind == Expr::Kind::kVariable) {
          return eval_traversal(*e.operands[0], e.steps, scope, e.span);
        }
        return apply_steps(eval(*e.operands[0], scope), std::nullopt, e.steps, scope, e.span);
      case Expr::Kind::kTuple: {
        List items;
        for (const auto& op : e.operands) items.push_back(eval(*op, scope));
        return Value::list(std::move(items), e.span);
      }
      case Expr::Kind::kObject: {
        Map entries;
        for (const ObjectItem& item : e.items) {
          const Value k = eval(*item.key, scope);
          const auto key = to_terraform_string(k);
          if (!key) return Value::unknown("an object key is not known offline", e.span);
          Value v = eval(*item.value, scope);
          auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const auto& x) { return x.first == *key; });
          if (it != entries.end()) {
            it->second = std::move(v);
          } else {
            entries.emplace_back(*key, std::move(v));
          }
        }
        return Value::map(std::move(entries), e.span);
      }
      case Expr::Kind::kCall: return eval_call(e, scope);
      case Expr::Kind::kConditional: {
        const Value c = eval(*e.operands[0], scope);
        if (!c.is_concrete()) return Value::unknown("the condition is not known offline", e.span);
        const auto b = to_terraform_bool(c);
        if (!b) return error("the condition is not a bool", e.span);
        return eval(*e.operands[*b ? 1 : 2], scope);
      }
      case Expr::Kind::kBinary: return eval_binary(e, scope);
      case Expr::Kind::kUnary: {
        const Value v = eval(*e.operands[0], scope);
        if (!v.is_concrete()) return Value::unknown("operand not known offline", e.span);
        if (e.op == "!") {
          const auto b = to_terraform_bool(v);
          if (!b) return error("'!' needs a bool", e.span);
          return Value::boolean(!*b, e.span);
        }
        const auto n = to_terraform_number(v);
        if (!n) return error("'-' needs a number", e.span);
        return Value::number(-*n, e.span);
      }
      case Expr::Kind::kFor: return eval_for(e, scope);
      case Expr::Kind::kInvalid: return Value::unknown("the expression did not parse", e.span);
    }
    return Value::unknown("unsupported expression", e.span);
  }

 private:
  Value eval_binary(const Expr& e, const Scope& scope) {
    const Value a = eval(*e.operands[0], scope);
    const Value b = eval(*e.operands[1], scope);
    const std::string& op = e.op;
    if (op == "&&" || op == "||") {
      // -1: not a known bool.
      auto tri = [](const Value& v) {
        const auto b = v.is_concrete() ? to_terraform_bool(v) : std::nullopt;
        return b.has_value() ? static_cast<int>(b.value()) : -1;
      };
      const int x = tri(a), y = tri(b);
      // false && unknown is false; true || unknown is true.
      if (op == "&&" && (x == 0 || y == 0)) return Value::boolean(false, e.span);
      if (op == "||" && (x == 1 || y == 1)) return Value::boolean(true, e.span);
      if (!a.is_concrete() || !b.is_concrete())
        return Value::unknown("operand not known offline", e.span);
      if (x < 0 || y < 0) return error(fmt::format("'{}' needs bools", op), e.span);
      return Value::boolean(op == "&&" ? (x && y) : (x || y), e.span);
    }
    if (op == "==" || op == "!=") {
      if (!fully_known(a, false) || !fully_known(b, false)) {
        return Value::unknown("operand not known offline", e.span);
      }
      if ((a.is_ref() || b.is_ref()) && !(a.is_ref() && b.is_ref())) {
        return Value::unknown("a computed attribute compared offline", e.span);
      }
      const bool equal = terraform_equal(a, b);
      return Value::boolean(op == "==" ? equal : !equal, e.span);
    }
    if (!a.is_concrete() || !b.is_concrete())
      return Value::unknown("operand not known offline", e.span);
    const auto x = to_terraform_number(a), y = to_terraform_number(b);
    if (!x || !y) return error(fmt::format("'{}' needs numbers", op), e.span);
    if (op == "+") return Value::number(*x + *y, e.span);
    if (op == "-") return Value::number(*x - *y, e.span);
    if (op == "*") return Value::number(*x * *y, e.span);
    if (op == "/") {
      if (*y == 0) return error("division by zero", e.span);
      return Value::number(*x / *y, e.span);
    }
    if (op == "%") {
      if (*y == 0) return error("modulo by zero", e.span);
      return Value::number(std::fmod(*x, *y), e.span);
    }
    if (op == "<") return Value::boolean(*x < *y, e.span);
    if (op == ">") return Value::boolean(*x > *y, e.span);
    if (op == "<=") return Value::boolean(*x <= *y, e.span);
    if (op == ">=") return Value::boolean(*x >= *y, e.span);
    return error(fmt::format("unknown operator '{}'", op), e.span);
  }

  Value eval_for(const Expr& e, const Scope& scope) {
    const Value collection = eval(*e.operands[0], scope);
    if (!collection.is_concrete())
      return Value::unknown("the collection is not known offline", e.span);
    std::vector<std::pair<Value, Value>> elements;
    if (collection.is_list()) {
      const List& l = collection.as_list();
      for (std::size_t i = 0; i < l.size(); ++i) {
        elements.emplace_back(Value::number(static_cast<double>(i)), l[i]);
      }
    } else if (collection.is_map()) {
      std::vector<const std::pair<std::string, Value>*> entries;
      for (const auto& entry : collection.as_map()) entries.push_back(&entry);
      std::sort(entries.begin(), entries.end(),
                [](const auto* a, const auto* b) { return a->first < b->first; });
      for (const auto* entry : entries)
        elements.emplace_back(Value::string(entry->first), entry->second);
    } else if (collection.is_null()) {
      return error("a for expression over null", e.span);
    } else {
      return error("a for expression needs a list, set, map or object", e.span);
    }
    const Expr* key_expr = e.operands[1].get();
    const Expr* value_expr = e.operands[2].get();
    const Expr* cond_expr = e.operands[3].get();
    List items;
    Map entries;
    std::vector<std::pair<std::string, List>> groups;
    for (auto& [k, v] : elements) {
      Scope inner{scope.instance, &scope, {}};
      if (!e.key_var.empty()) inner.vars.emplace_back(e.key_var, k);
      inner.vars.emplace_back(e.name, v);
      if (cond_expr != nullptr) {
        const Value c = eval(*cond_expr, inner);
        if (!c.is_concrete()) return Value::unknown("a for condition is not known offline", e.span);
        const auto b = to_terraform_bool(c);
        if (!b) return error("a for condition must be a bool", e.span);
        if (!*b) continue;
      }
      if (!e.is_object) {
        items.push_back(eval(*value_expr, inner));
        continue;
      }
      const Value key_value = eval(*key_expr, inner);
      const auto key = key_value.is_concrete() ? to_terraform_string(key_value) : std::nullopt;
      if (!key) return Value::unknown("a for key is not known offline", e.span);
      Value item = eval(*value_expr, inner);
      if (e.grouping) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == *key; });
        if (it == groups.end()) {
          groups.emplace_back(*key, List{std::move(item)});
        } else {
          it->second.push_back(std::move(item));
        }
      } else {
        if (map_get(entries, *key) != nullptr) {
          return error(
              fmt::format("duplicate key \"{}\" in a for expression (use ... to group)", *key),
              e.span);
        }
        entries.emplace_back(*key, std::move(item));
      }
    }
    if (!e.is_object) return Value::list(std::move(items), e.span);
    if (e.grouping) {
      for (auto& [k, l] : groups) entries.emplace_back(k, Value::list(std::move(l), e.span));
    }
    return Value::map(std::move(entries), e.span);
  }

  Value eval_template(const Expr& e, const Scope& scope) {
    // A lone interpolation keeps its value's type.
    if (e.parts.size() == 1 && e.parts[0].kind == TemplatePart::Kind::kInterpolation) {
      return eval(*e.parts[0].expr, scope);
    }
    std::string out;
    std::optional<Value> unknown;
    render_parts(e.parts, scope, out, unknown, e.span);
    if (unknown) return *unknown;
    if (out.size() > source::kMaxStringBytes) {
      report(DiagnosticKind::kEvaluation,
             fmt::format("the template built a string longer than the limit of {} bytes; the "
                         "value is unknown",
                         source::kMaxStringBytes),
             e.span);
      return Value::unknown("a string beyond the size limit", e.span);
    }
    return Value::string(std::move(out), e.span);
  }

  void render_parts(const std::vector<TemplatePart>& parts, const Scope& scope, std::string& out,
                    std::optional<Value>& unknown, Span span) {
    for (const TemplatePart& part : parts) {
      if (unknown) return;
      if (out.size() > source::kMaxStringBytes) {
        report(DiagnosticKind::kEvaluation,
               fmt::format("the template built a string longer than the limit of {} bytes; the "
                           "value is unknown",
                           source::kMaxStringBytes),
               span);
        unknown = Value::unknown("a string beyond the size limit", span);
        return;
      }
      switch (part.kind) {
        case TemplatePart::Kind::kLiteral: out += part.text; break;
        case TemplatePart::Kind::kInterpolation: {
          const Value v = eval(*part.expr, scope);
          if (!v.is_concrete()) {
            unknown =
                Value::unknown(v.is_ref() ? "interpolates an attribute known only after deployment"
                                          : "interpolates a value not known offline",
                               span);
            return;
          }
          const auto s = to_terraform_string(v);
          if (!s) {
            unknown = error(fmt::format("cannot interpolate {}", v.to_display()), span);
            return;
          }
          out += *s;
          break;
        }
        case TemplatePart::Kind::kIf: {
          const Value c = eval(*part.expr, scope);
          if (!c.is_concrete()) {
            unknown = Value::unknown("a template condition is not known offline", span);
            return;
          }
          const auto b = to_terraform_bool(c);
          if (!b) {
            unknown = error("a template condition must be a bool", span);
            return;
          }
          render_parts(*b ? part.then_parts : part.else_parts, scope, out, unknown, span);
          break;
        }
        case TemplatePart::Kind::kFor: {
          const Value c = eval(*part.expr, scope);
          if (!c.is_concrete()) {
            unknown = Value::unknown("a template loop is not known offline", span);
            return;
          }
          auto each = [&](Value k, Value v) {
            Scope inner{scope.instance, &scope, {}};
            if (!part.key_var.empty()) inner.vars.emplace_back(part.key_var, std::move(k));
            inner.vars.emplace_back(part.value_var, std::move(v));
            render_parts(part.then_parts, inner, out, unknown, span);
          };
          if (c.is_list()) {
            const List& l = c.as_list();
            for (std::size_t i = 0; i < l.size() && !unknown; ++i)
              each(Value::number(static_cast<double>(i)), l[i]);
          } else if (c.is_map()) {
            for (const auto& [k, v] : c.as_map()) {
              if (unknown) break;
              each(Value::string(k), v);
            }
          } else {
            unknown = error("a template loop needs a collection", span);
          }
          break;
        }
      }
    }
  }

  Value eval_call(const Expr& e, const Scope& scope) {
    if (e.name == "try" || e.name == "can") {
      for (const auto& op : e.operands) {
        const int before = errors_;
        const Value v = eval(*op, scope);
        const bool failed = errors_ != before;
        errors_ = before;
        if (e.name == "can") {
          if (failed) return Value::boolean(false, e.span);
          if (!fully_known(v, false))
            return Value::unknown("can() of a value not known offline", e.span);
          return Value::boolean(true, e.span);
        }
        if (failed) continue;
        if (!fully_known(v, false))
          return Value::unknown("try() of a value not known offline", e.span);
        return v;
      }
      if (e.name == "can") return Value::boolean(false, e.span);
      return error("try(): no argument succeeded", e.span);
    }
    List args;
    for (const auto& op : e.operands) args.push_back(eval(*op, scope));
    if (e.expand_last && !args.empty()) {
      Value last = args.back();
      args.pop_back();
      if (!last.is_concrete())
        return Value::unknown("expanded arguments not known offline", e.span);
      if (!last.is_list()) return error("only a list can be expanded with ...", e.span);
      for (const Value& v : last.as_list()) args.push_back(v);
    }
    const FunctionSpec* spec = find_function(e.name);
    if (spec == nullptr) {
      const bool offline_unknown =
          std::find(std::begin(kOfflineUnknownFunctions), std::end(kOfflineUnknownFunctions),
                    e.name) != std::end(kOfflineUnknownFunctions);
      check_file_argument(e, args, scope.instance);
      // Reported once per run: a cached evaluation would not report it again.
      if (!offline_unknown) taint();
      if (!offline_unknown && reported_functions_.insert(e.name).second) {
        report(DiagnosticKind::kUnsupported,
               fmt::format("function '{}' is not supported; its result is unknown", e.name),
               e.span);
      }
      return Value::unknown(fmt::format("{}() is not evaluated offline", e.name), e.span);
    }
    CallContext context;
    context.span = e.span;
    context.errors = &errors_;
    Instance* inst = scope.instance;
    context.read_file = [this, inst, span = e.span](const std::string& path, std::string* why) {
      return read_local_file(inst, path, why, span);
    };
    context.render = [this, inst](const std::string& text, const Value& vars) {
      return render_template_file(inst, text, vars);
    };
    Value result = call_function(*spec, args, context);
    if (!context.limit_exceeded.empty()) {
      report(DiagnosticKind::kEvaluation, context.limit_exceeded + "; the value is unknown",
             e.span);
    }
    return result;
  }

  // Functions that name a file are not evaluated offline, but a path that leaves the
  // repository root is refused all the same: a clear error where it is written.
  void check_file_argument(const Expr& e, const std::vector<Value>& args, Instance* inst) {
    static constexpr std::string_view kFileFunctions[] = {
        "filebase64", "filebase64sha256", "filebase64sha512", "fileexists", "filemd5",
        "fileset",    "filesha1",         "filesha256",       "filesha512"};
    if (inst == nullptr || args.empty() || !args[0].is_string() ||
        std::find(std::begin(kFileFunctions), std::end(kFileFunctions), e.name) ==
            std::end(kFileFunctions)) {
      return;
    }
    taint();  // the answer depends on the disk
    if (std::string why = source::confinement_violation(unit_root(*inst), args[0].as_string());
        !why.empty()) {
      report(DiagnosticKind::kIo, fmt::format("{}(): {}", e.name, why), e.span);
    }
  }

  // file()/templatefile(): only files inside the repository of the root module.
  std::optional<std::string> read_local_file(Instance* inst, const std::string& path,
                                             std::string* why, Span at) {
    taint();  // the file may change without the module changing
    if (inst == nullptr) {
      *why = "file() outside a module";
      return std::nullopt;
    }
    std::error_code ec;
    if (std::string violation = source::confinement_violation(unit_root(*inst), path);
        !violation.empty()) {
      report(DiagnosticKind::kIo, violation, at);
      *why = std::move(violation);
      return std::nullopt;
    }
    const fs::path resolved = fs::weakly_canonical(fs::absolute(fs::path(path), ec), ec);
    if (!fs::is_regular_file(resolved, ec)) {
      *why = fmt::format("file '{}' does not exist", path);
      return std::nullopt;
    }
    std::ifstream in(resolved, std::ios::binary);
    if (!in) {
      *why = fmt::format("file '{}' could not be read", path);
      return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::uint32_t bad = 0;
    if (text.size() > source::kMaxStringBytes) {
      *why = fmt::format("file '{}' is larger than the limit of {} bytes", path,
                         source::kMaxStringBytes);
      report(DiagnosticKind::kEvaluation, *why + "; the value is unknown", at);
      return std::nullopt;
    }
    if (!source::validate_text(text, &bad).empty()) {
      *why = fmt::format("file '{}' is not UTF-8 text", path);
      return std::nullopt;
    }
    return text;
  }

  // The folder the root module's references must stay inside (source/confinement.h).
  fs::path unit_root(const Instance& inst) {
    auto it = unit_roots_.find(inst.root_dir);
    if (it == unit_roots_.end()) {
      if (!linted_) linted_ = source::linted_folder(sources_);
      it = unit_roots_
               .emplace(inst.root_dir, source::confinement_root_of_folder(inst.root_dir, *linted_))
               .first;
    }
    return it->second;
  }

  // A root module's evaluation starts: its time and instance budgets start over.
  void begin_unit(const Instance& root) {
    deadline_ = source::Deadline();
    unit_instances_ = 0;
    unit_limit_reached_ = false;
    out_of_time_reported_ = false;
    unit_name_ = root.root_dir;
  }

  Value out_of_time(Span at) {
    taint();
    if (!out_of_time_reported_) {
      out_of_time_reported_ = true;
      report(DiagnosticKind::kEvaluation,
             fmt::format("evaluating module '{}' took longer than the limit of {} ms; stopped "
                         "here, the remaining values are unknown",
                         unit_name_, source::evaluation_time_limit().count()),
             at);
    }
    return Value::unknown("evaluation stopped at the time limit", at);
  }

  Value render_template_file(Instance* inst, const std::string& text, const Value& vars) {
    // The template is parsed as the body of a heredoc; its values are written nowhere.
    static constexpr std::string_view kMarker = "ZTLINT_TEMPLATE_END";
    if (text.find(kMarker) != std::string::npos) return Value::unknown("template not evaluated");
    std::string wrapped = fmt::format("t = <<{}\n{}\n{}\n", kMarker, text, kMarker);
    source::SourceFile file("(template)", std::move(wrapped));
    source::Diagnostics ignored;
    const Body body = parse_hcl(file, source::kNoFile, ignored, &parser_);
    const Attribute* a = body.attribute("t");
    if (a == nullptr || !ignored.empty()) return Value::unknown("the template did not parse");
    Scope scope{inst, nullptr, {}};
    if (vars.is_map()) {
      for (const auto& [k, v] : vars.as_map()) scope.vars.emplace_back(k, v);
    }
    Value v = eval(*a->expr, scope);
    // The heredoc adds the newline before the closing marker; the file may not end with one.
    if (v.is_string() && !text.ends_with("\n") && v.as_string().ends_with("\n")) {
      std::string s = v.as_string();
      s.pop_back();
      return Value::string(std::move(s));
    }
    return v.with_span({});
  }

  // ----- references

  std::string step_key(const TraversalStep& step, const Scope& scope, bool* known) {
    *known = true;
    if (step.kind == TraversalStep::Kind::kAttr) return step.name;
    if (step.kind == TraversalStep::Kind::kIndex) {
      if (!step.index) return step.name;
      const Value k = eval(*step.index, scope);
      const auto s = k.is_concrete() ? to_terraform_string(k) : std::nullopt;
      if (s) return *s;
    }
    *known = false;
    return {};
  }

  // `var.x`, `local.y`, `azurerm_subnet.app["web"].id`, `module.m.out`, `each.value.z`...
  Value eval_traversal(const Expr& root, std::span<const TraversalStep> steps, const Scope& scope,
                       Span span = {}) {
    if (!span.valid()) span = root.span;
    const std::string& name = root.name;
    if (const Value* bound = scope.lookup(name))
      return apply_steps(*bound, std::nullopt, steps, scope, span);
    Instance* inst = scope.instance;
    auto attr = [&](std::size_t i) -> const std::string* {
      return i < steps.size() && steps[i].kind == TraversalStep::Kind::kAttr ? &steps[i].name
                                                                             : nullptr;
    };
    if (name == "count" || name == "each" || name == "self") {
      return Value::unknown(fmt::format("'{}' is not available here", name), span);
    }
    if (name == "path") {
      const std::string* what = attr(0);
      if (what == nullptr || inst == nullptr)
        return Value::unknown("path is not available here", span);
      if (*what == "module")
        return apply_steps(Value::string(inst->decl->dir, span), std::nullopt, steps.subspan(1),
                           scope, span);
      if (*what == "root")
        return apply_steps(Value::string(inst->root_dir, span), std::nullopt, steps.subspan(1),
                           scope, span);
      if (*what == "cwd")
        return apply_steps(Value::string(".", span), std::nullopt, steps.subspan(1), scope, span);
      return error(fmt::format("unknown attribute path.{}", *what), span);
    }
    if (name == "terraform") {
      const std::string* what = attr(0);
      if (what != nullptr && *what == "workspace") return Value::string("default", span);
      return Value::unknown("terraform.* is not known offline", span);
    }
    if (inst == nullptr)
      return Value::unknown(fmt::format("'{}' cannot be referenced here", name), span);
    if (name == "var" || name == "local") {
      const std::string* what = attr(0);
      if (what == nullptr) return error(fmt::format("'{}' needs an attribute", name), span);
      const Value v = name == "var" ? input(*inst, *what, span) : local(*inst, *what, span);
      return apply_steps(v, std::nullopt, steps.subspan(1), scope, span);
    }
    if (name == "module") {
      const std::string* call_name = attr(0);
      if (call_name == nullptr) return error("'module' needs a module name", span);
      return module_reference(*inst, *call_name, steps.subspan(1), scope, span);
    }
    if (name == "data") {
      const std::string *type = attr(0), *label = attr(1);
      if (type == nullptr || label == nullptr) return error("'data' needs a type and a name", span);
      return resource_reference(*inst, "data." + *type + "." + *label, steps.subspan(2), scope,
                                span);
    }
    const std::string* label = attr(0);
    if (label == nullptr) return error(fmt::format("unknown name '{}'", name), span);
    return resource_reference(*inst, name + "." + *label, steps.subspan(1), scope, span);
  }

  Value resource_reference(Instance& inst, const std::string& key,
                           std::span<const TraversalStep> steps, const Scope& scope, Span span) {
    if (inst.decl->resource_index.find(key) == inst.decl->resource_index.end()) {
      return error(fmt::format("reference to undeclared resource '{}'", key), span);
    }
    ResourceSlot* slot = resource(inst, key, span);
    if (slot == nullptr)
      return Value::unknown(fmt::format("reference cycle through {}", key), span);
    if (slot->repetition == Repetition::kSingle) {
      const ResourceInstance& ri = slot->all_instances().front();
      return apply_steps(ri.object, Origin{ri.address, {}}, steps, scope, span);
    }
    if (slot->repetition == Repetition::kUnknown) {
      // Any index selects the one instance whose key is unknown.
      if (!steps.empty() && steps[0].kind == TraversalStep::Kind::kIndex &&
          !slot->all_instances().empty()) {
        const ResourceInstance& ri = slot->all_instances().front();
        return apply_steps(ri.object, Origin{ri.address, {}}, steps.subspan(1), scope, span);
      }
      return slot->whole;
    }
    return apply_steps(slot->whole, std::nullopt, steps, scope, span);
  }

  Value module_reference(Instance& inst, const std::string& name,
                         std::span<const TraversalStep> steps, const Scope& scope, Span span) {
    taint();  // module outputs are not cached
    CallSlot* slot = call(inst, name, span);
    if (slot == nullptr) {
      if (inst.decl->call_index.count(name) == 0) {
        return error(fmt::format("reference to undeclared module '{}'", name), span);
      }
      return Value::unknown(fmt::format("reference cycle through module.{}", name), span);
    }
    if (!slot->unavailable.is_null()) return slot->unavailable;
    auto outputs_of = [&](Instance& child, std::span<const TraversalStep> rest) {
      if (!rest.empty() && rest[0].kind == TraversalStep::Kind::kAttr) {
        return apply_steps(output(child, rest[0].name, span), std::nullopt, rest.subspan(1), scope,
                           span);
      }
      return apply_steps(all_outputs(child, span), std::nullopt, rest, scope, span);
    };
    switch (slot->repetition) {
      case Repetition::kSingle:
        if (slot->children.empty()) return Value::unknown("module not evaluated", span);
        return outputs_of(*slot->children.front().second, steps);
      case Repetition::kUnknown:
        if (!steps.empty() && steps[0].kind == TraversalStep::Kind::kIndex &&
            !slot->children.empty()) {
          return outputs_of(*slot->children.front().second, steps.subspan(1));
        }
        return Value::unknown(fmt::format("the instances of module.{} are not known offline", name),
                              span);
      case Repetition::kCount:
      case Repetition::kForEach: {
        if (!steps.empty() && steps[0].kind == TraversalStep::Kind::kIndex) {
          bool known = false;
          const std::string key = step_key(steps[0], scope, &known);
          if (!known) return Value::unknown("module instance key not known offline", span);
          for (auto& [k, child] : slot->children) {
            const auto ks = to_terraform_string(k);
            if (ks && *ks == key) return outputs_of(*child, steps.subspan(1));
          }
          return error(fmt::format("module.{} has no instance {}", name, key), span);
        }
        // The whole collection of instances.
        if (slot->repetition == Repetition::kCount) {
          List items;
          for (auto& [k, child] : slot->children) items.push_back(all_outputs(*child, span));
          return apply_steps(Value::list(std::move(items), span), std::nullopt, steps, scope, span);
        }
        Map items;
        for (auto& [k, child] : slot->children)
          items.emplace_back(k.as_string(), all_outputs(*child, span));
        return apply_steps(Value::map(std::move(items), span), std::nullopt, steps, scope, span);
      }
    }
    return Value::unknown("module not evaluated", span);
  }

  // Applies traversal steps to a value. Inside a resource (`origin`), an attribute that is
  // not configured is computed by Azure: a Ref to it.
  Value apply_steps(Value current, std::optional<Origin> origin,
                    std::span<const TraversalStep> steps, const Scope& scope, Span span) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const TraversalStep& step = steps[i];
      if (step.kind == TraversalStep::Kind::kSplat) {
        if (current.is_unknown()) return current;
        if (current.is_ref()) return Value::unknown("a splat over a computed attribute", span);
        List items;
        const std::span<const TraversalStep> rest = steps.subspan(i + 1);
        if (current.is_null()) return Value::list({}, span);
        if (current.is_list()) {
          const List& l = current.as_list();
          for (std::size_t k = 0; k < l.size(); ++k) {
            std::optional<Origin> element_origin;
            if (origin) {
              element_origin = origin;
              element_origin->path.push_back(std::to_string(k));
            }
            items.push_back(apply_steps(l[k], element_origin, rest, scope, span));
          }
        } else {
          items.push_back(apply_steps(current, origin, rest, scope, span));
        }
        return Value::list(std::move(items), span);
      }
      if (current.is_unknown()) return current;
      bool known = false;
      const std::string key = step_key(step, scope, &known);
      if (!known) {
        return Value::unknown("an index not known offline", span);
      }
      if (current.is_ref()) {
        value::Ref ref = current.as_ref();
        ref.path.push_back(key);
        current = Value::ref(std::move(ref), span);
        continue;
      }
      if (!origin) origin = origin_of_object(current);
      const Value* next = nullptr;
      if (current.is_map()) {
        next = map_get(current.as_map(), key);
      } else if (current.is_list()) {
        const auto index = to_terraform_number(Value::string(key));
        const List& l = current.as_list();
        if (index && *index >= 0 && std::floor(*index) == *index &&
            *index < static_cast<double>(l.size())) {
          next = &l[static_cast<std::size_t>(*index)];
        } else if (!origin) {
          return error(fmt::format("index {} out of range", key), span);
        }
      } else if (current.is_null() && !origin) {
        return error(fmt::format("attribute '{}' of null", key), span);
      }
      if (next == nullptr) {
        if (!origin) return error(fmt::format("no attribute or key '{}'", key), span);
        // Not configured: Azure computes it. The rest of the path goes into the Ref.
        value::Ref ref{origin->target, origin->path};
        ref.path.push_back(key);
        for (std::size_t j = i + 1; j < steps.size(); ++j) {
          if (steps[j].kind == TraversalStep::Kind::kSplat) {
            return Value::unknown("a splat over a computed attribute", span);
          }
          bool k_known = false;
          std::string k = step_key(steps[j], scope, &k_known);
          if (!k_known) return Value::unknown("an index not known offline", span);
          ref.path.push_back(std::move(k));
        }
        return Value::ref(std::move(ref), span);
      }
      current = *next;
      if (origin) origin->path.push_back(key);
    }
    return current;
  }

  // ----- evaluations kept between runs (terraform/evaluation_cache.h)

  // What one evaluation of a root module's resource, local or variable read, and whether
  // it stayed clean (see CachedEvaluation).
  struct Frame {
    std::vector<std::string> dependencies;
    bool clean = true;
  };

  // The root module `root` is about to be evaluated: its cached evaluations of the last
  // run become candidates for reuse.
  void begin_memo(Instance& root, const std::vector<source::FileId>& automatic,
                  const std::vector<source::FileId>& var_files) {
    if (cache_ == nullptr) return;
    memo_root_ = &root;
    const std::string unit_key = root.root_dir + "\n" + root.prefix;
    memo_units_seen_.insert(unit_key);
    memo_unit_ = &cache_->units[unit_key];
    std::string inputs;
    for (const auto* ids : {&automatic, &var_files}) {
      for (source::FileId id : *ids) {
        const source::SourceFile& file = sources_.file(id);
        inputs += fmt::format("{}\n{}\n{}\n", file.path(), id, file.text());
      }
    }
    memo_inputs_changed_ = inputs != memo_unit_->inputs;
    memo_unit_->inputs = std::move(inputs);
    memo_parses_.clear();
    for (std::size_t i = 0; i < root.decl->files.size(); ++i) {
      memo_parses_.emplace(root.decl->files[i], root.decl->parsed[i]);
    }
  }

  void end_memo() {
    if (cache_ == nullptr) return;
    std::erase_if(memo_unit_->evaluations,
                  [&](const auto& entry) { return entry.second->kept_in != run_; });
    // A run that reached the instance limit depends on the order of evaluation, which reuse
    // changes: the next run starts afresh.
    if (unit_limit_reached_) memo_unit_->evaluations.clear();
    memo_root_ = nullptr;
    memo_unit_ = nullptr;
    frames_.clear();
  }

  // Whether `key` of `inst` is cached (root modules only); notes that the evaluation under
  // way reads it.
  bool memoised(const Instance& inst, const std::string& key) {
    if (memo_root_ == nullptr || &inst != memo_root_) return false;
    if (!frames_.empty()) frames_.back().dependencies.push_back(key);
    return true;
  }

  // What is evaluated now depends on something that is not cached: nothing under way is
  // kept.
  void taint() {
    for (Frame& frame : frames_) frame.clean = false;
  }

  // Ends the frame of an evaluation of `declared`; its entry to fill when it stayed clean.
  std::shared_ptr<CachedEvaluation> finish_frame(Span declared) {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    ++cache_->evaluated;
    if (!frame.clean || !declared.valid()) return nullptr;
    auto entry = std::make_shared<CachedEvaluation>();
    entry->declared = declared;
    entry->text =
        std::string(sources_.file(declared.file)
                        .text()
                        .substr(declared.range.begin, declared.range.end - declared.range.begin));
    if (auto parse = memo_parses_.find(declared.file); parse != memo_parses_.end()) {
      entry->parsed = parse->second;
    }
    std::sort(frame.dependencies.begin(), frame.dependencies.end());
    frame.dependencies.erase(std::unique(frame.dependencies.begin(), frame.dependencies.end()),
                             frame.dependencies.end());
    entry->dependencies = std::move(frame.dependencies);
    entry->made_in = entry->kept_in = run_;
    return entry;
  }

  void keep(const std::string& key, std::shared_ptr<const CachedEvaluation> entry) {
    memo_unit_->evaluations[key] = std::move(entry);
  }

  // For locals and variables: fills `slot` from the last run's value when that still holds.
  bool reuse_value(const std::string& key, Slot& slot) {
    const auto cached = reusable(key);
    if (cached == nullptr) return false;
    slot.value = cached->value;
    slot.state = State::kDone;
    return true;
  }

  // For locals and variables: ends the evaluation of `declared`, keeping `value` if clean.
  void keep_value(const std::string& key, Span declared, const Value& value) {
    if (auto entry = finish_frame(declared)) {
      entry->value = value;
      keep(key, std::move(entry));
    }
  }

  // Where `key` of the root being evaluated is declared now, if it still is.
  std::optional<Span> declaration_of(std::string_view key) const {
    const ModuleDecl& decl = *memo_root_->decl;
    const std::size_t colon = key.find(':');
    const std::string_view kind = key.substr(0, colon), name = key.substr(colon + 1);
    if (kind == "resource") {
      if (auto it = decl.resource_index.find(name); it != decl.resource_index.end())
        return it->second->span;
    } else if (kind == "local") {
      if (auto it = decl.locals.find(name); it != decl.locals.end()) return it->second->span;
    } else if (kind == "variable") {
      if (auto it = decl.variables.find(name); it != decl.variables.end()) return it->second->span;
    }
    return std::nullopt;
  }

  // The last run's evaluation of `key`, when its declaration and everything it read are as
  // they were; it is then kept for the next run too.
  std::shared_ptr<const CachedEvaluation> reusable(const std::string& key) {
    const auto found = memo_unit_->evaluations.find(key);
    if (found == memo_unit_->evaluations.end()) return nullptr;
    std::shared_ptr<const CachedEvaluation> cached = found->second;
    if (cached->made_in == run_) return nullptr;  // evaluated afresh: it changed
    if (cached->checked_in == run_) return cached->holds ? cached : nullptr;
    cached->checked_in = run_;  // while it is checked, a cycle back to it does not hold
    cached->holds = false;
    const std::optional<Span> now = declaration_of(key);
    if (!now || !(*now == cached->declared)) return nullptr;
    const auto parse = memo_parses_.find(now->file);
    const bool same_parse = parse != memo_parses_.end() && parse->second != nullptr &&
                            parse->second == cached->parsed.lock();
    if (!same_parse && sources_.file(now->file).text().substr(
                           now->range.begin, now->range.end - now->range.begin) != cached->text) {
      return nullptr;
    }
    if (memo_inputs_changed_ && key.starts_with("variable:")) return nullptr;
    for (const std::string& dependency : cached->dependencies) {
      if (reusable(dependency) == nullptr) return nullptr;
    }
    cached->holds = true;
    cached->kept_in = run_;
    ++cache_->reused;
    return cached;
  }

  void restore(ResourceSlot& slot, const CachedEvaluation& cached) {
    slot.repetition = static_cast<Repetition>(cached.repetition);
    slot.instances = cached.instances;
    slot.whole = cached.whole;
    if (slot.repetition == Repetition::kCount || slot.repetition == Repetition::kForEach) {
      unit_instances_ += slot.all_instances().size();
    }
    slot.state = State::kDone;
  }

  source::SourceSet& sources_;
  source::Diagnostics& diagnostics_;
  HclParser parser_;
  Evaluation result_;
  std::map<std::string, std::unique_ptr<ModuleDecl>> modules_;
  std::set<std::string> loaded_dirs_;
  std::vector<std::shared_ptr<const ParsedFile>> tfvars_files_;
  const Inputs* inputs_ = nullptr;
  std::vector<std::unique_ptr<Instance>> roots_;
  std::vector<std::string> active_;
  std::set<std::string> reported_cycles_, reported_remote_, reported_functions_;
  std::map<std::string, fs::path> unit_roots_;
  std::optional<fs::path> linted_;  // the folder linted (source/confinement.h)
  source::Deadline deadline_;
  std::size_t unit_instances_ = 0;
  bool out_of_time_reported_ = false;
  std::string unit_name_;
  int errors_ = 0;
  int depth_ = 0;
  bool depth_reported_ = false;

  EvaluationCache* cache_ = nullptr;
  std::uint64_t run_ = 0;            // this run's number in the cache
  Instance* memo_root_ = nullptr;    // the root module being cached
  CachedUnit* memo_unit_ = nullptr;  // its cached evaluations
  bool memo_inputs_changed_ = false;
  std::set<std::string> memo_units_seen_;
  std::map<source::FileId, std::shared_ptr<const ParsedFile>> memo_parses_;  // the root's files
  std::vector<Frame> frames_;
  bool unit_limit_reached_ = false;
};

}  // namespace

Evaluation evaluate_modules(source::SourceSet& sources, const Inputs& inputs,
                            source::Diagnostics& diagnostics) {
  Evaluator evaluator(sources, diagnostics);
  return evaluator.run(inputs);
}

}  // namespace ztlint::terraform
