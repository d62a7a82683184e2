resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {
  name: 'hub'
  properties: {
    subnets: [for i in range(0, 3): {
