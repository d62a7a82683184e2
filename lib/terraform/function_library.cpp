#include "terraform/function_library.h"
#include "yaml/yaml_value.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "source/limits.h"

namespace ztlint::terraform {

using value::List;
using value::Map;
using value::Value;

Value CallContext::fail(std::string reason) const {
  if (errors != nullptr) ++*errors;
  return Value::unknown(std::move(reason), span);
}

Value CallContext::exceed(std::string reason) {
  limit_exceeded = reason;
  return fail(std::move(reason));
}

std::string format_number(double number) {
  if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 1e15) {
    return fmt::format("{}", static_cast<long long>(number));
  }
  return fmt::format("{}", number);
}

std::optional<std::string> to_terraform_string(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kString: return v.as_string();
    case Value::Kind::kNumber: return format_number(v.as_number());
    case Value::Kind::kBool: return v.as_bool() ? "true" : "false";
    default: return std::nullopt;
  }
}

std::optional<double> to_terraform_number(const Value& v) {
  if (v.is_number()) return v.as_number();
  if (v.is_string()) {
    const std::string& s = v.as_string();
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (end == s.c_str() + s.size()) return d;
  }
  return std::nullopt;
}

std::optional<bool> to_terraform_bool(const Value& v) {
  if (v.is_bool()) return v.as_bool();
  if (v.is_string() && v.as_string() == "true") return true;
  if (v.is_string() && v.as_string() == "false") return false;
  return std::nullopt;
}

const Value* map_get(const Map& map, std::string_view key) {
  for (const auto& [k, v] : map) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool terraform_equal(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::kNull: return true;
    case Value::Kind::kBool: return a.as_bool() == b.as_bool();
    case Value::Kind::kNumber: return a.as_number() == b.as_number();
    case Value::Kind::kString: return a.as_string() == b.as_string();
    case Value::Kind::kList: {
      const List &x = a.as_list(), &y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!terraform_equal(x[i], y[i])) return false;
      }
      return true;
    }
    case Value::Kind::kMap: {
      const Map &x = a.as_map(), &y = b.as_map();
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x) {
        const Value* other = map_get(y, k);
        if (other == nullptr || !terraform_equal(v, *other)) return false;
      }
      return true;
    }
    case Value::Kind::kRef: return a == b;
    case Value::Kind::kUnknown: return false;
  }
  return false;
}

bool fully_known(const Value& v, bool refs_count_as_unknown) {
  switch (v.kind()) {
    case Value::Kind::kUnknown: return false;
    case Value::Kind::kRef: return !refs_count_as_unknown;
    case Value::Kind::kList:
      for (const Value& item : v.as_list()) {
        if (!fully_known(item, refs_count_as_unknown)) return false;
      }
      return true;
    case Value::Kind::kMap:
      for (const auto& [k, item] : v.as_map()) {
        if (!fully_known(item, refs_count_as_unknown)) return false;
      }
      return true;
    default: return true;
  }
}

namespace {

nlohmann::json to_json(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return nullptr;
    case Value::Kind::kBool: return v.as_bool();
    case Value::Kind::kNumber: {
      const double d = v.as_number();
      if (std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<long long>(d);
      return d;
    }
    case Value::Kind::kString: return v.as_string();
    case Value::Kind::kList: {
      nlohmann::json out = nlohmann::json::array();
      for (const Value& item : v.as_list()) out.push_back(to_json(item));
      return out;
    }
    case Value::Kind::kMap: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [k, item] : v.as_map()) out[k] = to_json(item);
      return out;
    }
    default: return nullptr;
  }
}

Value from_json(const nlohmann::json& j, source::Span span, int depth = 0) {
  if (depth > 200) return Value::unknown("JSON nested too deeply", span);
  switch (j.type()) {
    case nlohmann::json::value_t::boolean: return Value::boolean(j.get<bool>(), span);
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: return Value::number(j.get<double>(), span);
    case nlohmann::json::value_t::string: return Value::string(j.get<std::string>(), span);
    case nlohmann::json::value_t::array: {
      List items;
      for (const auto& item : j) items.push_back(from_json(item, span, depth + 1));
      return Value::list(std::move(items), span);
    }
    case nlohmann::json::value_t::object: {
      Map entries;
      for (const auto& [k, item] : j.items())
        entries.emplace_back(k, from_json(item, span, depth + 1));
      return Value::map(std::move(entries), span);
    }
    default: return Value::null(span);
  }
}

// ----- argument helpers

using Args = std::span<const Value>;

std::optional<std::string> str(const Value& v) {
  return to_terraform_string(v);
}
std::optional<double> num(const Value& v) {
  return to_terraform_number(v);
}

// Lists and sets share one representation; a map is not a list.
const List* as_list(const Value& v) {
  return v.is_list() ? &v.as_list() : nullptr;
}

std::optional<long long> integer(const Value& v) {
  const auto d = num(v);
  if (!d || std::floor(*d) != *d || std::fabs(*d) > 9e15) return std::nullopt;
  return static_cast<long long>(*d);
}

// ----- CIDR arithmetic (IPv4 and IPv6 as 128-bit integers)

using U128 = unsigned __int128;

struct Cidr {
  U128 address = 0;
  int prefix = 0;
  bool v6 = false;
  int bits() const { return v6 ? 128 : 32; }
  U128 size_of_host_part() const { return U128(1) << (bits() - prefix); }
  U128 network() const {
    if (prefix == 0) return 0;
    const int host = bits() - prefix;
    return host >= 128 ? 0 : (address >> host) << host;
  }
};

std::optional<U128> parse_ipv4(std::string_view s) {
  U128 out = 0;
  int parts = 0;
  std::size_t i = 0;
  while (i <= s.size() && parts < 4) {
    std::size_t j = i;
    unsigned value = 0;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 3)
      value = value * 10 + (s[j++] - '0');
    if (j == i || value > 255) return std::nullopt;
    out = (out << 8) | value;
    ++parts;
    if (parts < 4) {
      if (j >= s.size() || s[j] != '.') return std::nullopt;
      i = j + 1;
    } else {
      if (j != s.size()) return std::nullopt;
      break;
    }
  }
  return parts == 4 ? std::optional<U128>(out) : std::nullopt;
}

