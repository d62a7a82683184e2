// The table itself. Argument names are those of azurerm 3.x and 4.x (both spellings where
// 4.0 renamed one); ARM paths follow the ARM REST API. Defaults are what the provider sends
// when an argument is absent, per provider major version, as its documentation states.
#include "terraform/mapping/type_table.h"

#include <unordered_map>

#include "terraform/mapping/object_builder.h"

namespace ztlint::terraform::mapping {
namespace {

// Row helpers, so each row reads as "argument → ARM path".
constexpr Field copy(std::string_view argument, std::string_view path) {
  return {argument, path};
}
constexpr Field enabled(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kEnabled};
}
constexpr Field disabled(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kDisabled};
}
constexpr Field negated(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kNot};
}
constexpr Field id(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kWrap, "id"};
}
constexpr Field ids(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kWrapEach, "id"};
}
constexpr Field each(std::string_view argument, std::string_view path, std::string_view wrap) {
  return {argument, path, Convert::kWrapEach, wrap};
}
constexpr Field joined(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kJoin};
}
constexpr Field as_list(std::string_view argument, std::string_view path) {
  return {argument, path, Convert::kList};
}
constexpr Field blocks(std::string_view argument, std::string_view path, const Object& object) {
  return {argument, path, Convert::kCopy, {}, &object, Shape::kList};
}
constexpr Field inline_block(std::string_view argument, const Object& object) {
  return {argument, "", Convert::kCopy, {}, &object, Shape::kInline};
}
constexpr Field object(std::string_view argument, std::string_view path, const Object& object) {
  return {argument, path, Convert::kCopy, {}, &object, Shape::kObject};
}
constexpr Default flag(std::string_view path, bool value, int major = 0) {
  return {path, {Literal::Kind::kBool, value, {}}, major};
}
constexpr Default text(std::string_view path, std::string_view value, int major = 0) {
  return {path, {Literal::Kind::kString, false, value}, major};
}

// ---------------------------------------------------------------------------------------
// Shared by every resource.

constexpr Field kIdentity[] = {copy("type", "type")};
constexpr Object kIdentityObject{kIdentity};
constexpr Field kCommon[] = {
    copy("location", "location"),
    copy("tags", "tags"),
    copy("zones", "zones"),
    object("identity", "identity", kIdentityObject),
};
constexpr Object kCommonObject{kCommon};

// ---------------------------------------------------------------------------------------
// Resource groups, DDoS plans, ASGs, private DNS zones, network watchers: nothing beyond
// the common arguments that a policy reads.

constexpr Object kPlain{{}};

// ---------------------------------------------------------------------------------------
// Virtual networks and subnets.

constexpr Field kServiceDelegation[] = {
    copy("name", "properties.serviceName"),
    copy("actions", "properties.actions"),
};
constexpr Object kServiceDelegationObject{kServiceDelegation};
constexpr Field kDelegation[] = {
    copy("name", "name"),
    inline_block("service_delegation", kServiceDelegationObject),
};
constexpr Object kDelegationObject{kDelegation};

// Stand-alone azurerm_subnet.
constexpr Field kSubnet[] = {
    copy("address_prefixes", "properties.addressPrefixes"),
    copy("address_prefix", "properties.addressPrefix"),  // 2.x, kept for old modules
    blocks("delegation", "properties.delegations", kDelegationObject),
    each("service_endpoints", "properties.serviceEndpoints", "service"),
    ids("service_endpoint_policy_ids", "properties.serviceEndpointPolicies"),
    copy("default_outbound_access_enabled", "properties.defaultOutboundAccess"),
    // 4.x: the ARM enum itself.
    copy("private_endpoint_network_policies", "properties.privateEndpointNetworkPolicies"),
    // 3.x: a bool where true means Enabled.
    enabled("private_endpoint_network_policies_enabled",
            "properties.privateEndpointNetworkPolicies"),
    // 2.x: a bool where true means Disabled.
    disabled("enforce_private_link_endpoint_network_policies",
             "properties.privateEndpointNetworkPolicies"),
    enabled("private_link_service_network_policies_enabled",
            "properties.privateLinkServiceNetworkPolicies"),
    disabled("enforce_private_link_service_network_policies",
             "properties.privateLinkServiceNetworkPolicies"),
};
constexpr Default kSubnetDefaults[] = {
    // 3.x: private_endpoint_network_policies_enabled defaults to true (policies Enabled).
    // 4.x: private_endpoint_network_policies defaults to "Disabled".
    text("properties.privateEndpointNetworkPolicies", "Enabled", 3),
    text("properties.privateEndpointNetworkPolicies", "Disabled", 4),
    // private_link_service_network_policies_enabled defaults to true in 3.x and 4.x.
    text("properties.privateLinkServiceNetworkPolicies", "Enabled"),
};
constexpr Object kSubnetObject{kSubnet, kSubnetDefaults};

// A `subnet` block inside azurerm_virtual_network (ARM inline properties.subnets[] item).
constexpr Field kInlineSubnet[] = {
    copy("name", "name"),
    copy("address_prefixes", "properties.addressPrefixes"),
    copy("address_prefix", "properties.addressPrefix"),  // 3.x inline subnets
    id("security_group", "properties.networkSecurityGroup"),
    id("route_table_id", "properties.routeTable"),
    blocks("delegation", "properties.delegations", kDelegationObject),
    each("service_endpoints", "properties.serviceEndpoints", "service"),
    copy("default_outbound_access_enabled", "properties.defaultOutboundAccess"),
    copy("private_endpoint_network_policies", "properties.privateEndpointNetworkPolicies"),
    enabled("private_link_service_network_policies_enabled",
            "properties.privateLinkServiceNetworkPolicies"),
};
constexpr Default kInlineSubnetDefaults[] = {
    // 4.x inline subnets default to "Disabled"; 3.x inline subnets did not send the
    // property, and Azure's own default is Disabled too.
    text("properties.privateEndpointNetworkPolicies", "Disabled"),
};
constexpr Object kInlineSubnetObject{kInlineSubnet, kInlineSubnetDefaults};

constexpr Field kDdosPlanBlock[] = {
    copy("id", "properties.ddosProtectionPlan.id"),
    copy("enable", "properties.enableDdosProtection"),
};
constexpr Object kDdosPlanBlockObject{kDdosPlanBlock};
constexpr Field kVirtualNetwork[] = {
    copy("address_space", "properties.addressSpace.addressPrefixes"),
    copy("dns_servers", "properties.dhcpOptions.dnsServers"),
    blocks("subnet", "properties.subnets", kInlineSubnetObject),
    inline_block("ddos_protection_plan", kDdosPlanBlockObject),
    copy("flow_timeout_in_minutes", "properties.flowTimeoutInMinutes"),
    copy("private_endpoint_vnet_policies", "properties.privateEndpointVNetPolicies"),
};
constexpr Object kVirtualNetworkObject{kVirtualNetwork};

constexpr Field kPeering[] = {
    id("remote_virtual_network_id", "properties.remoteVirtualNetwork"),
    copy("allow_virtual_network_access", "properties.allowVirtualNetworkAccess"),
    copy("allow_forwarded_traffic", "properties.allowForwardedTraffic"),
    copy("allow_gateway_transit", "properties.allowGatewayTransit"),
    copy("use_remote_gateways", "properties.useRemoteGateways"),
};
constexpr Default kPeeringDefaults[] = {
    // Documented defaults, the same in 3.x and 4.x.
    flag("properties.allowVirtualNetworkAccess", true),
    flag("properties.allowForwardedTraffic", false),
    flag("properties.allowGatewayTransit", false),
    flag("properties.useRemoteGateways", false),
};
constexpr Object kPeeringObject{kPeering, kPeeringDefaults};

// ---------------------------------------------------------------------------------------
// Network security groups.

constexpr Field kSecurityRuleProperties[] = {
    copy("description", "properties.description"),
    copy("priority", "properties.priority"),
    copy("direction", "properties.direction"),
    copy("access", "properties.access"),
    copy("protocol", "properties.protocol"),
    copy("source_port_range", "properties.sourcePortRange"),
    copy("source_port_ranges", "properties.sourcePortRanges"),
    copy("destination_port_range", "properties.destinationPortRange"),
    copy("destination_port_ranges", "properties.destinationPortRanges"),
    copy("source_address_prefix", "properties.sourceAddressPrefix"),
    copy("source_address_prefixes", "properties.sourceAddressPrefixes"),
    copy("destination_address_prefix", "properties.destinationAddressPrefix"),
    copy("destination_address_prefixes", "properties.destinationAddressPrefixes"),
    ids("source_application_security_group_ids", "properties.sourceApplicationSecurityGroups"),
    ids("destination_application_security_group_ids",
        "properties.destinationApplicationSecurityGroups"),
};
constexpr Object kSecurityRuleObject{kSecurityRuleProperties};
// An inline security_rule item: its name plus the stand-alone rule's properties.
constexpr Field kItemName[] = {copy("name", "name")};
constexpr Object kInlineSecurityRuleObject{kItemName, {}, kSecurityRuleProperties};
constexpr Field kNetworkSecurityGroup[] = {
    blocks("security_rule", "properties.securityRules", kInlineSecurityRuleObject),
};
constexpr Object kNetworkSecurityGroupObject{kNetworkSecurityGroup};

// ---------------------------------------------------------------------------------------
// Routing.

