# The fuzz targets' entry points as one library: the libFuzzer executables (fuzz/) and the
# regression test (test/fuzz) link the same code, so a fixed finding stays fixed.
set(ZTLINT_FUZZ_DIR "${PROJECT_SOURCE_DIR}/fuzz")
file(GLOB ZTLINT_FUZZ_ENTRY_SOURCES CONFIGURE_DEPENDS "${ZTLINT_FUZZ_DIR}/*_entry.cpp")
add_library(ztlint_fuzz STATIC ${ZTLINT_FUZZ_ENTRY_SOURCES} "${ZTLINT_FUZZ_DIR}/entry_points.cpp"
            "${ZTLINT_FUZZ_DIR}/fuzz_support.cpp")
target_include_directories(ztlint_fuzz PUBLIC "${ZTLINT_FUZZ_DIR}")
target_link_libraries(ztlint_fuzz PUBLIC ztlint_lib PRIVATE ztlint_warnings)
# The policy target evaluates over examples/.
target_compile_definitions(ztlint_fuzz PRIVATE ZTLINT_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