std::optional<U128> parse_ipv6(std::string_view s) {
  std::vector<unsigned> head, tail;
  bool compressed = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    compressed = true;
    i = 2;
  }
  while (i < s.size()) {
    std::size_t j = i;
    unsigned value = 0;
    while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j])) && j - i < 4) {
      value = value * 16 + static_cast<unsigned>(std::stoi(std::string(1, s[j]), nullptr, 16));
      ++j;
    }
    if (j == i) return std::nullopt;
    (compressed ? tail : head).push_back(value);
    if (j == s.size()) break;
    if (s[j] != ':') return std::nullopt;
    if (j + 1 < s.size() && s[j + 1] == ':') {
      if (compressed) return std::nullopt;
      compressed = true;
      i = j + 2;
    } else {
      i = j + 1;
    }
  }
  const std::size_t total = head.size() + tail.size();
  if (total > 8 || (!compressed && total != 8)) return std::nullopt;
  U128 out = 0;
  for (unsigned h : head) out = (out << 16) | h;
  for (std::size_t k = total; k < 8; ++k) out <<= 16;
  U128 t = 0;
  for (unsigned h : tail) t = (t << 16) | h;
  return out | t;
}

std::optional<Cidr> parse_cidr(std::string_view s) {
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  Cidr out;
  const std::string_view addr = s.substr(0, slash), len = s.substr(slash + 1);
  out.v6 = addr.find(':') != std::string_view::npos;
  const auto a = out.v6 ? parse_ipv6(addr) : parse_ipv4(addr);
  if (!a || len.empty() || len.size() > 3) return std::nullopt;
  int prefix = 0;
  for (char c : len) {
    if (c < '0' || c > '9') return std::nullopt;
    prefix = prefix * 10 + (c - '0');
  }
  if (prefix > out.bits()) return std::nullopt;
  out.address = *a;
  out.prefix = prefix;
  return out;
}

std::string format_ip(U128 address, bool v6) {
  if (!v6) {
    const auto a = static_cast<std::uint32_t>(address);
    return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
  }
  unsigned groups[8];
  for (int i = 7; i >= 0; --i) {
    groups[i] = static_cast<unsigned>(address & 0xFFFF);
    address >>= 16;
  }
  // Longest run of zero groups (length >= 2) becomes "::".
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    out += fmt::format("{:x}", groups[i]);
  }
  return out;
}

Value cidr_arg_error(CallContext& c, const Value& v) {
  return c.fail(fmt::format("invalid CIDR address \"{}\"", v.to_display()));
}

Value fn_cidrsubnet(Args a, CallContext& c) {
  const auto prefix = str(a[0]);
  const auto cidr = prefix ? parse_cidr(*prefix) : std::nullopt;
  if (!cidr) return cidr_arg_error(c, a[0]);
  const auto newbits = integer(a[1]);
  const auto netnum = integer(a[2]);
  if (!newbits || !netnum || *newbits < 0 || *netnum < 0) return c.fail("cidrsubnet: bad numbers");
  const int length = cidr->prefix + static_cast<int>(*newbits);
  if (length > cidr->bits()) {
    return c.fail(fmt::format("cidrsubnet: not enough remaining address space for a /{}", length));
  }
  if (*newbits < 64 && static_cast<U128>(*netnum) >= (U128(1) << *newbits)) {
    return c.fail(
        fmt::format("cidrsubnet: network number {} does not fit in {} bits", *netnum, *newbits));
  }
  const U128 address = cidr->network() | (static_cast<U128>(*netnum) << (cidr->bits() - length));
  return Value::string(fmt::format("{}/{}", format_ip(address, cidr->v6), length), c.span);
}

Value fn_cidrhost(Args a, CallContext& c) {
  const auto prefix = str(a[0]);
  const auto cidr = prefix ? parse_cidr(*prefix) : std::nullopt;
  if (!cidr) return cidr_arg_error(c, a[0]);
  const auto host = integer(a[1]);
  if (!host) return c.fail("cidrhost: bad host number");
  const int host_bits = cidr->bits() - cidr->prefix;
  const U128 size = host_bits >= 128 ? ~U128(0) : (U128(1) << host_bits);
  U128 offset;
  if (*host >= 0) {
    offset = static_cast<U128>(*host);
    if (offset >= size) return c.fail(fmt::format("cidrhost: host number {} out of range", *host));
  } else {
    const U128 back = static_cast<U128>(-*host);
    if (back > size) return c.fail(fmt::format("cidrhost: host number {} out of range", *host));
    offset = size - back;
  }
  return Value::string(format_ip(cidr->network() + offset, cidr->v6), c.span);
}

Value fn_cidrnetmask(Args a, CallContext& c) {
  const auto prefix = str(a[0]);
  const auto cidr = prefix ? parse_cidr(*prefix) : std::nullopt;
  if (!cidr || cidr->v6) return cidr_arg_error(c, a[0]);
  const U128 mask =
      cidr->prefix == 0 ? 0 : ((U128(0xFFFFFFFFu) << (32 - cidr->prefix)) & 0xFFFFFFFFu);
  return Value::string(format_ip(mask, false), c.span);
}

Value fn_cidrsubnets(Args a, CallContext& c) {
  const auto prefix = str(a[0]);
  const auto cidr = prefix ? parse_cidr(*prefix) : std::nullopt;
  if (!cidr) return cidr_arg_error(c, a[0]);
  const int host_bits = cidr->bits() - cidr->prefix;
  U128 next = 0;  // offset inside the base range
  const U128 limit = host_bits >= 128 ? ~U128(0) : (U128(1) << host_bits);
  List out;
  for (std::size_t i = 1; i < a.size(); ++i) {
    const auto newbits = integer(a[i]);
    if (!newbits || *newbits < 1) return c.fail("cidrsubnets: bad number of new bits");
    const int length = cidr->prefix + static_cast<int>(*newbits);
    if (length > cidr->bits()) return c.fail("cidrsubnets: not enough address space");
    const U128 size = U128(1) << (cidr->bits() - length);
    if (next % size != 0) next = (next / size + 1) * size;
    if (next + size > limit || next + size < next) {
      return c.fail("cidrsubnets: not enough remaining address space");
    }
    out.push_back(Value::string(
        fmt::format("{}/{}", format_ip(cidr->network() + next, cidr->v6), length), c.span));
    next += size;
  }
  return Value::list(std::move(out), c.span);
}

// ----- collections

Value fn_concat(Args a, CallContext& c) {
  List out;
  for (const Value& v : a) {
    const List* l = as_list(v);
    if (l == nullptr) return c.fail("concat: all arguments must be lists");
    out.insert(out.end(), l->begin(), l->end());
  }
  return Value::list(std::move(out), c.span);
}

Value fn_merge(Args a, CallContext& c) {
  Map out;
  for (const Value& v : a) {
    if (v.is_null()) continue;
    if (!v.is_map()) return c.fail("merge: all arguments must be maps or objects");
    for (const auto& [k, item] : v.as_map()) {
      // `key` rather than `k`: clang 14 cannot capture a structured binding.
      auto it = std::find_if(out.begin(), out.end(),
                             [&key = k](const auto& e) { return e.first == key; });
      if (it != out.end()) {
        it->second = item;
      } else {
        out.emplace_back(k, item);
      }
    }
  }
  return Value::map(std::move(out), c.span);
}

