#include "arm/template_functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "json/json_reader.h"
#include "source/limits.h"

namespace ztlint::arm {

using value::List;
using value::Map;
using value::Value;

namespace {

// ---------------------------------------------------------------------------------------
// Hashes behind uniqueString() and guid().

std::uint32_t rotl32(std::uint32_t x, int r) {
  return (x << r) | (x >> (32 - r));
}

// The 64-bit Murmur variant Azure Resource Manager uses for uniqueString().
std::uint64_t murmur_hash64(std::string_view text) {
  constexpr std::uint32_t c1 = 0x239b961b, c2 = 0xab0e9789, c3 = 0x561ccd1b, c4 = 0x0bcaa747,
                          c5 = 0x85ebca6b, c6 = 0xc2b2ae35;
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t length = text.size();
  auto load = [&](std::size_t at, std::size_t count) {
    std::uint32_t word = 0;
    for (std::size_t i = 0; i < count; ++i)
      word |= static_cast<std::uint32_t>(data[at + i]) << (8 * i);
    return word;
  };
  std::uint32_t h1 = 0, h2 = 0;
  std::size_t index = 0;
  for (; index + 7 < length; index += 8) {
    std::uint32_t k1 = load(index, 4), k2 = load(index + 4, 4);
    k1 *= c1;
    k1 = rotl32(k1, 15);
    k1 *= c2;
    h1 ^= k1;
    h1 = rotl32(h1, 19);
    h1 += h2;
    h1 = h1 * 5 + c3;
    k2 *= c2;
    k2 = rotl32(k2, 17);
    k2 *= c1;
    h2 ^= k2;
    h2 = rotl32(h2, 13);
    h2 += h1;
    h2 = h2 * 5 + c4;
  }
  const std::size_t tail = length - index;
  if (tail > 0) {
    std::uint32_t k1 = load(index, std::min<std::size_t>(tail, 4));
    k1 *= c1;
    k1 = rotl32(k1, 15);
    k1 *= c2;
    h1 ^= k1;
    if (tail > 4) {
      std::uint32_t k2 = load(index + 4, tail - 4);
      k2 *= c2;
      k2 = rotl32(k2, 17);
      k2 *= c1;
      h2 ^= k2;
    }
  }
  h1 ^= static_cast<std::uint32_t>(length);
  h2 ^= static_cast<std::uint32_t>(length);
  h1 += h2;
  h2 += h1;
  auto mix = [&](std::uint32_t h) {
    h ^= h >> 16;
    h *= c5;
    h ^= h >> 13;
    h *= c6;
    h ^= h >> 16;
    return h;
  };
  h1 = mix(h1);
  h2 = mix(h2);
  h1 += h2;
  h2 += h1;
  return (static_cast<std::uint64_t>(h2) << 32) | h1;
}

std::array<std::uint8_t, 20> sha1(std::string_view message) {
  std::uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::string data(message);
  const std::uint64_t bit_length = static_cast<std::uint64_t>(message.size()) * 8;
  data.push_back(static_cast<char>(0x80));
  while (data.size() % 64 != 56) data.push_back(0);
  for (int i = 7; i >= 0; --i) data.push_back(static_cast<char>((bit_length >> (8 * i)) & 0xFF));
  for (std::size_t chunk = 0; chunk < data.size(); chunk += 64) {
    std::uint32_t w[80];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 0; b < 4; ++b) {
        w[i] = (w[i] << 8) | static_cast<std::uint8_t>(data[chunk + 4 * i + b]);
      }
    }
    for (int i = 16; i < 80; ++i) w[i] = rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; ++i) {
      std::uint32_t f, k;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const std::uint32_t temp = rotl32(a, 5) + f + e + k + w[i];
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<std::uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i) {
    for (int b = 0; b < 4; ++b) out[4 * i + b] = static_cast<std::uint8_t>(h[i] >> (24 - 8 * b));
  }
  return out;
}

std::string join(std::span<const std::string> parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Helpers shared by the functions.

std::string format_number(double number) {
  if (std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 9.0e15) {
    return fmt::format("{}", static_cast<long long>(number));
  }
  return fmt::format("{}", number);
}

std::string quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// Compact JSON as ARM's string() writes objects and arrays.
void write_json(const Value& value, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::kNull: out += "null"; break;
    case Value::Kind::kBool: out += value.as_bool() ? "true" : "false"; break;
    case Value::Kind::kNumber: out += format_number(value.as_number()); break;
    case Value::Kind::kString: {
      out += '"';
      for (char c : value.as_string()) {
        switch (c) {
          case '"': out += "\\\""; break;
          case '\\': out += "\\\\"; break;
          case '\n': out += "\\n"; break;
          case '\r': out += "\\r"; break;
          case '\t': out += "\\t"; break;
          default:
            if (static_cast<unsigned char>(c) < 0x20) {
              out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            } else {
              out += c;
            }
        }
      }
      out += '"';
      break;
    }
    case Value::Kind::kList: {
      out += '[';
      bool first = true;
      for (const Value& item : value.as_list()) {
        if (!first) out += ',';
        first = false;
        write_json(item, out);
      }
      out += ']';
      break;
    }
    case Value::Kind::kMap: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.as_map()) {
        if (!first) out += ',';
        first = false;
        write_json(Value::string(key), out);
        out += ':';
        write_json(item, out);
      }
      out += '}';
      break;
    }
    case Value::Kind::kUnknown:
      out += value.as_unknown().symbol.empty() ? "<unknown>" : value.as_unknown().symbol;
      break;
    case Value::Kind::kRef: out += value.to_display(); break;
  }
}

std::string to_text(const Value& value) {
  if (value.is_string()) return value.as_string();
  std::string out;
  write_json(value, out);
  return out;
}

bool is_symbolic(const Value& value) {
  return value.is_unknown() && !value.as_unknown().symbol.empty();
}

// One argument list under evaluation: typed accessors that record the first misuse.
class Call {
 public:
  Call(std::string_view name, std::span<const Value> args, FunctionContext& context)
      : name_(name), args_(args), context_(context) {}

  std::string_view name() const { return name_; }
  std::size_t size() const { return args_.size(); }
  const Value& arg(std::size_t i) const { return args_[i]; }
  std::span<const Value> args() const { return args_; }
  source::Span span() const { return context_.span; }

  const std::string& str(std::size_t i) {
    if (!args_[i].is_string()) {
      fail(fmt::format("argument {} must be a string", i + 1));
      return empty_;
    }
    return args_[i].as_string();
  }
  double num(std::size_t i) {
    if (args_[i].is_number()) return args_[i].as_number();
    fail(fmt::format("argument {} must be an integer", i + 1));
    return 0;
  }
  long long integer(std::size_t i) { return static_cast<long long>(num(i)); }
  bool boolean(std::size_t i) {
    if (args_[i].is_bool()) return args_[i].as_bool();
    fail(fmt::format("argument {} must be a boolean", i + 1));
    return false;
  }
  const List& list(std::size_t i) {
    if (!args_[i].is_list()) {
      fail(fmt::format("argument {} must be an array", i + 1));
      return empty_list_;
    }
    return args_[i].as_list();
  }
  const Map& map(std::size_t i) {
    if (!args_[i].is_map()) {
      fail(fmt::format("argument {} must be an object", i + 1));
      return empty_map_;
    }
    return args_[i].as_map();
  }

  void fail(std::string message) {
    if (failed_) return;
    failed_ = true;
    message_ = std::move(message);
  }
  bool failed() const { return failed_; }
  const std::string& message() const { return message_; }

  Value string(std::string text) const { return Value::string(std::move(text), span()); }
  Value number(double n) const { return Value::number(n, span()); }
  Value boolean_value(bool b) const { return Value::boolean(b, span()); }
  Value list_value(List items) const { return Value::list(std::move(items), span()); }
  Value map_value(Map entries) const { return Value::map(std::move(entries), span()); }
  Value unknown(std::string reason) const { return Value::unknown(std::move(reason), span()); }
  Value symbolic(std::string symbol) const {
    return Value::symbolic("a value fixed at deployment time", std::move(symbol), span());
  }

 private:
  std::string_view name_;
  std::span<const Value> args_;
  FunctionContext& context_;
  bool failed_ = false;
  std::string message_;
  static inline const std::string empty_;
  static inline const List empty_list_;
  static inline const Map empty_map_;
};

using Function = Value (*)(Call&);

// How a function treats arguments that are not computable (Unknown or Ref inside).
enum class UnknownArgs : std::uint8_t {
  kUnknown,  // the result is Unknown (symbolic when every such argument is symbolic)
  kHandled,  // the function looks at them itself (containers, if, coalesce, and/or...)
};

