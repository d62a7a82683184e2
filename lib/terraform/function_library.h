// The Terraform function library: one table from function name to implementation.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "value/value.h"

namespace ztlint::terraform {

// What a function may need beyond its arguments. Filled by the evaluator per call.
struct CallContext {
  source::Span span;  // the call, for the result's span
  // Reads a local file for file()/templatefile(): the text, or nullopt (with `why`) when
  // it is outside the repository, unreadable or not text.
  std::function<std::optional<std::string>(const std::string& path, std::string* why)> read_file;
  // Renders template text with variables (templatefile()).
  std::function<value::Value(const std::string& text, const value::Value& vars)> render;
  // Incremented when a call fails (bad argument, out of range): try()/can() watch it.
  int* errors = nullptr;
  // Set when the call would build a value beyond a limit of source/limits.h: the evaluator
  // reports it as an evaluation diagnostic at the call.
  std::string limit_exceeded;

  // A failed call: Unknown with the reason, counted as an error.
  value::Value fail(std::string reason) const;
  // A call refused by a limit: like fail, and remembered in limit_exceeded.
  value::Value exceed(std::string reason);
};

using FunctionImpl = value::Value (*)(std::span<const value::Value> args, CallContext& context);

// How much of the arguments must be known for the function to compute anything.
enum class Needs {
  kKnown,      // no Unknown and no Ref anywhere inside (string and number functions)
  kNoUnknown,  // no Unknown anywhere; Refs are opaque values (set and equality functions)
  kShallow,    // arguments themselves not Unknown/Ref; their elements may be anything
  kAnything,   // the function handles Unknown itself
};

struct FunctionSpec {
  std::string_view name;
  int min_args;
  int max_args;  // -1: variadic
  Needs needs;
  FunctionImpl impl;
};

// The function of that name, or nullptr. try() and can() are not here: they evaluate their
// arguments lazily and live in the evaluator.
const FunctionSpec* find_function(std::string_view name);

// Calls a function with arity and Unknown checks applied.
value::Value call_function(const FunctionSpec& spec, std::span<const value::Value> args,
                           CallContext& context);

// Terraform's conversions between primitive types.
std::optional<std::string> to_terraform_string(const value::Value& v);
std::optional<double> to_terraform_number(const value::Value& v);
std::optional<bool> to_terraform_bool(const value::Value& v);
std::string format_number(double number);
// Terraform equality: type-sensitive, structural; spans ignored; map keys case-sensitive.
bool terraform_equal(const value::Value& a, const value::Value& b);
// True when no Unknown (and, with refs_count_as_unknown, no Ref) occurs anywhere inside.
bool fully_known(const value::Value& v, bool refs_count_as_unknown);
// Exact-case map lookup (Terraform keys are case-sensitive).
const value::Value* map_get(const value::Map& map, std::string_view key);
// The Value as JSON text (jsonencode); nullopt when it holds Unknown or Ref.
std::optional<std::string> to_json_text(const value::Value& v);
// JSON text as a Value, every part written at `span`; nullopt when it is not JSON.
std::optional<value::Value> parse_json_value(std::string_view text, source::Span span);

}  // namespace ztlint::terraform