constexpr Field kRouteProperties[] = {
    copy("address_prefix", "properties.addressPrefix"),
    copy("next_hop_type", "properties.nextHopType"),
    copy("next_hop_in_ip_address", "properties.nextHopIpAddress"),
};
constexpr Object kRouteObject{kRouteProperties};
constexpr Object kInlineRouteObject{kItemName, {}, kRouteProperties};
constexpr Field kRouteTable[] = {
    blocks("route", "properties.routes", kInlineRouteObject),
    copy("disable_bgp_route_propagation", "properties.disableBgpRoutePropagation"),     // 3.x
    negated("bgp_route_propagation_enabled", "properties.disableBgpRoutePropagation"),  // 4.x
};
constexpr Default kRouteTableDefaults[] = {
    // 3.x disable_bgp_route_propagation defaults to false; 4.x bgp_route_propagation_enabled
    // defaults to true: either way BGP routes propagate.
    flag("properties.disableBgpRoutePropagation", false),
};
constexpr Object kRouteTableObject{kRouteTable, kRouteTableDefaults};

// ---------------------------------------------------------------------------------------
// Azure Firewall and its policy.

constexpr Field kFirewallIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
    id("public_ip_address_id", "properties.publicIPAddress"),
    copy("private_ip_address", "properties.privateIPAddress"),
};
constexpr Object kFirewallIpConfigurationObject{kFirewallIpConfiguration};
constexpr Field kFirewallVirtualHub[] = {
    id("virtual_hub_id", "properties.virtualHub"),
    copy("public_ip_count", "properties.hubIPAddresses.publicIPs.count"),
};
constexpr Object kFirewallVirtualHubObject{kFirewallVirtualHub};
constexpr Field kFirewall[] = {
    copy("sku_name", "properties.sku.name"),
    copy("sku_tier", "properties.sku.tier"),
    copy("threat_intel_mode", "properties.threatIntelMode"),
    id("firewall_policy_id", "properties.firewallPolicy"),
    blocks("ip_configuration", "properties.ipConfigurations", kFirewallIpConfigurationObject),
    object("management_ip_configuration", "properties.managementIpConfiguration",
           kFirewallIpConfigurationObject),
    inline_block("virtual_hub", kFirewallVirtualHubObject),
};
constexpr Default kFirewallDefaults[] = {
    // threat_intel_mode defaults to "Alert" in 3.x and 4.x (a firewall policy, when set,
    // governs instead; policies read that).
    text("properties.threatIntelMode", "Alert"),
};
constexpr Object kFirewallObject{kFirewall, kFirewallDefaults};

constexpr Field kIntrusionDetection[] = {
    copy("mode", "properties.intrusionDetection.mode"),
};
constexpr Object kIntrusionDetectionObject{kIntrusionDetection};
constexpr Field kFirewallPolicyDns[] = {
    copy("proxy_enabled", "properties.dnsSettings.enableProxy"),
    copy("servers", "properties.dnsSettings.servers"),
};
constexpr Object kFirewallPolicyDnsObject{kFirewallPolicyDns};
constexpr Field kFirewallPolicy[] = {
    copy("sku", "properties.sku.tier"),
    copy("threat_intelligence_mode", "properties.threatIntelMode"),
    inline_block("intrusion_detection", kIntrusionDetectionObject),
    id("base_policy_id", "properties.basePolicy"),
    inline_block("dns", kFirewallPolicyDnsObject),
};
constexpr Default kFirewallPolicyDefaults[] = {
    // sku defaults to "Standard" and threat_intelligence_mode to "Alert" (3.x and 4.x).
    text("properties.sku.tier", "Standard"),
    text("properties.threatIntelMode", "Alert"),
};
constexpr Object kFirewallPolicyObject{kFirewallPolicy, kFirewallPolicyDefaults};

// ---------------------------------------------------------------------------------------
// Bastion, public IPs, NICs, gateways, load balancers, application gateways.

constexpr Field kBastionIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
    id("public_ip_address_id", "properties.publicIPAddress"),
};
constexpr Object kBastionIpConfigurationObject{kBastionIpConfiguration};
constexpr Field kBastionHost[] = {
    copy("sku", "sku.name"),
    blocks("ip_configuration", "properties.ipConfigurations", kBastionIpConfigurationObject),
    id("virtual_network_id", "properties.virtualNetwork"),  // Developer SKU
    copy("tunneling_enabled", "properties.enableTunneling"),
    copy("ip_connect_enabled", "properties.enableIpConnect"),
    copy("shareable_link_enabled", "properties.enableShareableLink"),
};
constexpr Default kBastionHostDefaults[] = {
    text("sku.name", "Basic"),  // 3.x and 4.x
};
constexpr Object kBastionHostObject{kBastionHost, kBastionHostDefaults};

constexpr Field kPublicIp[] = {
    copy("allocation_method", "properties.publicIPAllocationMethod"),
    copy("sku", "sku.name"),
    copy("sku_tier", "sku.tier"),
    copy("ip_version", "properties.publicIPAddressVersion"),
    copy("domain_name_label", "properties.dnsSettings.domainNameLabel"),
    copy("idle_timeout_in_minutes", "properties.idleTimeoutInMinutes"),
    id("public_ip_prefix_id", "properties.publicIPPrefix"),
    copy("ddos_protection_mode", "properties.ddosSettings.protectionMode"),
    id("ddos_protection_plan_id", "properties.ddosSettings.ddosProtectionPlan"),
    copy("ip_address", "properties.ipAddress"),
};
constexpr Default kPublicIpDefaults[] = {
    // sku: 3.x defaults to "Basic", 4.x to "Standard" (Basic public IPs were retired).
    text("sku.name", "Basic", 3),
    text("sku.name", "Standard", 4),
};
constexpr Object kPublicIpObject{kPublicIp, kPublicIpDefaults};

constexpr Field kNicIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
    id("public_ip_address_id", "properties.publicIPAddress"),
    copy("private_ip_address", "properties.privateIPAddress"),
    copy("private_ip_address_allocation", "properties.privateIPAllocationMethod"),
    copy("private_ip_address_version", "properties.privateIPAddressVersion"),
    copy("primary", "properties.primary"),
    id("gateway_load_balancer_frontend_ip_configuration_id", "properties.gatewayLoadBalancer"),
};
constexpr Object kNicIpConfigurationObject{kNicIpConfiguration};
constexpr Field kNetworkInterface[] = {
    blocks("ip_configuration", "properties.ipConfigurations", kNicIpConfigurationObject),
    copy("ip_forwarding_enabled", "properties.enableIPForwarding"),                    // 4.x
    copy("enable_ip_forwarding", "properties.enableIPForwarding"),                     // 3.x
    copy("accelerated_networking_enabled", "properties.enableAcceleratedNetworking"),  // 4.x
    copy("enable_accelerated_networking", "properties.enableAcceleratedNetworking"),   // 3.x
    copy("dns_servers", "properties.dnsSettings.dnsServers"),
};
constexpr Object kNetworkInterfaceObject{kNetworkInterface};

constexpr Field kGatewayIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
    id("public_ip_address_id", "properties.publicIPAddress"),
    copy("private_ip_address_allocation", "properties.privateIPAllocationMethod"),
};
constexpr Object kGatewayIpConfigurationObject{kGatewayIpConfiguration};
constexpr Field kVirtualNetworkGateway[] = {
    copy("type", "properties.gatewayType"),
    copy("vpn_type", "properties.vpnType"),
    copy("sku", "properties.sku.name"),
    copy("active_active", "properties.activeActive"),
    copy("enable_bgp", "properties.enableBgp"),   // 3.x
    copy("bgp_enabled", "properties.enableBgp"),  // 4.x
    copy("generation", "properties.vpnGatewayGeneration"),
    copy("private_ip_address_enabled", "properties.enablePrivateIpAddress"),
    blocks("ip_configuration", "properties.ipConfigurations", kGatewayIpConfigurationObject),
};
constexpr Object kVirtualNetworkGatewayObject{kVirtualNetworkGateway};

constexpr Field kFrontendIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
    id("public_ip_address_id", "properties.publicIPAddress"),
    id("public_ip_prefix_id", "properties.publicIPPrefix"),
    copy("private_ip_address", "properties.privateIPAddress"),
    copy("private_ip_address_allocation", "properties.privateIPAllocationMethod"),
    copy("zones", "zones"),
};
constexpr Object kFrontendIpConfigurationObject{kFrontendIpConfiguration};
constexpr Field kLoadBalancer[] = {
    copy("sku", "sku.name"),
    copy("sku_tier", "sku.tier"),
    blocks("frontend_ip_configuration", "properties.frontendIPConfigurations",
           kFrontendIpConfigurationObject),
};
constexpr Object kLoadBalancerObject{kLoadBalancer};

constexpr Field kAppGatewaySku[] = {
    copy("name", "properties.sku.name"),
    copy("tier", "properties.sku.tier"),
    copy("capacity", "properties.sku.capacity"),
};
constexpr Object kAppGatewaySkuObject{kAppGatewaySku};
constexpr Field kAppGatewayIpConfiguration[] = {
    copy("name", "name"),
    id("subnet_id", "properties.subnet"),
};
constexpr Object kAppGatewayIpConfigurationObject{kAppGatewayIpConfiguration};
constexpr Field kWafConfiguration[] = {
    copy("enabled", "properties.webApplicationFirewallConfiguration.enabled"),
    copy("firewall_mode", "properties.webApplicationFirewallConfiguration.firewallMode"),
};
constexpr Object kWafConfigurationObject{kWafConfiguration};
constexpr Field kApplicationGateway[] = {
    inline_block("sku", kAppGatewaySkuObject),
    blocks("gateway_ip_configuration", "properties.gatewayIPConfigurations",
           kAppGatewayIpConfigurationObject),
    blocks("frontend_ip_configuration", "properties.frontendIPConfigurations",
           kFrontendIpConfigurationObject),
    id("firewall_policy_id", "properties.firewallPolicy"),
    inline_block("waf_configuration", kWafConfigurationObject),
};
constexpr Object kApplicationGatewayObject{kApplicationGateway};

// ---------------------------------------------------------------------------------------
// Virtual WAN.

