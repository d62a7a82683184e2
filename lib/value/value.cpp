#include "value/value.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ztlint::value {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Value Value::null(source::Span span) {
  return Value(Kind::kNull, std::monostate{}, span);
}
Value Value::boolean(bool value, source::Span span) {
  return Value(Kind::kBool, value, span);
}
Value Value::number(double value, source::Span span) {
  return Value(Kind::kNumber, value, span);
}
Value Value::string(std::string value, source::Span span) {
  return Value(Kind::kString, std::move(value), span);
}
Value Value::list(List items, source::Span span) {
  return Value(Kind::kList, std::make_shared<const List>(std::move(items)), span);
}
Value Value::map(Map entries, source::Span span) {
  return Value(Kind::kMap, std::make_shared<const Map>(std::move(entries)), span);
}
Value Value::unknown(std::string reason, source::Span span) {
  return Value(Kind::kUnknown, std::make_shared<const Unknown>(Unknown{std::move(reason), {}}),
               span);
}
Value Value::symbolic(std::string reason, std::string symbol, source::Span span) {
  return Value(Kind::kUnknown,
               std::make_shared<const Unknown>(Unknown{std::move(reason), std::move(symbol)}),
               span);
}
std::string Value::identity_key() const {
  if (is_string()) return to_lower(as_string());
  if (is_unknown() && !as_unknown().symbol.empty()) return "\x01" + to_lower(as_unknown().symbol);
  return {};
}
Value Value::ref(Ref ref, source::Span span) {
  return Value(Kind::kRef, std::make_shared<const Ref>(std::move(ref)), span);
}

namespace {
[[noreturn]] void wrong_kind(const char* wanted) {
  throw std::logic_error(fmt::format("Value accessed as {} but holds another kind", wanted));
}
}  // namespace

bool Value::as_bool() const {
  if (kind_ != Kind::kBool) wrong_kind("bool");
  return std::get<bool>(data_);
}
double Value::as_number() const {
  if (kind_ != Kind::kNumber) wrong_kind("number");
  return std::get<double>(data_);
}
const std::string& Value::as_string() const {
  if (kind_ != Kind::kString) wrong_kind("string");
  return std::get<std::string>(data_);
}
const List& Value::as_list() const {
  if (kind_ != Kind::kList) wrong_kind("list");
  return *std::get<std::shared_ptr<const List>>(data_);
}
const Map& Value::as_map() const {
  if (kind_ != Kind::kMap) wrong_kind("map");
  return *std::get<std::shared_ptr<const Map>>(data_);
}
const Unknown& Value::as_unknown() const {
  if (kind_ != Kind::kUnknown) wrong_kind("unknown");
  return *std::get<std::shared_ptr<const Unknown>>(data_);
}
const Ref& Value::as_ref() const {
  if (kind_ != Kind::kRef) wrong_kind("ref");
  return *std::get<std::shared_ptr<const Ref>>(data_);
}

bool Value::is_wholly_known() const {
  switch (kind_) {
    case Kind::kUnknown: return false;
    case Kind::kList:
      for (const auto& item : as_list()) {
        if (!item.is_wholly_known()) return false;
      }
      return true;
    case Kind::kMap:
      for (const auto& [key, item] : as_map()) {
        if (!item.is_wholly_known()) return false;
      }
      return true;
    default: return true;
  }
}

const Value* Value::get(std::string_view key) const {
  if (kind_ != Kind::kMap) return nullptr;
  const Map& entries = as_map();
  // An exact match wins over a case-folded one, so {"a":1,"A":2} stays addressable.
  for (const auto& [name, item] : entries) {
    if (name == key) return &item;
  }
  for (const auto& [name, item] : entries) {
    if (iequals(name, key)) return &item;
  }
  return nullptr;
}

namespace {
bool parse_index(std::string_view text, std::size_t* index) {
  if (text.empty() || text.size() > 9) return false;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  *index = value;
  return true;
}

const Value* step(const Value* current, std::string_view key) {
  if (current->is_map()) return current->get(key);
  std::size_t index = 0;
  if (current->is_list() && parse_index(key, &index) && index < current->as_list().size()) {
    return &current->as_list()[index];
  }
  return nullptr;
}
}  // namespace