struct FunctionEntry {
  std::string_view name;  // canonical spelling, used in symbols
  std::uint8_t min_args;
  std::uint8_t max_args;  // kVariadic for no limit
  UnknownArgs unknown_args;
  Function function;
};

constexpr std::uint8_t kVariadic = 255;

// A result that depends on unknown arguments: symbolic if every unknown input is.
Value unknown_result(Call& call, std::string_view canonical_name) {
  bool all_symbolic = true;
  std::string reason;
  for (const Value& arg : call.args()) {
    if (is_computable(arg)) continue;
    if (!is_symbolic(arg)) {
      all_symbolic = false;
      if (reason.empty()) {
        reason = arg.is_unknown() ? arg.as_unknown().reason
                                  : "depends on a value known only after deployment";
      }
    }
  }
  if (!all_symbolic) return call.unknown(reason.empty() ? "depends on an unknown value" : reason);
  std::string symbol = std::string(canonical_name) + "(";
  for (std::size_t i = 0; i < call.size(); ++i) {
    if (i) symbol += ",";
    symbol += symbol_text(call.arg(i));
  }
  return call.symbolic(symbol + ")");
}

// Splits "a,'b,c',f(x,y)" at its top-level commas (quotes and parentheses nest).
bool split_arguments(std::string_view text, std::vector<std::string_view>* out) {
  int depth = 0;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\'') {
        if (i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else {
          quoted = false;
        }
      }
    } else if (c == '\'') {
      quoted = true;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      if (--depth < 0) return false;
    } else if (c == ',' && depth == 0) {
      out->push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (quoted || depth != 0) return false;
  out->push_back(text.substr(start));
  return true;
}

std::string unquote(std::string_view quoted) {
  std::string out;
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    out += quoted[i];
    if (quoted[i] == '\'' && quoted[i + 1] == '\'') ++i;
  }
  return out;
}

// A string built from literal and symbolic pieces, in one canonical form whatever
// function built it (concat, format, Bicep interpolation): adjacent literals merge.
struct StringBuilder {
  std::vector<std::string> parts;  // literal text, or a symbol when is_symbol
  std::vector<bool> is_symbol;
  bool unknown = false;
  std::string reason;

  void literal(std::string_view text) {
    if (text.empty()) return;
    if (!parts.empty() && !is_symbol.back()) {
      parts.back() += text;
    } else {
      parts.emplace_back(text);
      is_symbol.push_back(false);
    }
  }
  void add_symbol(const std::string& symbol) {
    // A nested concat flattens, so every way of building a string has one form.
    constexpr std::string_view kConcat = "concat(";
    if (symbol.size() > kConcat.size() && symbol.compare(0, kConcat.size(), kConcat) == 0 &&
        symbol.back() == ')') {
      std::vector<std::string_view> args;
      if (split_arguments(
              std::string_view(symbol).substr(kConcat.size(), symbol.size() - kConcat.size() - 1),
              &args)) {
        for (std::string_view arg : args) {
          if (arg.size() >= 2 && arg.front() == '\'' && arg.back() == '\'') {
            literal(unquote(arg));
          } else {
            parts.emplace_back(arg);
            is_symbol.push_back(true);
          }
        }
        return;
      }
    }
    parts.push_back(symbol);
    is_symbol.push_back(true);
  }
  void add(const Value& value) {
    if (is_symbolic(value)) {
      add_symbol(value.as_unknown().symbol);
    } else if (!is_computable(value)) {
      if (!unknown) {
        unknown = true;
        reason = value.is_unknown() ? value.as_unknown().reason
                                    : "depends on a value known only after deployment";
      }
    } else {
      literal(to_text(value));
    }
  }
  Value result(const Call& call) const {
    if (unknown) return call.unknown(reason);
    bool any_symbol = false;
    for (bool s : is_symbol) any_symbol = any_symbol || s;
    if (!any_symbol) return call.string(parts.empty() ? std::string() : parts.front());
    if (parts.size() == 1) return call.symbolic(parts.front());
    std::string symbol = "concat(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) symbol += ",";
      symbol += is_symbol[i] ? parts[i] : quote(parts[i]);
    }
    return call.symbolic(symbol + ")");
  }
};

// ---------------------------------------------------------------------------------------
// String functions.

Value fn_concat(Call& call) {
  if (call.size() > 0 && call.arg(0).is_list()) {
    List out;
    for (const Value& arg : call.args()) {
      if (arg.is_list()) {
        out.insert(out.end(), arg.as_list().begin(), arg.as_list().end());
      } else if (arg.is_null()) {
        continue;
      } else if (!arg.is_concrete()) {
        return call.unknown("concatenates an unknown array");
      } else {
        call.fail("concat() mixes arrays and other values");
        return {};
      }
    }
    return call.list_value(std::move(out));
  }
  StringBuilder builder;
  for (const Value& arg : call.args()) {
    if (arg.is_list() || arg.is_map()) {
      if (!is_computable(arg)) return call.unknown("concatenates an unknown value");
    }
    builder.add(arg);
  }
  return builder.result(call);
}

// .NET composite formatting as format() uses it: {index[,alignment][:format]}.
Value fn_format(Call& call) {
  if (!call.arg(0).is_string()) {
    if (is_computable(call.arg(0))) call.fail("argument 1 must be a string");
    return call.unknown("the format string is unknown");
  }
  const std::string& pattern = call.arg(0).as_string();
  StringBuilder builder;
  std::string literal;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      literal += '{';
      ++i;
    } else if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
      literal += '}';
      ++i;
    } else if (c == '{') {
      const auto close = pattern.find('}', i);
      if (close == std::string::npos) {
        call.fail("unmatched '{' in the format string");
        return {};
      }
      std::string_view item(pattern.data() + i + 1, close - i - 1);
      std::string_view spec;
      if (const auto colon = item.find(':'); colon != std::string_view::npos) {
        spec = item.substr(colon + 1);
        item = item.substr(0, colon);
      }
      if (const auto comma = item.find(','); comma != std::string_view::npos) {
        item = item.substr(0, comma);
      }
      std::size_t index = 0;
      for (char d : item) {
        if (d < '0' || d > '9') {
          call.fail(fmt::format("invalid format item '{{{}}}'", item));
          return {};
        }
        index = index * 10 + static_cast<std::size_t>(d - '0');
      }
      if (item.empty() || index + 1 >= call.size()) {
        call.fail(fmt::format("format item {{{}}} has no argument", item));
        return {};
      }
      builder.literal(literal);
      literal.clear();
      const Value& arg = call.arg(index + 1);
      if (!spec.empty() && arg.is_number()) {
        const char kind = static_cast<char>(std::toupper(static_cast<unsigned char>(spec[0])));
        int width = 0;
        for (char d : spec.substr(1)) {
          // Saturating just above the string limit: the result check refuses it.
          if (d >= '0' && d <= '9') {
            width = std::min(static_cast<int>(source::kMaxStringBytes) + 1, width * 10 + (d - '0'));
          }
        }
        const long long n = to_integer(arg.as_number());
        if (kind == 'D') {
          std::string digits = std::to_string(n < 0 ? -n : n);
          if (static_cast<int>(digits.size()) < width) {
            digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
          }
          builder.literal((n < 0 ? "-" : "") + digits);
        } else if (kind == 'X') {
          std::string hex = spec[0] == 'x' ? fmt::format("{:x}", n) : fmt::format("{:X}", n);
          if (static_cast<int>(hex.size()) < width) {
            hex.insert(0, static_cast<std::size_t>(width) - hex.size(), '0');
          }
          builder.literal(hex);
        } else {
          builder.add(arg);
        }
      } else {
        builder.add(arg);
      }
      i = close;
    } else {
      literal += c;
    }
  }
  builder.literal(literal);
  return builder.result(call);
}

Value fn_string(Call& call) {
  const Value& arg = call.arg(0);
  if (is_symbolic(arg)) return arg.with_span(call.span());
  if (!is_computable(arg)) return unknown_result(call, "string");
  return call.string(to_text(arg));
}

Value fn_to_lower(Call& call) {
  std::string text = call.str(0);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return call.string(std::move(text));
}

Value fn_to_upper(Call& call) {
  std::string text = call.str(0);
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return call.string(std::move(text));
}

Value fn_trim(Call& call) {
  std::string_view text = call.str(0);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return call.string(std::string(text));
}