Value fn_lookup(Args a, CallContext& c) {
  if (!a[0].is_map()) return c.fail("lookup: first argument must be a map");
  const auto key = str(a[1]);
  if (!key)
    return a[1].is_concrete() ? c.fail("lookup: key must be a string")
                              : Value::unknown("lookup key is unknown", c.span);
  if (const Value* v = map_get(a[0].as_map(), *key)) return *v;
  if (a.size() > 2) return a[2];
  return c.fail(fmt::format("lookup: key \"{}\" not found", *key));
}

Value fn_element(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  const auto i = integer(a[1]);
  if (l == nullptr || !i) return c.fail("element: expects a list and an index");
  if (l->empty()) return c.fail("element: the list is empty");
  if (*i < 0) return c.fail("element: negative index");
  return (*l)[static_cast<std::size_t>(*i) % l->size()];
}

Value fn_index(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("index: expects a list");
  for (std::size_t i = 0; i < l->size(); ++i) {
    if (terraform_equal((*l)[i], a[1])) return Value::number(static_cast<double>(i), c.span);
  }
  return c.fail("index: value not found");
}

Value fn_length(Args a, CallContext& c) {
  if (a[0].is_list()) return Value::number(static_cast<double>(a[0].as_list().size()), c.span);
  if (a[0].is_map()) return Value::number(static_cast<double>(a[0].as_map().size()), c.span);
  if (a[0].is_string()) {
    std::size_t count = 0;
    for (unsigned char ch : a[0].as_string()) count += (ch & 0xC0) != 0x80;
    return Value::number(static_cast<double>(count), c.span);
  }
  return c.fail("length: expects a collection or string");
}

