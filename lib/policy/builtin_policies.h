// The policy YAML files compiled into the executable (generated from policies/).
#pragma once

#include <cstddef>
#include <span>

namespace ztlint::policy {

struct EmbeddedFile {
  const char* path;  // relative to policies/, e.g. "network/subnet-without-nsg.yaml"
  const char* text;
  std::size_t size;
};

std::span<const EmbeddedFile> builtin_policy_files();

}  // namespace ztlint::policy
