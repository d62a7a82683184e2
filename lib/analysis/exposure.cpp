#include "analysis/exposure.h"

#include <algorithm>
#include <array>

#include "analysis/arm_types.h"
#include "analysis/cidr.h"
#include "analysis/property.h"

namespace ztlint::analysis {

namespace {

using graph::ResourceIndex;

constexpr std::array<std::string_view, 3> kInternetKeywords = {"*", "internet", "any"};
constexpr std::array<std::string_view, 4> kAnyOrVnetKeywords = {"*", "any", "virtualnetwork",
                                                                "internet"};

// Several prefixes (sourceAddressPrefix plus sourceAddressPrefixes): any one may match.
Tri any_prefix(const graph::Resource& resource, std::string_view single, std::string_view plural,
               Tri (*test)(const value::Value&), source::Span* span = nullptr) {
  Tri result = Tri::kFalse;
  for (std::string_view path : {single, plural}) {
    const Lookup found = lookup(resource, path);
    if (found.unknown) result = tri_or(result, Tri::kUnknown);
    for (const value::Value* v : found.values) {
      if (v->is_null()) continue;
      if (span && !span->valid()) *span = v->span();
      if (v->is_list()) {
        for (const value::Value& item : v->as_list()) result = tri_or(result, test(item));
      } else {
        result = tri_or(result, test(*v));
      }
    }
  }
  return result;
}

Tri any_or_vnet_source(const value::Value& prefix) {
  if (!prefix.is_string()) return prefix.is_null() ? Tri::kFalse : Tri::kUnknown;
  const std::string text = value::to_lower(prefix.as_string());
  if (std::find(kAnyOrVnetKeywords.begin(), kAnyOrVnetKeywords.end(), text) !=
      kAnyOrVnetKeywords.end()) {
    return Tri::kTrue;
  }
  auto cidr = parse_cidr(text);
  return tri(cidr && cidr->prefix == 0);
}

Tri any_destination(const value::Value& prefix) {
  if (!prefix.is_string()) return prefix.is_null() ? Tri::kFalse : Tri::kUnknown;
  const std::string text = value::to_lower(prefix.as_string());
  if (text == "*" || text == "any") return Tri::kTrue;
  auto cidr = parse_cidr(text);
  return tri(cidr && cidr->prefix == 0);
}

// Destination ports from destinationPortRange and destinationPortRanges.
std::optional<PortSet> destination_ports(const graph::Resource& resource, source::Span* span) {
  PortSet ports;
  bool unknown = false;
  for (std::string_view path :
       {"properties.destinationPortRange", "properties.destinationPortRanges"}) {
    const Lookup found = lookup(resource, path);
    if (found.unknown) unknown = true;
    for (const value::Value* v : found.values) {
      if (v->is_null()) continue;
      if (!span->valid()) *span = v->span();
      auto add_one = [&](const value::Value& item) {
        std::optional<PortSet> parsed;
        if (item.is_string()) parsed = PortSet::parse(item.as_string());
        if (item.is_number() && item.as_number() >= 0 && item.as_number() <= PortSet::kMaxPort) {
          parsed = PortSet::parse(std::to_string(static_cast<int>(item.as_number())));
        }
        if (parsed) {
          ports.add(*parsed);
        } else {
          unknown = true;
        }
      };
      if (v->is_list()) {
        for (const value::Value& item : v->as_list()) add_one(item);
      } else {
        add_one(*v);
      }
    }
  }
  if (unknown) return std::nullopt;
  return ports;
}

}  // namespace

Tri Exposure::is_internet_source(const value::Value& prefix) {
  if (prefix.is_null()) return Tri::kFalse;
  if (!prefix.is_string()) return Tri::kUnknown;
  const std::string text = value::to_lower(prefix.as_string());
  if (std::find(kInternetKeywords.begin(), kInternetKeywords.end(), text) !=
      kInternetKeywords.end()) {
    return Tri::kTrue;
  }
  auto cidr = parse_cidr(text);
  return tri(cidr && cidr->prefix == 0);
}

Exposure Exposure::compute(const graph::ResourceGraph& graph) {
  Exposure exposure;
  for (ResourceIndex index : graph.of_type(types::kNsgRule)) {
    if (graph.canonical(index) != index || graph.resource(index).reference_only) continue;
    const graph::Resource& resource = graph.resource(index);
    RuleInfo info;
    info.rule = index;
    info.nsg = graph.parent(index);
    const StringLookup direction = string_property(resource, "properties.direction");
    info.inbound = direction.present == Tri::kTrue ? tri(value::iequals(direction.text, "Inbound"))
                                                   : Tri::kUnknown;
    const StringLookup access = string_property(resource, "properties.access");
    info.allow =
        access.present == Tri::kTrue ? tri(value::iequals(access.text, "Allow")) : Tri::kUnknown;
    if (const value::Value* priority = lookup(resource, "properties.priority").first();
        priority && priority->is_number()) {
      info.priority = priority->as_number();
    }
    const StringLookup protocol = string_property(resource, "properties.protocol");
    if (protocol.present == Tri::kTrue) {
      info.protocol = value::to_lower(protocol.text);
    } else if (protocol.present == Tri::kFalse) {
      info.protocol = "*";
    }
    if (info.protocol == "any") info.protocol = "*";
    info.source_is_internet =
        any_prefix(resource, "properties.sourceAddressPrefix", "properties.sourceAddressPrefixes",
                   &Exposure::is_internet_source);
    info.source_is_any_or_vnet =
        any_prefix(resource, "properties.sourceAddressPrefix", "properties.sourceAddressPrefixes",
                   &any_or_vnet_source);
    info.destination_is_any = any_prefix(resource, "properties.destinationAddressPrefix",
                                         "properties.destinationAddressPrefixes", &any_destination);
    source::Span ports_span;
    info.ports = destination_ports(resource, &ports_span);
    exposure.rules_.emplace(index, info);
    if (info.nsg) exposure.by_nsg_[*info.nsg].push_back(index);
    RuleExposure& rule_exposure = exposure.exposures_[index];
    rule_exposure.ports_span = ports_span.valid() ? ports_span : resource.range;
  }

  for (auto& [nsg, rules] : exposure.by_nsg_) {
    std::stable_sort(rules.begin(), rules.end(), [&](ResourceIndex a, ResourceIndex b) {
      const auto& x = exposure.rules_.at(a).priority;
      const auto& y = exposure.rules_.at(b).priority;
      if (!x || !y) return x.has_value() && !y.has_value();
      return *x < *y;
    });
  }

  // An Allow's exposure is its ports minus those a Deny of higher priority (lower number)
  // takes away for Internet sources and the same protocol. Rules are walked in priority
  // order per NSG, so this is linear in the rules after sorting.
  for (auto& [index, info] : exposure.rules_) {
    RuleExposure& out = exposure.exposures_[index];
    out.admits_internet = tri_and(tri_and(info.inbound, info.allow), info.source_is_internet);
    if (out.admits_internet == Tri::kFalse) continue;
    if (!info.ports) continue;
    out.ports = info.ports;
  }
  for (const auto& [nsg, rules] : exposure.by_nsg_) {
    std::unordered_map<std::string, PortSet> denied;  // by protocol ("*", "tcp", ...)
    bool deny_unknown = false;
    for (ResourceIndex index : rules) {
      const RuleInfo& info = exposure.rules_.at(index);
      RuleExposure& out = exposure.exposures_[index];
      if (out.admits_internet != Tri::kFalse && out.ports) {
        PortSet remaining = *out.ports;
        remaining.subtract(denied["*"]);
        if (!info.protocol.empty() && info.protocol != "*")
          remaining.subtract(denied[info.protocol]);
        // An earlier Deny that cannot be read may close what remains: then it is unknown.
        if ((!info.priority || deny_unknown) && !remaining.empty()) {
          out.ports.reset();
        } else {
          out.ports = remaining;
        }
      }
      const Tri is_deny = tri_and(info.inbound, tri_not(info.allow));
      if (is_deny == Tri::kFalse) continue;
      const Tri deny_internet = info.source_is_internet;
      if (is_deny == Tri::kTrue && deny_internet == Tri::kTrue && !info.protocol.empty() &&
          info.ports && info.priority) {
        denied[info.protocol].add(*info.ports);
      } else if (deny_internet != Tri::kFalse) {
        deny_unknown = true;
      }
    }
  }
  return exposure;
}

const RuleInfo* Exposure::rule(ResourceIndex index) const {
  auto it = rules_.find(index);
  return it == rules_.end() ? nullptr : &it->second;
}

const RuleExposure* Exposure::exposure(ResourceIndex rule) const {
  auto it = exposures_.find(rule);
  return it == exposures_.end() ? nullptr : &it->second;
}

const std::vector<ResourceIndex>& Exposure::rules_of(ResourceIndex nsg) const {
  static const std::vector<ResourceIndex> kNone;
  auto it = by_nsg_.find(nsg);
  return it == by_nsg_.end() ? kNone : it->second;
}

}  // namespace ztlint::analysis
