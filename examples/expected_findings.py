#!/usr/bin/env python3
"""Computes the expected-findings.json of the flawed examples from unique text anchors.

Lines are never counted by hand: each finding names the text it points at, and this script
turns that text into 1-based lines. Run it after editing an example:

    python3 examples/expected_findings.py          # check the files are up to date
    python3 examples/expected_findings.py --write  # regenerate them

Each finding has `rule`, `file` (relative to the example folder), `line` (the offending
attribute, inline rule or declaration), `resource_line` (the first line of the block that
declares it), `alt` (other places a finding may reasonably point at: the other peering of a
pair, the subnet instead of its route, the VM instead of its NIC) and `why`.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


class Source:
    """The text of one example folder, searched by anchors."""

    def __init__(self, folder):
        self.folder = HERE / folder
        self.cache = {}

    def lines(self, file):
        if file not in self.cache:
            self.cache[file] = (self.folder / file).read_text().split("\n")
        return self.cache[file]

    def line(self, file, anchor, after=None):
        """1-based line of `anchor`: unique in the file, or the first one after `after`."""
        lines = self.lines(file)
        if after is not None:
            start = self.line(file, after)
            hits = [i for i in range(start, len(lines)) if anchor in lines[i]]
            if not hits:
                raise SystemExit(f"{self.folder.name}/{file}: no {anchor!r} after {after!r}")
            return hits[0] + 1
        hits = [i for i, text in enumerate(lines) if anchor in text]
        if len(hits) != 1:
            raise SystemExit(f"{self.folder.name}/{file}: {anchor!r} occurs {len(hits)} times")
        return hits[0] + 1

    def opening_brace(self, file, line):
        """The `{` line just above `line` (an inline object whose first member is on `line`)."""
        if self.lines(file)[line - 2].strip() != "{":
            raise SystemExit(f"{self.folder.name}/{file}:{line}: no opening brace above")
        return line - 1

    def arm_resource(self, file, name_line):
        """The `{` that opens the ARM resource whose "name" is on `name_line`."""
        lines = self.lines(file)
        i = name_line - 2
        while lines[i].strip().startswith(('"type"', '"apiVersion"')):
            i -= 1
        if lines[i].strip() != "{":
            raise SystemExit(f"{self.folder.name}/{file}:{name_line}: no resource brace above")
        return i + 1


def finding(rule, file, line, resource_line, why, alt=()):
    entry = {"rule": rule, "file": file, "line": line, "resource_line": resource_line}
    if alt:
        entry["alt"] = [{"file": f, "line": n} for f, n in alt]
    entry["why"] = why
    return entry


# Why each planted flaw is a finding: the same nine flaws in every language.
WHY = {
    "net001": "snet-workload of vnet-erp-sdc has no network security group: it was detached",
    "rdp": "nsg-shop-workload rule AllowRdpFromVendor allows 3389 (RDP) from Internet",
    "any002": "nsg-erp-private-endpoints rule AllowAnyTroubleshooting allows all ports, "
              "including 22 and 3389, from 0.0.0.0/0",
    "any003": "nsg-erp-private-endpoints rule AllowAnyTroubleshooting allows all ports from 0.0.0.0/0",
    "range": "nsg-shop-workload rule AllowLegacyFileTransfer allows the range 20-25, "
             "which contains 22, from *",
    "pip": "the jump box vm-erp-jump-01 has a public IP on its network interface",
    "route": "snet-workload of vnet-erp-sdc sends 0.0.0.0/0 to next hop Internet through "
             "rt-erp-jump-sdc, bypassing the hub firewall",
    "peering": "vnet-shop-sdc and vnet-erp-sdc are both spokes and are peered directly "
               "(one finding for the pair, at either peering)",
    "tls": "storage account stshopexportssdc01 accepts TLS 1.0",
    "ti": "firewall policy afwp-hub-sdc, used by afw-hub-sdc, only alerts on threat "
          "intelligence matches",
}


def terraform():
    src = Source("terraform-flawed")
    L = src.line
    S, W, H = "spoke.tf", "workload.tf", "hub.tf"

    def rule_block(name):
        n = L(S, f'name                       = "{name}"') - 1
        if src.lines(S)[n - 1].strip() != "security_rule {":
            raise SystemExit(f"terraform-flawed/{S}:{n}: not a security_rule block")
        return n

    shop_nsg = L(S, 'resource "azurerm_network_security_group" "shop_workload"')
    erp_pe_nsg = L(S, 'resource "azurerm_network_security_group" "erp_endpoints"')
    erp_subnet = L(S, 'resource "azurerm_subnet" "erp_workload"')
    rdp, ftp, anyr = (rule_block(n) for n in
                      ("AllowRdpFromVendor", "AllowLegacyFileTransfer", "AllowAnyTroubleshooting"))
    any_alt = [(S, L(S, "destination_port_range", after='"AllowAnyTroubleshooting"')),
               (S, L(S, '"0.0.0.0/0"', after='"AllowAnyTroubleshooting"'))]
    return [
        finding("ZT-NET-001", S, erp_subnet, erp_subnet, WHY["net001"]),
        finding("ZT-NET-002", S, rdp, shop_nsg, WHY["rdp"],
                [(S, L(S, '"3389"')), (S, L(S, '"Internet"', after='"AllowRdpFromVendor"'))]),
        finding("ZT-NET-002", S, anyr, erp_pe_nsg, WHY["any002"], any_alt),
        finding("ZT-NET-003", S, anyr, erp_pe_nsg, WHY["any003"], any_alt),
        finding("ZT-NET-002", S, ftp, shop_nsg, WHY["range"],
                [(S, L(S, '"20-25"')),
                 (S, L(S, "source_address_prefix", after='"AllowLegacyFileTransfer"'))]),
        finding("ZT-BAS-002", W,
                L(W, "public_ip_address_id", after='resource "azurerm_network_interface" "erp_jump"'),
                L(W, 'resource "azurerm_network_interface" "erp_jump"'), WHY["pip"],
                [(W, L(W, 'resource "azurerm_linux_virtual_machine" "erp_jump"'))]),
        finding("ZT-RT-001", S, L(S, 'next_hop_type  = "Internet"'),
                L(S, 'resource "azurerm_route_table" "erp_jump"'), WHY["route"],
                [(S, erp_subnet),
                 (S, L(S, 'resource "azurerm_subnet_route_table_association" "erp_workload"'))]),
        finding("ZT-TOPO-002", S, L(S, "remote_virtual_network_id", after='"shop_to_erp"'),
                L(S, 'resource "azurerm_virtual_network_peering" "shop_to_erp"'), WHY["peering"],
                [(S, L(S, 'resource "azurerm_virtual_network_peering" "erp_to_shop"')),
                 (S, L(S, "remote_virtual_network_id", after='"erp_to_shop"'))]),
        finding("ZT-STG-001", W, L(W, '"TLS1_0"'),
                L(W, 'resource "azurerm_storage_account" "shop_exports"'), WHY["tls"]),
        finding("ZT-FW-003", H, L(H, 'threat_intelligence_mode = "Alert"'),
                L(H, 'resource "azurerm_firewall_policy" "hub"'), WHY["ti"],
                [(H, L(H, 'resource "azurerm_firewall" "hub"')), (H, L(H, "firewall_policy_id"))]),
    ]


def bicep():
    src = Source("bicep-flawed")
    L = src.line
    S, W, H = "spoke.bicep", "workload.bicep", "hub.bicep"

    def rule_object(name):
        return src.opening_brace(S, L(S, f"name: '{name}'"))

    shop_nsg = L(S, "resource shopWorkloadNsg ")
    erp_pe_nsg = L(S, "resource erpEndpointsNsg ")
    erp_vnet = L(S, "resource erpVnet ")
    subnet_name = L(S, "name: 'snet-workload'", after="resource erpVnet ")
    erp_subnet = src.opening_brace(S, subnet_name)
    rdp, ftp, anyr = (rule_object(n) for n in
                      ("AllowRdpFromVendor", "AllowLegacyFileTransfer", "AllowAnyTroubleshooting"))
    any_alt = [(S, anyr + 1),
               (S, L(S, "destinationPortRange: '*'", after="'AllowAnyTroubleshooting'")),
               (S, L(S, "'0.0.0.0/0'", after="'AllowAnyTroubleshooting'"))]
    return [
        finding("ZT-NET-001", S, erp_subnet, erp_subnet, WHY["net001"],
                [(S, subnet_name), (S, erp_vnet)]),
        finding("ZT-NET-002", S, rdp, shop_nsg, WHY["rdp"],
                [(S, rdp + 1), (S, L(S, "'3389'")), (S, L(S, "sourceAddressPrefix: 'Internet'"))]),
        finding("ZT-NET-002", S, anyr, erp_pe_nsg, WHY["any002"], any_alt),
        finding("ZT-NET-003", S, anyr, erp_pe_nsg, WHY["any003"], any_alt),
        finding("ZT-NET-002", S, ftp, shop_nsg, WHY["range"],
                [(S, ftp + 1), (S, L(S, "'20-25'")),
                 (S, L(S, "sourceAddressPrefix: '*'", after="'AllowLegacyFileTransfer'"))]),
        finding("ZT-BAS-002", W, L(W, "publicIPAddress: { id: erpJumpPip.id }"),
                L(W, "resource erpJumpNic "), WHY["pip"], [(W, L(W, "resource erpJumpVm "))]),
        finding("ZT-RT-001", S, L(S, "nextHopType: 'Internet'"),
                L(S, "resource erpJumpRouteTable "), WHY["route"],
                [(S, erp_subnet), (S, L(S, "routeTable: { id: erpJumpRouteTable.id }"))]),
        finding("ZT-TOPO-002", S,
                L(S, "remoteVirtualNetwork: { id: erpVnet.id }", after="resource shopToErp "),
                L(S, "resource shopToErp "), WHY["peering"],
                [(S, L(S, "resource erpToShop ")),
                 (S, L(S, "remoteVirtualNetwork: { id: shopVnet.id }", after="resource erpToShop "))]),
        finding("ZT-STG-001", W, L(W, "minimumTlsVersion: 'TLS1_0'"),
                L(W, "resource shopExportsStorage "), WHY["tls"]),
        finding("ZT-FW-003", H, L(H, "threatIntelMode: 'Alert'"), L(H, "resource firewallPolicy "),
                WHY["ti"], [(H, L(H, "resource firewall ")),
                            (H, L(H, "firewallPolicy: { id: firewallPolicy.id }"))]),
    ]


def arm():
    src = Source("arm-flawed")
    L = src.line
    S, W, H = "spoke.json", "workload.json", "hub.json"

    def resource(file, name):
        n = L(file, f'"name": "{name}"')
        return src.arm_resource(file, n), n

    def rule_object(name):
        n = L(S, f'"name": "{name}"')
        return src.opening_brace(S, n), n

    shop_nsg, shop_nsg_name = resource(S, "nsg-shop-workload")
    erp_pe_nsg, erp_pe_nsg_name = resource(S, "nsg-erp-private-endpoints")
    erp_vnet, erp_vnet_name = resource(S, "vnet-erp-sdc")
    subnet_name = L(S, '"name": "snet-workload"', after='"name": "vnet-erp-sdc"')
    erp_subnet = src.opening_brace(S, subnet_name)
    rdp, rdp_name = rule_object("AllowRdpFromVendor")
    ftp, ftp_name = rule_object("AllowLegacyFileTransfer")
    anyr, any_name = rule_object("AllowAnyTroubleshooting")
    route_table, route_table_name = resource(S, "rt-erp-jump-sdc")
    nic, nic_name = resource(W, "nic-vm-erp-jump-01")
    vm, vm_name = resource(W, "vm-erp-jump-01")
    shop_to_erp, shop_to_erp_name = resource(S, "peer-shop-to-erp")
    erp_to_shop, erp_to_shop_name = resource(S, "peer-erp-to-shop")
    exports, exports_name = resource(W, "stshopexportssdc01")
    policy, policy_name = resource(H, "afwp-hub-sdc")
    firewall, firewall_name = resource(H, "[variables('firewallName')]")
    any_alt = [(S, any_name),
               (S, L(S, '"destinationPortRange": "*"', after='"AllowAnyTroubleshooting"')),
               (S, L(S, '"sourceAddressPrefix": "0.0.0.0/0"')), (S, erp_pe_nsg_name)]
    return [
        finding("ZT-NET-001", S, erp_subnet, erp_subnet, WHY["net001"],
                [(S, subnet_name), (S, erp_vnet), (S, erp_vnet_name)]),
        finding("ZT-NET-002", S, rdp, shop_nsg,
                WHY["rdp"].replace("from Internet", "from the lower-case service tag internet"),
                [(S, rdp_name), (S, L(S, '"destinationPortRange": "3389"')),
                 (S, L(S, '"sourceAddressPrefix": "internet"')), (S, shop_nsg_name)]),
        finding("ZT-NET-002", S, anyr, erp_pe_nsg, WHY["any002"], any_alt),
        finding("ZT-NET-003", S, anyr, erp_pe_nsg, WHY["any003"], any_alt),
        finding("ZT-NET-002", S, ftp, shop_nsg, WHY["range"],
                [(S, ftp_name), (S, L(S, '"destinationPortRange": "20-25"')),
                 (S, L(S, '"sourceAddressPrefix": "*"', after='"AllowLegacyFileTransfer"')),
                 (S, shop_nsg_name)]),
        finding("ZT-BAS-002", W, L(W, '"publicIPAddress"', after='"name": "nic-vm-erp-jump-01"'),
                nic, WHY["pip"], [(W, nic_name), (W, vm), (W, vm_name)]),
        finding("ZT-RT-001", S, L(S, '"nextHopType": "Internet"'), route_table, WHY["route"],
                [(S, route_table_name), (S, erp_subnet), (S, subnet_name),
                 (S, L(S, '"routeTable"', after='"name": "vnet-erp-sdc"'))]),
        finding("ZT-TOPO-002", S, L(S, '"remoteVirtualNetwork"', after='"name": "peer-shop-to-erp"'),
                shop_to_erp, WHY["peering"],
                [(S, shop_to_erp_name), (S, erp_to_shop), (S, erp_to_shop_name),
                 (S, L(S, '"remoteVirtualNetwork"', after='"name": "peer-erp-to-shop"'))]),
        finding("ZT-STG-001", W, L(W, '"minimumTlsVersion": "TLS1_0"'), exports, WHY["tls"],
                [(W, exports_name)]),
        finding("ZT-FW-003", H, L(H, '"threatIntelMode": "Alert"'), policy, WHY["ti"],
                [(H, policy_name), (H, firewall), (H, firewall_name)]),
    ]


def main():
    write = "--write" in sys.argv[1:]
    stale = 0
    for folder, build in (("terraform-flawed", terraform), ("bicep-flawed", bicep),
                          ("arm-flawed", arm)):
        path = HERE / folder / "expected-findings.json"
        text = json.dumps(build(), indent=2) + "\n"
        if write:
            path.write_text(text)
            print(f"wrote {path.relative_to(HERE)}")
        elif not path.exists() or path.read_text() != text:
            print(f"{path.relative_to(HERE)} is out of date: run with --write")
            stale += 1
    for folder in ("terraform-compliant", "bicep-compliant", "arm-compliant"):
        path = HERE / folder / "expected-findings.json"
        if write:
            path.write_text("[]\n")
        elif not path.exists() or json.loads(path.read_text()) != []:
            print(f"{path.relative_to(HERE)} should be an empty list")
            stale += 1
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
