// Stand-alone rules: a lower-case service tag, port lists, and several sources.
param location string = 'westeurope'

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-app'
  location: location
}

// A lower-case service tag and a list of port ranges.
// expect: ZT-NET-002
resource rdp 'Microsoft.Network/networkSecurityGroups/securityRules@2023-11-01' = {
  parent: nsg
  name: 'AllowRdpAndHttp'
  properties: {
    priority: 100
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRanges: ['80', '3380-3390']
    sourceAddressPrefix: 'internet'
    destinationAddressPrefix: '*'
  }
}

// Several sources, one of them the whole IPv6 Internet.
// expect: ZT-NET-002
resource ssh 'Microsoft.Network/networkSecurityGroups/securityRules@2023-11-01' = {
  parent: nsg
  name: 'AllowSshFromPartners'
  properties: {
    priority: 110
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '22'
    sourceAddressPrefixes: ['203.0.113.0/24', '::/0']
    destinationAddressPrefix: '*'
  }
}

resource private 'Microsoft.Network/networkSecurityGroups/securityRules@2023-11-01' = {
  parent: nsg
  name: 'AllowSshFromHub'
  properties: {
    priority: 120
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRanges: ['22', '3389']
    sourceAddressPrefixes: ['10.0.0.0/16', 'VirtualNetwork']
    destinationAddressPrefix: '*'
  }
}
