// Hand-built EvaluatedResources for the azurerm → ARM mapping tests.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "graph/fragment.h"
#include "source/diagnostic.h"
#include "terraform/azurerm_mapping.h"
#include "terraform/evaluated_resource.h"
#include "value/value.h"

namespace ztlint::terraform::testing {

using value::Value;

// Hands out distinct spans in file 0, so a test can tell which attribute a value came from.
class Spans {
 public:
  source::Span next() {
    const source::Span span{0, {offset_, offset_ + 7}};
    offset_ += 10;
    return span;
  }

 private:
  std::uint32_t offset_ = 1000;
};

inline Spans& spans() {
  static Spans instance;
  return instance;
}

inline Value str(std::string text) {
  return Value::string(std::move(text), spans().next());
}
inline Value flag(bool value) {
  return Value::boolean(value, spans().next());
}
inline Value num(double value) {
  return Value::number(value, spans().next());
}
inline Value unknown() {
  return Value::unknown("var.x has no value", spans().next());
}
inline Value ref(std::string target, std::vector<std::string> path = {"id"}) {
  return Value::ref(value::Ref{std::move(target), std::move(path)}, spans().next());
}
inline Value strs(std::initializer_list<const char*> items) {
  value::List list;
  for (const char* item : items) list.push_back(Value::string(item, spans().next()));
  return Value::list(std::move(list), spans().next());
}
inline Value list(std::initializer_list<Value> items) {
  return Value::list(value::List(items), spans().next());
}
// One nested block instance: a map whose span is the block.
inline Value block(std::initializer_list<std::pair<std::string, Value>> entries) {
  return Value::map(value::Map(entries.begin(), entries.end()), spans().next());
}
// The arguments of a block type: each nested block type is a list of instances.
inline Value blocks(std::initializer_list<Value> instances) {
  return Value::list(value::List(instances), spans().next());
}
inline Value args(std::initializer_list<std::pair<std::string, Value>> entries) {
  return Value::map(value::Map(entries.begin(), entries.end()), spans().next());
}

inline EvaluatedResource resource(std::string type, std::string name, Value arguments,
                                  int major = 4, bool data = false) {
  EvaluatedResource evaluated;
  evaluated.is_data_source = data;
  evaluated.type = type;
  evaluated.address = (data ? "data." : "") + type + "." + name;
  evaluated.arguments = std::move(arguments);
  evaluated.range = source::Span{0, {10, 900}};
  evaluated.azurerm_major_version = major;
  return evaluated;
}

inline std::string fmt_path(const std::vector<std::string>& path) {
  std::string dotted;
  for (const auto& key : path) dotted += (dotted.empty() ? "" : ".") + key;
  return dotted;
}

struct Lowered {
  graph::Fragment fragment;
  source::Diagnostics diagnostics;

  const graph::Resource& only() const {
    EXPECT_EQ(fragment.resources.size(), 1u);
    return fragment.resources.at(0);
  }
  const Value& body() const { return only().body; }
  // The value at a dotted body path; a null Value when absent.
  Value at(std::string_view dotted) const {
    const Value* found = body().find_path(dotted);
    return found ? *found : Value();
  }
};

inline Lowered lower(const EvaluatedResource& evaluated) {
  Lowered lowered;
  lower_to_arm(evaluated, lowered.fragment, lowered.diagnostics);
  return lowered;
}

}  // namespace ztlint::terraform::testing
