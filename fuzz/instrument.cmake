# ZTLINT_FUZZ: the whole engine (and its vendored C) built for libFuzzer with AddressSanitizer
# and UndefinedBehaviorSanitizer; undefined behaviour aborts so the fuzzer records it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ZTLINT_FUZZ needs clang (CC=clang CXX=clang++; scripts/fuzz build does this)")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