Value fn_replace(Call& call) {
  std::string text = call.str(0);
  const std::string& from = call.str(1);
  const std::string& to = call.str(2);
  if (call.failed() || from.empty()) return call.string(text);
  if (to.size() > from.size()) {
    std::size_t matches = 0;
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + from.size()))
      ++matches;
    if (text.size() + matches * (to.size() - from.size()) > source::kMaxStringBytes) {
      call.fail(fmt::format("replace() would build a string longer than the limit of {} bytes",
                            source::kMaxStringBytes));
      return {};
    }
  }
  std::string out;
  std::size_t at = 0;
  while (true) {
    const auto next = text.find(from, at);
    if (next == std::string::npos) break;
    out.append(text, at, next - at);
    out += to;
    at = next + from.size();
  }
  out.append(text, at);
  return call.string(std::move(out));
}

Value fn_split(Call& call) {
  const std::string& text = call.str(0);
  std::vector<std::string> delimiters;
  if (call.arg(1).is_list()) {
    for (const Value& item : call.arg(1).as_list()) {
      if (item.is_string() && !item.as_string().empty()) delimiters.push_back(item.as_string());
    }
  } else {
    delimiters.push_back(call.str(1));
  }
  List out;
  std::size_t start = 0, at = 0;
  while (at <= text.size()) {
    bool matched = false;
    for (const auto& d : delimiters) {
      if (!d.empty() && text.compare(at, d.size(), d) == 0) {
        out.push_back(call.string(text.substr(start, at - start)));
        at += d.size();
        start = at;
        matched = true;
        break;
      }
    }
    if (!matched) ++at;
  }
  out.push_back(call.string(text.substr(std::min(start, text.size()))));
  return call.list_value(std::move(out));
}

std::string lower_copy(std::string_view text) {
  return value::to_lower(text);
}

Value fn_index_of(Call& call) {
  if (call.arg(0).is_list()) {
    const List& items = call.arg(0).as_list();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i] == call.arg(1)) return call.number(static_cast<double>(i));
    }
    return call.number(-1);
  }
  const auto at = lower_copy(call.str(0)).find(lower_copy(call.str(1)));
  return call.number(at == std::string::npos ? -1 : static_cast<double>(at));
}

Value fn_last_index_of(Call& call) {
  if (call.arg(0).is_list()) {
    const List& items = call.arg(0).as_list();
    for (std::size_t i = items.size(); i-- > 0;) {
      if (items[i] == call.arg(1)) return call.number(static_cast<double>(i));
    }
    return call.number(-1);
  }
  const std::string text = lower_copy(call.str(0));
  const std::string needle = lower_copy(call.str(1));
  const auto at = needle.empty() ? (text.empty() ? 0 : text.size() - 1) : text.rfind(needle);
  return call.number(at == std::string::npos ? -1 : static_cast<double>(at));
}

Value fn_starts_with(Call& call) {
  const std::string text = lower_copy(call.str(0));
  const std::string prefix = lower_copy(call.str(1));
  return call.boolean_value(text.compare(0, prefix.size(), prefix) == 0);
}

Value fn_ends_with(Call& call) {
  const std::string text = lower_copy(call.str(0));
  const std::string suffix = lower_copy(call.str(1));
  return call.boolean_value(text.size() >= suffix.size() &&
                            text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0);
}

Value fn_substring(Call& call) {
  const std::string& text = call.str(0);
  const long long start = call.integer(1);
  long long length =
      call.size() > 2 ? call.integer(2) : static_cast<long long>(text.size()) - start;
  if (call.failed()) return {};
  if (start < 0 || start > static_cast<long long>(text.size()) || length < 0 ||
      start + length > static_cast<long long>(text.size())) {
    call.fail("substring() start or length is outside the string");
    return {};
  }
  return call.string(
      text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(length)));
}

Value fn_pad_left(Call& call) {
  std::string text = call.arg(0).is_number() ? format_number(call.arg(0).as_number()) : call.str(0);
  const long long width = call.integer(1);
  char pad = ' ';
  if (call.size() > 2) {
    const std::string& p = call.str(2);
    if (p.size() != 1) call.fail("padLeft() takes a single padding character");
    if (!p.empty()) pad = p[0];
  }
  if (call.failed()) return {};
  if (width > static_cast<long long>(source::kMaxStringBytes)) {
    call.fail(fmt::format("padLeft() would build a string longer than the limit of {} bytes",
                          source::kMaxStringBytes));
    return {};
  }
  if (width > static_cast<long long>(text.size())) {
    text.insert(0, static_cast<std::size_t>(width) - text.size(), pad);
  }
  return call.string(std::move(text));
}

Value fn_guid(Call& call) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < call.size(); ++i) parts.push_back(call.str(i));
  return call.string(deterministic_guid(parts));
}

Value fn_unique_string(Call& call) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < call.size(); ++i) parts.push_back(call.str(i));
  return call.string(unique_string(parts));
}

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value fn_base64(Call& call) {
  const std::string& text = call.str(0);
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    const std::uint32_t n = (static_cast<std::uint8_t>(text[i]) << 16) |
                            (static_cast<std::uint8_t>(text[i + 1]) << 8) |
                            static_cast<std::uint8_t>(text[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kBase64[(n >> s) & 63];
  }
  if (i + 1 == text.size()) {
    const std::uint32_t n = static_cast<std::uint8_t>(text[i]) << 16;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == text.size()) {
    const std::uint32_t n =
        (static_cast<std::uint8_t>(text[i]) << 16) | (static_cast<std::uint8_t>(text[i + 1]) << 8);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += '=';
  }
  return call.string(std::move(out));
}

Value fn_base64_to_string(Call& call) {
  const std::string& text = call.str(0);
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    const auto index = kBase64.find(c);
    if (index == std::string_view::npos) {
      call.fail("the argument is not base64");
      return {};
    }
    buffer = (buffer << 6) | static_cast<std::uint32_t>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return call.string(std::move(out));
}

Value fn_uri_component(Call& call) {
  const std::string& text = call.str(0);
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return call.string(std::move(out));
}

Value fn_uri_component_to_string(Call& call) {
  const std::string& text = call.str(0);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return call.string(std::move(out));
}

// uri(base, relative): RFC 3986 resolution for the forms templates use.
Value fn_uri(Call& call) {
  const std::string& base = call.str(0);
  const std::string& relative = call.str(1);
  if (call.failed()) return {};
  if (relative.find("://") != std::string::npos) return call.string(relative);
  const auto scheme = base.find("://");
  if (!relative.empty() && relative[0] == '/') {
    const auto host_end =
        scheme == std::string::npos ? std::string::npos : base.find('/', scheme + 3);
    return call.string(base.substr(0, host_end) + relative);
  }
  const auto last_slash = base.rfind('/');
  if (last_slash == std::string::npos || (scheme != std::string::npos && last_slash < scheme + 3)) {
    return call.string(base + "/" + relative);
  }
  return call.string(base.substr(0, last_slash + 1) + relative);
}

Value fn_data_uri(Call& call) {
  Value encoded = fn_base64(call);
  if (call.failed()) return {};
  return call.string("data:text/plain;charset=utf8;base64," + encoded.as_string());
}

Value fn_data_uri_to_string(Call& call) {
  const std::string& text = call.str(0);
  const auto comma = text.find(',');
  if (call.failed() || comma == std::string::npos) {
    call.fail("the argument is not a data URI");
    return {};
  }
  Value payload = Value::string(text.substr(comma + 1));
  std::array<Value, 1> args{payload};
  FunctionContext none;
  Call inner(call.name(), args, none);
  Value decoded = fn_base64_to_string(inner);
  if (inner.failed()) {
    call.fail(inner.message());
    return {};
  }
  return call.string(decoded.as_string());
}

// ---------------------------------------------------------------------------------------
// Conversions, comparison and logic.

Value fn_int(Call& call) {
  const Value& arg = call.arg(0);
  if (arg.is_number()) return call.number(std::trunc(arg.as_number()));
  const std::string& text = call.str(0);
  if (call.failed()) return {};
  long long n = 0;
  std::string_view digits = text;
  while (!digits.empty() && digits.front() == ' ') digits.remove_prefix(1);
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative || (!digits.empty() && digits.front() == '+')) digits.remove_prefix(1);
  if (digits.empty()) {
    call.fail(fmt::format("'{}' is not an integer", text));
    return {};
  }
  for (char c : digits) {
    if (c < '0' || c > '9') {
      call.fail(fmt::format("'{}' is not an integer", text));
      return {};
    }
    n = n * 10 + (c - '0');
  }
  return call.number(static_cast<double>(negative ? -n : n));
}

Value fn_float(Call& call) {
  if (call.arg(0).is_number()) return call.number(call.arg(0).as_number());
  const std::string& text = call.str(0);
  if (call.failed()) return {};
  try {
    return call.number(std::stod(text));
  } catch (...) {
    call.fail(fmt::format("'{}' is not a number", text));
    return {};
  }
}

