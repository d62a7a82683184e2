// The shared NSG, declared far from the subnets that use it.
param location string = 'westeurope'

// expect: ZT-NET-004, ZT-VIS-001
resource shared 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-shared'
  location: location
}
