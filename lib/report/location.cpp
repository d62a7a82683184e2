#include "report/location.h"

#include <filesystem>

namespace ztlint::report {

std::string display_path(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path given(path);
  if (!given.is_absolute()) return given.lexically_normal().generic_string();
  std::error_code ec;
  const fs::path current = fs::current_path(ec);
  if (ec) return given.generic_string();
  const fs::path relative = given.lexically_normal().lexically_relative(current);
  return relative.empty() ? given.generic_string() : relative.generic_string();
}

Location locate(const source::SourceSet& sources, source::Span span) {
  if (!span.valid() || span.file >= sources.size()) return {};
  const source::SourceFile& file = sources.file(span.file);
  return Location{display_path(file.path()), file.line_column(span.range.begin),
                  file.line_column(span.range.end)};
}

}  // namespace ztlint::report