Value fn_bool(Call& call) {
  const Value& arg = call.arg(0);
  if (arg.is_bool()) return call.boolean_value(arg.as_bool());
  if (arg.is_number()) return call.boolean_value(arg.as_number() != 0);
  const std::string text = lower_copy(call.str(0));
  if (text == "true" || text == "1") return call.boolean_value(true);
  if (text == "false" || text == "0") return call.boolean_value(false);
  call.fail("bool() takes 'true', 'false', 0 or 1");
  return {};
}

Value fn_json(Call& call) {
  const std::string& text = call.str(0);
  if (call.failed()) return {};
  json::ReadResult result = json::read(text);
  if (!result.ok()) {
    call.fail("json() argument is not valid JSON: " + result.error->message);
    return {};
  }
  // Parsed values have no place in a file: they are written where json() was called.
  struct Respan {
    source::Span span;
    Value operator()(const Value& v) const {
      if (v.is_list()) {
        List items;
        for (const Value& item : v.as_list()) items.push_back((*this)(item));
        return Value::list(std::move(items), span);
      }
      if (v.is_map()) {
        Map entries;
        for (const auto& [key, item] : v.as_map()) entries.emplace_back(key, (*this)(item));
        return Value::map(std::move(entries), span);
      }
      return v.with_span(span);
    }
  };
  return Respan{call.span()}(result.value);
}

Value fn_null(Call& call) {
  return Value::null(call.span());
}
Value fn_true(Call& call) {
  return call.boolean_value(true);
}
Value fn_false(Call& call) {
  return call.boolean_value(false);
}

// A three-valued truth: known true/false, or unknown.
enum class Truth { kFalse, kTrue, kUnknown };

Truth truth_of(Call& call, std::size_t i) {
  const Value& arg = call.arg(i);
  if (arg.is_bool()) return arg.as_bool() ? Truth::kTrue : Truth::kFalse;
  if (!arg.is_concrete()) return Truth::kUnknown;
  call.fail(fmt::format("argument {} must be a boolean", i + 1));
  return Truth::kUnknown;
}

Value fn_and(Call& call) {
  bool unknown = false;
  for (std::size_t i = 0; i < call.size(); ++i) {
    const Truth t = truth_of(call, i);
    if (t == Truth::kFalse) return call.boolean_value(false);
    if (t == Truth::kUnknown) unknown = true;
  }
  return unknown ? unknown_result(call, "and") : call.boolean_value(true);
}

Value fn_or(Call& call) {
  bool unknown = false;
  for (std::size_t i = 0; i < call.size(); ++i) {
    const Truth t = truth_of(call, i);
    if (t == Truth::kTrue) return call.boolean_value(true);
    if (t == Truth::kUnknown) unknown = true;
  }
  return unknown ? unknown_result(call, "or") : call.boolean_value(false);
}

Value fn_not(Call& call) {
  return call.boolean_value(!call.boolean(0));
}

Value fn_if(Call& call) {
  const Truth t = truth_of(call, 0);
  if (t == Truth::kUnknown) {
    if (call.failed()) return {};
    // Both branches equal: the condition does not matter.
    if (is_computable(call.arg(1)) && call.arg(1) == call.arg(2)) return call.arg(1);
    return unknown_result(call, "if");
  }
  return t == Truth::kTrue ? call.arg(1) : call.arg(2);
}

Value fn_equals(Call& call) {
  const Value& a = call.arg(0);
  const Value& b = call.arg(1);
  if (is_computable(a) && is_computable(b)) return call.boolean_value(a == b);
  if (is_symbolic(a) && is_symbolic(b) && a == b) return call.boolean_value(true);
  return unknown_result(call, "equals");
}

int compare(Call& call) {
  const Value& a = call.arg(0);
  const Value& b = call.arg(1);
  if (a.is_number() && b.is_number()) {
    return a.as_number() < b.as_number() ? -1 : (a.as_number() > b.as_number() ? 1 : 0);
  }
  if (a.is_string() && b.is_string()) {
    const int c = a.as_string().compare(b.as_string());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
  }
  call.fail("comparison needs two integers or two strings");
  return 0;
}

Value fn_less(Call& call) {
  return call.boolean_value(compare(call) < 0);
}
Value fn_less_or_equals(Call& call) {
  return call.boolean_value(compare(call) <= 0);
}
Value fn_greater(Call& call) {
  return call.boolean_value(compare(call) > 0);
}
Value fn_greater_or_equals(Call& call) {
  return call.boolean_value(compare(call) >= 0);
}

Value fn_coalesce(Call& call) {
  for (const Value& arg : call.args()) {
    if (arg.is_null()) continue;
    // A Ref or Unknown may be null at deployment: what follows it cannot be chosen.
    if (!arg.is_concrete()) return unknown_result(call, "coalesce");
    return arg;
  }
  return Value::null(call.span());
}

// ---------------------------------------------------------------------------------------
// Arrays and objects.

Value fn_create_array(Call& call) {
  return call.list_value(List(call.args().begin(), call.args().end()));
}

Value fn_array(Call& call) {
  if (call.arg(0).is_list()) return call.arg(0);
  if (!call.arg(0).is_concrete()) return unknown_result(call, "array");
  return call.list_value(List{call.arg(0)});
}

Value fn_create_object(Call& call) {
  if (call.size() % 2 != 0) {
    call.fail("createObject() takes key and value pairs");
    return {};
  }
  Map entries;
  for (std::size_t i = 0; i < call.size(); i += 2) {
    if (!call.arg(i).is_string()) {
      if (!call.arg(i).is_concrete()) return call.unknown("an object key is unknown");
      call.fail("createObject() keys must be strings");
      return {};
    }
    entries.emplace_back(call.arg(i).as_string(), call.arg(i + 1));
  }
  return call.map_value(std::move(entries));
}

Value fn_empty(Call& call) {
  const Value& arg = call.arg(0);
  switch (arg.kind()) {
    case Value::Kind::kNull: return call.boolean_value(true);
    case Value::Kind::kString: return call.boolean_value(arg.as_string().empty());
    case Value::Kind::kList: return call.boolean_value(arg.as_list().empty());
    case Value::Kind::kMap: return call.boolean_value(arg.as_map().empty());
    case Value::Kind::kUnknown:
    case Value::Kind::kRef: return unknown_result(call, "empty");
    default: call.fail("empty() takes a string, array or object"); return {};
  }
}

Value fn_length(Call& call) {
  const Value& arg = call.arg(0);
  switch (arg.kind()) {
    case Value::Kind::kString: {
      // Characters, not bytes: count UTF-8 lead bytes.
      std::size_t n = 0;
      for (unsigned char c : arg.as_string()) n += (c & 0xC0) != 0x80;
      return call.number(static_cast<double>(n));
    }
    case Value::Kind::kList: return call.number(static_cast<double>(arg.as_list().size()));
    case Value::Kind::kMap: return call.number(static_cast<double>(arg.as_map().size()));
    case Value::Kind::kUnknown:
    case Value::Kind::kRef: return unknown_result(call, "length");
    default: call.fail("length() takes a string, array or object"); return {};
  }
}

Value fn_contains(Call& call) {
  const Value& container = call.arg(0);
  const Value& item = call.arg(1);
  if (container.is_map()) {
    if (!item.is_string()) return unknown_result(call, "contains");
    return call.boolean_value(container.get(item.as_string()) != nullptr);
  }
  if (container.is_list()) {
    bool unknown = !is_computable(item);
    for (const Value& element : container.as_list()) {
      if (!unknown && is_computable(element) && element == item) return call.boolean_value(true);
      if (!is_computable(element)) unknown = true;
    }
    return unknown ? unknown_result(call, "contains") : call.boolean_value(false);
  }
  if (container.is_string() && (item.is_string() || item.is_number())) {
    return call.boolean_value(container.as_string().find(to_text(item)) != std::string::npos);
  }
  if (!is_computable(container) || !is_computable(item)) return unknown_result(call, "contains");
  call.fail("contains() takes a string, array or object");
  return {};
}

Value merge_objects(const Value& a, const Value& b, source::Span span) {
  Map out = a.as_map();
  for (const auto& [key, item] : b.as_map()) {
    bool found = false;
    for (auto& [existing_key, existing] : out) {
      if (value::iequals(existing_key, key)) {
        existing =
            existing.is_map() && item.is_map() ? merge_objects(existing, item, item.span()) : item;
        found = true;
        break;
      }
    }
    if (!found) out.emplace_back(key, item);
  }
  return Value::map(std::move(out), span);
}

