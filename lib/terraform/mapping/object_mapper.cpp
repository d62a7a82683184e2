#include "terraform/mapping/object_mapper.h"

#include <algorithm>

namespace ztlint::terraform::mapping {

using value::Value;

namespace {

Value literal(const Literal& literal, source::Span span) {
  if (literal.kind == Literal::Kind::kBool) return Value::boolean(literal.boolean, span);
  return Value::string(std::string(literal.text), span);
}

// x → {a: {b: x}} for wrap "a.b"; the new maps are written where x was.
Value wrap(const Value& item, std::string_view wrap_path) {
  const std::vector<std::string> keys = split_path(wrap_path);
  Value result = item;
  for (auto key = keys.rbegin(); key != keys.rend(); ++key) {
    result = Value::map({{*key, result}}, item.span());
  }
  return result;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

Value convert(const Field& field, const Value& written) {
  const Value value = translate_refs(written);
  const source::Span span = value.span();
  switch (field.convert) {
    case Convert::kCopy: return value;
    case Convert::kEnabled:
    case Convert::kDisabled:
      if (!value.is_bool()) return value;
      return Value::string(
          value.as_bool() == (field.convert == Convert::kEnabled) ? "Enabled" : "Disabled", span);
    case Convert::kNot: return value.is_bool() ? Value::boolean(!value.as_bool(), span) : value;
    case Convert::kWrap: return wrap(value, field.wrap);
    case Convert::kWrapEach: {
      value::List items;
      if (value.is_list()) {
        for (const auto& item : value.as_list()) items.push_back(wrap(item, field.wrap));
      } else if (value.is_string()) {
        std::string_view rest = value.as_string();
        while (!rest.empty()) {
          const auto comma = rest.find(',');
          const std::string_view part = trim(rest.substr(0, comma));
          if (!part.empty())
            items.push_back(wrap(Value::string(std::string(part), span), field.wrap));
          if (comma == std::string_view::npos) break;
          rest.remove_prefix(comma + 1);
        }
      } else {
        return value;
      }
      return Value::list(std::move(items), span);
    }
    case Convert::kJoin: {
      if (!value.is_list()) return value;
      std::string joined;
      for (const auto& item : value.as_list()) {
        if (!item.is_string()) return Value::unknown("a list item is not known", span);
        if (!joined.empty()) joined += ", ";
        joined += item.as_string();
      }
      return Value::string(std::move(joined), span);
    }
    case Convert::kList:
      if (value.is_list() || !value.is_concrete()) return value;
      return Value::list({value}, span);
  }
  return value;
}

std::vector<std::string> concat(const std::vector<std::string>& prefix, std::string_view dotted) {
  std::vector<std::string> path = prefix;
  for (auto& part : split_path(dotted)) path.push_back(std::move(part));
  return path;
}

// The span from the first to the last block instance when they share a file.
source::Span covering(const value::List& items, source::Span fallback) {
  if (items.empty()) return fallback;
  source::Span span = items.front().span();
  for (const auto& item : items) {
    const source::Span other = item.span();
    if (other.file != span.file || !other.valid()) continue;
    span.range.begin = std::min(span.range.begin, other.range.begin);
    span.range.end = std::max(span.range.end, other.range.end);
  }
  return span.valid() ? span : fallback;
}

// A block whose instances cannot be known (a dynamic block over an unknown collection):
// whatever it would set is unknown.
void mark_unknown(const Object& spec, const Value& unknown, ObjectBuilder& out,
                  const std::vector<std::string>& prefix) {
  for (const auto fields : {spec.shared, spec.fields}) {
    for (const auto& field : fields) {
      if (field.block && field.shape == Shape::kInline) {
        mark_unknown(*field.block, unknown, out, prefix);
      } else if (!field.path.empty()) {
        out.set(concat(prefix, field.path), unknown);
      }
    }
  }
}

void map_block(const Field& field, const Value& argument, ObjectBuilder& out,
               const std::vector<std::string>& prefix, int major) {
  const std::vector<std::string> path =
      field.shape == Shape::kInline ? prefix : concat(prefix, field.path);
  if (!argument.is_list() && !argument.is_map()) {
    const Value unknown = argument.is_unknown()
                              ? argument
                              : Value::unknown("the block's content is not known", argument.span());
    if (field.shape == Shape::kInline) {
      mark_unknown(*field.block, unknown, out, prefix);
    } else {
      out.set(path, unknown);
    }
    return;
  }
  const value::List items = argument.is_list() ? argument.as_list() : value::List{argument};
  switch (field.shape) {
    case Shape::kList: {
      value::List mapped;
      mapped.reserve(items.size());
      for (const auto& item : items) {
        if (!item.is_map()) {
          mapped.push_back(item);
          continue;
        }
        ObjectBuilder builder(item.span());
        map_object(*field.block, item, builder, {}, item.span(), major);
        mapped.push_back(builder.build());
      }
      out.set(path, Value::list(std::move(mapped), covering(items, argument.span())));
      return;
    }
    case Shape::kInline:
      for (const auto& item : items) {
        if (item.is_map()) {
          map_object(*field.block, item, out, prefix, item.span(), major);
        } else {
          mark_unknown(*field.block, item, out, prefix);
        }
      }
      return;
    case Shape::kObject:
      if (items.empty()) return;
      if (!items.front().is_map()) {
        out.set(path, items.front());
        return;
      }
      out.ensure_map(path, items.front().span());
      map_object(*field.block, items.front(), out, path, items.front().span(), major);
      return;
  }
}

bool is_index(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::vector<std::string>> translate(const Object& spec, const Object* also,
                                                  std::span<const std::string> path) {
  if (path.empty()) return std::vector<std::string>{};
  const Field* found = nullptr;
  for (const Object* object : {&spec, also}) {
    if (!object) continue;
    for (const auto fields : {object->shared, object->fields}) {
      for (const auto& field : fields) {
        if (!found && field.argument == path.front()) found = &field;
      }
    }
  }
  if (!found) return std::nullopt;
  std::vector<std::string> arm = split_path(found->path);
  std::span<const std::string> rest = path.subspan(1);
  if (!found->block) {
    if (found->convert == Convert::kCopy) {
      arm.insert(arm.end(), rest.begin(), rest.end());
      return arm;
    }
    if (found->convert == Convert::kWrap && rest.empty()) {
      for (auto& key : split_path(found->wrap)) arm.push_back(std::move(key));
      return arm;
    }
    return std::nullopt;
  }
  std::string index = "0";
  if (!rest.empty() && is_index(rest.front())) {
    index = rest.front();
    rest = rest.subspan(1);
  }
  auto inner = translate(*found->block, nullptr, rest);
  if (!inner) return std::nullopt;
  switch (found->shape) {
    case Shape::kList:
      arm.push_back(index);
      arm.insert(arm.end(), inner->begin(), inner->end());
      return arm;
    case Shape::kInline: return inner;
    case Shape::kObject: arm.insert(arm.end(), inner->begin(), inner->end()); return arm;
  }
  return std::nullopt;
}

}  // namespace

int effective_major(int declared) {
  return declared == 0 || declared >= 4 ? 4 : 3;
}

void map_object(const Object& spec, const Value& arguments, ObjectBuilder& out,
                const std::vector<std::string>& prefix, source::Span defaults_span, int major) {
  for (const auto fields : {spec.shared, spec.fields}) {
    for (const auto& field : fields) {
      const Value* argument = arguments.get(field.argument);
      if (!argument || argument->is_null()) continue;
      if (field.block) {
        map_block(field, *argument, out, prefix, major);
      } else {
        out.set(concat(prefix, field.path), convert(field, *argument));
      }
    }
  }
  for (const auto& entry : spec.defaults) {
    if (entry.major != 0 && entry.major != major) continue;
    const std::vector<std::string> path = concat(prefix, entry.path);
    if (!out.has(path)) out.set(path, literal(entry.value, defaults_span));
  }
}

std::string_view type_of_address(std::string_view address) {
  // Split on dots outside brackets and quotes; the type is the next-to-last segment.
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (c == '.' && depth == 0) {
      segments.push_back(address.substr(start, i - start));
      start = i + 1;
    }
  }
  segments.push_back(address.substr(start));
  if (segments.size() < 2) return {};
  return segments[segments.size() - 2];
}

std::optional<std::vector<std::string>> arm_path_of(std::string_view azurerm_type,
                                                    std::span<const std::string> terraform_path) {
  if (terraform_path.empty() || terraform_path.front() == "id" ||
      terraform_path.front() == "name") {
    return std::nullopt;
  }
  const TypeMapping* row = find_type(azurerm_type);
  if (!row || row->association) return std::nullopt;
  return translate(*row->body, &common_object(), terraform_path);
}

Value translate_refs(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kRef: {
      const value::Ref& ref = value.as_ref();
      auto path = arm_path_of(type_of_address(ref.target), ref.path);
      if (!path) return value;
      return Value::ref(value::Ref{ref.target, std::move(*path)}, value.span());
    }
    case Value::Kind::kList: {
      value::List items;
      items.reserve(value.as_list().size());
      for (const auto& item : value.as_list()) items.push_back(translate_refs(item));
      return Value::list(std::move(items), value.span());
    }
    case Value::Kind::kMap: {
      value::Map entries;
      entries.reserve(value.as_map().size());
      for (const auto& [key, item] : value.as_map())
        entries.emplace_back(key, translate_refs(item));
      return Value::map(std::move(entries), value.span());
    }
    default: return value;
  }
}

}  // namespace ztlint::terraform::mapping
