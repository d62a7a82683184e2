// The canonical ARM resource types the analyses read (compared case-insensitively).
#pragma once

#include <string_view>

namespace ztlint::analysis::types {

inline constexpr std::string_view kVirtualNetwork = "Microsoft.Network/virtualNetworks";
inline constexpr std::string_view kSubnet = "Microsoft.Network/virtualNetworks/subnets";
inline constexpr std::string_view kPeering =
    "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
inline constexpr std::string_view kVirtualHub = "Microsoft.Network/virtualHubs";
inline constexpr std::string_view kHubConnection =
    "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections";
inline constexpr std::string_view kFirewall = "Microsoft.Network/azureFirewalls";
inline constexpr std::string_view kFirewallPolicy = "Microsoft.Network/firewallPolicies";
inline constexpr std::string_view kNetworkVirtualAppliance =
    "Microsoft.Network/networkVirtualAppliances";
inline constexpr std::string_view kNetworkInterface = "Microsoft.Network/networkInterfaces";
inline constexpr std::string_view kNsg = "Microsoft.Network/networkSecurityGroups";
inline constexpr std::string_view kNsgRule =
    "Microsoft.Network/networkSecurityGroups/securityRules";
inline constexpr std::string_view kRouteTable = "Microsoft.Network/routeTables";
inline constexpr std::string_view kRoute = "Microsoft.Network/routeTables/routes";
inline constexpr std::string_view kPrivateEndpoint = "Microsoft.Network/privateEndpoints";
inline constexpr std::string_view kPrivateDnsZoneGroup =
    "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
inline constexpr std::string_view kPublicIp = "Microsoft.Network/publicIPAddresses";
inline constexpr std::string_view kBastion = "Microsoft.Network/bastionHosts";
inline constexpr std::string_view kVirtualMachine = "Microsoft.Compute/virtualMachines";
inline constexpr std::string_view kScaleSet = "Microsoft.Compute/virtualMachineScaleSets";

}  // namespace ztlint::analysis::types