constexpr Field kVirtualWan[] = {
    copy("type", "properties.type"),
    copy("disable_vpn_encryption", "properties.disableVpnEncryption"),
    copy("allow_branch_to_branch_traffic", "properties.allowBranchToBranchTraffic"),
};
constexpr Object kVirtualWanObject{kVirtualWan};
constexpr Field kVirtualHubRoute[] = {
    copy("address_prefixes", "addressPrefixes"),
    copy("next_hop_ip_address", "nextHopIpAddress"),
};
constexpr Object kVirtualHubRouteObject{kVirtualHubRoute};
constexpr Field kVirtualHub[] = {
    copy("address_prefix", "properties.addressPrefix"),
    id("virtual_wan_id", "properties.virtualWan"),
    copy("sku", "properties.sku"),
    copy("hub_routing_preference", "properties.hubRoutingPreference"),
    blocks("route", "properties.routeTable.routes", kVirtualHubRouteObject),
};
constexpr Object kVirtualHubObject{kVirtualHub};
constexpr Field kHubConnectionRouting[] = {
    id("associated_route_table_id", "properties.routingConfiguration.associatedRouteTable"),
};
constexpr Object kHubConnectionRoutingObject{kHubConnectionRouting};
constexpr Field kHubConnection[] = {
    id("remote_virtual_network_id", "properties.remoteVirtualNetwork"),
    copy("internet_security_enabled", "properties.enableInternetSecurity"),
    inline_block("routing", kHubConnectionRoutingObject),
};
constexpr Default kHubConnectionDefaults[] = {
    flag("properties.enableInternetSecurity", false),  // 3.x and 4.x
};
constexpr Object kHubConnectionObject{kHubConnection, kHubConnectionDefaults};
constexpr Field kNetworkVirtualAppliance[] = {
    id("virtual_hub_id", "properties.virtualHub"),
    copy("virtual_appliance_asn", "properties.virtualApplianceAsn"),
};
constexpr Object kNetworkVirtualApplianceObject{kNetworkVirtualAppliance};

// ---------------------------------------------------------------------------------------
// Virtual machines and scale sets.

constexpr Field kOsDisk[] = {
    copy("name", "properties.storageProfile.osDisk.name"),
    copy("caching", "properties.storageProfile.osDisk.caching"),
    copy("storage_account_type", "properties.storageProfile.osDisk.managedDisk.storageAccountType"),
    copy("disk_size_gb", "properties.storageProfile.osDisk.diskSizeGB"),
    copy("security_encryption_type",
         "properties.storageProfile.osDisk.managedDisk.securityProfile.securityEncryptionType"),
    id("disk_encryption_set_id", "properties.storageProfile.osDisk.managedDisk.diskEncryptionSet"),
};
constexpr Object kOsDiskObject{kOsDisk};
constexpr Field kImageReference[] = {
    copy("publisher", "properties.storageProfile.imageReference.publisher"),
    copy("offer", "properties.storageProfile.imageReference.offer"),
    copy("sku", "properties.storageProfile.imageReference.sku"),
    copy("version", "properties.storageProfile.imageReference.version"),
};
constexpr Object kImageReferenceObject{kImageReference};
constexpr Field kSshKey[] = {
    copy("public_key", "keyData"),
};
constexpr Object kSshKeyObject{kSshKey};
constexpr Field kBootDiagnostics[] = {
    copy("storage_account_uri", "properties.diagnosticsProfile.bootDiagnostics.storageUri"),
};
constexpr Default kBootDiagnosticsDefaults[] = {
    flag("properties.diagnosticsProfile.bootDiagnostics.enabled", true),
};
constexpr Object kBootDiagnosticsObject{kBootDiagnostics, kBootDiagnosticsDefaults};

// What Linux and Windows VMs share.
constexpr Field kVmShared[] = {
    copy("size", "properties.hardwareProfile.vmSize"),
    copy("admin_username", "properties.osProfile.adminUsername"),
    copy("computer_name", "properties.osProfile.computerName"),
    ids("network_interface_ids", "properties.networkProfile.networkInterfaces"),
    inline_block("os_disk", kOsDiskObject),
    inline_block("source_image_reference", kImageReferenceObject),
    id("source_image_id", "properties.storageProfile.imageReference"),
    copy("secure_boot_enabled", "properties.securityProfile.uefiSettings.secureBootEnabled"),
    copy("vtpm_enabled", "properties.securityProfile.uefiSettings.vTpmEnabled"),
    copy("encryption_at_host_enabled", "properties.securityProfile.encryptionAtHost"),
    as_list("zone", "zones"),
    id("availability_set_id", "properties.availabilitySet"),
    inline_block("boot_diagnostics", kBootDiagnosticsObject),
};

constexpr Field kLinuxVirtualMachine[] = {
    copy("disable_password_authentication",
         "properties.osProfile.linuxConfiguration.disablePasswordAuthentication"),
    blocks("admin_ssh_key", "properties.osProfile.linuxConfiguration.ssh.publicKeys",
           kSshKeyObject),
    copy("patch_mode", "properties.osProfile.linuxConfiguration.patchSettings.patchMode"),
};
// VM defaults are the same in 3.x and 4.x: password authentication disabled (Linux),
// secure boot, vTPM and encryption at host off.
constexpr Default kLinuxVirtualMachineDefaults[] = {
    flag("properties.osProfile.linuxConfiguration.disablePasswordAuthentication", true),
    flag("properties.securityProfile.uefiSettings.secureBootEnabled", false),
    flag("properties.securityProfile.uefiSettings.vTpmEnabled", false),
    flag("properties.securityProfile.encryptionAtHost", false),
    text("properties.storageProfile.osDisk.osType", "Linux"),
};
constexpr Object kLinuxVirtualMachineObject{kLinuxVirtualMachine, kLinuxVirtualMachineDefaults,
                                            kVmShared};

constexpr Field kWindowsVirtualMachine[] = {
    copy("patch_mode", "properties.osProfile.windowsConfiguration.patchSettings.patchMode"),
    copy("enable_automatic_updates",
         "properties.osProfile.windowsConfiguration.enableAutomaticUpdates"),
    copy("automatic_updates_enabled",
         "properties.osProfile.windowsConfiguration.enableAutomaticUpdates"),
};
constexpr Default kWindowsVirtualMachineDefaults[] = {
    flag("properties.securityProfile.uefiSettings.secureBootEnabled", false),
    flag("properties.securityProfile.uefiSettings.vTpmEnabled", false),
    flag("properties.securityProfile.encryptionAtHost", false),
    text("properties.storageProfile.osDisk.osType", "Windows"),
};
constexpr Object kWindowsVirtualMachineObject{kWindowsVirtualMachine,
                                              kWindowsVirtualMachineDefaults, kVmShared};

// The legacy azurerm_virtual_machine: the OS is known from its os_profile_*_config block.
constexpr Field kLegacyLinuxConfig[] = {
    copy("disable_password_authentication",
         "properties.osProfile.linuxConfiguration.disablePasswordAuthentication"),
};
constexpr Default kLegacyLinuxConfigDefaults[] = {
    text("properties.storageProfile.osDisk.osType", "Linux"),
};
constexpr Object kLegacyLinuxConfigObject{kLegacyLinuxConfig, kLegacyLinuxConfigDefaults};
constexpr Field kLegacyWindowsConfig[] = {
    copy("enable_automatic_upgrades",
         "properties.osProfile.windowsConfiguration.enableAutomaticUpdates"),
};
constexpr Default kLegacyWindowsConfigDefaults[] = {
    text("properties.storageProfile.osDisk.osType", "Windows"),
};
constexpr Object kLegacyWindowsConfigObject{kLegacyWindowsConfig, kLegacyWindowsConfigDefaults};
constexpr Field kLegacyOsDisk[] = {
    copy("name", "properties.storageProfile.osDisk.name"),
    copy("os_type", "properties.storageProfile.osDisk.osType"),
    copy("caching", "properties.storageProfile.osDisk.caching"),
    copy("managed_disk_type", "properties.storageProfile.osDisk.managedDisk.storageAccountType"),
};
constexpr Object kLegacyOsDiskObject{kLegacyOsDisk};
constexpr Field kLegacyOsProfile[] = {
    copy("computer_name", "properties.osProfile.computerName"),
    copy("admin_username", "properties.osProfile.adminUsername"),
};
constexpr Object kLegacyOsProfileObject{kLegacyOsProfile};
constexpr Field kLegacyVirtualMachine[] = {
    copy("vm_size", "properties.hardwareProfile.vmSize"),
    ids("network_interface_ids", "properties.networkProfile.networkInterfaces"),
    inline_block("os_profile", kLegacyOsProfileObject),
    inline_block("os_profile_linux_config", kLegacyLinuxConfigObject),
    inline_block("os_profile_windows_config", kLegacyWindowsConfigObject),
    inline_block("storage_os_disk", kLegacyOsDiskObject),
    inline_block("storage_image_reference", kImageReferenceObject),
    id("availability_set_id", "properties.availabilitySet"),
};
constexpr Default kLegacyVirtualMachineDefaults[] = {
    // The legacy resource has no Trusted Launch or encryption-at-host arguments.
    flag("properties.securityProfile.encryptionAtHost", false),
};
constexpr Object kLegacyVirtualMachineObject{kLegacyVirtualMachine, kLegacyVirtualMachineDefaults};