const Value* Value::find_path(std::span<const std::string> path) const {
  const Value* current = this;
  for (const auto& key : path) {
    current = step(current, key);
    if (!current) return nullptr;
  }
  return current;
}

const Value* Value::find_path(std::string_view dotted) const {
  const Value* current = this;
  while (!dotted.empty()) {
    const auto dot = dotted.find('.');
    current = step(current, dotted.substr(0, dot));
    if (!current) return nullptr;
    if (dot == std::string_view::npos) break;
    dotted.remove_prefix(dot + 1);
  }
  return current;
}

Value Value::with_path(std::span<const std::string> path, Value value) const {
  if (path.empty()) return value;
  // An index into an existing list replaces that item, keeping the list a list.
  if (std::size_t index = 0;
      is_list() && parse_index(path.front(), &index) && index < as_list().size()) {
    List items = as_list();
    items[index] = items[index].with_path(path.subspan(1), std::move(value));
    return Value::list(std::move(items), span_);
  }
  Map entries = is_map() ? as_map() : Map{};
  for (auto& [name, item] : entries) {
    if (iequals(name, path.front())) {
      item = item.with_path(path.subspan(1), std::move(value));
      return Value::map(std::move(entries), span_);
    }
  }
  entries.emplace_back(path.front(), Value().with_path(path.subspan(1), std::move(value)));
  return Value::map(std::move(entries), is_map() ? span_ : value.span());
}

Value Value::with_span(source::Span span) const {
  Value copy = *this;
  copy.span_ = span;
  return copy;
}

namespace {
nlohmann::json to_json_for_display(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull: return nullptr;
    case Value::Kind::kBool: return value.as_bool();
    case Value::Kind::kNumber: {
      const double number = value.as_number();
      if (std::floor(number) == number && std::fabs(number) < 9.0e15) {
        return static_cast<long long>(number);
      }
      return number;
    }
    case Value::Kind::kString: return value.as_string();
    case Value::Kind::kList: {
      auto out = nlohmann::json::array();
      for (const auto& item : value.as_list()) out.push_back(to_json_for_display(item));
      return out;
    }
    case Value::Kind::kMap: {
      auto out = nlohmann::json::object();
      for (const auto& [key, item] : value.as_map()) out[key] = to_json_for_display(item);
      return out;
    }
    case Value::Kind::kUnknown:
    case Value::Kind::kRef: return value.to_display();
  }
  return nullptr;
}
}  // namespace

std::string Value::to_display() const {
  switch (kind_) {
    case Kind::kString: return as_string();
    case Kind::kUnknown: return fmt::format("(unknown: {})", as_unknown().reason);
    case Kind::kRef: {
      std::string text = "${" + as_ref().target;
      for (const auto& part : as_ref().path) text += "." + part;
      return text + "}";
    }
    default:
      return to_json_for_display(*this).dump(-1, ' ', false,
                                             nlohmann::json::error_handler_t::replace);
  }
}

bool Value::is_copy_of(const Value& other) const {
  return kind_ == other.kind_ && span_ == other.span_ && data_ == other.data_;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::kNull: return true;
    case Value::Kind::kBool: return a.as_bool() == b.as_bool();
    case Value::Kind::kNumber: return a.as_number() == b.as_number();
    case Value::Kind::kString: return a.as_string() == b.as_string();
    case Value::Kind::kList: return a.as_list() == b.as_list();
    case Value::Kind::kMap: {
      const Map& x = a.as_map();
      const Map& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (const auto& [key, item] : x) {
        const Value* other = b.get(key);
        if (!other || !(item == *other)) return false;
      }
      return true;
    }
    case Value::Kind::kUnknown:  // only the same deployment-stable expression is provably equal
      return !a.as_unknown().symbol.empty() && a.as_unknown().symbol == b.as_unknown().symbol;
    case Value::Kind::kRef:
      return a.as_ref().target == b.as_ref().target && a.as_ref().path == b.as_ref().path;
  }
  return false;
}

}  // namespace ztlint::value
