// Running the built ztlint executable from tests, and scratch folders to run it on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ztlint::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `binary args...` in `working_dir` without a shell, with NO_COLOR set, and captures
// both output streams.
CommandResult run_command(const std::string& binary, const std::vector<std::string>& args,
                          const std::filesystem::path& working_dir);

// The full path of `name` found on PATH, or empty.
std::string find_program(const std::string& name);

// A fresh folder under the system temp directory, removed when the object goes away.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating folders) and returns its path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace ztlint::testing
