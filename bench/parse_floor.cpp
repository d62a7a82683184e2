// ztlint-parse-floor: how long the bare parsers take on a set of files, the floor under which
// no lint of the same files can go on one core.
//
// usage: ztlint-parse-floor [--repeat N] [--list FILE] [--json] PATH...
//
// Every file is read into memory once, then parsed N times over, one file after another on one
// thread: .tf/.tfvars/.hcl by the tree-sitter HCL grammar (ts_parser_parse_string, then the tree
// is freed), .json by ztlint's JSON reader (lib/json, value tree freed), .bicep/.bicepparam by
// ztlint's Bicep parser (lib/bicep). Reading from disk is not timed. Prints, per language and
// in total, the files, bytes and the best and median seconds of the N rounds.
#include <tree_sitter/api.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bicep/parser.h"
#include "json/json_reader.h"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

enum class Parser { kHcl, kJson, kBicep };

constexpr std::array<std::string_view, 3> kParserNames = {"hcl", "json", "bicep"};

struct Extension {
  std::string_view suffix;
  Parser parser;
};

// Which parser reads which file, by the end of its name.
constexpr std::array<Extension, 6> kExtensions = {{
    {".tf", Parser::kHcl},
    {".tfvars", Parser::kHcl},
    {".hcl", Parser::kHcl},
    {".json", Parser::kJson},
    {".bicep", Parser::kBicep},
    {".bicepparam", Parser::kBicep},
}};

const Extension* extension_of(const fs::path& path) {
  const std::string name = path.filename().string();
  for (const Extension& e : kExtensions) {
    if (name.size() > e.suffix.size() && name.ends_with(e.suffix)) return &e;
  }
  return nullptr;
}

struct Input {
  std::string path;
  Parser parser;
  std::string text;
};

struct Options {
  int repeat = 5;
  bool json = false;
  std::vector<std::string> paths;
  std::vector<std::string> list_files;
};

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Adds a file, or every file of a known kind under a folder (sorted, so runs compare).
bool collect(const std::string& path, std::vector<Input>& inputs) {
  std::error_code ec;
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec) && extension_of(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  for (const fs::path& file : files) {
    const Extension* ext = extension_of(file);
    if (!ext) {
      std::fprintf(stderr, "ztlint-parse-floor: %s: not a .tf, .json or .bicep file\n",
                   file.c_str());
      return false;
    }
    Input input{file.string(), ext->parser, {}};
    if (!read_file(input.path, input.text)) {
      std::fprintf(stderr, "ztlint-parse-floor: cannot read %s\n", file.c_str());
      return false;
    }
    inputs.push_back(std::move(input));
  }
  return true;
}

struct TsParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};

// Parses one file and frees what the parse built; returns a value the optimiser cannot drop.
std::size_t parse(TSParser* hcl, const Input& input) {
  std::string_view text = input.text;
  switch (input.parser) {
    case Parser::kHcl: {
      TSTree* tree =
          ts_parser_parse_string(hcl, nullptr, text.data(), static_cast<uint32_t>(text.size()));
      const std::size_t nodes = ts_node_child_count(ts_tree_root_node(tree));
      ts_tree_delete(tree);
      return nodes;
    }
    case Parser::kJson: {
      std::uint32_t base = 0;
      if (text.starts_with("\xEF\xBB\xBF")) base = 3;  // a UTF-8 byte order mark
      ztlint::json::ReadResult result =
          ztlint::json::read(text.substr(base), ztlint::source::kNoFile, base);
      return result.ok() ? 1 : 0;
    }
    case Parser::kBicep: {
      ztlint::bicep::SyntaxTree tree = ztlint::bicep::parse(text);
      return tree.root != nullptr ? 1 : 0;
    }
  }
  return 0;
}

// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

struct Tally {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::vector<double> seconds;      // wall, one per round
  std::vector<double> cpu_seconds;  // thread CPU, one per round

