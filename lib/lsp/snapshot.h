// One finished lint as the editor sees it: diagnostics per file, and what hover, code
// actions and document symbols look up. Immutable once built; shared across threads.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/lint.h"
#include "lsp/json_rpc.h"
#include "lsp/position.h"

namespace ztlint::lsp {

class SpanConverter;

// A shown finding of one file, with its range in the snapshot's encoding.
struct FileFinding {
  Range range;
  const policy::Finding* finding = nullptr;
  const Json* diagnostic = nullptr;  // as published; owned by the snapshot
};

class Snapshot {
 public:
  // `uri_for` names a path as the client should see it (its own URI for open documents).
  // With the `previous` snapshot, files whose text and findings are unchanged reuse its
  // diagnostics instead of converting them again.
  Snapshot(lint::LintResult result, PositionEncoding encoding,
           const std::function<std::string(const std::string&)>& uri_for,
           const Snapshot* previous = nullptr);
  // Its lookups point into the result it owns: neither copied nor moved.
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // publishDiagnostics' `diagnostics` array for every file that has any, by absolute path.
  // A file whose diagnostics are as in the previous snapshot shares its array: the same
  // pointer means the same diagnostics.
  using Diagnostics = std::map<std::string, std::shared_ptr<const Json>>;
  const Diagnostics& diagnostics() const { return diagnostics_; }
  const lint::LintResult& result() const { return result_; }
  PositionEncoding encoding() const { return encoding_; }
  std::optional<source::FileId> file_id(const std::string& path) const;
  std::vector<FileFinding> findings_in(const std::string& path) const;
  const policy::PolicyInfo* rule(const std::string& id) const;

  // Hover markdown for the findings at `position`, or null.
  Json hover(const std::string& path, Position position) const;
  // DocumentSymbol[] of the resources declared in the file.
  Json document_symbols(const std::string& path) const;

 private:
  using UriFor = std::function<std::string(const std::string&)>;
  // Input diagnostics (syntax errors and the like) by path.
  std::map<std::string, Json> input_diagnostics() const;
  void add_diagnostics(const UriFor& uri_for, const Snapshot* previous,
                       std::map<std::string, Json> inputs);
  Json finding_diagnostic(const policy::Finding& finding, const Range& range,
                          SpanConverter& converter, const UriFor& uri_for);
  // How many bytes at the start of file `id` are as they were in `previous`: positions that
  // end there convert as they did. kWhole when the text is the same.
  static constexpr std::size_t kWhole = static_cast<std::size_t>(-1);
  std::size_t unchanged_prefix(const Snapshot& previous, source::FileId id) const;
  // The URI the client knows file `id` by.
  const std::string& uri_of(source::FileId id, const UriFor& uri_for) const;
  // Whether `now` would be published as `then` was.
  bool same_as_before(const Snapshot& previous, const policy::Finding& now,
                      const policy::Finding& then, const UriFor& uri_for,
                      const Json& published) const;

  lint::LintResult result_;
  PositionEncoding encoding_;
  Diagnostics diagnostics_;
  std::map<std::string, std::vector<FileFinding>> findings_;
  std::map<std::string, const policy::PolicyInfo*> rules_;
  // Per file of this snapshot, worked out once while building: after an edit, thousands of
  // findings ask about the same few hundred files.
  struct FileFacts {
    std::optional<std::size_t> unchanged_prefix;
    std::optional<std::string> uri;
  };
  mutable std::vector<FileFacts> file_facts_;
};

}  // namespace ztlint::lsp
