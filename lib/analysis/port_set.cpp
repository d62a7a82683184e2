#include "analysis/port_set.h"

#include <algorithm>
#include <charconv>

#include "value/value.h"

namespace ztlint::analysis {

namespace {

std::optional<std::uint32_t> parse_port(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::uint32_t port = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      port > PortSet::kMaxPort) {
    return std::nullopt;
  }
  return port;
}

}  // namespace

PortSet PortSet::all() {
  PortSet set;
  set.add(0, kMaxPort);
  return set;
}

std::optional<PortSet> PortSet::parse(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text == "*" || value::iequals(text, "any")) return all();
  PortSet set;
  if (const auto dash = text.find('-'); dash != std::string_view::npos) {
    auto low = parse_port(text.substr(0, dash));
    auto high = parse_port(text.substr(dash + 1));
    if (!low || !high || *low > *high) return std::nullopt;
    set.add(*low, *high);
    return set;
  }
  auto port = parse_port(text);
  if (!port) return std::nullopt;
  set.add(*port, *port);
  return set;
}

void PortSet::add(std::uint32_t low, std::uint32_t high) {
  if (low > high) return;
  ranges_.emplace_back(low, std::min(high, kMaxPort));
  std::sort(ranges_.begin(), ranges_.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& range : ranges_) {
    if (!merged.empty() && range.first <= merged.back().second + 1) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  ranges_ = std::move(merged);
}

void PortSet::add(const PortSet& other) {
  for (const auto& [low, high] : other.ranges_) add(low, high);
}

void PortSet::subtract(const PortSet& other) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
  for (auto [low, high] : ranges_) {
    for (const auto& [cut_low, cut_high] : other.ranges_) {
      if (cut_high < low || cut_low > high) continue;
      if (cut_low > low) result.emplace_back(low, cut_low - 1);
      if (cut_high >= high) {
        low = high + 1;
        break;
      }
      low = cut_high + 1;
    }
    if (low <= high) result.emplace_back(low, high);
  }
  ranges_ = std::move(result);
}

bool PortSet::contains(std::uint32_t port) const {
  for (const auto& [low, high] : ranges_) {
    if (port >= low && port <= high) return true;
  }
  return false;
}

bool PortSet::covers_all() const {
  for (const auto& [low, high] : ranges_) {
    if (low <= 1 && high == kMaxPort) return true;
  }
  return false;
}

std::string PortSet::to_string() const {
  if (covers_all()) return "*";
  std::string out;
  for (const auto& [low, high] : ranges_) {
    if (!out.empty()) out += ", ";
    out += std::to_string(low);
    if (high != low) out += "-" + std::to_string(high);
  }
  return out;
}

}  // namespace ztlint::analysis
