// The libFuzzer entry of one target executable; ZTLINT_FUZZ_ENTRY names its function.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return ztlint::fuzz::ZTLINT_FUZZ_ENTRY(data, size);
}
