// End to end with a real editor: headless Neovim's built-in LSP client runs `ztlint lsp`
// (vim.lsp.start; start_client on Neovim 0.7) on a scratch workspace and writes the
// diagnostics it received to a file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/json_rpc.h"
#include "scratch_workspace.h"

namespace ztlint::lsp {
namespace {

// `ztlint` beside this test's build tree (BUILD/test/ztlint_lsp_tests -> BUILD/ztlint), or
// $ZTLINT_BINARY.
std::string ztlint_binary() {
  if (const char* given = std::getenv("ZTLINT_BINARY")) return given;
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : (self.parent_path().parent_path() / "ztlint").string();
}

std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = dir + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

constexpr const char* kInitLua = R"(
local root, out, binary = vim.env.ZT_ROOT, vim.env.ZT_OUT, vim.env.ZT_BINARY
vim.cmd('edit ' .. root .. '/main.tf')
vim.bo.filetype = 'terraform'
local config = { name = 'ztlint', cmd = { binary, 'lsp' }, root_dir = root }
if vim.lsp.start then
  vim.lsp.start(config)
else  -- Neovim before 0.8
  vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))
end
local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end
local found = vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if code(d) == 'ZT-NET-001' then return true end
  end
  return false
end, 50)
local list = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(list, { code = code(d), lnum = d.lnum, end_lnum = d.end_lnum,
                       severity = d.severity, source = d.source, message = d.message })
end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode({ found = found, diagnostics = list }))
f:close()
vim.cmd('qall!')
)";

TEST(Neovim, ShowsTheSubnetFindingFromZtlintLsp) {
  const std::string nvim = find_on_path("nvim");
  ASSERT_FALSE(nvim.empty()) << "nvim is not on PATH: install Debian's neovim package "
                                "(apt-get install -y neovim) to run the editor end-to-end test";
  const std::string binary = ztlint_binary();
  ASSERT_TRUE(std::filesystem::exists(binary))
      << "the ztlint executable was not found at " << binary
      << " (build the ztlint target, or set ZTLINT_BINARY)";

  testing::ScratchWorkspace workspace;
  workspace.write("main.tf", testing::kSpokeTf);
  workspace.write("init.lua", kInitLua);
  const std::string out = workspace.path("diagnostics.json");
  const std::string command = "cd '" + workspace.root() + "' && ZT_ROOT='" + workspace.root() +
                              "' ZT_OUT='" + out + "' ZT_BINARY='" + binary + "' timeout 60 '" +
                              nvim + "' --headless --clean -u init.lua >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_EQ(status, 0) << "nvim failed: " << command;

  std::ifstream in(out);
  ASSERT_TRUE(in) << "nvim wrote no diagnostics file";
  const Json result = Json::parse(in, nullptr, false);
  ASSERT_TRUE(result.is_object()) << "unreadable diagnostics file";
  EXPECT_TRUE(result.value("found", false)) << result.dump(2);
  bool on_subnet = false;
  for (const Json& diagnostic : result["diagnostics"]) {
    if (diagnostic.value("code", "") != "ZT-NET-001") continue;
    EXPECT_EQ(diagnostic.value("source", ""), "ztlint");
    EXPECT_EQ(diagnostic.value("severity", 0), 1);  // vim.diagnostic.severity.ERROR
    on_subnet = diagnostic.value("lnum", -1) <= 12 && diagnostic.value("end_lnum", -1) >= 7;
  }
  EXPECT_TRUE(on_subnet) << result.dump(2);
}

}  // namespace
}  // namespace ztlint::lsp