Value fn_union(Call& call) {
  for (const Value& arg : call.args()) {
    if (!arg.is_concrete()) return unknown_result(call, "union");
  }
  if (call.arg(0).is_map()) {
    Value out = call.map_value({});
    for (std::size_t i = 0; i < call.size(); ++i) {
      if (call.arg(i).is_null()) continue;
      out = merge_objects(out, Value::map(call.map(i)), call.span());
    }
    return out;
  }
  List out;
  for (std::size_t i = 0; i < call.size(); ++i) {
    if (call.arg(i).is_null()) continue;
    for (const Value& item : call.list(i)) {
      const bool known = is_computable(item);
      if (known && std::any_of(out.begin(), out.end(),
                               [&](const Value& v) { return is_computable(v) && v == item; })) {
        continue;
      }
      out.push_back(item);
    }
  }
  return call.list_value(std::move(out));
}

Value fn_intersection(Call& call) {
  for (const Value& arg : call.args()) {
    if (!is_computable(arg)) return unknown_result(call, "intersection");
  }
  if (call.arg(0).is_map()) {
    Map out;
    for (const auto& [key, item] : call.map(0)) {
      bool everywhere = true;
      for (std::size_t i = 1; i < call.size() && everywhere; ++i) {
        const Value* other = call.arg(i).get(key);
        everywhere = other && *other == item;
      }
      if (everywhere) out.emplace_back(key, item);
    }
    return call.map_value(std::move(out));
  }
  List out;
  for (const Value& item : call.list(0)) {
    bool everywhere = true;
    for (std::size_t i = 1; i < call.size() && everywhere; ++i) {
      const List& other = call.list(i);
      everywhere = std::find(other.begin(), other.end(), item) != other.end();
    }
    if (everywhere && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
  }
  return call.list_value(std::move(out));
}

Value fn_first(Call& call) {
  const Value& arg = call.arg(0);
  if (arg.is_list())
    return arg.as_list().empty() ? Value::null(call.span()) : arg.as_list().front();
  if (arg.is_string()) return call.string(arg.as_string().substr(0, 1));
  if (!arg.is_concrete()) return unknown_result(call, "first");
  call.fail("first() takes an array or string");
  return {};
}

Value fn_last(Call& call) {
  const Value& arg = call.arg(0);
  if (arg.is_list()) return arg.as_list().empty() ? Value::null(call.span()) : arg.as_list().back();
  if (arg.is_string()) {
    const std::string& s = arg.as_string();
    return call.string(s.empty() ? s : s.substr(s.size() - 1));
  }
  if (!arg.is_concrete()) return unknown_result(call, "last");
  call.fail("last() takes an array or string");
  return {};
}

Value skip_or_take(Call& call, bool skip) {
  const Value& arg = call.arg(0);
  if (!call.arg(1).is_number()) return unknown_result(call, skip ? "skip" : "take");
  const long long n = std::max<long long>(0, to_integer(call.arg(1).as_number()));
  if (arg.is_list()) {
    const List& items = arg.as_list();
    const std::size_t k = std::min<std::size_t>(items.size(), static_cast<std::size_t>(n));
    return skip ? call.list_value(List(items.begin() + static_cast<std::ptrdiff_t>(k), items.end()))
                : call.list_value(
                      List(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(k)));
  }
  if (arg.is_string()) {
    const std::string& s = arg.as_string();
    const std::size_t k = std::min<std::size_t>(s.size(), static_cast<std::size_t>(n));
    return call.string(skip ? s.substr(k) : s.substr(0, k));
  }
  if (!arg.is_concrete()) return unknown_result(call, skip ? "skip" : "take");
  call.fail("the first argument must be an array or string");
  return {};
}

Value fn_skip(Call& call) {
  return skip_or_take(call, true);
}
Value fn_take(Call& call) {
  return skip_or_take(call, false);
}

Value fn_range(Call& call) {
  const long long start = call.integer(0);
  const long long count = call.integer(1);
  if (call.failed()) return {};
  if (count < 0 || count > 100000) {
    call.fail("range() count must be between 0 and 100000");
    return {};
  }
  List out;
  for (long long i = 0; i < count; ++i) out.push_back(call.number(static_cast<double>(start + i)));
  return call.list_value(std::move(out));
}

Value min_or_max(Call& call, bool want_max) {
  std::vector<double> numbers;
  auto collect = [&](const Value& v) {
    if (v.is_number()) {
      numbers.push_back(v.as_number());
    } else {
      call.fail("min() and max() take integers");
    }
  };
  if (call.size() == 1 && call.arg(0).is_list()) {
    for (const Value& item : call.arg(0).as_list()) collect(item);
  } else {
    for (const Value& arg : call.args()) collect(arg);
  }
  if (call.failed()) return {};
  if (numbers.empty()) {
    call.fail("min() and max() need at least one value");
    return {};
  }
  return call.number(want_max ? *std::max_element(numbers.begin(), numbers.end())
                              : *std::min_element(numbers.begin(), numbers.end()));
}

Value fn_min(Call& call) {
  return min_or_max(call, false);
}
Value fn_max(Call& call) {
  return min_or_max(call, true);
}

Value fn_flatten(Call& call) {
  List out;
  for (const Value& item : call.list(0)) {
    if (item.is_list()) {
      out.insert(out.end(), item.as_list().begin(), item.as_list().end());
    } else {
      call.fail("flatten() takes an array of arrays");
    }
  }
  return call.list_value(std::move(out));
}

Value fn_join(Call& call) {
  std::string out;
  const std::string& delimiter = call.str(1);
  bool first = true;
  for (const Value& item : call.list(0)) {
    if (!first) out += delimiter;
    first = false;
    out += to_text(item);
  }
  return call.string(std::move(out));
}

Value fn_items(Call& call) {
  std::vector<std::pair<std::string, Value>> entries(call.map(0).begin(), call.map(0).end());
  // items() returns the members sorted by key, as Azure does.
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return value::to_lower(a.first) < value::to_lower(b.first);
  });
  List out;
  for (auto& [key, item] : entries) {
    out.push_back(call.map_value(Map{{"key", call.string(key)}, {"value", item}}));
  }
  return call.list_value(std::move(out));
}

Value fn_object_keys(Call& call) {
  List out;
  for (const auto& [key, item] : call.map(0)) out.push_back(call.string(key));
  return call.list_value(std::move(out));
}

Value fn_shallow_merge(Call& call) {
  Map out;
  for (const Value& object : call.list(0)) {
    if (!object.is_map()) continue;
    for (const auto& [key, item] : object.as_map()) {
      // Named capture: clang 14 cannot capture a structured binding.
      auto it = std::find_if(out.begin(), out.end(), [&name = key](const auto& e) {
        return value::iequals(e.first, name);
      });
      if (it != out.end()) {
        it->second = item;
      } else {
        out.emplace_back(key, item);
      }
    }
  }
  return call.map_value(std::move(out));
}

Value fn_try_get(Call& call) {
  Value current = call.arg(0);
  for (std::size_t i = 1; i < call.size(); ++i) {
    const Value& key = call.arg(i);
    if (current.is_map() && key.is_string()) {
      const Value* next = current.get(key.as_string());
      if (!next) return Value::null(call.span());
      current = *next;
    } else if (current.is_list() && key.is_number()) {
      const auto index = to_integer(key.as_number());
      if (index < 0 || index >= static_cast<long long>(current.as_list().size())) {
        return Value::null(call.span());
      }
      current = current.as_list()[static_cast<std::size_t>(index)];
    } else if (current.is_null()) {
      return Value::null(call.span());
    } else {
      return unknown_result(call, "tryGet");
    }
  }
  return current;
}

// ---------------------------------------------------------------------------------------
// Numbers.

Value fn_add(Call& call) {
  return call.number(call.num(0) + call.num(1));
}
Value fn_sub(Call& call) {
  return call.number(call.num(0) - call.num(1));
}
Value fn_mul(Call& call) {
  return call.number(call.num(0) * call.num(1));
}
Value fn_div(Call& call) {
  const double b = call.num(1);
  if (b == 0) {
    call.fail("division by zero");
    return {};
  }
  return call.number(std::trunc(call.num(0) / b));
}
Value fn_mod(Call& call) {
  const long long b = call.integer(1);
  if (b == 0) {
    call.fail("division by zero");
    return {};
  }
  return call.number(static_cast<double>(call.integer(0) % b));
}

// ---------------------------------------------------------------------------------------
// IPv4 CIDR functions (Bicep's parseCidr, cidrSubnet, cidrHost).

struct Cidr {
  std::uint32_t network = 0;
  int bits = 0;
};

