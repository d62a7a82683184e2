// One finished lint as the editor sees it: diagnostics per file, and what hover, code
// actions and document symbols look up. Immutable once built; shared across threads.
#pragma once

#include <exception>
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
  const Json* diagnostic = nullptr;         // as published; owned by the snapshot
  std::shared_ptr<const std::string> text;  // the diagnostic serialized, shared while kept
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

  // publishDiagnostics' `diagnostics` array, serialized, for every file that has any, by
  // absolute path. A file whose diagnostics are as in the previous snapshot shares its text:
  // the same pointer means the same diagnostics. Built from kept diagnostics' texts, so what
  // an edit left as it was is not serialized again.
  using DiagnosticsTexts = std::map<std::string, std::shared_ptr<const std::string>>;
  const DiagnosticsTexts& diagnostics_texts() const { return texts_; }
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
  // One file's shown findings, and what building the snapshot makes of them.
  struct FileWork {
    std::string path;
    std::vector<const policy::Finding*> findings;
    Json input;  // its input diagnostics, shown first
    std::vector<FileFinding> entries;
    std::shared_ptr<const Json> published;
    std::shared_ptr<const std::string> text;  // `published` serialized
    std::exception_ptr error;
  };
  // Input diagnostics (syntax errors and the like) by path.
  std::map<std::string, Json> input_diagnostics() const;
  void learn_files(const UriFor& uri_for, const Snapshot* previous);
  void add_diagnostics(const UriFor& uri_for, const Snapshot* previous,
                       std::map<std::string, Json> inputs);
  void diagnose_file(FileWork& work, const Snapshot* previous,
                     const SpanConverter& converter) const;
  Json finding_diagnostic(const policy::Finding& finding, const Range& range,
                          const SpanConverter& converter) const;
  // Whether `now` would be published as `then` was.
  bool same_as_before(const Snapshot& previous, const policy::Finding& now,
                      const policy::Finding& then) const;

  lint::LintResult result_;
  PositionEncoding encoding_;
  // The same arrays as JSON values, which code actions quote; shared while unchanged.
  std::map<std::string, std::shared_ptr<const Json>> diagnostics_;
  DiagnosticsTexts texts_;
  std::map<std::string, std::vector<FileFinding>> findings_;
  std::map<std::string, const policy::PolicyInfo*> rules_;
  // Per file id, worked out once while building: after an edit, thousands of findings ask
  // about the same few hundred files. Kept, for the next snapshot to compare URIs with.
  static constexpr std::size_t kWhole = static_cast<std::size_t>(-1);
  struct FileFacts {
    std::string uri;  // what the client knows the file by
    // How many bytes at its start are as they were in the previous snapshot: positions that
    // end there convert as they did. kWhole when the text is the same; 0 when it is new.
    std::size_t unchanged_prefix = 0;
    bool uri_as_before = false;  // the previous snapshot named its path by the same URI
  };
  std::vector<FileFacts> file_facts_;
};

}  // namespace ztlint::lsp
