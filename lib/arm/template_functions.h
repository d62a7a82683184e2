// The template-language function library (ARM JSON and Bicep built-ins) as one table.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>

#include "source/diagnostic.h"
#include "value/value.h"

namespace ztlint::arm {

// What a function call may see of the caller. The library itself knows nothing of
// templates: functions whose meaning depends on the caller (parameters(), variables(),
// copyIndex(), reference(), a Bicep symbol...) are answered by `scope`.
//
// Deployment-context functions (resourceGroup(), subscription(), deployment(),
// environment(), tenant(), managementGroup()) return symbolic Unknowns: stable within one
// deployment, unknown offline, equal when their canonical expression text is equal.
// Functions over symbolic arguments (uniqueString, concat, format, guid, toLower...) stay
// symbolic with a combined canonical symbol, so `concat('st', uniqueString(resourceGroup().id))`
// written in ARM and `'st${uniqueString(resourceGroup().id)}'` written in Bicep compare equal.
//
// Not thread-safe (it carries a diagnostics sink); make one per evaluation thread.
struct FunctionContext {
  // Answers caller-specific functions. Returns nullopt when the name is not the caller's;
  // then the library's own function (if any) runs. Names arrive as written (compare
  // case-insensitively).
  std::function<std::optional<value::Value>(std::string_view name,
                                            std::span<const value::Value> args)>
      scope;
  // Where problems go (kUnsupported for a function the library lacks, kEvaluation for a
  // call that cannot be evaluated). May be null: then problems are silent.
  source::Diagnostics* diagnostics = nullptr;
  // Names already reported as unsupported, so each is reported once per context owner.
  // May be null: then every call reports.
  std::set<std::string>* reported = nullptr;
  // The call being evaluated: results carry this span, and so do diagnostics.
  source::Span span;
};

// Calls a function by name (case-insensitive). Never throws on user input: a function not
// in the library yields Unknown and one kUnsupported diagnostic naming it; wrong argument
// counts or types yield Unknown and a kEvaluation diagnostic; Unknown arguments yield
// Unknown (symbolic where the inputs are).
value::Value call_function(std::string_view name, std::span<const value::Value> args,
                           FunctionContext& context);

// Whether the library implements the function (case-insensitive).
bool has_function(std::string_view name);

// Azure's uniqueString(): MurmurHash64 of the arguments joined with '-', 13 base32 chars.
std::string unique_string(std::span<const std::string> parts);
// Azure's guid(): a name-based (version 5) UUID of the arguments joined with '-'.
std::string deterministic_guid(std::span<const std::string> parts);

// Member access `.name` and index access `[i]` on a function result, as the template
// languages define them: maps by key (case-insensitive), lists by index, Refs extend their
// path, symbolic Unknowns extend their symbol ("resourceGroup().location"). A missing
// member yields Unknown. Results carry `span`.
value::Value access_member(const value::Value& target, std::string_view name, source::Span span);
value::Value access_index(const value::Value& target, const value::Value& index, source::Span span);

// A template number as an integer (truncated toward zero). Beyond +-1e15 it is clamped and
// NaN is 0: converting such a double to an integer directly is undefined behaviour.
long long to_integer(double number);

// True when no Unknown and no Ref occurs anywhere inside: the value can be computed with.
bool is_computable(const value::Value& value);

// The canonical text of a value inside a symbol: strings quoted ('a''b'), numbers plain,
// symbolic Unknowns as their symbol, lists/maps as JSON. Used to combine symbols.
std::string symbol_text(const value::Value& value);

}  // namespace ztlint::arm