bool parse_ipv4(std::string_view text, std::uint32_t* out) {
  std::uint32_t address = 0;
  for (int part = 0; part < 4; ++part) {
    std::size_t digits = 0;
    std::uint32_t octet = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9' && digits < 3) {
      octet = octet * 10 + static_cast<std::uint32_t>(text[digits] - '0');
      ++digits;
    }
    if (digits == 0 || octet > 255) return false;
    address = (address << 8) | octet;
    text.remove_prefix(digits);
    if (part < 3) {
      if (text.empty() || text.front() != '.') return false;
      text.remove_prefix(1);
    }
  }
  *out = address;
  return text.empty();
}

std::string format_ipv4(std::uint32_t address) {
  return fmt::format("{}.{}.{}.{}", address >> 24, (address >> 16) & 255, (address >> 8) & 255,
                     address & 255);
}

std::uint32_t mask_of(int bits) {
  return bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
}

bool parse_cidr_text(Call& call, std::size_t i, Cidr* out) {
  const std::string& text = call.str(i);
  if (call.failed()) return false;
  const auto slash = text.find('/');
  std::uint32_t address = 0;
  int bits = -1;
  if (slash != std::string::npos) {
    bits = 0;
    for (char c : std::string_view(text).substr(slash + 1)) {
      if (c < '0' || c > '9' || bits > 32) {
        bits = -1;
        break;
      }
      bits = bits * 10 + (c - '0');
    }
  }
  if (slash == std::string::npos || bits < 0 || bits > 32 ||
      !parse_ipv4(std::string_view(text).substr(0, slash), &address)) {
    call.fail(fmt::format("'{}' is not an IPv4 CIDR range", text));
    return false;
  }
  *out = Cidr{address & mask_of(bits), bits};
  return true;
}

Value fn_parse_cidr(Call& call) {
  Cidr cidr;
  if (!parse_cidr_text(call, 0, &cidr)) return {};
  const std::uint32_t broadcast = cidr.network | ~mask_of(cidr.bits);
  const bool tiny = cidr.bits >= 31;
  return call.map_value(Map{
      {"network", call.string(format_ipv4(cidr.network))},
      {"netmask", call.string(format_ipv4(mask_of(cidr.bits)))},
      {"broadcast", call.string(format_ipv4(broadcast))},
      {"firstUsable", call.string(format_ipv4(tiny ? cidr.network : cidr.network + 1))},
      {"lastUsable", call.string(format_ipv4(tiny ? broadcast : broadcast - 1))},
      {"cidr", call.number(cidr.bits)},
  });
}

Value fn_cidr_subnet(Call& call) {
  Cidr cidr;
  if (!parse_cidr_text(call, 0, &cidr)) return {};
  const long long new_bits = call.integer(1);
  const long long index = call.integer(2);
  if (call.failed()) return {};
  if (new_bits < cidr.bits || new_bits > 32 || index < 0 ||
      (new_bits - cidr.bits < 32 && index >= (1LL << (new_bits - cidr.bits)))) {
    call.fail("cidrSubnet() new prefix length or index does not fit the range");
    return {};
  }
  const std::uint32_t network =
      cidr.network + (new_bits == 32 ? static_cast<std::uint32_t>(index)
                                     : static_cast<std::uint32_t>(index) << (32 - new_bits));
  return call.string(fmt::format("{}/{}", format_ipv4(network), new_bits));
}

Value fn_cidr_host(Call& call) {
  Cidr cidr;
  if (!parse_cidr_text(call, 0, &cidr)) return {};
  const long long index = call.integer(1);
  if (call.failed()) return {};
  const long long usable =
      cidr.bits >= 31 ? (1LL << (32 - cidr.bits)) : (1LL << (32 - cidr.bits)) - 2;
  if (index < 0 || index >= usable) {
    call.fail("cidrHost() index is outside the usable addresses");
    return {};
  }
  const std::uint32_t first = cidr.bits >= 31 ? cidr.network : cidr.network + 1;
  return call.string(format_ipv4(first + static_cast<std::uint32_t>(index)));
}

// ---------------------------------------------------------------------------------------
// Resource IDs.

bool is_type_text(const Value& value) {
  if (!value.is_string()) return false;
  const std::string& s = value.as_string();
  const auto slash = s.find('/');
  return slash != std::string::npos && s.find('.') < slash;
}

// One ID segment: the text of a string, or "{symbol}" for a symbolic value.
bool segment_text(const Value& value, std::string* out, bool* symbolic) {
  if (value.is_string()) {
    *out = value.as_string();
    return true;
  }
  if (value.is_number()) {
    *out = format_number(value.as_number());
    return true;
  }
  if (is_symbolic(value)) {
    *out = "{" + value.as_unknown().symbol + "}";
    *symbolic = true;
    return true;
  }
  return false;
}

// Builds "<prefix>/providers/NS/T1/n1/T2/n2..." from args[type_index...].
Value build_id(Call& call, const std::string& prefix, std::size_t type_index) {
  const std::string& type = call.arg(type_index).as_string();
  std::vector<std::string_view> type_segments;
  std::string_view rest = type;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    type_segments.push_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  // Names may be given one per segment or joined with '/' in fewer arguments.
  std::vector<std::string> names;
  bool name_symbolic = false;
  for (std::size_t i = type_index + 1; i < call.size(); ++i) {
    std::string text;
    if (!segment_text(call.arg(i), &text, &name_symbolic)) {
      return call.unknown("a name in the resource ID is unknown");
    }
    std::string_view remaining = text;
    if (call.arg(i).is_string()) {
      while (true) {
        const auto slash = remaining.find('/');
        names.emplace_back(remaining.substr(0, slash));
        if (slash == std::string_view::npos) break;
        remaining.remove_prefix(slash + 1);
      }
    } else {
      names.push_back(text);
    }
  }
  if (type_segments.size() < 2 || names.size() != type_segments.size() - 1) {
    call.fail(fmt::format("resource type '{}' needs {} name segment(s), {} given", type,
                          type_segments.size() < 2 ? 1 : type_segments.size() - 1, names.size()));
    return {};
  }
  std::string id = prefix + "/providers/" + std::string(type_segments[0]) + "/" +
                   std::string(type_segments[1]) + "/" + names[0];
  for (std::size_t i = 2; i < type_segments.size(); ++i) {
    id += "/" + std::string(type_segments[i]) + "/" + names[i - 1];
  }
  // A symbolic subscription or group keeps the ID a plain string: the provider part is
  // what identifies the resource. A symbolic name makes the whole ID symbolic.
  if (name_symbolic) return call.symbolic(id);
  return call.string(std::move(id));
}

bool scope_segment(Call& call, std::size_t i, std::string* out) {
  bool ignored = false;
  if (segment_text(call.arg(i), out, &ignored)) return true;
  *out = "{" + std::string(call.arg(i).is_unknown() ? "unknown" : "reference") + "}";
  return true;
}

std::optional<std::size_t> find_type_arg(Call& call, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < std::min(last + 1, call.size()); ++i) {
    if (is_type_text(call.arg(i))) return i;
  }
  return std::nullopt;
}

constexpr std::string_view kDefaultSubscription = "{subscription().subscriptionId}";
constexpr std::string_view kDefaultGroup = "{resourceGroup().name}";

Value fn_resource_id(Call& call) {
  const auto type_index = find_type_arg(call, 0, 2);
  if (!type_index) return unknown_result(call, "resourceId");
  std::string subscription(kDefaultSubscription), group(kDefaultGroup);
  if (*type_index == 1) scope_segment(call, 0, &group);
  if (*type_index == 2) {
    scope_segment(call, 0, &subscription);
    scope_segment(call, 1, &group);
  }
  return build_id(call, "/subscriptions/" + subscription + "/resourceGroups/" + group, *type_index);
}

Value fn_subscription_resource_id(Call& call) {
  const auto type_index = find_type_arg(call, 0, 1);
  if (!type_index) return unknown_result(call, "subscriptionResourceId");
  std::string subscription(kDefaultSubscription);
  if (*type_index == 1) scope_segment(call, 0, &subscription);
  return build_id(call, "/subscriptions/" + subscription, *type_index);
}

Value fn_tenant_resource_id(Call& call) {
  if (!is_type_text(call.arg(0))) return unknown_result(call, "tenantResourceId");
  return build_id(call, "", 0);
}

Value fn_management_group_resource_id(Call& call) {
  const auto type_index = find_type_arg(call, 0, 1);
  if (!type_index) return unknown_result(call, "managementGroupResourceId");
  std::string group = "{managementGroup().name}";
  if (*type_index == 1) scope_segment(call, 0, &group);
  return build_id(call, "/providers/Microsoft.Management/managementGroups/" + group, *type_index);
}