// Scale sets: network_interface → networkInterfaceConfigurations[] → ipConfigurations[].
constexpr Field kVmssPublicIp[] = {
    copy("name", "name"),
    copy("domain_name_label", "properties.dnsSettings.domainNameLabel"),
    copy("idle_timeout_in_minutes", "properties.idleTimeoutInMinutes"),
    id("public_ip_prefix_id", "properties.publicIPPrefix"),
};
constexpr Object kVmssPublicIpObject{kVmssPublicIp};
constexpr Field kVmssIpConfiguration[] = {
    copy("name", "name"),
    copy("primary", "properties.primary"),
    id("subnet_id", "properties.subnet"),
    ids("application_security_group_ids", "properties.applicationSecurityGroups"),
    ids("load_balancer_backend_address_pool_ids", "properties.loadBalancerBackendAddressPools"),
    ids("application_gateway_backend_address_pool_ids",
        "properties.applicationGatewayBackendAddressPools"),
    object("public_ip_address", "properties.publicIPAddressConfiguration", kVmssPublicIpObject),
    // The legacy azurerm_virtual_machine_scale_set spelling.
    object("public_ip_address_configuration", "properties.publicIPAddressConfiguration",
           kVmssPublicIpObject),
};
constexpr Object kVmssIpConfigurationObject{kVmssIpConfiguration};
constexpr Field kVmssNetworkInterface[] = {
    copy("name", "name"),
    copy("primary", "properties.primary"),
    id("network_security_group_id", "properties.networkSecurityGroup"),
    copy("enable_accelerated_networking", "properties.enableAcceleratedNetworking"),
    copy("accelerated_networking_enabled", "properties.enableAcceleratedNetworking"),
    copy("enable_ip_forwarding", "properties.enableIPForwarding"),
    copy("ip_forwarding_enabled", "properties.enableIPForwarding"),
    blocks("ip_configuration", "properties.ipConfigurations", kVmssIpConfigurationObject),
};
constexpr Object kVmssNetworkInterfaceObject{kVmssNetworkInterface};

constexpr Field kVmssOsDisk[] = {
    copy("caching", "properties.virtualMachineProfile.storageProfile.osDisk.caching"),
    copy("storage_account_type",
         "properties.virtualMachineProfile.storageProfile.osDisk.managedDisk.storageAccountType"),
    copy("security_encryption_type",
         "properties.virtualMachineProfile.storageProfile.osDisk.managedDisk.securityProfile."
         "securityEncryptionType"),
};
constexpr Object kVmssOsDiskObject{kVmssOsDisk};

// What Linux and Windows scale sets share.
constexpr Field kVmssShared[] = {
    copy("sku", "sku.name"),
    copy("instances", "sku.capacity"),
    copy("admin_username", "properties.virtualMachineProfile.osProfile.adminUsername"),
    blocks("network_interface",
           "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
           kVmssNetworkInterfaceObject),
    inline_block("os_disk", kVmssOsDiskObject),
    copy("secure_boot_enabled",
         "properties.virtualMachineProfile.securityProfile.uefiSettings.secureBootEnabled"),
    copy("vtpm_enabled",
         "properties.virtualMachineProfile.securityProfile.uefiSettings.vTpmEnabled"),
    copy("encryption_at_host_enabled",
         "properties.virtualMachineProfile.securityProfile.encryptionAtHost"),
};

constexpr Field kLinuxVmss[] = {
    copy("disable_password_authentication",
         "properties.virtualMachineProfile.osProfile.linuxConfiguration."
         "disablePasswordAuthentication"),
};
constexpr Default kLinuxVmssDefaults[] = {
    flag("properties.virtualMachineProfile.osProfile.linuxConfiguration."
         "disablePasswordAuthentication",
         true),
    flag("properties.virtualMachineProfile.securityProfile.uefiSettings.secureBootEnabled", false),
    flag("properties.virtualMachineProfile.securityProfile.uefiSettings.vTpmEnabled", false),
    flag("properties.virtualMachineProfile.securityProfile.encryptionAtHost", false),
    text("properties.virtualMachineProfile.storageProfile.osDisk.osType", "Linux"),
};
constexpr Object kLinuxVmssObject{kLinuxVmss, kLinuxVmssDefaults, kVmssShared};
constexpr Default kWindowsVmssDefaults[] = {
    flag("properties.virtualMachineProfile.securityProfile.uefiSettings.secureBootEnabled", false),
    flag("properties.virtualMachineProfile.securityProfile.uefiSettings.vTpmEnabled", false),
    flag("properties.virtualMachineProfile.securityProfile.encryptionAtHost", false),
    text("properties.virtualMachineProfile.storageProfile.osDisk.osType", "Windows"),
};
constexpr Object kWindowsVmssObject{{}, kWindowsVmssDefaults, kVmssShared};

// Orchestrated scale sets: the OS is known from os_profile's *_configuration block.
constexpr Field kOrchestratedLinuxConfiguration[] = {
    copy("disable_password_authentication",
         "properties.virtualMachineProfile.osProfile.linuxConfiguration."
         "disablePasswordAuthentication"),
    copy("admin_username", "properties.virtualMachineProfile.osProfile.adminUsername"),
};
constexpr Default kOrchestratedLinuxConfigurationDefaults[] = {
    flag("properties.virtualMachineProfile.osProfile.linuxConfiguration."
         "disablePasswordAuthentication",
         true),
    text("properties.virtualMachineProfile.storageProfile.osDisk.osType", "Linux"),
};
constexpr Object kOrchestratedLinuxConfigurationObject{kOrchestratedLinuxConfiguration,
                                                       kOrchestratedLinuxConfigurationDefaults};
constexpr Field kOrchestratedWindowsConfiguration[] = {
    copy("admin_username", "properties.virtualMachineProfile.osProfile.adminUsername"),
};
constexpr Default kOrchestratedWindowsConfigurationDefaults[] = {
    text("properties.virtualMachineProfile.storageProfile.osDisk.osType", "Windows"),
};
constexpr Object kOrchestratedWindowsConfigurationObject{kOrchestratedWindowsConfiguration,
                                                         kOrchestratedWindowsConfigurationDefaults};
constexpr Field kOrchestratedOsProfile[] = {
    inline_block("linux_configuration", kOrchestratedLinuxConfigurationObject),
    inline_block("windows_configuration", kOrchestratedWindowsConfigurationObject),
};
constexpr Object kOrchestratedOsProfileObject{kOrchestratedOsProfile};
constexpr Field kOrchestratedVmss[] = {
    copy("sku_name", "sku.name"),
    copy("instances", "sku.capacity"),
    copy("platform_fault_domain_count", "properties.platformFaultDomainCount"),
    blocks("network_interface",
           "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
           kVmssNetworkInterfaceObject),
    inline_block("os_profile", kOrchestratedOsProfileObject),
    inline_block("os_disk", kVmssOsDiskObject),
    copy("encryption_at_host_enabled",
         "properties.virtualMachineProfile.securityProfile.encryptionAtHost"),
};
constexpr Default kOrchestratedVmssDefaults[] = {
    flag("properties.virtualMachineProfile.securityProfile.encryptionAtHost", false),
};
constexpr Object kOrchestratedVmssObject{kOrchestratedVmss, kOrchestratedVmssDefaults};

// The legacy azurerm_virtual_machine_scale_set.
constexpr Field kLegacyVmssNetworkProfile[] = {
    copy("name", "name"),
    copy("primary", "properties.primary"),
    id("network_security_group_id", "properties.networkSecurityGroup"),
    blocks("ip_configuration", "properties.ipConfigurations", kVmssIpConfigurationObject),
};
constexpr Object kLegacyVmssNetworkProfileObject{kLegacyVmssNetworkProfile};
constexpr Field kLegacyVmssSku[] = {
    copy("name", "sku.name"),
    copy("tier", "sku.tier"),
    copy("capacity", "sku.capacity"),
};
constexpr Object kLegacyVmssSkuObject{kLegacyVmssSku};
constexpr Field kLegacyVmss[] = {
    inline_block("sku", kLegacyVmssSkuObject),
    blocks("network_profile",
           "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations",
           kLegacyVmssNetworkProfileObject),
};
constexpr Object kLegacyVmssObject{kLegacyVmss};

// ---------------------------------------------------------------------------------------
// Private endpoints and private DNS.

constexpr Field kPrivateServiceConnection[] = {
    copy("name", "name"),
    copy("private_connection_resource_id", "properties.privateLinkServiceId"),
    copy("subresource_names", "properties.groupIds"),
    copy("request_message", "properties.requestMessage"),
};
constexpr Object kPrivateServiceConnectionObject{kPrivateServiceConnection};
constexpr Field kPrivateEndpointIpConfiguration[] = {
    copy("name", "name"),
    copy("private_ip_address", "properties.privateIPAddress"),
    copy("subresource_name", "properties.groupId"),
    copy("member_name", "properties.memberName"),
};
constexpr Object kPrivateEndpointIpConfigurationObject{kPrivateEndpointIpConfiguration};
constexpr Field kPrivateEndpoint[] = {
    id("subnet_id", "properties.subnet"),
    // Manual connections move to manualPrivateLinkServiceConnections (post hook).
    blocks("private_service_connection", "properties.privateLinkServiceConnections",
           kPrivateServiceConnectionObject),
    blocks("ip_configuration", "properties.ipConfigurations",
           kPrivateEndpointIpConfigurationObject),
    copy("custom_network_interface_name", "properties.customNetworkInterfaceName"),
};
constexpr Object kPrivateEndpointObject{kPrivateEndpoint};
constexpr Field kPrivateDnsZoneGroup[] = {
    each("private_dns_zone_ids", "properties.privateDnsZoneConfigs", "properties.privateDnsZoneId"),
};
constexpr Object kPrivateDnsZoneGroupObject{kPrivateDnsZoneGroup};
constexpr ChildBlock kPrivateEndpointChildren[] = {
    {"private_dns_zone_group", "Microsoft.Network/privateEndpoints/privateDnsZoneGroups",
     &kPrivateDnsZoneGroupObject},
};

constexpr Field kDnsZoneLink[] = {
    id("virtual_network_id", "properties.virtualNetwork"),
    copy("registration_enabled", "properties.registrationEnabled"),
};
constexpr Default kDnsZoneLinkDefaults[] = {
    flag("properties.registrationEnabled", false),
};
constexpr Object kDnsZoneLinkObject{kDnsZoneLink, kDnsZoneLinkDefaults};

