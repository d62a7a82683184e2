// Subnets from a loop: only the batch tier is left without an NSG by the filtered property.
param location string = 'westeurope'

var tiers = [
  { name: 'web', netnum: 1, nsg: true }
  { name: 'app', netnum: 2, nsg: true }
  { name: 'batch', netnum: 3, nsg: false }
]

// expect: ZT-NET-004, ZT-VIS-001
resource shared 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-shared'
  location: location
}

// expect: ZT-TOPO-001, ZT-VIS-001
resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-spoke'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.20.0.0/16']
    }
  }
}

// expect: ZT-NET-001, ZT-RT-001
@batchSize(1)
resource tier 'Microsoft.Network/virtualNetworks/subnets@2023-11-01' = [for t in tiers: {
  parent: vnet
  name: 'snet-${t.name}'
  properties: {
    addressPrefix: cidrSubnet('10.20.0.0/16', 24, t.netnum)
    networkSecurityGroup: t.nsg ? { id: shared.id } : null
  }
}]
