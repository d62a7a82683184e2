// One instance of an evaluated resource (`count`/`for_each` make several), as references to
// it and the cache of evaluations see it.
#pragma once

#include <string>

#include "value/value.h"

namespace ztlint::terraform {

struct ResourceInstance {
  std::string address;
  value::Value key;
  value::Value arguments;
  value::Value object;  // arguments plus the `id` marker, as references see the instance
};

}  // namespace ztlint::terraform