// ---------------------------------------------------------------------------------------
// PaaS: storage, key vault, SQL, Cosmos DB, container registry.

constexpr Field kPrivateLinkAccess[] = {
    copy("endpoint_resource_id", "resourceId"),
    copy("endpoint_tenant_id", "tenantId"),
};
constexpr Object kPrivateLinkAccessObject{kPrivateLinkAccess};
// Also the body of azurerm_storage_account_network_rules (under `networkAcls`).
constexpr Field kStorageNetworkRules[] = {
    copy("default_action", "networkAcls.defaultAction"),
    joined("bypass", "networkAcls.bypass"),
    each("ip_rules", "networkAcls.ipRules", "value"),
    ids("virtual_network_subnet_ids", "networkAcls.virtualNetworkRules"),
    blocks("private_link_access", "networkAcls.resourceAccessRules", kPrivateLinkAccessObject),
};
constexpr Object kStorageNetworkRulesObject{kStorageNetworkRules};
constexpr Field kStorageNetworkRulesBlock[] = {
    copy("default_action", "properties.networkAcls.defaultAction"),
    joined("bypass", "properties.networkAcls.bypass"),
    each("ip_rules", "properties.networkAcls.ipRules", "value"),
    ids("virtual_network_subnet_ids", "properties.networkAcls.virtualNetworkRules"),
    blocks("private_link_access", "properties.networkAcls.resourceAccessRules",
           kPrivateLinkAccessObject),
};
constexpr Object kStorageNetworkRulesBlockObject{kStorageNetworkRulesBlock};
constexpr Field kStorageAccount[] = {
    copy("account_kind", "kind"),
    copy("account_tier", "sku.tier"),
    copy("access_tier", "properties.accessTier"),
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    copy("min_tls_version", "properties.minimumTlsVersion"),
    copy("https_traffic_only_enabled", "properties.supportsHttpsTrafficOnly"),  // 4.x
    copy("enable_https_traffic_only", "properties.supportsHttpsTrafficOnly"),   // 3.x
    copy("allow_nested_items_to_be_public", "properties.allowBlobPublicAccess"),
    copy("allow_blob_public_access", "properties.allowBlobPublicAccess"),  // 2.x
    copy("shared_access_key_enabled", "properties.allowSharedKeyAccess"),
    copy("default_to_oauth_authentication", "properties.defaultToOAuthAuthentication"),
    copy("cross_tenant_replication_enabled", "properties.allowCrossTenantReplication"),
    copy("is_hns_enabled", "properties.isHnsEnabled"),
    copy("sftp_enabled", "properties.isSftpEnabled"),
    copy("local_user_enabled", "properties.isLocalUserEnabled"),
    copy("infrastructure_encryption_enabled",
         "properties.encryption.requireInfrastructureEncryption"),
    copy("allowed_copy_scope", "properties.allowedCopyScope"),
    inline_block("network_rules", kStorageNetworkRulesBlockObject),
};
constexpr Default kStorageAccountDefaults[] = {
    text("kind", "StorageV2"),
    // Documented azurerm defaults, the same in 3.x and 4.x: public network access true,
    // HTTPS only true, minimum TLS "TLS1_2" (since 3.0), shared key access true, and
    // allow_nested_items_to_be_public true (the 4.x documentation still says true, unlike
    // Azure's own default of false for new accounts).
    text("properties.publicNetworkAccess", "Enabled"),
    flag("properties.supportsHttpsTrafficOnly", true),
    text("properties.minimumTlsVersion", "TLS1_2"),
    flag("properties.allowSharedKeyAccess", true),
    flag("properties.allowBlobPublicAccess", true),
};
constexpr Object kStorageAccountObject{kStorageAccount, kStorageAccountDefaults};

constexpr Field kKeyVaultNetworkAcls[] = {
    copy("default_action", "properties.networkAcls.defaultAction"),
    copy("bypass", "properties.networkAcls.bypass"),
    each("ip_rules", "properties.networkAcls.ipRules", "value"),
    ids("virtual_network_subnet_ids", "properties.networkAcls.virtualNetworkRules"),
};
constexpr Object kKeyVaultNetworkAclsObject{kKeyVaultNetworkAcls};
constexpr Field kKeyVault[] = {
    copy("sku_name", "properties.sku.name"),
    copy("tenant_id", "properties.tenantId"),
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    inline_block("network_acls", kKeyVaultNetworkAclsObject),
    copy("enable_rbac_authorization", "properties.enableRbacAuthorization"),   // 3.x, 4.x
    copy("rbac_authorization_enabled", "properties.enableRbacAuthorization"),  // 4.x
    copy("purge_protection_enabled", "properties.enablePurgeProtection"),
    copy("soft_delete_retention_days", "properties.softDeleteRetentionInDays"),
    copy("enabled_for_deployment", "properties.enabledForDeployment"),
    copy("enabled_for_disk_encryption", "properties.enabledForDiskEncryption"),
    copy("enabled_for_template_deployment", "properties.enabledForTemplateDeployment"),
};
constexpr Default kKeyVaultDefaults[] = {
    text("properties.sku.family", "A"),
    text("properties.publicNetworkAccess", "Enabled"),  // true in 3.x and 4.x
};
constexpr Object kKeyVaultObject{kKeyVault, kKeyVaultDefaults};

constexpr Field kSqlAzureAdAdministrator[] = {
    copy("login_username", "properties.administrators.login"),
    copy("object_id", "properties.administrators.sid"),
    copy("tenant_id", "properties.administrators.tenantId"),
    copy("azuread_authentication_only", "properties.administrators.azureADOnlyAuthentication"),
};
constexpr Object kSqlAzureAdAdministratorObject{kSqlAzureAdAdministrator};
constexpr Field kMssqlServer[] = {
    copy("version", "properties.version"),
    copy("administrator_login", "properties.administratorLogin"),
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    copy("minimum_tls_version", "properties.minimalTlsVersion"),
    enabled("outbound_network_restriction_enabled", "properties.restrictOutboundNetworkAccess"),
    inline_block("azuread_administrator", kSqlAzureAdAdministratorObject),
};
constexpr Default kMssqlServerDefaults[] = {
    // public_network_access_enabled true and minimum_tls_version "1.2" in 3.x and 4.x.
    text("properties.publicNetworkAccess", "Enabled"),
    text("properties.minimalTlsVersion", "1.2"),
};
constexpr Object kMssqlServerObject{kMssqlServer, kMssqlServerDefaults};

constexpr Field kCosmosVirtualNetworkRule[] = {
    copy("id", "id"),
    copy("ignore_missing_vnet_service_endpoint", "ignoreMissingVNetServiceEndpoint"),
};
constexpr Object kCosmosVirtualNetworkRuleObject{kCosmosVirtualNetworkRule};
constexpr Field kCosmosGeoLocation[] = {
    copy("location", "locationName"),
    copy("failover_priority", "failoverPriority"),
    copy("zone_redundant", "isZoneRedundant"),
};
constexpr Object kCosmosGeoLocationObject{kCosmosGeoLocation};
constexpr Field kCosmosConsistency[] = {
    copy("consistency_level", "properties.consistencyPolicy.defaultConsistencyLevel"),
};
constexpr Object kCosmosConsistencyObject{kCosmosConsistency};
constexpr Field kCosmosDbAccount[] = {
    copy("kind", "kind"),
    copy("offer_type", "properties.databaseAccountOfferType"),
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    copy("is_virtual_network_filter_enabled", "properties.isVirtualNetworkFilterEnabled"),
    // 3.x: one comma-separated string; 4.x: a set of strings.
    each("ip_range_filter", "properties.ipRules", "ipAddressOrRange"),
    blocks("virtual_network_rule", "properties.virtualNetworkRules",
           kCosmosVirtualNetworkRuleObject),
    copy("local_authentication_disabled", "properties.disableLocalAuth"),
    negated("access_key_metadata_writes_enabled", "properties.disableKeyBasedMetadataWriteAccess"),
    blocks("geo_location", "properties.locations", kCosmosGeoLocationObject),
    inline_block("consistency_policy", kCosmosConsistencyObject),
};
constexpr Default kCosmosDbAccountDefaults[] = {
    text("kind", "GlobalDocumentDB"),
    text("properties.publicNetworkAccess", "Enabled"),  // true in 3.x and 4.x
};
constexpr Object kCosmosDbAccountObject{kCosmosDbAccount, kCosmosDbAccountDefaults};

constexpr Field kRegistryIpRule[] = {
    copy("action", "action"),
    copy("ip_range", "value"),
};
constexpr Object kRegistryIpRuleObject{kRegistryIpRule};
constexpr Field kRegistryNetworkRuleSet[] = {
    copy("default_action", "properties.networkRuleSet.defaultAction"),
    blocks("ip_rule", "properties.networkRuleSet.ipRules", kRegistryIpRuleObject),
};
constexpr Object kRegistryNetworkRuleSetObject{kRegistryNetworkRuleSet};
constexpr Field kContainerRegistry[] = {
    copy("sku", "sku.name"),
    copy("admin_enabled", "properties.adminUserEnabled"),
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    inline_block("network_rule_set", kRegistryNetworkRuleSetObject),
    copy("network_rule_bypass_option", "properties.networkRuleBypassOptions"),
    copy("anonymous_pull_enabled", "properties.anonymousPullEnabled"),
    copy("data_endpoint_enabled", "properties.dataEndpointEnabled"),
    enabled("zone_redundancy_enabled", "properties.zoneRedundancy"),
    enabled("export_policy_enabled", "properties.policies.exportPolicy.status"),
};
constexpr Default kContainerRegistryDefaults[] = {
    // 3.x and 4.x: public network access true, admin user false.
    text("properties.publicNetworkAccess", "Enabled"),
    flag("properties.adminUserEnabled", false),
};
constexpr Object kContainerRegistryObject{kContainerRegistry, kContainerRegistryDefaults};

