// YAML text into values: Terraform's yamldecode() and Bicep's loadYamlContent() share it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "source/text_range.h"
#include "value/value.h"

namespace ztlint::yaml {

// Parses YAML with the core schema (true/false, null/~, numbers; quoted scalars stay
// strings). Every value gets `span`: YAML is read from a string or a loaded file whose
// positions the caller reports. Nesting deeper than 200 becomes Unknown, never a stack
// overflow. On a syntax error returns nullopt and sets `error` (with its line:column).
std::optional<value::Value> parse(std::string_view text, source::Span span, std::string* error);

}  // namespace ztlint::yaml
