// Bad-input tests: runs `ztlint check --format json` on scratch estates and reads what it says.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run_ztlint.h"

namespace ztlint::testing {

// A Terraform subnet with no NSG: ZT-NET-001 at line 8 (the good sibling of every case).
inline constexpr const char* kGoodTf = R"(resource "azurerm_virtual_network" "spoke" {
  name                = "vnet-spoke"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.1.0.0/16"]
}

resource "azurerm_subnet" "app" {
  name                 = "snet-app"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.spoke.name
  address_prefixes     = [var.prefix]
}

variable "prefix" {
  type    = string
  default = "10.1.1.0/24"
}
)";

// A Bicep VNet whose inline subnet has no NSG: ZT-NET-001 at line 11.
inline constexpr const char* kGoodBicep = R"(param prefix string = '10.2.1.0/24'

resource vnet 'Microsoft.Network/virtualNetworks@2023-05-01' = {
  name: 'vnet-b'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: ['10.2.0.0/16']
    }
    subnets: [
      {
        name: 'snet-b'
        properties: {
          addressPrefix: prefix
        }
      }
    ]
  }
}
)";

// An ARM template with a subnet and no NSG: ZT-NET-001 at line 11.
inline constexpr const char* kGoodArm = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "prefix": {
      "type": "string",
      "defaultValue": "10.3.1.0/24"
    }
  },
  "resources": [
    {
      "type": "Microsoft.Network/virtualNetworks/subnets",
      "apiVersion": "2023-05-01",
      "name": "vnet-a/snet-a",
      "properties": {
        "addressPrefix": "[parameters('prefix')]"
      }
    }
  ]
}
)";

inline constexpr const char* kGoodArmParameters = R"({
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "prefix": {
      "value": "10.3.2.0/24"
    }
  }
}
)";

inline constexpr const char* kGoodTfvars = R"(prefix = "10.1.2.0/24"
tags = {
  env = "prod"
}
)";

inline constexpr const char* kGoodBicepparam = R"(using './good.bicep'

param prefix = '10.2.9.0/24'
)";

struct CheckRun {
  CommandResult result;
  nlohmann::json out;  // the JSON report (discarded when stdout was not JSON)
};

// `ztlint check --format json ARGS` in `dir` (ARGS default to the whole folder).
inline CheckRun check(const ScratchDir& dir, std::vector<std::string> args = {"."}) {
  std::vector<std::string> full{"check", "--format", "json"};
  full.insert(full.end(), args.begin(), args.end());
  CheckRun run;
  run.result = run_command(ZTLINT_BINARY, full, dir.path());
  run.out = nlohmann::json::parse(run.result.out, nullptr, false);
  return run;
}

// Everything the run said, for failure messages.
inline std::string describe(const CheckRun& run) {
  return "exit " + std::to_string(run.result.exit_code) + "\nstdout:\n" + run.result.out +
         "\nstderr:\n" + run.result.err;
}

// The errors reported for one file.
inline std::vector<nlohmann::json> errors_in(const CheckRun& run, const std::string& file) {
  std::vector<nlohmann::json> found;
  if (run.out.is_discarded()) return found;
  for (const auto& error : run.out.value("errors", nlohmann::json::array())) {
    if (error.value("file", "") == file) found.push_back(error);
  }
  return found;
}

// How many findings of `rule` are reported in `file`.
inline int findings_of(const CheckRun& run, const std::string& rule, const std::string& file) {
  int count = 0;
  if (run.out.is_discarded()) return count;
  for (const auto& finding : run.out.value("findings", nlohmann::json::array())) {
    if (finding.value("rule", "") == rule && finding.value("file", "") == file) ++count;
  }
  return count;
}

// Succeeds when `file` has an error starting at line:column whose message contains `text`.
inline ::testing::AssertionResult has_error_at(const CheckRun& run, const std::string& file,
                                               int line, int column, const std::string& text) {
  for (const auto& error : errors_in(run, file)) {
    if (!error.contains("range")) continue;
    const auto& start = error["range"]["start"];
    if (start.value("line", 0) == line && start.value("column", 0) == column &&
        error.value("message", "").find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error '" << text << "' at " << file << ":" << line << ":" << column << "\n"
         << describe(run);
}

// Succeeds when `file` has an error (with or without a position) whose message contains
// `text`: for problems of a whole file, such as one that cannot be read.
inline ::testing::AssertionResult has_file_error(const CheckRun& run, const std::string& file,
                                                 const std::string& text) {
  for (const auto& error : errors_in(run, file)) {
    if (error.value("message", "").find(text) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error '" << text << "' for " << file << "\n"
                                       << describe(run);
}

// The good Terraform sibling still yields its finding at its place.
inline ::testing::AssertionResult good_sibling_linted(const CheckRun& run,
                                                      const std::string& file = "good.tf") {
  if (run.out.is_discarded()) return ::testing::AssertionFailure() << describe(run);
  for (const auto& finding : run.out["findings"]) {
    if (finding.value("rule", "") == "ZT-NET-001" && finding.value("file", "") == file &&
        finding["range"]["start"].value("line", 0) == 8) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "ZT-NET-001 at " << file << ":8 is lost\n"
                                       << describe(run);
}

}  // namespace ztlint::testing