// ---------------------------------------------------------------------------------------
// Network Watcher flow logs.

constexpr Field kFlowLogRetention[] = {
    copy("enabled", "properties.retentionPolicy.enabled"),
    copy("days", "properties.retentionPolicy.days"),
};
constexpr Object kFlowLogRetentionObject{kFlowLogRetention};
constexpr Field kTrafficAnalytics[] = {
    copy("enabled",
         "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.enabled"),
    copy("workspace_id",
         "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration."
         "workspaceId"),
    copy("workspace_region",
         "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration."
         "workspaceRegion"),
    copy("workspace_resource_id",
         "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration."
         "workspaceResourceId"),
    copy("interval_in_minutes",
         "properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration."
         "trafficAnalyticsInterval"),
};
constexpr Object kTrafficAnalyticsObject{kTrafficAnalytics};
constexpr Field kFlowLog[] = {
    copy("target_resource_id", "properties.targetResourceId"),         // 4.x (VNet flow logs)
    copy("network_security_group_id", "properties.targetResourceId"),  // 3.x (NSG flow logs)
    copy("enabled", "properties.enabled"),
    copy("storage_account_id", "properties.storageId"),
    copy("version", "properties.format.version"),
    inline_block("retention_policy", kFlowLogRetentionObject),
    inline_block("traffic_analytics", kTrafficAnalyticsObject),
};
constexpr Object kFlowLogObject{kFlowLog};

// ---------------------------------------------------------------------------------------
// Further PaaS and platform resources: their ARM type and the few arguments that say how
// they are reached from the network.

constexpr Field kPublicAccessOnly[] = {
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
};
constexpr Object kPublicAccessOnlyObject{kPublicAccessOnly};

constexpr Field kDefaultNodePool[] = {
    copy("name", "name"),
    id("vnet_subnet_id", "vnetSubnetID"),
};
constexpr Object kDefaultNodePoolObject{kDefaultNodePool};
constexpr Field kApiServerAccess[] = {
    copy("authorized_ip_ranges", "properties.apiServerAccessProfile.authorizedIPRanges"),
};
constexpr Object kApiServerAccessObject{kApiServerAccess};
constexpr Field kKubernetesCluster[] = {
    copy("private_cluster_enabled", "properties.apiServerAccessProfile.enablePrivateCluster"),
    copy("api_server_authorized_ip_ranges",
         "properties.apiServerAccessProfile.authorizedIPRanges"),  // 3.x
    inline_block("api_server_access_profile", kApiServerAccessObject),
    blocks("default_node_pool", "properties.agentPoolProfiles", kDefaultNodePoolObject),
    copy("local_account_disabled", "properties.disableLocalAccounts"),
};
constexpr Object kKubernetesClusterObject{kKubernetesCluster};
constexpr Field kNodePool[] = {
    id("vnet_subnet_id", "properties.vnetSubnetID"),
};
constexpr Object kNodePoolObject{kNodePool};

constexpr Field kWebApp[] = {
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    copy("https_only", "properties.httpsOnly"),
    copy("virtual_network_subnet_id", "properties.virtualNetworkSubnetId"),
};
constexpr Object kWebAppObject{kWebApp};

constexpr Field kRedisCache[] = {
    enabled("public_network_access_enabled", "properties.publicNetworkAccess"),
    copy("minimum_tls_version", "properties.minimumTlsVersion"),
    copy("non_ssl_port_enabled", "properties.enableNonSslPort"),  // 4.x
    copy("enable_non_ssl_port", "properties.enableNonSslPort"),   // 3.x
    copy("subnet_id", "properties.subnetId"),
};
constexpr Object kRedisCacheObject{kRedisCache};

constexpr Field kFlexibleServer[] = {
    enabled("public_network_access_enabled", "properties.network.publicNetworkAccess"),
    copy("delegated_subnet_id", "properties.network.delegatedSubnetResourceId"),
    copy("private_dns_zone_id", "properties.network.privateDnsZoneArmResourceId"),
};
constexpr Object kFlexibleServerObject{kFlexibleServer};

constexpr Field kNatGateway[] = {
    copy("sku_name", "sku.name"),
    copy("idle_timeout_in_minutes", "properties.idleTimeoutInMinutes"),
};
constexpr Object kNatGatewayObject{kNatGateway};

constexpr Field kIpGroup[] = {
    copy("cidrs", "properties.ipAddresses"),
};
constexpr Object kIpGroupObject{kIpGroup};

constexpr Field kRuleCollectionGroup[] = {
    copy("priority", "properties.priority"),
};
constexpr Object kRuleCollectionGroupObject{kRuleCollectionGroup};

// ---------------------------------------------------------------------------------------
// Associations: they patch the resource they associate.

constexpr Field kNsgAssociation[] = {
    id("network_security_group_id", "properties.networkSecurityGroup"),
};
constexpr Object kNsgAssociationObject{kNsgAssociation};
constexpr Association kSubnetNsgAssociation{"subnet_id", "properties.networkSecurityGroup",
                                            "properties.networkSecurityGroup"};
constexpr Association kNicNsgAssociation{"network_interface_id", "properties.networkSecurityGroup",
                                         "properties.networkSecurityGroup"};
constexpr Field kRouteTableAssociation[] = {
    id("route_table_id", "properties.routeTable"),
};
constexpr Object kRouteTableAssociationObject{kRouteTableAssociation};
constexpr Association kSubnetRouteTableAssociation{"subnet_id", "properties.routeTable",
                                                   "properties.routeTable"};
constexpr Field kAsgAssociation[] = {
    id("application_security_group_id", "applicationSecurityGroup"),
};
constexpr Object kAsgAssociationObject{kAsgAssociation};
// azurerm associates the ASG with every IP configuration; the first (primary) one is where
// policies look.
constexpr Association kNicAsgAssociation{
    "network_interface_id", "properties.ipConfigurations.0.properties.applicationSecurityGroups",
    "applicationSecurityGroup", true};
constexpr Association kStorageNetworkRulesAssociation{"storage_account_id",
                                                      "properties.networkAcls", "networkAcls"};

constexpr Field kNatGatewayAssociation[] = {
    id("nat_gateway_id", "properties.natGateway"),
};
constexpr Object kNatGatewayAssociationObject{kNatGatewayAssociation};
constexpr Association kSubnetNatGatewayAssociation{"subnet_id", "properties.natGateway",
                                                   "properties.natGateway"};
constexpr Field kNatPublicIpAssociation[] = {
    id("public_ip_address_id", "publicIpAddress"),
};
constexpr Object kNatPublicIpAssociationObject{kNatPublicIpAssociation};
constexpr Association kNatGatewayPublicIpAssociation{
    "nat_gateway_id", "properties.publicIpAddresses", "publicIpAddress", true};

void storage_sku(const EvaluatedResource& resource, ObjectBuilder& body);
void firewall_policy_governs(const EvaluatedResource& resource, ObjectBuilder& body);
void manual_connections(const EvaluatedResource& resource, ObjectBuilder& body);
void vm_security_type(const EvaluatedResource& resource, ObjectBuilder& body);
void vmss_security_type(const EvaluatedResource& resource, ObjectBuilder& body);

// ---------------------------------------------------------------------------------------
// The rows.

