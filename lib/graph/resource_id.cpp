#include "graph/resource_id.h"

#include <vector>

#include "value/value.h"

namespace ztlint::graph {

namespace {

std::vector<std::string_view> split_segments(std::string_view id) {
  std::vector<std::string_view> segments;
  while (!id.empty()) {
    const auto slash = id.find('/');
    const auto segment = id.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    id.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace

bool looks_like_resource_id(std::string_view text) {
  auto starts = [&](std::string_view prefix) {
    return text.size() >= prefix.size() && value::iequals(text.substr(0, prefix.size()), prefix);
  };
  return starts("/subscriptions/") || starts("/providers/");
}

std::optional<ResourceIdParts> parse_resource_id(std::string_view id) {
  if (!looks_like_resource_id(id)) return std::nullopt;
  const auto segments = split_segments(id);
  ResourceIdParts parts;
  std::size_t i = 0;
  std::size_t last_providers = std::string_view::npos;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    if (value::iequals(segments[k], "providers")) last_providers = k;
  }
  while (i < segments.size() && (last_providers == std::string_view::npos || i < last_providers)) {
    if (value::iequals(segments[i], "subscriptions") && i + 1 < segments.size()) {
      parts.subscription = std::string(segments[i + 1]);
      i += 2;
    } else if (value::iequals(segments[i], "resourceGroups") && i + 1 < segments.size()) {
      parts.resource_group = std::string(segments[i + 1]);
      i += 2;
    } else {
      ++i;
    }
  }
  if (last_providers == std::string_view::npos) {
    if (!parts.resource_group.empty()) {
      return ResourceIdParts{"Microsoft.Resources/resourceGroups", parts.resource_group,
                             parts.resource_group, parts.subscription};
    }
    if (!parts.subscription.empty()) {
      return ResourceIdParts{"Microsoft.Resources/subscriptions", parts.subscription, "",
                             parts.subscription};
    }
    return std::nullopt;
  }
  i = last_providers + 1;
  // providers/NS/T/N[/T2/N2...]
  if (i + 3 > segments.size()) return std::nullopt;
  parts.type = std::string(segments[i]) + "/" + std::string(segments[i + 1]);
  parts.name = std::string(segments[i + 2]);
  for (i += 3; i + 1 < segments.size(); i += 2) {
    parts.type += "/" + std::string(segments[i]);
    parts.name += "/" + std::string(segments[i + 1]);
  }
  if (i < segments.size()) return std::nullopt;  // a type segment without a name
  return parts;
}

}  // namespace ztlint::graph
