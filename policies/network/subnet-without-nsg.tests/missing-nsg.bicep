// A workload subnet without an NSG; special subnets are exempt, whatever their case.
param location string = 'westeurope'

// expect: ZT-DDOS-001, ZT-FW-001, ZT-VIS-001
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.1.0.0/16']
    }
  }

  // expect: ZT-NET-001
  resource app 'subnets' = {
    name: 'snet-app'
    properties: {
      addressPrefix: '10.1.1.0/24'
    }
  }

  resource bastion 'subnets' = {
    name: 'azurebastionsubnet'
    properties: {
      addressPrefix: '10.1.2.0/26'
    }
    dependsOn: [app]
  }

  resource gateway 'subnets' = {
    name: 'GatewaySubnet'
    properties: {
      addressPrefix: '10.1.3.0/27'
    }
    dependsOn: [bastion]
  }
}
