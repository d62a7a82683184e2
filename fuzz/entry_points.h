// The fuzz targets' entry points: one function per target, shared by the libFuzzer
// executables (clang) and the regression test that replays fuzz/regressions (any compiler).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ztlint::fuzz {

// Each runs one input to completion and returns 0 (libFuzzer's convention). A broken
// invariant (a span outside its file, an exception escaping a stage) aborts the process,
// which the fuzzer reports as a crash and a test as a failure.
int terraform_entry(const std::uint8_t* data, std::size_t size);       // HCL module
int arm_entry(const std::uint8_t* data, std::size_t size);             // ARM JSON template
int arm_expression_entry(const std::uint8_t* data, std::size_t size);  // "[...]" language
int bicep_entry(const std::uint8_t* data, std::size_t size);           // one .bicep file
int policy_entry(const std::uint8_t* data, std::size_t size);          // one policy YAML
int lsp_entry(const std::uint8_t* data, std::size_t size);             // framed client stream
int estate_entry(const std::uint8_t* data, std::size_t size);          // NUL-separated files

struct Target {
  std::string_view name;  // fuzz/regressions/<name>, executable ztlint_fuzz_<name>
  int (*entry)(const std::uint8_t* data, std::size_t size);
};

// Every target, in a fixed order.
std::span<const Target> targets();

}  // namespace ztlint::fuzz