Value fn_keys(Args a, CallContext& c) {
  if (!a[0].is_map()) return c.fail("keys: expects a map");
  std::vector<std::string> keys;
  for (const auto& [k, v] : a[0].as_map()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  List out;
  for (auto& k : keys) out.push_back(Value::string(std::move(k), c.span));
  return Value::list(std::move(out), c.span);
}

Value fn_values(Args a, CallContext& c) {
  if (!a[0].is_map()) return c.fail("values: expects a map");
  std::vector<std::pair<std::string, Value>> entries(a[0].as_map().begin(), a[0].as_map().end());
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  List out;
  for (auto& [k, v] : entries) out.push_back(v);
  return Value::list(std::move(out), c.span);
}

bool flatten_into(const Value& v, List& out, int depth) {
  if (depth > 100) return false;
  if (v.is_list()) {
    for (const Value& item : v.as_list()) {
      if (item.is_unknown()) return false;
      if (!flatten_into(item, out, depth + 1)) return false;
    }
    return true;
  }
  out.push_back(v);
  return true;
}

Value fn_flatten(Args a, CallContext& c) {
  if (!a[0].is_list()) return c.fail("flatten: expects a list");
  List out;
  if (!flatten_into(a[0], out, 0)) return Value::unknown("flatten over an unknown list", c.span);
  return Value::list(std::move(out), c.span);
}

Value fn_zipmap(Args a, CallContext& c) {
  const List *k = as_list(a[0]), *v = as_list(a[1]);
  if (k == nullptr || v == nullptr || k->size() != v->size()) {
    return c.fail("zipmap: expects two lists of the same length");
  }
  Map out;
  for (std::size_t i = 0; i < k->size(); ++i) {
    if (!(*k)[i].is_concrete()) return Value::unknown("zipmap key is unknown", c.span);
    const auto key = str((*k)[i]);
    if (!key) return c.fail("zipmap: keys must be strings");
    out.emplace_back(*key, (*v)[i]);
  }
  return Value::map(std::move(out), c.span);
}

Value fn_tolist(Args a, CallContext& c) {
  if (a[0].is_list()) return a[0];
  if (a[0].is_null()) return a[0];
  return c.fail("tolist: expects a list or set");
}

Value fn_toset(Args a, CallContext& c) {
  if (a[0].is_null()) return a[0];
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("toset: expects a list or set");
  List out;
  for (const Value& item : *l) {
    // Sets of primitives hold strings when their elements mix types; keep as written.
    if (std::none_of(out.begin(), out.end(),
                     [&](const Value& x) { return terraform_equal(x, item); }))
      out.push_back(item);
  }
  return Value::list(std::move(out), c.span);
}

Value fn_tomap(Args a, CallContext& c) {
  if (a[0].is_map() || a[0].is_null()) return a[0];
  return c.fail("tomap: expects a map or object");
}

Value fn_tostring(Args a, CallContext& c) {
  if (a[0].is_null() || a[0].is_ref() || a[0].is_unknown()) return a[0];
  if (const auto s = str(a[0])) return Value::string(*s, c.span);
  return c.fail("tostring: expects a primitive value");
}

Value fn_tonumber(Args a, CallContext& c) {
  if (a[0].is_null()) return a[0];
  if (const auto n = num(a[0])) return Value::number(*n, c.span);
  return c.fail(fmt::format("tonumber: \"{}\" is not a number", a[0].to_display()));
}

Value fn_tobool(Args a, CallContext& c) {
  if (a[0].is_null()) return a[0];
  if (const auto b = to_terraform_bool(a[0])) return Value::boolean(*b, c.span);
  return c.fail("tobool: expects true or false");
}

Value fn_coalesce(Args a, CallContext& c) {
  for (const Value& v : a) {
    if (v.is_unknown()) return Value::unknown("coalesce over an unknown value", c.span);
    if (v.is_null()) continue;
    if (v.is_string() && v.as_string().empty()) continue;
    return v;
  }
  return c.fail("coalesce: no non-null, non-empty argument");
}

Value fn_coalescelist(Args a, CallContext& c) {
  for (const Value& v : a) {
    if (v.is_unknown()) return Value::unknown("coalescelist over an unknown value", c.span);
    if (v.is_list() && !v.as_list().empty()) return v;
  }
  return c.fail("coalescelist: no non-empty list");
}

Value fn_compact(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("compact: expects a list of strings");
  List out;
  for (const Value& v : *l) {
    if (v.is_null() || (v.is_string() && v.as_string().empty())) continue;
    out.push_back(v);
  }
  return Value::list(std::move(out), c.span);
}

Value fn_distinct(Args a, CallContext& c) {
  return fn_toset(a, c);
}

Value fn_contains(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("contains: expects a list or set");
  for (const Value& v : *l) {
    if (terraform_equal(v, a[1])) return Value::boolean(true, c.span);
  }
  return Value::boolean(false, c.span);
}

Value fn_slice(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  const auto from = integer(a[1]), to = integer(a[2]);
  if (l == nullptr || !from || !to || *from < 0 || *to < *from ||
      *to > static_cast<long long>(l->size())) {
    return c.fail("slice: index out of range");
  }
  return Value::list(List(l->begin() + *from, l->begin() + *to), c.span);
}

Value fn_reverse(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("reverse: expects a list");
  return Value::list(List(l->rbegin(), l->rend()), c.span);
}

Value fn_sort(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("sort: expects a list of strings");
  std::vector<std::string> items;
  for (const Value& v : *l) {
    const auto s = str(v);
    if (!s) return c.fail("sort: expects a list of strings");
    items.push_back(*s);
  }
  std::sort(items.begin(), items.end());
  List out;
  for (auto& s : items) out.push_back(Value::string(std::move(s), c.span));
  return Value::list(std::move(out), c.span);
}

Value fn_range(Args a, CallContext& c) {
  double start = 0, limit = 0, step = 1;
  std::vector<std::optional<double>> n;
  for (const Value& v : a) n.push_back(num(v));
  if (std::any_of(n.begin(), n.end(), [](const auto& x) { return !x; })) {
    return c.fail("range: expects numbers");
  }
  if (a.size() == 1) {
    limit = *n[0];
  } else {
    start = *n[0];
    limit = *n[1];
    if (a.size() == 3) step = *n[2];
  }
  if (a.size() < 3 && limit < start) step = -1;
  if (step == 0) return c.fail("range: step must not be zero");
  const double count = std::ceil((limit - start) / step);
  if (!(count <= static_cast<double>(source::kMaxCollectionItems))) {
    return c.exceed(fmt::format("range() would build {} elements, more than the limit of {}",
                                format_number(count), source::kMaxCollectionItems));
  }
  List out;
  for (double x = start; step > 0 ? x < limit : x > limit; x += step) {
    out.push_back(Value::number(x, c.span));
  }
  return Value::list(std::move(out), c.span);
}

Value fn_setproduct(Args a, CallContext& c) {
  List acc{Value::list({})};
  for (const Value& v : a) {
    const List* l = as_list(v);
    if (l == nullptr) return c.fail("setproduct: expects lists");
    List next;
    if (acc.size() * l->size() > source::kMaxCollectionItems) {
      return c.exceed(fmt::format("setproduct() would build more than {} elements",
                                  source::kMaxCollectionItems));
    }
    for (const Value& prefix : acc) {
      for (const Value& item : *l) {
        List combo = prefix.as_list();
        combo.push_back(item);
        next.push_back(Value::list(std::move(combo), c.span));
      }
    }
    acc = std::move(next);
  }
  if (a.empty()) return c.fail("setproduct: expects at least one list");
  return Value::list(std::move(acc), c.span);
}

Value fn_setunion(Args a, CallContext& c) {
  List out;
  for (const Value& v : a) {
    const List* l = as_list(v);
    if (l == nullptr) return c.fail("setunion: expects sets");
    for (const Value& item : *l) {
      if (std::none_of(out.begin(), out.end(),
                       [&](const Value& x) { return terraform_equal(x, item); }))
        out.push_back(item);
    }
  }
  return Value::list(std::move(out), c.span);
}

Value fn_setintersection(Args a, CallContext& c) {
  const List* first = as_list(a[0]);
  if (first == nullptr) return c.fail("setintersection: expects sets");
  List out;
  for (const Value& item : *first) {
    bool everywhere = true;
    for (std::size_t i = 1; i < a.size() && everywhere; ++i) {
      const List* l = as_list(a[i]);
      if (l == nullptr) return c.fail("setintersection: expects sets");
      everywhere = std::any_of(l->begin(), l->end(),
                               [&](const Value& x) { return terraform_equal(x, item); });
    }
    if (everywhere && std::none_of(out.begin(), out.end(),
                                   [&](const Value& x) { return terraform_equal(x, item); }))
      out.push_back(item);
  }
  return Value::list(std::move(out), c.span);
}

Value fn_one(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (a[0].is_null()) return a[0];
  if (l == nullptr) return c.fail("one: expects a list or set");
  if (l->empty()) return Value::null(c.span);
  if (l->size() == 1) return (*l)[0];
  return c.fail("one: the list has more than one element");
}

Value fn_alltrue(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("alltrue: expects a list of bools");
  for (const Value& v : *l) {
    const auto b = to_terraform_bool(v);
    if (!b) return c.fail("alltrue: expects a list of bools");
    if (!*b) return Value::boolean(false, c.span);
  }
  return Value::boolean(true, c.span);
}

Value fn_anytrue(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr) return c.fail("anytrue: expects a list of bools");
  for (const Value& v : *l) {
    const auto b = to_terraform_bool(v);
    if (!b) return c.fail("anytrue: expects a list of bools");
    if (*b) return Value::boolean(true, c.span);
  }
  return Value::boolean(false, c.span);
}

Value fn_chunklist(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  const auto size = integer(a[1]);
  if (l == nullptr || !size || *size < 0) return c.fail("chunklist: expects a list and a size");
  List out;
  if (*size == 0) {
    out.push_back(a[0]);
    return Value::list(std::move(out), c.span);
  }
  for (std::size_t i = 0; i < l->size(); i += static_cast<std::size_t>(*size)) {
    const std::size_t end = std::min(l->size(), i + static_cast<std::size_t>(*size));
    out.push_back(Value::list(List(l->begin() + i, l->begin() + end), c.span));
  }
  return Value::list(std::move(out), c.span);
}

Value fn_transpose(Args a, CallContext& c) {
  if (!a[0].is_map()) return c.fail("transpose: expects a map of lists");
  std::map<std::string, List> out;
  for (const auto& [k, v] : a[0].as_map()) {
    const List* l = as_list(v);
    if (l == nullptr) return c.fail("transpose: expects a map of lists");
    for (const Value& item : *l) {
      const auto s = str(item);
      if (!s) return c.fail("transpose: expects lists of strings");
      out[*s].push_back(Value::string(k, c.span));
    }
  }
  Map result;
  for (auto& [k, l] : out) result.emplace_back(k, Value::list(std::move(l), c.span));
  return Value::map(std::move(result), c.span);
}

Value fn_sum(Args a, CallContext& c) {
  const List* l = as_list(a[0]);
  if (l == nullptr || l->empty()) return c.fail("sum: expects a non-empty list of numbers");
  double total = 0;
  for (const Value& v : *l) {
    const auto n = num(v);
    if (!n) return c.fail("sum: expects numbers");
    total += *n;
  }
  return Value::number(total, c.span);
}

// ----- numbers

