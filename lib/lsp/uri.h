// file:// URIs and the absolute paths the estate loader uses for them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ztlint::lsp {

// "file:///home/a%20b/main.tf" -> "/home/a b/main.tf"; nullopt for other schemes.
std::optional<std::string> uri_to_path(std::string_view uri);
// The inverse, percent-encoding what a URI path may not hold.
std::string path_to_uri(std::string_view path);

}  // namespace ztlint::lsp
