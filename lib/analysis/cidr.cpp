#include "analysis/cidr.h"

#include <arpa/inet.h>

#include <charconv>

namespace ztlint::analysis {

namespace {

void clear_host_bits(Cidr& cidr) {
  const int bytes = cidr.v6 ? 16 : 4;
  for (int i = 0; i < bytes; ++i) {
    const int bits_kept = cidr.prefix - i * 8;
    if (bits_kept >= 8) continue;
    if (bits_kept <= 0) {
      cidr.bytes[i] = 0;
    } else {
      cidr.bytes[i] &= static_cast<std::uint8_t>(0xFF << (8 - bits_kept));
    }
  }
}

}  // namespace

std::optional<Cidr> parse_cidr(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::string address(text);
  int prefix = -1;
  if (const auto slash = text.find('/'); slash != std::string_view::npos) {
    address = std::string(text.substr(0, slash));
    const std::string_view digits = text.substr(slash + 1);
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
    if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  }
  Cidr cidr;
  if (address.find(':') != std::string::npos) {
    cidr.v6 = true;
    if (inet_pton(AF_INET6, address.c_str(), cidr.bytes.data()) != 1) return std::nullopt;
  } else if (inet_pton(AF_INET, address.c_str(), cidr.bytes.data()) != 1) {
    return std::nullopt;
  }
  if (prefix < 0) prefix = cidr.max_prefix();
  if (prefix > cidr.max_prefix()) return std::nullopt;
  cidr.prefix = prefix;
  clear_host_bits(cidr);
  return cidr;
}

bool cidr_contains(const Cidr& outer, const Cidr& inner) {
  if (outer.v6 != inner.v6 || outer.prefix > inner.prefix) return false;
  Cidr narrowed = inner;
  narrowed.prefix = outer.prefix;
  clear_host_bits(narrowed);
  return narrowed.bytes == outer.bytes;
}

bool cidr_overlaps(const Cidr& a, const Cidr& b) {
  return cidr_contains(a, b) || cidr_contains(b, a);
}

std::optional<std::string> ipv4_host(const Cidr& block, std::uint32_t offset) {
  if (block.v6) return std::nullopt;
  const std::uint64_t size = std::uint64_t{1} << (32 - block.prefix);
  if (offset >= size) return std::nullopt;
  std::uint32_t base = (std::uint32_t{block.bytes[0]} << 24) |
                       (std::uint32_t{block.bytes[1]} << 16) |
                       (std::uint32_t{block.bytes[2]} << 8) | block.bytes[3];
  const std::uint32_t host = base + offset;
  return std::to_string(host >> 24) + "." + std::to_string((host >> 16) & 0xFF) + "." +
         std::to_string((host >> 8) & 0xFF) + "." + std::to_string(host & 0xFF);
}

std::string Cidr::to_string() const {
  char buffer[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buffer, sizeof(buffer));
  return std::string(buffer) + "/" + std::to_string(prefix);
}

}  // namespace ztlint::analysis