Value min_max(Args a, CallContext& c, bool want_max) {
  if (a.empty()) return c.fail("min/max: expects at least one number");
  double best =
      want_max ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  for (const Value& v : a) {
    const auto n = num(v);
    if (!n) return c.fail("min/max: expects numbers");
    best = want_max ? std::max(best, *n) : std::min(best, *n);
  }
  return Value::number(best, c.span);
}
Value fn_min(Args a, CallContext& c) {
  return min_max(a, c, false);
}
Value fn_max(Args a, CallContext& c) {
  return min_max(a, c, true);
}

template <double (*F)(double)>
Value unary_number(Args a, CallContext& c) {
  const auto n = num(a[0]);
  if (!n) return c.fail("expects a number");
  return Value::number(F(*n), c.span);
}
double abs_value(double x) {
  return std::fabs(x);
}
double ceil_value(double x) {
  return std::ceil(x);
}
double floor_value(double x) {
  return std::floor(x);
}

// ----- strings

template <typename F>
Value string_map(Args a, CallContext& c, F f) {
  const auto s = str(a[0]);
  if (!s) return c.fail("expects a string");
  return Value::string(f(*s), c.span);
}

Value fn_lower(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  });
}
Value fn_upper(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return s;
  });
}
Value fn_title(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    bool start = true;
    for (char& ch : s) {
      const bool letter = std::isalnum(static_cast<unsigned char>(ch)) != 0;
      if (start && letter) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      start = !letter;
    }
    return s;
  });
}
Value fn_trimspace(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    const auto first = s.find_first_not_of(" \t\r\n\v\f");
    if (first == std::string::npos) return std::string();
    const auto last = s.find_last_not_of(" \t\r\n\v\f");
    return s.substr(first, last - first + 1);
  });
}

Value fn_join(Args a, CallContext& c) {
  const auto sep = str(a[0]);
  if (!sep) return c.fail("join: separator must be a string");
  std::string out;
  bool first = true;
  for (std::size_t i = 1; i < a.size(); ++i) {
    const List* l = as_list(a[i]);
    if (l == nullptr) return c.fail("join: expects lists of strings");
    for (const Value& v : *l) {
      const auto s = str(v);
      if (!s) return c.fail("join: expects lists of strings");
      if (!first) out += *sep;
      out += *s;
      first = false;
    }
  }
  return Value::string(std::move(out), c.span);
}

Value fn_split(Args a, CallContext& c) {
  const auto sep = str(a[0]), s = str(a[1]);
  if (!sep || !s) return c.fail("split: expects strings");
  List out;
  if (sep->empty()) {
    for (char ch : *s) out.push_back(Value::string(std::string(1, ch), c.span));
    return Value::list(std::move(out), c.span);
  }
  std::size_t pos = 0;
  while (true) {
    const std::size_t next = s->find(*sep, pos);
    out.push_back(Value::string(s->substr(pos, next - pos), c.span));
    if (next == std::string::npos) break;
    pos = next + sep->size();
  }
  return Value::list(std::move(out), c.span);
}

Value fn_replace(Args a, CallContext& c) {
  const auto s = str(a[0]), from = str(a[1]), to = str(a[2]);
  if (!s || !from || !to) return c.fail("replace: expects strings");
  // A substring in slashes is a regular expression.
  if (from->size() >= 2 && from->front() == '/' && from->back() == '/') {
    RE2 re(from->substr(1, from->size() - 2), RE2::Quiet);
    if (!re.ok()) return c.fail("replace: invalid regular expression");
    std::string out = *s;
    std::string rewrite;
    for (std::size_t i = 0; i < to->size(); ++i) {
      if ((*to)[i] == '$' && i + 1 < to->size() &&
          std::isdigit(static_cast<unsigned char>((*to)[i + 1]))) {
        rewrite += '\\';
      } else if ((*to)[i] == '\\') {
        rewrite += '\\';
      }
      if ((*to)[i] != '$' || i + 1 >= to->size() ||
          !std::isdigit(static_cast<unsigned char>((*to)[i + 1]))) {
        rewrite += (*to)[i];
      }
    }
    // Every position may match: the bound refuses what could grow past the limit.
    if (rewrite.size() > 1 &&
        out.size() + (out.size() + 1) * rewrite.size() > source::kMaxStringBytes) {
      return c.exceed(
          fmt::format("replace() could build a string longer than the limit of {} bytes",
                      source::kMaxStringBytes));
    }
    RE2::GlobalReplace(&out, re, rewrite);
    return Value::string(std::move(out), c.span);
  }
  if (from->empty()) return Value::string(*s, c.span);
  if (to->size() > from->size()) {
    std::size_t matches = 0;
    for (std::size_t at = s->find(*from); at != std::string::npos;
         at = s->find(*from, at + from->size())) {
      ++matches;
    }
    if (s->size() + matches * (to->size() - from->size()) > source::kMaxStringBytes) {
      return c.exceed(
          fmt::format("replace() would build a string longer than the limit of {} bytes",
                      source::kMaxStringBytes));
    }
  }
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t next = s->find(*from, pos);
    if (next == std::string::npos) break;
    out.append(*s, pos, next - pos);
    out += *to;
    pos = next + from->size();
  }
  out.append(*s, pos);
  return Value::string(std::move(out), c.span);
}

// Byte offsets of UTF-8 code points.
std::vector<std::size_t> code_points(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

Value fn_substr(Args a, CallContext& c) {
  const auto s = str(a[0]);
  const auto offset = integer(a[1]), length = integer(a[2]);
  if (!s || !offset || !length) return c.fail("substr: expects a string and two numbers");
  const auto cps = code_points(*s);
  const long long n = static_cast<long long>(cps.size()) - 1;
  long long from = *offset < 0 ? n + *offset : *offset;
  if (from < 0 || from > n) return c.fail("substr: offset out of range");
  long long to = *length < 0 ? n : std::min(n, from + *length);
  return Value::string(s->substr(cps[from], cps[to] - cps[from]), c.span);
}

Value fn_trimprefix(Args a, CallContext& c) {
  const auto s = str(a[0]), p = str(a[1]);
  if (!s || !p) return c.fail("trimprefix: expects strings");
  if (s->compare(0, p->size(), *p) == 0) return Value::string(s->substr(p->size()), c.span);
  return Value::string(*s, c.span);
}
Value fn_trimsuffix(Args a, CallContext& c) {
  const auto s = str(a[0]), p = str(a[1]);
  if (!s || !p) return c.fail("trimsuffix: expects strings");
  if (s->size() >= p->size() && s->compare(s->size() - p->size(), p->size(), *p) == 0) {
    return Value::string(s->substr(0, s->size() - p->size()), c.span);
  }
  return Value::string(*s, c.span);
}
Value fn_trim(Args a, CallContext& c) {
  const auto s = str(a[0]), chars = str(a[1]);
  if (!s || !chars) return c.fail("trim: expects strings");
  const auto first = s->find_first_not_of(*chars);
  if (first == std::string::npos) return Value::string("", c.span);
  const auto last = s->find_last_not_of(*chars);
  return Value::string(s->substr(first, last - first + 1), c.span);
}
Value fn_startswith(Args a, CallContext& c) {
  const auto s = str(a[0]), p = str(a[1]);
  if (!s || !p) return c.fail("startswith: expects strings");
  return Value::boolean(s->compare(0, p->size(), *p) == 0 && s->size() >= p->size(), c.span);
}
Value fn_endswith(Args a, CallContext& c) {
  const auto s = str(a[0]), p = str(a[1]);
  if (!s || !p) return c.fail("endswith: expects strings");
  return Value::boolean(
      s->size() >= p->size() && s->compare(s->size() - p->size(), p->size(), *p) == 0, c.span);
}
Value fn_strrev(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    std::reverse(s.begin(), s.end());
    return s;
  });
}

