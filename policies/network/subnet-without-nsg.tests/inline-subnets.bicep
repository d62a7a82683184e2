// Subnets inline in the VNet: one with an NSG, one without, and an exempt special subnet.
param location string = 'westeurope'

resource web 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-web'
  location: location
}

// expect: ZT-DDOS-001, ZT-FW-001, ZT-VIS-001
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.1.0.0/16']
    }
    subnets: [
      {
        name: 'snet-web'
        properties: {
          addressPrefix: '10.1.1.0/24'
          networkSecurityGroup: {
            id: web.id
          }
        }
      }
      // expect: ZT-NET-001
      {
        name: 'snet-app'
        properties: {
          addressPrefix: '10.1.2.0/24'
        }
      }
      {
        name: 'AzureFirewallSubnet'
        properties: {
          addressPrefix: '10.1.3.0/26'
        }
      }
    ]
  }
}
