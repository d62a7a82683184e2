#include "fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "graph/inline_children.h"
#include "policy/evaluate.h"
#include "policy/policy_set.h"

namespace ztlint::fuzz {
namespace {

void check_span(const source::SourceSet& sources, source::Span span, const char* what) {
  if (!span.valid()) return;
  if (span.file >= sources.size()) fail(std::string(what) + ": span names no file of the run");
  const source::SourceFile& file = sources.file(span.file);
  if (span.range.begin > span.range.end || span.range.end > file.text().size()) {
    fail(std::string(what) + ": span [" + std::to_string(span.range.begin) + ", " +
         std::to_string(span.range.end) + ") outside " + file.path() + " (" +
         std::to_string(file.text().size()) + " bytes)");
  }
  (void)file.line_column(span.range.begin);
  (void)file.line_column(span.range.end);
  (void)file.slice(span.range);
}

const policy::PolicySet& builtin_policies() {
  static const policy::PolicySet policies = [] {
    source::Diagnostics errors;
    policy::PolicySet set = policy::PolicySet::builtin(errors);
    if (!errors.empty()) fail("the built-in policies do not load: " + errors.front().message);
    return set;
  }();
  return policies;
}

struct ScratchDir {
  std::string path;
  ~ScratchDir() {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

void fail(const std::string& what) {
  std::fprintf(stderr, "ztlint fuzz invariant broken: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

void check_diagnostics(const source::SourceSet& sources, const source::Diagnostics& diagnostics) {
  for (const source::Diagnostic& diagnostic : diagnostics) {
    check_span(sources, diagnostic.span, "diagnostic");
  }
}

void link_and_evaluate(const source::SourceSet& sources, graph::Fragment& fragment,
                       source::Diagnostics& diagnostics) {
  graph::explode_inline_children(fragment);
  graph::ResourceGraph graph;
  for (graph::Resource& resource : fragment.resources) {
    check_span(sources, resource.range, "resource");
    graph.add(std::move(resource));
  }
  for (graph::Patch& patch : fragment.patches) graph.add_patch(std::move(patch));
  graph.link(diagnostics);
  check_diagnostics(sources, diagnostics);
  for (const policy::Finding& finding :
       policy::evaluate_graph(graph, builtin_policies(), {.strict = true})) {
    check_span(sources, finding.span, "finding");
  }
}

const std::string& scratch_dir() {
  static const ScratchDir dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ztlint-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) fail("cannot create a scratch folder in " + pattern);
    return ScratchDir{pattern};
  }();
  return dir.path;
}

void empty_directory(const std::string& dir) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    std::filesystem::remove_all(entry.path(), error);
  }
}

}  // namespace ztlint::fuzz
