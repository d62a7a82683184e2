// One finished lint as the editor sees it: diagnostics per file, and what hover, code
// actions and document symbols look up. Immutable once built; shared across threads.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/lint.h"
#include "lsp/json_rpc.h"
#include "lsp/position.h"

namespace ztlint::lsp {

// A shown finding of one file, with its range in the snapshot's encoding.
struct FileFinding {
  Range range;
  const policy::Finding* finding = nullptr;
  Json diagnostic;  // as published
};

class Snapshot {
 public:
  // `uri_for` names a path as the client should see it (its own URI for open documents).
  Snapshot(lint::LintResult result, PositionEncoding encoding,
           const std::function<std::string(const std::string&)>& uri_for);
  // Its lookups point into the result it owns: neither copied nor moved.
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  // publishDiagnostics' `diagnostics` array for every file that has any, by absolute path.
  const std::map<std::string, Json>& diagnostics() const { return diagnostics_; }
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
  void add_finding_diagnostics(const std::function<std::string(const std::string&)>& uri_for);
  void add_input_diagnostics();

  lint::LintResult result_;
  PositionEncoding encoding_;
  std::map<std::string, Json> diagnostics_;
  std::map<std::string, std::vector<FileFinding>> findings_;
  std::map<std::string, const policy::PolicyInfo*> rules_;
};

}  // namespace ztlint::lsp