Value fn_extension_resource_id(Call& call) {
  std::string scope;
  bool symbolic = false;
  if (!segment_text(call.arg(0), &scope, &symbolic) || !is_type_text(call.arg(1))) {
    return unknown_result(call, "extensionResourceId");
  }
  if (symbolic) scope = call.arg(0).as_unknown().symbol;
  while (!scope.empty() && scope.back() == '/') scope.pop_back();
  Value id = build_id(call, scope, 1);
  if (symbolic && id.is_string()) return call.symbolic(id.as_string());
  return id;
}

// ---------------------------------------------------------------------------------------
// Deployment context: symbolic, stable within one deployment.

Value fn_resource_group(Call& call) {
  if (call.size() == 0) return call.symbolic("resourceGroup()");
  return unknown_result(call, "resourceGroup");
}
Value fn_subscription(Call& call) {
  if (call.size() == 0) return call.symbolic("subscription()");
  return unknown_result(call, "subscription");
}
Value fn_deployment(Call& call) {
  return call.symbolic("deployment()");
}
Value fn_environment(Call& call) {
  return call.symbolic("environment()");
}
Value fn_tenant(Call& call) {
  return call.symbolic("tenant()");
}
Value fn_management_group(Call& call) {
  if (call.size() == 0) return call.symbolic("managementGroup()");
  return unknown_result(call, "managementGroup");
}

// Values that differ at every deployment, or that Azure computes: plain Unknown.
Value fn_runtime(Call& call) {
  return call.unknown(fmt::format("{}() is known only at deployment time", call.name()));
}

Value fn_reference(Call& call) {
  return call.unknown("reference() reads a deployed resource's state");
}

Value fn_list(Call& call) {
  return call.unknown(
      fmt::format("{}() returns secrets known only at deployment time", call.name()));
}

Value fn_fail(Call& call) {
  call.fail(fmt::format("the template fails deliberately: {}",
                        call.arg(0).is_string() ? call.arg(0).as_string() : "(no message)"));
  return {};
}

// The table. Names compare case-insensitively; the spelling here is the canonical one.
constexpr FunctionEntry kFunctions[] = {
    // strings
    {"concat", 0, kVariadic, UnknownArgs::kHandled, fn_concat},
    {"format", 1, kVariadic, UnknownArgs::kHandled, fn_format},
    {"string", 1, 1, UnknownArgs::kHandled, fn_string},
    {"toLower", 1, 1, UnknownArgs::kUnknown, fn_to_lower},
    {"toUpper", 1, 1, UnknownArgs::kUnknown, fn_to_upper},
    {"trim", 1, 1, UnknownArgs::kUnknown, fn_trim},
    {"replace", 3, 3, UnknownArgs::kUnknown, fn_replace},
    {"split", 2, 2, UnknownArgs::kUnknown, fn_split},
    {"indexOf", 2, 2, UnknownArgs::kUnknown, fn_index_of},
    {"lastIndexOf", 2, 2, UnknownArgs::kUnknown, fn_last_index_of},
    {"startsWith", 2, 2, UnknownArgs::kUnknown, fn_starts_with},
    {"endsWith", 2, 2, UnknownArgs::kUnknown, fn_ends_with},
    {"substring", 2, 3, UnknownArgs::kUnknown, fn_substring},
    {"padLeft", 2, 3, UnknownArgs::kUnknown, fn_pad_left},
    {"guid", 1, kVariadic, UnknownArgs::kUnknown, fn_guid},
    {"uniqueString", 1, kVariadic, UnknownArgs::kUnknown, fn_unique_string},
    {"base64", 1, 1, UnknownArgs::kUnknown, fn_base64},
    {"base64ToString", 1, 1, UnknownArgs::kUnknown, fn_base64_to_string},
    {"uri", 2, 2, UnknownArgs::kUnknown, fn_uri},
    {"uriComponent", 1, 1, UnknownArgs::kUnknown, fn_uri_component},
    {"uriComponentToString", 1, 1, UnknownArgs::kUnknown, fn_uri_component_to_string},
    {"dataUri", 1, 1, UnknownArgs::kUnknown, fn_data_uri},
    {"dataUriToString", 1, 1, UnknownArgs::kUnknown, fn_data_uri_to_string},
    {"join", 2, 2, UnknownArgs::kUnknown, fn_join},
    // conversions and logic
    {"int", 1, 1, UnknownArgs::kUnknown, fn_int},
    {"float", 1, 1, UnknownArgs::kUnknown, fn_float},
    {"bool", 1, 1, UnknownArgs::kUnknown, fn_bool},
    {"json", 1, 1, UnknownArgs::kUnknown, fn_json},
    {"null", 0, 0, UnknownArgs::kUnknown, fn_null},
    {"true", 0, 0, UnknownArgs::kUnknown, fn_true},
    {"false", 0, 0, UnknownArgs::kUnknown, fn_false},
    {"and", 1, kVariadic, UnknownArgs::kHandled, fn_and},
    {"or", 1, kVariadic, UnknownArgs::kHandled, fn_or},
    {"not", 1, 1, UnknownArgs::kUnknown, fn_not},
    {"if", 3, 3, UnknownArgs::kHandled, fn_if},
    {"equals", 2, 2, UnknownArgs::kHandled, fn_equals},
    {"less", 2, 2, UnknownArgs::kUnknown, fn_less},
    {"lessOrEquals", 2, 2, UnknownArgs::kUnknown, fn_less_or_equals},
    {"greater", 2, 2, UnknownArgs::kUnknown, fn_greater},
    {"greaterOrEquals", 2, 2, UnknownArgs::kUnknown, fn_greater_or_equals},
    {"coalesce", 1, kVariadic, UnknownArgs::kHandled, fn_coalesce},
    // arrays and objects
    {"createArray", 0, kVariadic, UnknownArgs::kHandled, fn_create_array},
    {"array", 1, 1, UnknownArgs::kHandled, fn_array},
    {"createObject", 0, kVariadic, UnknownArgs::kHandled, fn_create_object},
    {"empty", 1, 1, UnknownArgs::kHandled, fn_empty},
    {"length", 1, 1, UnknownArgs::kHandled, fn_length},
    {"contains", 2, 2, UnknownArgs::kHandled, fn_contains},
    {"union", 1, kVariadic, UnknownArgs::kHandled, fn_union},
    {"intersection", 1, kVariadic, UnknownArgs::kHandled, fn_intersection},
    {"first", 1, 1, UnknownArgs::kHandled, fn_first},
    {"last", 1, 1, UnknownArgs::kHandled, fn_last},
    {"skip", 2, 2, UnknownArgs::kHandled, fn_skip},
    {"take", 2, 2, UnknownArgs::kHandled, fn_take},
    {"range", 2, 2, UnknownArgs::kUnknown, fn_range},
    {"min", 1, kVariadic, UnknownArgs::kUnknown, fn_min},
    {"max", 1, kVariadic, UnknownArgs::kUnknown, fn_max},
    {"flatten", 1, 1, UnknownArgs::kUnknown, fn_flatten},
    {"items", 1, 1, UnknownArgs::kUnknown, fn_items},
    {"objectKeys", 1, 1, UnknownArgs::kUnknown, fn_object_keys},
    {"shallowMerge", 1, 1, UnknownArgs::kUnknown, fn_shallow_merge},
    {"tryGet", 2, kVariadic, UnknownArgs::kHandled, fn_try_get},
    // numbers
    {"add", 2, 2, UnknownArgs::kUnknown, fn_add},
    {"sub", 2, 2, UnknownArgs::kUnknown, fn_sub},
    {"mul", 2, 2, UnknownArgs::kUnknown, fn_mul},
    {"div", 2, 2, UnknownArgs::kUnknown, fn_div},
    {"mod", 2, 2, UnknownArgs::kUnknown, fn_mod},
    // CIDR
    {"parseCidr", 1, 1, UnknownArgs::kUnknown, fn_parse_cidr},
    {"cidrSubnet", 3, 3, UnknownArgs::kUnknown, fn_cidr_subnet},
    {"cidrHost", 2, 2, UnknownArgs::kUnknown, fn_cidr_host},
    // resource IDs
    {"resourceId", 2, kVariadic, UnknownArgs::kHandled, fn_resource_id},
    {"subscriptionResourceId", 2, kVariadic, UnknownArgs::kHandled, fn_subscription_resource_id},
    {"tenantResourceId", 2, kVariadic, UnknownArgs::kHandled, fn_tenant_resource_id},
    {"managementGroupResourceId", 2, kVariadic, UnknownArgs::kHandled,
     fn_management_group_resource_id},
    {"extensionResourceId", 3, kVariadic, UnknownArgs::kHandled, fn_extension_resource_id},
    // deployment context
    {"resourceGroup", 0, 2, UnknownArgs::kHandled, fn_resource_group},
    {"subscription", 0, 1, UnknownArgs::kHandled, fn_subscription},
    {"deployment", 0, 0, UnknownArgs::kHandled, fn_deployment},
    {"environment", 0, 0, UnknownArgs::kHandled, fn_environment},
    {"tenant", 0, 0, UnknownArgs::kHandled, fn_tenant},
    {"managementGroup", 0, 1, UnknownArgs::kHandled, fn_management_group},
    // runtime values
    {"utcNow", 0, 1, UnknownArgs::kHandled, fn_runtime},
    {"newGuid", 0, 0, UnknownArgs::kHandled, fn_runtime},
    {"dateTimeAdd", 2, 3, UnknownArgs::kHandled, fn_runtime},
    {"dateTimeFromEpoch", 1, 1, UnknownArgs::kHandled, fn_runtime},
    {"dateTimeToEpoch", 1, 1, UnknownArgs::kHandled, fn_runtime},
    {"pickZones", 3, 5, UnknownArgs::kHandled, fn_runtime},
    {"providers", 1, 2, UnknownArgs::kHandled, fn_runtime},
    {"reference", 1, 3, UnknownArgs::kHandled, fn_reference},
    {"fail", 1, 1, UnknownArgs::kHandled, fn_fail},
};