constexpr TypeMapping kTypes[] = {
    {"azurerm_resource_group", "Microsoft.Resources/resourceGroups", &kPlain},
    {"azurerm_virtual_network", "Microsoft.Network/virtualNetworks", &kVirtualNetworkObject},
    {"azurerm_subnet", "Microsoft.Network/virtualNetworks/subnets", &kSubnetObject,
     "virtual_network_name"},
    {"azurerm_network_security_group", "Microsoft.Network/networkSecurityGroups",
     &kNetworkSecurityGroupObject},
    {"azurerm_network_security_rule", "Microsoft.Network/networkSecurityGroups/securityRules",
     &kSecurityRuleObject, "network_security_group_name"},
    {"azurerm_subnet_network_security_group_association",
     "",
     &kNsgAssociationObject,
     {},
     {},
     &kSubnetNsgAssociation},
    {"azurerm_subnet_route_table_association",
     "",
     &kRouteTableAssociationObject,
     {},
     {},
     &kSubnetRouteTableAssociation},
    {"azurerm_network_interface_security_group_association",
     "",
     &kNsgAssociationObject,
     {},
     {},
     &kNicNsgAssociation},
    {"azurerm_network_interface_application_security_group_association",
     "",
     &kAsgAssociationObject,
     {},
     {},
     &kNicAsgAssociation},
    {"azurerm_storage_account_network_rules",
     "",
     &kStorageNetworkRulesObject,
     {},
     {},
     &kStorageNetworkRulesAssociation},
    {"azurerm_route_table", "Microsoft.Network/routeTables", &kRouteTableObject},
    {"azurerm_route", "Microsoft.Network/routeTables/routes", &kRouteObject, "route_table_name"},
    {"azurerm_virtual_network_peering", "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
     &kPeeringObject, "virtual_network_name"},
    {"azurerm_firewall",
     "Microsoft.Network/azureFirewalls",
     &kFirewallObject,
     {},
     {},
     nullptr,
     {},
     firewall_policy_governs},
    {"azurerm_firewall_policy", "Microsoft.Network/firewallPolicies", &kFirewallPolicyObject},
    {"azurerm_bastion_host", "Microsoft.Network/bastionHosts", &kBastionHostObject},
    {"azurerm_public_ip", "Microsoft.Network/publicIPAddresses", &kPublicIpObject},
    {"azurerm_network_interface", "Microsoft.Network/networkInterfaces", &kNetworkInterfaceObject},
    {"azurerm_application_security_group", "Microsoft.Network/applicationSecurityGroups", &kPlain},
    {"azurerm_linux_virtual_machine",
     "Microsoft.Compute/virtualMachines",
     &kLinuxVirtualMachineObject,
     {},
     {},
     nullptr,
     {},
     vm_security_type},
    {"azurerm_windows_virtual_machine",
     "Microsoft.Compute/virtualMachines",
     &kWindowsVirtualMachineObject,
     {},
     {},
     nullptr,
     {},
     vm_security_type},
    {"azurerm_virtual_machine", "Microsoft.Compute/virtualMachines", &kLegacyVirtualMachineObject},
    {"azurerm_linux_virtual_machine_scale_set",
     "Microsoft.Compute/virtualMachineScaleSets",
     &kLinuxVmssObject,
     {},
     {},
     nullptr,
     {},
     vmss_security_type},
    {"azurerm_windows_virtual_machine_scale_set",
     "Microsoft.Compute/virtualMachineScaleSets",
     &kWindowsVmssObject,
     {},
     {},
     nullptr,
     {},
     vmss_security_type},
    {"azurerm_orchestrated_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets",
     &kOrchestratedVmssObject},
    {"azurerm_virtual_machine_scale_set", "Microsoft.Compute/virtualMachineScaleSets",
     &kLegacyVmssObject},
    {"azurerm_private_endpoint",
     "Microsoft.Network/privateEndpoints",
     &kPrivateEndpointObject,
     {},
     {},
     nullptr,
     kPrivateEndpointChildren,
     manual_connections},
    {"azurerm_private_dns_zone", "Microsoft.Network/privateDnsZones", &kPlain},
    {"azurerm_private_dns_zone_virtual_network_link",
     "Microsoft.Network/privateDnsZones/virtualNetworkLinks", &kDnsZoneLinkObject,
     "private_dns_zone_name"},
    {"azurerm_storage_account",
     "Microsoft.Storage/storageAccounts",
     &kStorageAccountObject,
     {},
     {},
     nullptr,
     {},
     storage_sku},
    {"azurerm_key_vault", "Microsoft.KeyVault/vaults", &kKeyVaultObject},
    {"azurerm_mssql_server", "Microsoft.Sql/servers", &kMssqlServerObject},
    {"azurerm_cosmosdb_account", "Microsoft.DocumentDB/databaseAccounts", &kCosmosDbAccountObject},
    {"azurerm_container_registry", "Microsoft.ContainerRegistry/registries",
     &kContainerRegistryObject},
    {"azurerm_network_ddos_protection_plan", "Microsoft.Network/ddosProtectionPlans", &kPlain},
    {"azurerm_network_watcher", "Microsoft.Network/networkWatchers", &kPlain},
    {"azurerm_network_watcher_flow_log", "Microsoft.Network/networkWatchers/flowLogs",
     &kFlowLogObject, "network_watcher_name"},
    {"azurerm_virtual_network_gateway", "Microsoft.Network/virtualNetworkGateways",
     &kVirtualNetworkGatewayObject},
    {"azurerm_virtual_wan", "Microsoft.Network/virtualWans", &kVirtualWanObject},
    {"azurerm_virtual_hub", "Microsoft.Network/virtualHubs", &kVirtualHubObject},
    {"azurerm_virtual_hub_connection",
     "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections",
     &kHubConnectionObject,
     {},
     "virtual_hub_id"},
    {"azurerm_lb", "Microsoft.Network/loadBalancers", &kLoadBalancerObject},
    {"azurerm_application_gateway", "Microsoft.Network/applicationGateways",
     &kApplicationGatewayObject},
    // Further types: ARM type plus the arguments above; common arguments for the rest.
    {"azurerm_subnet_nat_gateway_association",
     "",
     &kNatGatewayAssociationObject,
     {},
     {},
     &kSubnetNatGatewayAssociation},
    {"azurerm_nat_gateway_public_ip_association",
     "",
     &kNatPublicIpAssociationObject,
     {},
     {},
     &kNatGatewayPublicIpAssociation},
    {"azurerm_nat_gateway", "Microsoft.Network/natGateways", &kNatGatewayObject},
    {"azurerm_public_ip_prefix", "Microsoft.Network/publicIPPrefixes", &kPlain},
    {"azurerm_ip_group", "Microsoft.Network/ipGroups", &kIpGroupObject},
    {"azurerm_firewall_policy_rule_collection_group",
     "Microsoft.Network/firewallPolicies/ruleCollectionGroups",
     &kRuleCollectionGroupObject,
     {},
     "firewall_policy_id"},
    {"azurerm_lb_backend_address_pool",
     "Microsoft.Network/loadBalancers/backendAddressPools",
     &kPlain,
     {},
     "loadbalancer_id"},
    {"azurerm_lb_probe", "Microsoft.Network/loadBalancers/probes", &kPlain, {}, "loadbalancer_id"},
    {"azurerm_lb_rule",
     "Microsoft.Network/loadBalancers/loadBalancingRules",
     &kPlain,
     {},
     "loadbalancer_id"},
    {"azurerm_lb_nat_rule",
     "Microsoft.Network/loadBalancers/inboundNatRules",
     &kPlain,
     {},
     "loadbalancer_id"},
    {"azurerm_lb_nat_pool",
     "Microsoft.Network/loadBalancers/inboundNatPools",
     &kPlain,
     {},
     "loadbalancer_id"},
    {"azurerm_lb_outbound_rule",
     "Microsoft.Network/loadBalancers/outboundRules",
     &kPlain,
     {},
     "loadbalancer_id"},
    {"azurerm_private_link_service", "Microsoft.Network/privateLinkServices", &kPlain},
    {"azurerm_private_dns_resolver", "Microsoft.Network/dnsResolvers", &kPlain},
    {"azurerm_dns_zone", "Microsoft.Network/dnsZones", &kPlain},
    {"azurerm_virtual_network_gateway_connection", "Microsoft.Network/connections", &kPlain},
    {"azurerm_vpn_gateway", "Microsoft.Network/vpnGateways", &kPlain},
    {"azurerm_express_route_gateway", "Microsoft.Network/expressRouteGateways", &kPlain},
    {"azurerm_express_route_circuit", "Microsoft.Network/expressRouteCircuits", &kPlain},
    {"azurerm_virtual_hub_route_table",
     "Microsoft.Network/virtualHubs/hubRouteTables",
     &kPlain,
     {},
     "virtual_hub_id"},
    {"azurerm_virtual_hub_routing_intent",
     "Microsoft.Network/virtualHubs/routingIntent",
     &kPlain,
     {},
     "virtual_hub_id"},
    {"azurerm_network_manager", "Microsoft.Network/networkManagers", &kPlain},
    {"azurerm_web_application_firewall_policy",
     "Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies", &kPlain},
    {"azurerm_frontdoor", "Microsoft.Network/frontDoors", &kPlain},
    {"azurerm_traffic_manager_profile", "Microsoft.Network/trafficmanagerprofiles", &kPlain},
    {"azurerm_cdn_frontdoor_profile", "Microsoft.Cdn/profiles", &kPlain},
    {"azurerm_cdn_profile", "Microsoft.Cdn/profiles", &kPlain},
    {"azurerm_kubernetes_cluster", "Microsoft.ContainerService/managedClusters",
     &kKubernetesClusterObject},
    {"azurerm_kubernetes_cluster_node_pool",
     "Microsoft.ContainerService/managedClusters/agentPools",
     &kNodePoolObject,
     {},
     "kubernetes_cluster_id"},
    {"azurerm_container_group", "Microsoft.ContainerInstance/containerGroups", &kPlain},
    {"azurerm_container_app_environment", "Microsoft.App/managedEnvironments", &kPlain},
    {"azurerm_container_app", "Microsoft.App/containerApps", &kPlain},
    {"azurerm_service_plan", "Microsoft.Web/serverfarms", &kPlain},
    {"azurerm_app_service_plan", "Microsoft.Web/serverfarms", &kPlain},
    {"azurerm_app_service", "Microsoft.Web/sites", &kWebAppObject},
    {"azurerm_linux_web_app", "Microsoft.Web/sites", &kWebAppObject},
    {"azurerm_windows_web_app", "Microsoft.Web/sites", &kWebAppObject},
    {"azurerm_linux_function_app", "Microsoft.Web/sites", &kWebAppObject},
    {"azurerm_windows_function_app", "Microsoft.Web/sites", &kWebAppObject},
    {"azurerm_api_management", "Microsoft.ApiManagement/service", &kPublicAccessOnlyObject},
    {"azurerm_redis_cache", "Microsoft.Cache/redis", &kRedisCacheObject},
    {"azurerm_postgresql_flexible_server", "Microsoft.DBforPostgreSQL/flexibleServers",
     &kFlexibleServerObject},
    {"azurerm_mysql_flexible_server", "Microsoft.DBforMySQL/flexibleServers",
     &kFlexibleServerObject},
    {"azurerm_mssql_database", "Microsoft.Sql/servers/databases", &kPlain, {}, "server_id"},
    {"azurerm_mssql_managed_instance", "Microsoft.Sql/managedInstances", &kPlain},
    {"azurerm_eventhub_namespace", "Microsoft.EventHub/namespaces", &kPublicAccessOnlyObject},
    {"azurerm_servicebus_namespace", "Microsoft.ServiceBus/namespaces", &kPublicAccessOnlyObject},
    {"azurerm_search_service", "Microsoft.Search/searchServices", &kPublicAccessOnlyObject},
    {"azurerm_cognitive_account", "Microsoft.CognitiveServices/accounts", &kPublicAccessOnlyObject},
    {"azurerm_ai_services", "Microsoft.CognitiveServices/accounts", &kPublicAccessOnlyObject},
    {"azurerm_app_configuration", "Microsoft.AppConfiguration/configurationStores", &kPlain},
    {"azurerm_data_factory", "Microsoft.DataFactory/factories", &kPlain},
    {"azurerm_synapse_workspace", "Microsoft.Synapse/workspaces", &kPlain},
    {"azurerm_databricks_workspace", "Microsoft.Databricks/workspaces", &kPublicAccessOnlyObject},
    {"azurerm_machine_learning_workspace", "Microsoft.MachineLearningServices/workspaces", &kPlain},
    {"azurerm_kusto_cluster", "Microsoft.Kusto/clusters", &kPlain},
    {"azurerm_batch_account", "Microsoft.Batch/batchAccounts", &kPlain},
    {"azurerm_recovery_services_vault", "Microsoft.RecoveryServices/vaults", &kPlain},
    {"azurerm_automation_account", "Microsoft.Automation/automationAccounts", &kPlain},
    {"azurerm_log_analytics_workspace", "Microsoft.OperationalInsights/workspaces", &kPlain},
    {"azurerm_application_insights", "Microsoft.Insights/components", &kPlain},
    {"azurerm_monitor_private_link_scope", "Microsoft.Insights/privateLinkScopes", &kPlain},
    {"azurerm_user_assigned_identity", "Microsoft.ManagedIdentity/userAssignedIdentities", &kPlain},
    {"azurerm_role_assignment", "Microsoft.Authorization/roleAssignments", &kPlain},
    {"azurerm_management_lock", "Microsoft.Authorization/locks", &kPlain},
    {"azurerm_management_group", "Microsoft.Management/managementGroups", &kPlain},
    {"azurerm_key_vault_key", "Microsoft.KeyVault/vaults/keys", &kPlain, {}, "key_vault_id"},
    {"azurerm_key_vault_secret", "Microsoft.KeyVault/vaults/secrets", &kPlain, {}, "key_vault_id"},
    {"azurerm_managed_disk", "Microsoft.Compute/disks", &kPlain},
    {"azurerm_availability_set", "Microsoft.Compute/availabilitySets", &kPlain},
    {"azurerm_disk_encryption_set", "Microsoft.Compute/diskEncryptionSets", &kPlain},
    {"azurerm_image", "Microsoft.Compute/images", &kPlain},
    {"azurerm_shared_image_gallery", "Microsoft.Compute/galleries", &kPlain},
    {"azurerm_virtual_machine_extension",
     "Microsoft.Compute/virtualMachines/extensions",
     &kPlain,
     {},
     "virtual_machine_id"},
    {"azurerm_netapp_account", "Microsoft.NetApp/netAppAccounts", &kPlain},
    {"azurerm_netapp_pool", "Microsoft.NetApp/netAppAccounts/capacityPools", &kPlain,
     "account_name"},
    {"azurerm_netapp_volume", "Microsoft.NetApp/netAppAccounts/capacityPools/volumes", &kPlain,
     "account_name/pool_name"},
    {"azurerm_mysql_server", "Microsoft.DBforMySQL/servers", &kPublicAccessOnlyObject},
    {"azurerm_mysql_flexible_database", "Microsoft.DBforMySQL/flexibleServers/databases", &kPlain,
     "server_name"},
    {"azurerm_postgresql_flexible_server_database",
     "Microsoft.DBforPostgreSQL/flexibleServers/databases",
     &kPlain,
     {},
     "server_id"},
    {"azurerm_eventhub", "Microsoft.EventHub/namespaces/eventhubs", &kPlain, "namespace_name",
     "namespace_id"},
    {"azurerm_synapse_sql_pool",
     "Microsoft.Synapse/workspaces/sqlPools",
     &kPlain,
     {},
     "synapse_workspace_id"},
    {"azurerm_synapse_spark_pool",
     "Microsoft.Synapse/workspaces/bigDataPools",
     &kPlain,
     {},
     "synapse_workspace_id"},
    {"azurerm_machine_learning_compute_cluster",
     "Microsoft.MachineLearningServices/workspaces/computes",
     &kPlain,
     {},
     "machine_learning_workspace_id"},
    {"azurerm_machine_learning_compute_instance",
     "Microsoft.MachineLearningServices/workspaces/computes",
     &kPlain,
     {},
     "machine_learning_workspace_id"},
    {"azurerm_virtual_machine_run_command",
     "Microsoft.Compute/virtualMachines/runCommands",
     &kPlain,
     {},
     "virtual_machine_id"},
    {"azurerm_service_fabric_cluster", "Microsoft.ServiceFabric/clusters", &kPlain},
    {"azurerm_dev_test_global_vm_shutdown_schedule", "Microsoft.DevTestLab/schedules", &kPlain},
    {"azurerm_policy_definition", "Microsoft.Authorization/policyDefinitions", &kPlain},
    {"azurerm_monitor_diagnostic_setting", "Microsoft.Insights/diagnosticSettings", &kPlain},
    {"azurerm_log_analytics_solution", "Microsoft.OperationsManagement/solutions", &kPlain},
    {"azurerm_security_center_subscription_pricing", "Microsoft.Security/pricings", &kPlain},
    {"azurerm_network_virtual_appliance", "Microsoft.Network/networkVirtualAppliances",
     &kNetworkVirtualApplianceObject},
};

