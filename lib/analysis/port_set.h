// Sets of TCP/UDP ports as sorted, disjoint ranges: what an NSG rule's port fields admit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ztlint::analysis {

// Ports 0..65535 as closed, sorted, non-adjacent ranges. A value type.
class PortSet {
 public:
  static constexpr std::uint32_t kMaxPort = 65535;

  static PortSet all();
  // One NSG port expression: "*", "Any", "22", "20-25". nullopt when it is not one.
  static std::optional<PortSet> parse(std::string_view text);

  void add(std::uint32_t low, std::uint32_t high);
  void add(const PortSet& other);
  void subtract(const PortSet& other);

  bool empty() const { return ranges_.empty(); }
  bool contains(std::uint32_t port) const;
  // Every usable port (1-65535; port 0 is reserved and never matters).
  bool covers_all() const;
  const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ranges() const { return ranges_; }
  // "22, 80-90" or "*" when it covers all ports.
  std::string to_string() const;

  friend bool operator==(const PortSet&, const PortSet&) = default;

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges_;
};

}  // namespace ztlint::analysis