const FunctionEntry* find_entry(std::string_view name) {
  static const std::unordered_map<std::string, const FunctionEntry*> index = [] {
    std::unordered_map<std::string, const FunctionEntry*> out;
    for (const FunctionEntry& entry : kFunctions) out.emplace(value::to_lower(entry.name), &entry);
    return out;
  }();
  const auto it = index.find(value::to_lower(name));
  return it == index.end() ? nullptr : it->second;
}

// listKeys, listSecrets, listConnectionStrings...: every list* function.
bool is_list_function(std::string_view name) {
  return name.size() > 4 && value::iequals(name.substr(0, 4), "list");
}

void report(FunctionContext& context, source::DiagnosticKind kind, std::string message,
            const std::string& dedupe_key) {
  if (!context.diagnostics) return;
  if (context.reported && !context.reported->insert(dedupe_key).second) return;
  context.diagnostics->push_back(source::Diagnostic{kind, std::move(message), context.span, {}});
}

}  // namespace

long long to_integer(double number) {
  if (std::isnan(number)) return 0;
  constexpr double kBound = 1e15;  // exact as a double, far inside long long
  return static_cast<long long>(std::clamp(number, -kBound, kBound));
}

bool is_computable(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kUnknown:
    case Value::Kind::kRef: return false;
    case Value::Kind::kList:
      for (const Value& item : value.as_list()) {
        if (!is_computable(item)) return false;
      }
      return true;
    case Value::Kind::kMap:
      for (const auto& [key, item] : value.as_map()) {
        if (!is_computable(item)) return false;
      }
      return true;
    default: return true;
  }
}

std::string symbol_text(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kString: return quote(value.as_string());
    case Value::Kind::kUnknown:
      return value.as_unknown().symbol.empty() ? "<unknown>" : value.as_unknown().symbol;
    default: {
      std::string out;
      write_json(value, out);
      return out;
    }
  }
}

std::string unique_string(std::span<const std::string> parts) {
  std::uint64_t hash = murmur_hash64(join(parts, "-"));
  constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  for (int i = 0; i < 13; ++i) {
    out += kAlphabet[hash >> 59];
    hash <<= 5;
  }
  return out;
}

std::string deterministic_guid(std::span<const std::string> parts) {
  // The namespace Azure uses for guid(), in RFC 4122 byte order.
  static constexpr std::uint8_t kNamespace[16] = {0x11, 0xfb, 0x06, 0xfb, 0x71, 0x2d, 0x4d, 0xdd,
                                                  0x98, 0xc7, 0xe7, 0x1b, 0xbd, 0x58, 0x88, 0x30};
  std::string message(reinterpret_cast<const char*>(kNamespace), 16);
  message += join(parts, "-");
  auto hash = sha1(message);
  hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);
  hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += fmt::format("{:02x}", hash[i]);
  }
  return out;
}

Value access_member(const Value& target, std::string_view name, source::Span span) {
  switch (target.kind()) {
    case Value::Kind::kMap: {
      if (const Value* member = target.get(name)) return *member;
      return Value::unknown(fmt::format("the object has no property '{}'", name), span);
    }
    case Value::Kind::kRef: {
      value::Ref ref = target.as_ref();
      ref.path.emplace_back(name);
      return Value::ref(std::move(ref), span);
    }
    case Value::Kind::kUnknown:
      if (!target.as_unknown().symbol.empty()) {
        return Value::symbolic(target.as_unknown().reason,
                               target.as_unknown().symbol + "." + std::string(name), span);
      }
      return Value::unknown(target.as_unknown().reason, span);
    default:
      return Value::unknown(fmt::format("property '{}' of a value that is not an object", name),
                            span);
  }
}

Value access_index(const Value& target, const Value& index, source::Span span) {
  if (index.is_string()) return access_member(target, index.as_string(), span);
  if (target.is_list() && index.is_number()) {
    const auto i = to_integer(index.as_number());
    if (i >= 0 && i < static_cast<long long>(target.as_list().size())) {
      return target.as_list()[static_cast<std::size_t>(i)];
    }
    return Value::unknown(fmt::format("index {} is outside the array", i), span);
  }
  if (target.is_ref() && index.is_number()) {
    return access_member(target, format_number(index.as_number()), span);
  }
  if (target.is_unknown() && !target.as_unknown().symbol.empty() && index.is_number()) {
    return Value::symbolic(
        target.as_unknown().reason,
        target.as_unknown().symbol + "[" + format_number(index.as_number()) + "]", span);
  }
  if (target.is_unknown()) return Value::unknown(target.as_unknown().reason, span);
  if (index.is_unknown()) return Value::unknown(index.as_unknown().reason, span);
  return Value::unknown("the index does not fit the value", span);
}

bool has_function(std::string_view name) {
  return find_entry(name) != nullptr || is_list_function(name);
}

Value call_function(std::string_view name, std::span<const Value> args, FunctionContext& context) {
  if (context.scope) {
    if (auto answer = context.scope(name, args)) return *answer;
  }
  const FunctionEntry* entry = find_entry(name);
  if (!entry) {
    if (is_list_function(name)) {
      Call call(name, args, context);
      return fn_list(call);
    }
    report(context, source::DiagnosticKind::kUnsupported,
           fmt::format("template function '{}' is not supported; its result is unknown", name),
           "unsupported:" + value::to_lower(name));
    return Value::unknown(fmt::format("{}() is not supported", name), context.span);
  }
  Call call(entry->name, args, context);
  if (args.size() < entry->min_args ||
      (entry->max_args != kVariadic && args.size() > entry->max_args)) {
    report(context, source::DiagnosticKind::kEvaluation,
           fmt::format("{}() takes {} argument(s), {} given", entry->name,
                       entry->min_args == entry->max_args
                           ? std::to_string(entry->min_args)
                           : (entry->max_args == kVariadic
                                  ? fmt::format("at least {}", entry->min_args)
                                  : fmt::format("{} to {}", entry->min_args, entry->max_args)),
                       args.size()),
           fmt::format("arity:{}:{}:{}", entry->name, context.span.file, context.span.range.begin));
    return Value::unknown(fmt::format("{}() called with the wrong arguments", entry->name),
                          context.span);
  }
  if (entry->unknown_args == UnknownArgs::kUnknown) {
    for (const Value& arg : args) {
      if (!is_computable(arg)) return unknown_result(call, entry->name);
    }
  }
  Value result = entry->function(call);
  // What grows its input (concat, format, string, union...) is bounded here; what could
  // grow it without bound is refused before it builds anything.
  if (!call.failed()) {
    const std::size_t items = result.is_list()  ? result.as_list().size()
                              : result.is_map() ? result.as_map().size()
                                                : 0;
    if (result.is_string() && result.as_string().size() > source::kMaxStringBytes) {
      call.fail(fmt::format("it built a string longer than the limit of {} bytes",
                            source::kMaxStringBytes));
    } else if (items > source::kMaxCollectionItems) {
      call.fail(fmt::format("it built {} elements, more than the limit of {}", items,
                            source::kMaxCollectionItems));
    }
  }
  if (call.failed()) {
    report(context, source::DiagnosticKind::kEvaluation,
           fmt::format("{}(): {}", entry->name, call.message()),
           fmt::format("eval:{}:{}:{}", entry->name, context.span.file, context.span.range.begin));
    return Value::unknown(
        fmt::format("{}() could not be evaluated: {}", entry->name, call.message()), context.span);
  }
  return result;
}

}  // namespace ztlint::arm