std::optional<std::string> format_one(const std::string& spec, char verb, const Value& v) {
  // spec: flags/width/precision between '%' and the verb.
  std::string flags;
  std::size_t i = 0;
  while (i < spec.size() && std::strchr("-+# 0", spec[i]) != nullptr) flags += spec[i++];
  int width = 0, precision = -1;
  // Saturating just above the string limit: the result check refuses such a width.
  constexpr int kHuge = static_cast<int>(source::kMaxStringBytes) + 1;
  while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])))
    width = std::min(kHuge, width * 10 + (spec[i++] - '0'));
  if (i < spec.size() && spec[i] == '.') {
    precision = 0;
    ++i;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i])))
      precision = std::min(kHuge, precision * 10 + (spec[i++] - '0'));
  }
  std::string body;
  switch (verb) {
    case 's': {
      const auto s = to_terraform_string(v);
      if (!s) return std::nullopt;
      body = precision >= 0 ? s->substr(0, static_cast<std::size_t>(precision)) : *s;
      break;
    }
    case 'd': {
      const auto n = to_terraform_number(v);
      if (!n || std::floor(*n) != *n) return std::nullopt;
      body = fmt::format("{}", static_cast<long long>(*n));
      if (flags.find('+') != std::string::npos && *n >= 0) body = "+" + body;
      break;
    }
    case 'f':
    case 'e':
    case 'g': {
      const auto n = to_terraform_number(v);
      if (!n) return std::nullopt;
      const int p = precision < 0 ? 6 : precision;
      body = verb == 'f'   ? fmt::format("{:.{}f}", *n, p)
             : verb == 'e' ? fmt::format("{:.{}e}", *n, p)
                           : format_number(*n);
      break;
    }
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const auto n = to_terraform_number(v);
      if (!n || std::floor(*n) != *n) return std::nullopt;
      const auto k = static_cast<long long>(*n);
      body = verb == 'x'   ? fmt::format("{:x}", k)
             : verb == 'X' ? fmt::format("{:X}", k)
             : verb == 'o' ? fmt::format("{:o}", k)
                           : fmt::format("{:b}", k);
      break;
    }
    case 't': {
      const auto b = to_terraform_bool(v);
      if (!b) return std::nullopt;
      body = *b ? "true" : "false";
      break;
    }
    case 'q': {
      const auto s = to_terraform_string(v);
      if (!s) return std::nullopt;
      body = nlohmann::json(*s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      break;
    }
    case 'v': {
      if (const auto s = to_terraform_string(v)) {
        body = *s;
      } else if (const auto j = to_json_text(v)) {
        body = *j;
      } else {
        return std::nullopt;
      }
      break;
    }
    default: return std::nullopt;
  }
  if (static_cast<int>(body.size()) < width) {
    const std::size_t pad = static_cast<std::size_t>(width) - body.size();
    if (flags.find('-') != std::string::npos) {
      body.append(pad, ' ');
    } else if (flags.find('0') != std::string::npos && verb != 's') {
      const bool sign = !body.empty() && (body[0] == '-' || body[0] == '+');
      body.insert(sign ? 1 : 0, pad, '0');
    } else {
      body.insert(0, pad, ' ');
    }
  }
  return body;
}

std::optional<std::string> do_format(const std::string& f, Args args, std::string* why) {
  std::string out;
  std::size_t next_arg = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    if (i + 1 < f.size() && f[i + 1] == '%') {
      out += '%';
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    std::string spec;
    // Explicit argument index: %[2]s
    std::optional<std::size_t> explicit_index;
    while (j < f.size() && !std::isalpha(static_cast<unsigned char>(f[j]))) {
      if (f[j] == '[') {
        const std::size_t close = f.find(']', j);
        if (close == std::string::npos) break;
        explicit_index = std::strtoul(f.substr(j + 1, close - j - 1).c_str(), nullptr, 10);
        j = close + 1;
        continue;
      }
      spec += f[j++];
    }
    if (j >= f.size()) {
      *why = "format: unfinished verb";
      return std::nullopt;
    }
    std::size_t index = explicit_index ? *explicit_index - 1 : next_arg;
    next_arg = index + 1;
    if (index >= args.size()) {
      *why = "format: not enough arguments";
      return std::nullopt;
    }
    const auto piece = format_one(spec, f[j], args[index]);
    if (!piece) {
      *why = fmt::format("format: %{} cannot format \"{}\"", f[j], args[index].to_display());
      return std::nullopt;
    }
    out += *piece;
    i = j;
  }
  return out;
}

Value fn_format(Args a, CallContext& c) {
  const auto f = str(a[0]);
  if (!f) return c.fail("format: the format must be a string");
  std::string why;
  auto out = do_format(*f, a.subspan(1), &why);
  if (!out) return c.fail(why);
  return Value::string(std::move(*out), c.span);
}

Value fn_formatlist(Args a, CallContext& c) {
  const auto f = str(a[0]);
  if (!f) return c.fail("formatlist: the format must be a string");
  std::optional<std::size_t> n;
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (a[i].is_list()) {
      if (n && *n != a[i].as_list().size()) return c.fail("formatlist: lists of different lengths");
      n = a[i].as_list().size();
    }
  }
  const std::size_t count = n.value_or(1);
  List out;
  for (std::size_t k = 0; k < count; ++k) {
    std::vector<Value> row;
    for (std::size_t i = 1; i < a.size(); ++i)
      row.push_back(a[i].is_list() ? a[i].as_list()[k] : a[i]);
    std::string why;
    auto s = do_format(*f, row, &why);
    if (!s) return c.fail(why);
    out.push_back(Value::string(std::move(*s), c.span));
  }
  return Value::list(std::move(out), c.span);
}

