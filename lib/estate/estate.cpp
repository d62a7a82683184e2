#include "estate/estate.h"

#include <algorithm>
#include <map>
#include <optional>

#include "arm/arm_front_end.h"
#include "bicep/bicep_front_end.h"
#include "estate/discovery.h"
#include "estate/file_text_cache.h"
#include "estate/syntax_cache.h"
#include "graph/inline_children.h"
#include "parallel/parallel_for.h"
#include "terraform/terraform_front_end.h"
#include "terraform_plan/plan_front_end.h"
#include "timing/stage_timings.h"

namespace ztlint::estate {

namespace {

using timing::ScopedStage;
using timing::Stage;

// Parses every .tf and .tfvars file up front, on all threads, so that evaluation (which
// follows references across files) finds them parsed. Reuses the cache's unchanged parses.
terraform::ParsedFiles parse_terraform(const source::SourceSet& sources,
                                       const terraform::Inputs& inputs,
                                       const LoadOptions& options) {
  std::vector<source::FileId> files = inputs.tf_files;
  files.insert(files.end(), inputs.tfvars_files.begin(), inputs.tfvars_files.end());
  std::vector<std::shared_ptr<const terraform::ParsedFile>> parsed(files.size());
  parallel::parallel_for(files.size(), options.jobs, [&](std::size_t i) {
    const source::SourceFile& file = sources.file(files[i]);
    parsed[i] = options.cache != nullptr
                    ? options.cache->parse(file, files[i], options.overlays.count(file.path()) > 0)
                    : terraform::parse_file(file, files[i]);
  });
  terraform::ParsedFiles out;
  for (std::size_t i = 0; i < files.size(); ++i) out.emplace(files[i], std::move(parsed[i]));
  return out;
}

// Whether a JSON file that could not be read as text (invalid UTF-8, NUL bytes) starts like
// an ARM template or parameters file: then its problem is reported, not skipped.
bool names_deployment_schema(const source::SourceSet& sources, const source::Diagnostic& error) {
  if (!error.span.valid() || error.span.file >= sources.size()) return false;
  const std::string_view head = sources.file(error.span.file).text().substr(0, 4096);
  return head.find("deploymentTemplate") != std::string_view::npos ||
         head.find("deploymentParameters") != std::string_view::npos;
}

// Reads `path`, or shares the kept file when it is unchanged since it was kept.
std::optional<source::FileId> load_file(source::SourceSet& sources, const std::string& path,
                                        FileTextCache* texts, source::Diagnostic& error) {
  if (texts == nullptr) return sources.load(path, &error);
  const std::optional<FileTextCache::Stamp> stamp = FileTextCache::stamp_of(path);
  if (stamp) {
    if (std::shared_ptr<const source::SourceFile> file = texts->find(path, *stamp)) {
      return sources.add_shared(std::move(file));
    }
  }
  std::optional<source::FileId> id = sources.load(path, &error);
  if (id && stamp) texts->keep(path, *stamp, sources.shared(*id));
  return id;
}

}  // namespace

std::unique_ptr<Estate> load_estate(const LoadOptions& options) {
  auto estate = std::make_unique<Estate>();
  std::optional<ScopedStage> stage(Stage::kDiscover);
  std::vector<DiscoveredFile> discovered = discover(options.paths, estate->diagnostics);
  // Open buffers not yet saved are part of the estate too.
  for (const auto& [path, text] : options.overlays) {
    const bool known =
        std::any_of(discovered.begin(), discovered.end(),
                    // Named capture: clang 14 cannot capture a structured binding.
                    [&overlay = path](const DiscoveredFile& file) { return file.path == overlay; });
    if (auto kind = classify_path(path); !known && kind) discovered.push_back({path, *kind});
  }

  terraform::Inputs terraform_inputs;
  terraform_inputs.var_files = options.var_files;
  arm::Inputs arm_inputs;
  arm_inputs.parameter_files = options.parameter_files;
  bicep::Inputs bicep_inputs;
  bicep_inputs.parameter_files = options.parameter_files;

  for (const DiscoveredFile& file : discovered) {
    if (options.exclude && options.exclude(file.path)) continue;
    source::Diagnostic error;
    std::optional<source::FileId> id;
    if (auto overlay = options.overlays.find(file.path); overlay != options.overlays.end()) {
      id = estate->sources.add_checked(file.path, overlay->second, &error);
    } else {
      id = load_file(estate->sources, file.path, options.texts, error);
    }
    if (!id) {
      // Other JSON is not ours to judge: an unreadable or binary .json is skipped silently,
      // unless what could be read of it says it is a template or parameters file.
      if (file.kind != InputKind::kJson || names_deployment_schema(estate->sources, error)) {
        estate->diagnostics.push_back(std::move(error));
      }
      continue;
    }
    switch (file.kind) {
      case InputKind::kTerraform: terraform_inputs.tf_files.push_back(*id); break;
      case InputKind::kTfvars: terraform_inputs.tfvars_files.push_back(*id); break;
      case InputKind::kJson: arm_inputs.json_files.push_back(*id); break;
      case InputKind::kBicep: bicep_inputs.bicep_files.push_back(*id); break;
      case InputKind::kBicepParams: bicep_inputs.bicepparam_files.push_back(*id); break;
    }
  }

  stage.emplace(Stage::kParse);
  terraform::ParsedFiles parsed = parse_terraform(estate->sources, terraform_inputs, options);
  terraform_inputs.parsed = &parsed;
  terraform_inputs.jobs = options.jobs;
  terraform_inputs.evaluation_cache = options.evaluations;

  stage.emplace(Stage::kLower);
  graph::Fragment fragment;
  terraform::load(estate->sources, terraform_inputs, fragment, estate->diagnostics);
  parsed.clear();  // syntax trees are not needed once lowered (a cache may keep them)
  terraform_inputs.parsed = nullptr;
  arm::load(estate->sources, arm_inputs, fragment, estate->diagnostics);
  terraform_plan::load(estate->sources, arm_inputs.json_files, fragment, estate->diagnostics);
  bicep::load(estate->sources, bicep_inputs, fragment, estate->diagnostics);

  stage.emplace(Stage::kLink);
  graph::explode_inline_children(fragment);

  std::map<source::FileId, int> resources_per_file;
  for (graph::Resource& resource : fragment.resources) {
    if (!resource.reference_only && resource.range.valid())
      ++resources_per_file[resource.range.file];
    estate->graph.add(std::move(resource));
  }
  for (graph::Patch& patch : fragment.patches) {
    // An association folds into what it associates: it reached the graph all the same.
    if (patch.origin_range.valid()) ++resources_per_file[patch.origin_range.file];
    estate->graph.add_patch(std::move(patch));
  }
  estate->graph.link(estate->diagnostics);

  std::map<source::FileId, graph::Language> languages;
  for (const auto& [file, language] : fragment.files) languages.emplace(file, language);
  for (const auto& [file, language] : languages) {
    estate->files.push_back(FileSummary{file, language, resources_per_file[file]});
  }
  const std::vector<std::uint32_t> rank = estate->sources.path_ranks();
  std::stable_sort(
      estate->files.begin(), estate->files.end(),
      [&](const FileSummary& a, const FileSummary& b) { return rank[a.file] < rank[b.file]; });
  return estate;
}

}  // namespace ztlint::estate