  double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
  double best_cpu() const { return *std::min_element(cpu_seconds.begin(), cpu_seconds.end()); }
  double median() const {
    std::vector<double> sorted = seconds;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
};

void print_text(const std::map<std::string, Tally>& tallies, int repeat) {
  std::printf("%-6s %8s %14s %10s %10s %10s %10s  (%d rounds)\n", "parser", "files", "bytes",
              "best s", "median s", "best cpu s", "MB/s", repeat);
  for (const auto& [name, t] : tallies) {
    std::printf("%-6s %8zu %14zu %10.4f %10.4f %10.4f %10.1f\n", name.c_str(), t.files, t.bytes,
                t.best(), t.median(), t.best_cpu(), t.best() > 0 ? t.bytes / t.best() / 1e6 : 0.0);
  }
}

void print_json(const std::map<std::string, Tally>& tallies, int repeat) {
  std::printf("{\"repeat\": %d, \"parsers\": {", repeat);
  const char* separator = "";
  for (const auto& [name, t] : tallies) {
    std::printf(
        "%s\"%s\": {\"files\": %zu, \"bytes\": %zu, \"best_seconds\": %.6f, "
        "\"median_seconds\": %.6f, \"best_cpu_seconds\": %.6f}",
        separator, name.c_str(), t.files, t.bytes, t.best(), t.median(), t.best_cpu());
    separator = ", ";
  }
  std::printf("}}\n");
}

int usage() {
  std::fprintf(stderr,
               "usage: ztlint-parse-floor [--repeat N] [--list FILE] [--json] PATH...\n"
               "  PATH     a .tf/.tfvars/.json/.bicep/.bicepparam file, or a folder of them\n"
               "  --list   also parse the files named in FILE, one path a line\n"
               "  --repeat parse everything N times (default 5); best and median are printed\n"
               "  --json   print one JSON object instead of a table\n");
  return 2;
}

bool parse_arguments(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      options.json = true;
    } else if ((arg == "--repeat" || arg == "--list") && i + 1 < argc) {
      const char* value = argv[++i];
      if (arg == "--list") {
        options.list_files.emplace_back(value);
      } else {
        options.repeat = std::atoi(value);
        if (options.repeat < 1) return false;
      }
    } else if (arg.starts_with("-")) {
      return false;
    } else {
      options.paths.emplace_back(arg);
    }
  }
  return !options.paths.empty() || !options.list_files.empty();
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_arguments(argc, argv, options)) return usage();
  for (const std::string& list : options.list_files) {
    std::string text;
    if (!read_file(list, text)) {
      std::fprintf(stderr, "ztlint-parse-floor: cannot read %s\n", list.c_str());
      return 2;
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) options.paths.push_back(line);
    }
  }
  std::vector<Input> inputs;
  for (const std::string& path : options.paths) {
    if (!collect(path, inputs)) return 2;
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "ztlint-parse-floor: no .tf, .json or .bicep file to parse\n");
    return 2;
  }

  std::unique_ptr<TSParser, TsParserDeleter> hcl(ts_parser_new());
  if (!hcl || !ts_parser_set_language(hcl.get(), tree_sitter_hcl())) {
    std::fprintf(stderr, "ztlint-parse-floor: the HCL grammar does not load\n");
    return 2;
  }

  std::map<std::string, Tally> tallies;
  for (const Input& input : inputs) {
    for (const std::string_view name :
         {kParserNames[static_cast<int>(input.parser)], std::string_view("total")}) {
      Tally& t = tallies[std::string(name)];
      ++t.files;
      t.bytes += input.text.size();
    }
  }
  std::size_t sink = 0;
  for (int round = 0; round < options.repeat; ++round) {
    std::array<double, kParserNames.size()> seconds{};
    std::array<double, kParserNames.size()> cpu_seconds{};
    for (const Input& input : inputs) {
      const Clock::time_point start = Clock::now();
      const double cpu_start = thread_cpu_seconds();
      sink += parse(hcl.get(), input);
      const auto p = static_cast<std::size_t>(input.parser);
      cpu_seconds[p] += thread_cpu_seconds() - cpu_start;
      seconds[p] += std::chrono::duration<double>(Clock::now() - start).count();
    }
    Tally& total = tallies["total"];
    total.seconds.push_back(0);
    total.cpu_seconds.push_back(0);
    for (std::size_t p = 0; p < kParserNames.size(); ++p) {
      auto it = tallies.find(std::string(kParserNames[p]));
      if (it == tallies.end()) continue;
      it->second.seconds.push_back(seconds[p]);
      it->second.cpu_seconds.push_back(cpu_seconds[p]);
      total.seconds.back() += seconds[p];
      total.cpu_seconds.back() += cpu_seconds[p];
    }
  }
  if (sink == 0 && !inputs.empty()) std::fprintf(stderr, "ztlint-parse-floor: nothing parsed\n");
  options.json ? print_json(tallies, options.repeat) : print_text(tallies, options.repeat);
  return 0;
}