// ----- encodings

Value fn_jsonencode(Args a, CallContext& c) {
  auto text = to_json_text(a[0]);
  if (!text) return Value::unknown("jsonencode of an unknown value", c.span);
  return Value::string(std::move(*text), c.span);
}

Value fn_jsondecode(Args a, CallContext& c) {
  const auto s = str(a[0]);
  if (!s) return c.fail("jsondecode: expects a string");
  const auto j = nlohmann::json::parse(*s, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return c.fail("jsondecode: invalid JSON");
  return from_json(j, c.span);
}

Value fn_yamldecode(Args a, CallContext& c) {
  const auto s = str(a[0]);
  if (!s) return c.fail("yamldecode: expects a string");
  std::string error;
  if (auto decoded = yaml::parse(*s, c.span, &error)) return *decoded;
  return c.fail(fmt::format("yamldecode: {}", error));
}

Value fn_base64encode(Args a, CallContext& c) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto s = str(a[0]);
  if (!s) return c.fail("base64encode: expects a string");
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < s->size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>((*s)[i]) << 16) |
                       (static_cast<unsigned char>((*s)[i + 1]) << 8) |
                       static_cast<unsigned char>((*s)[i + 2]);
    out += kTable[v >> 18];
    out += kTable[(v >> 12) & 63];
    out += kTable[(v >> 6) & 63];
    out += kTable[v & 63];
  }
  if (i < s->size()) {
    unsigned v = static_cast<unsigned char>((*s)[i]) << 16;
    if (i + 1 < s->size()) v |= static_cast<unsigned char>((*s)[i + 1]) << 8;
    out += kTable[v >> 18];
    out += kTable[(v >> 12) & 63];
    out += i + 1 < s->size() ? kTable[(v >> 6) & 63] : '=';
    out += '=';
  }
  return Value::string(std::move(out), c.span);
}

Value fn_file(Args a, CallContext& c) {
  const auto path = str(a[0]);
  if (!path) return c.fail("file: expects a path");
  std::string why;
  auto text = c.read_file ? c.read_file(*path, &why) : std::nullopt;
  if (!text) return Value::unknown(why.empty() ? "file() is not read" : why, c.span);
  return Value::string(std::move(*text), c.span);
}

Value fn_templatefile(Args a, CallContext& c) {
  const auto path = str(a[0]);
  if (!path) return c.fail("templatefile: expects a path");
  std::string why;
  auto text = c.read_file ? c.read_file(*path, &why) : std::nullopt;
  if (!text || !c.render)
    return Value::unknown(why.empty() ? "templatefile() is not read" : why, c.span);
  return c.render(*text, a.size() > 1 ? a[1] : Value::map({}));
}

// ----- regular expressions

Value regex_match(const RE2& re, const re2::StringPiece& match_in,
                  const std::vector<re2::StringPiece>& groups, source::Span span) {
  (void)match_in;
  const int n = re.NumberOfCapturingGroups();
  if (n == 0) return Value::string(std::string(groups[0]), span);
  const auto& names = re.CapturingGroupNames();
  if (!names.empty()) {
    Map out;
    for (const auto& [index, name] : names)
      out.emplace_back(name, Value::string(std::string(groups[index]), span));
    return Value::map(std::move(out), span);
  }
  List out;
  for (int i = 1; i <= n; ++i) out.push_back(Value::string(std::string(groups[i]), span));
  return Value::list(std::move(out), span);
}

Value regex_impl(Args a, CallContext& c, bool all) {
  const auto pattern = str(a[0]), s = str(a[1]);
  if (!pattern || !s) return c.fail("regex: expects strings");
  RE2 re(*pattern, RE2::Quiet);
  if (!re.ok()) return c.fail(fmt::format("regex: invalid pattern: {}", re.error()));
  const int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n) + 1);
  List matches;
  std::size_t pos = 0;
  while (pos <= s->size()) {
    if (!re.Match(*s, pos, s->size(), RE2::UNANCHORED, groups.data(), n + 1)) break;
    matches.push_back(regex_match(re, groups[0], groups, c.span));
    if (!all) return matches.front();
    const std::size_t end =
        static_cast<std::size_t>(groups[0].data() - s->data()) + groups[0].size();
    pos = groups[0].empty() ? end + 1 : end;
    if (matches.size() > 100000) break;
  }
  if (!all) return c.fail("regex: no match");
  return Value::list(std::move(matches), c.span);
}
Value fn_regex(Args a, CallContext& c) {
  return regex_impl(a, c, false);
}
Value fn_regexall(Args a, CallContext& c) {
  return regex_impl(a, c, true);
}

Value fn_identity(Args a, CallContext&) {
  return a[0];
}
Value fn_chomp(Args a, CallContext& c) {
  return string_map(a, c, [](std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
  });
}
Value fn_pow(Args a, CallContext& c) {
  const auto x = num(a[0]), y = num(a[1]);
  if (!x || !y) return c.fail("pow: expects numbers");
  return Value::number(std::pow(*x, *y), c.span);
}