// Post hooks ------------------------------------------------------------------------------

// ARM names the storage SKU "<tier>_<replication>" (Standard_LRS).
void storage_sku(const EvaluatedResource& resource, ObjectBuilder& body) {
  const value::Value* tier = resource.arguments.get("account_tier");
  const value::Value* replication = resource.arguments.get("account_replication_type");
  const std::vector<std::string> path = split_path("sku.name");
  if (tier && replication && tier->is_string() && replication->is_string()) {
    body.set(path, value::Value::string(tier->as_string() + "_" + replication->as_string(),
                                        replication->span()));
  } else if (replication) {
    body.set(path, value::Value::unknown("the storage SKU is not known", replication->span()));
  }
}

// A firewall with a firewall policy takes its threat-intelligence mode from the policy;
// Azure ignores the classic setting then, so no default stands in for it.
void firewall_policy_governs(const EvaluatedResource& resource, ObjectBuilder& body) {
  const value::Value* policy = resource.arguments.get("firewall_policy_id");
  const value::Value* mode = resource.arguments.get("threat_intel_mode");
  if (policy && !policy->is_null() && (!mode || mode->is_null())) {
    body.erase(split_path("properties.threatIntelMode"));
  }
}

// ARM keeps connections that need the target owner's approval in a list of their own.
void manual_connections(const EvaluatedResource& resource, ObjectBuilder& body) {
  const value::Value* blocks = resource.arguments.get("private_service_connection");
  const auto automatic_path = split_path("properties.privateLinkServiceConnections");
  const value::Value mapped = body.get(automatic_path);
  if (!blocks || !blocks->is_list() || !mapped.is_list() ||
      blocks->as_list().size() != mapped.as_list().size()) {
    return;
  }
  value::List automatic;
  value::List manual;
  for (std::size_t i = 0; i < mapped.as_list().size(); ++i) {
    const value::Value* flag = blocks->as_list()[i].get("is_manual_connection");
    const bool is_manual = flag && flag->is_bool() && flag->as_bool();
    (is_manual ? manual : automatic).push_back(mapped.as_list()[i]);
  }
  if (manual.empty()) return;
  body.set(split_path("properties.manualPrivateLinkServiceConnections"),
           value::Value::list(std::move(manual), mapped.span()));
  if (automatic.empty()) {
    body.erase(automatic_path);
  } else {
    body.set(automatic_path, value::Value::list(std::move(automatic), mapped.span()));
  }
}

// Trusted Launch is secure boot plus vTPM; an os_disk security_encryption_type makes a
// confidential VM. securityType stays absent (Standard) when either is off.
void security_type(const EvaluatedResource& resource, ObjectBuilder& body, std::string_view base,
                   std::string_view os_disk) {
  const std::string prefix(base);
  const auto secure_boot = body.get(split_path(prefix + ".uefiSettings.secureBootEnabled"));
  const auto vtpm = body.get(split_path(prefix + ".uefiSettings.vTpmEnabled"));
  const auto encryption = body.get(split_path(os_disk));
  const auto type_path = split_path(prefix + ".securityType");
  if (encryption.is_string()) {
    body.set(type_path, value::Value::string("ConfidentialVM", encryption.span()));
  } else if (secure_boot.is_bool() && vtpm.is_bool()) {
    if (secure_boot.as_bool() && vtpm.as_bool()) {
      body.set(type_path, value::Value::string("TrustedLaunch", resource.range));
    }
  } else if (!secure_boot.is_null() || !vtpm.is_null()) {
    body.set(type_path,
             value::Value::unknown("secure boot or vTPM is not known",
                                   secure_boot.is_bool() ? vtpm.span() : secure_boot.span()));
  }
}

void vm_security_type(const EvaluatedResource& resource, ObjectBuilder& body) {
  security_type(resource, body, "properties.securityProfile",
                "properties.storageProfile.osDisk.managedDisk.securityProfile."
                "securityEncryptionType");
}

void vmss_security_type(const EvaluatedResource& resource, ObjectBuilder& body) {
  security_type(resource, body, "properties.virtualMachineProfile.securityProfile",
                "properties.virtualMachineProfile.storageProfile.osDisk.managedDisk."
                "securityProfile.securityEncryptionType");
}

}  // namespace

const TypeMapping* find_type(std::string_view azurerm_type) {
  static const auto* const index = [] {
    auto* map = new std::unordered_map<std::string_view, const TypeMapping*>();
    for (const auto& row : kTypes) map->emplace(row.azurerm_type, &row);
    return map;
  }();
  auto it = index->find(azurerm_type);
  return it == index->end() ? nullptr : it->second;
}

const Object& common_object() {
  return kCommonObject;
}

std::span<const TypeMapping> all_types() {
  return kTypes;
}

}  // namespace ztlint::terraform::mapping
