// Every port open to any source: inline, and as a stand-alone rule with 0-65535 from 'Any'.
param location string = 'westeurope'

resource api 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-api'
  location: location
  properties: {
    securityRules: [
      // expect: ZT-NET-002, ZT-NET-003
      {
        name: 'AllowAnyInboundTemporary'
        properties: {
          priority: 200
          direction: 'Inbound'
          access: 'Allow'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '*'
          destinationAddressPrefix: '*'
        }
      }
      {
        name: 'DenyAllInbound'
        properties: {
          priority: 4096
          direction: 'Inbound'
          access: 'Deny'
          protocol: '*'
          sourcePortRange: '*'
          destinationPortRange: '*'
          sourceAddressPrefix: '*'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}

// expect: ZT-NET-002, ZT-NET-003
resource everything 'Microsoft.Network/networkSecurityGroups/securityRules@2023-11-01' = {
  parent: api
  name: 'AllowEverything'
  properties: {
    priority: 210
    direction: 'Inbound'
    access: 'Allow'
    protocol: 'Tcp'
    sourcePortRange: '*'
    destinationPortRange: '0-65535'
    sourceAddressPrefix: 'Any'
    destinationAddressPrefix: '*'
  }
}