constexpr int kVar = -1;
constexpr FunctionSpec kFunctions[] = {
    {"abs", 1, 1, Needs::kKnown, unary_number<abs_value>},
    {"alltrue", 1, 1, Needs::kKnown, fn_alltrue},
    {"anytrue", 1, 1, Needs::kKnown, fn_anytrue},
    {"base64encode", 1, 1, Needs::kKnown, fn_base64encode},
    {"ceil", 1, 1, Needs::kKnown, unary_number<ceil_value>},
    {"chomp", 1, 1, Needs::kKnown, fn_chomp},
    {"chunklist", 2, 2, Needs::kShallow, fn_chunklist},
    {"cidrhost", 2, 2, Needs::kKnown, fn_cidrhost},
    {"cidrnetmask", 1, 1, Needs::kKnown, fn_cidrnetmask},
    {"cidrsubnet", 3, 3, Needs::kKnown, fn_cidrsubnet},
    {"cidrsubnets", 1, kVar, Needs::kKnown, fn_cidrsubnets},
    {"coalesce", 1, kVar, Needs::kAnything, fn_coalesce},
    {"coalescelist", 1, kVar, Needs::kAnything, fn_coalescelist},
    {"compact", 1, 1, Needs::kNoUnknown, fn_compact},
    {"concat", 0, kVar, Needs::kShallow, fn_concat},
    {"contains", 2, 2, Needs::kNoUnknown, fn_contains},
    {"distinct", 1, 1, Needs::kNoUnknown, fn_distinct},
    {"element", 2, 2, Needs::kShallow, fn_element},
    {"endswith", 2, 2, Needs::kKnown, fn_endswith},
    {"file", 1, 1, Needs::kKnown, fn_file},
    {"flatten", 1, 1, Needs::kShallow, fn_flatten},
    {"floor", 1, 1, Needs::kKnown, unary_number<floor_value>},
    {"format", 1, kVar, Needs::kKnown, fn_format},
    {"formatlist", 1, kVar, Needs::kKnown, fn_formatlist},
    {"index", 2, 2, Needs::kNoUnknown, fn_index},
    {"join", 1, kVar, Needs::kKnown, fn_join},
    {"jsondecode", 1, 1, Needs::kKnown, fn_jsondecode},
    {"jsonencode", 1, 1, Needs::kKnown, fn_jsonencode},
    {"keys", 1, 1, Needs::kShallow, fn_keys},
    {"length", 1, 1, Needs::kShallow, fn_length},
    {"lookup", 2, 3, Needs::kShallow, fn_lookup},
    {"lower", 1, 1, Needs::kKnown, fn_lower},
    {"max", 1, kVar, Needs::kKnown, fn_max},
    {"merge", 0, kVar, Needs::kShallow, fn_merge},
    {"min", 1, kVar, Needs::kKnown, fn_min},
    {"nonsensitive", 1, 1, Needs::kAnything, fn_identity},
    {"one", 1, 1, Needs::kShallow, fn_one},
    {"pow", 2, 2, Needs::kKnown, fn_pow},
    {"range", 1, 3, Needs::kKnown, fn_range},
    {"regex", 2, 2, Needs::kKnown, fn_regex},
    {"regexall", 2, 2, Needs::kKnown, fn_regexall},
    {"replace", 3, 3, Needs::kKnown, fn_replace},
    {"reverse", 1, 1, Needs::kShallow, fn_reverse},
    {"sensitive", 1, 1, Needs::kAnything, fn_identity},
    {"setintersection", 1, kVar, Needs::kNoUnknown, fn_setintersection},
    {"setproduct", 1, kVar, Needs::kShallow, fn_setproduct},
    {"setunion", 1, kVar, Needs::kNoUnknown, fn_setunion},
    {"slice", 3, 3, Needs::kShallow, fn_slice},
    {"sort", 1, 1, Needs::kKnown, fn_sort},
    {"split", 2, 2, Needs::kKnown, fn_split},
    {"startswith", 2, 2, Needs::kKnown, fn_startswith},
    {"strrev", 1, 1, Needs::kKnown, fn_strrev},
    {"substr", 3, 3, Needs::kKnown, fn_substr},
    {"sum", 1, 1, Needs::kKnown, fn_sum},
    {"templatefile", 1, 2, Needs::kNoUnknown, fn_templatefile},
    {"title", 1, 1, Needs::kKnown, fn_title},
    {"tobool", 1, 1, Needs::kShallow, fn_tobool},
    {"tolist", 1, 1, Needs::kShallow, fn_tolist},
    {"tomap", 1, 1, Needs::kShallow, fn_tomap},
    {"tonumber", 1, 1, Needs::kShallow, fn_tonumber},
    {"toset", 1, 1, Needs::kNoUnknown, fn_toset},
    {"tostring", 1, 1, Needs::kAnything, fn_tostring},
    {"transpose", 1, 1, Needs::kKnown, fn_transpose},
    {"trim", 2, 2, Needs::kKnown, fn_trim},
    {"trimprefix", 2, 2, Needs::kKnown, fn_trimprefix},
    {"trimspace", 1, 1, Needs::kKnown, fn_trimspace},
    {"trimsuffix", 2, 2, Needs::kKnown, fn_trimsuffix},
    {"upper", 1, 1, Needs::kKnown, fn_upper},
    {"values", 1, 1, Needs::kShallow, fn_values},
    {"yamldecode", 1, 1, Needs::kKnown, fn_yamldecode},
    {"zipmap", 2, 2, Needs::kShallow, fn_zipmap},
};

static_assert(std::is_sorted(std::begin(kFunctions), std::end(kFunctions),
                             [](const FunctionSpec& a, const FunctionSpec& b) {
                               return a.name < b.name;
                             }),
              "kFunctions must stay sorted by name");

}  // namespace

std::optional<std::string> to_json_text(const Value& v) {
  if (!fully_known(v, true)) return std::nullopt;
  return to_json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Value> parse_json_value(std::string_view text, source::Span span) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return from_json(j, span);
}

const FunctionSpec* find_function(std::string_view name) {
  // Provider-namespaced built-ins (`provider::terraform::x`) are not ours.
  if (name.starts_with("core::")) name.remove_prefix(6);
  const auto it =
      std::lower_bound(std::begin(kFunctions), std::end(kFunctions), name,
                       [](const FunctionSpec& f, std::string_view n) { return f.name < n; });
  if (it == std::end(kFunctions) || it->name != name) return nullptr;
  return &*it;
}

Value call_function(const FunctionSpec& spec, std::span<const Value> args, CallContext& context) {
  const int n = static_cast<int>(args.size());
  if (n < spec.min_args || (spec.max_args >= 0 && n > spec.max_args)) {
    return context.fail(fmt::format("{}() takes {} argument{}, got {}", spec.name,
                                    spec.max_args == spec.min_args
                                        ? fmt::format("{}", spec.min_args)
                                        : fmt::format("at least {}", spec.min_args),
                                    spec.min_args == 1 ? "" : "s", n));
  }
  for (const Value& v : args) {
    bool ok = true;
    switch (spec.needs) {
      case Needs::kKnown: ok = fully_known(v, true); break;
      case Needs::kNoUnknown: ok = fully_known(v, false) && !v.is_ref(); break;
      case Needs::kShallow: ok = v.is_concrete(); break;
      case Needs::kAnything: break;
    }
    if (!ok) {
      return Value::unknown(fmt::format("{}() of a value not known offline", spec.name),
                            context.span);
    }
  }
  Value result = spec.impl(args, context);
  // Functions that grow their input (join, format, flatten, concat...) are bounded here;
  // those that could grow it without bound are refused before they build anything.
  const bool long_string =
      result.is_string() && result.as_string().size() > source::kMaxStringBytes;
  const std::size_t items = result.is_list()  ? result.as_list().size()
                            : result.is_map() ? result.as_map().size()
                                              : 0;
  if (long_string) {
    return context.exceed(fmt::format("{}() built a string longer than the limit of {} bytes",
                                      spec.name, source::kMaxStringBytes));
  }
  if (items > source::kMaxCollectionItems) {
    return context.exceed(fmt::format("{}() built {} elements, more than the limit of {}",
                                      spec.name, items, source::kMaxCollectionItems));
  }
  return result;
}

}  // namespace ztlint::terraform
