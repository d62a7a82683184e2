// IP prefixes (IPv4 and IPv6 CIDR blocks): parsing, containment, overlap, host addresses.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ztlint::analysis {

// A normalized CIDR block: host bits are cleared, so 10.0.1.7/24 is 10.0.1.0/24.
struct Cidr {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 uses the first four
  int prefix = 0;

  int max_prefix() const { return v6 ? 128 : 32; }
  std::string to_string() const;
  friend bool operator==(const Cidr&, const Cidr&) = default;
};

// "10.0.0.0/16", "fd00::/8", or a bare address (a /32 or /128). nullopt when not a prefix.
std::optional<Cidr> parse_cidr(std::string_view text);

// Every address of `inner` is in `outer` (false across address families).
bool cidr_contains(const Cidr& outer, const Cidr& inner);
bool cidr_overlaps(const Cidr& a, const Cidr& b);

// The IPv4 address at `offset` from the start of the block ("10.0.1.4" for offset 4 of
// 10.0.1.0/26); nullopt for IPv6 or an offset outside the block.
std::optional<std::string> ipv4_host(const Cidr& block, std::uint32_t offset);

}  // namespace ztlint::analysis
