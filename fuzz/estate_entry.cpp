// Fuzz target: a whole estate on disk, linted end to end and rendered in every format.
//
// The input is files separated by NUL bytes (which no lintable text holds). Each file's
// first line is its path below the estate's folder ("modules/net/main.tf"); the rest is
// its text. The path's extension picks the front end, so one input mixes languages.
#include <filesystem>
#include <fstream>

#include "entry_points.h"
#include "fuzz_support.h"
#include "lint/lint.h"
#include "report/json_report.h"
#include "report/sarif_report.h"
#include "report/text_report.h"

namespace ztlint::fuzz {
namespace {

constexpr std::size_t kMaxFiles = 16;
constexpr std::size_t kMaxComponents = 4;

// A relative path made only of safe characters and real components; a default name when
// nothing is left.
std::string safe_relative_path(std::string_view line, std::size_t index) {
  std::string out;
  std::string component;
  std::size_t components = 0;
  const auto flush = [&] {
    if (!component.empty() && component != "." && component != ".." &&
        components < kMaxComponents) {
      out += (out.empty() ? "" : "/") + component;
      ++components;
    }
    component.clear();
  };
  for (const char c : line) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    if (c == '/') {
      flush();
    } else if (safe) {
      component += c;
    }
  }
  flush();
  return out.empty() ? "file" + std::to_string(index) + ".tf" : out;
}

}  // namespace

int estate_entry(const std::uint8_t* data, std::size_t size) {
  const std::string& dir = scratch_dir();
  empty_directory(dir);
  std::string_view rest = as_text(data, size);
  for (std::size_t index = 0; index < kMaxFiles && !rest.empty(); ++index) {
    const std::size_t end = std::min(rest.find('\0'), rest.size());
    const std::string_view chunk = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    const std::size_t newline = std::min(chunk.find('\n'), chunk.size());
    const std::filesystem::path path =
        std::filesystem::path(dir) / safe_relative_path(chunk.substr(0, newline), index);
    const std::string_view text = chunk.substr(std::min(newline + 1, chunk.size()));
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    if (std::filesystem::is_directory(path, error)) continue;  // "a" after "a/b.tf"
    std::ofstream(path, std::ios::binary)
        .write(text.data(), static_cast<std::streamsize>(text.size()));
  }

  lint::LintOptions options;
  options.load.paths = {dir};
  options.config_search_dir = dir;
  lint::LintResult result = lint::lint(options);
  check_diagnostics(result.estate->sources, result.estate->diagnostics);
  const report::RunResult run{*result.estate, result.findings, result.rules};
  (void)report::render_json(run);
  (void)report::render_sarif(run);
  (void)report::render_text(run, report::TextOptions{false});
  (void)lint::exit_status(result, std::nullopt);
  return 0;
}

}  // namespace ztlint::fuzz
