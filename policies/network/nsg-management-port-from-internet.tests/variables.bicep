// A parameter with a default is known; one passed by the pipeline is unknown, never a violation.
param location string = 'westeurope'
param sshPort string = '22'
param partnerPort string

resource shared 'Microsoft.Network/networkSecurityGroups@2023-11-01' = {
  name: 'nsg-shared'
  location: location
  properties: {
    securityRules: [
      // expect: ZT-NET-002
      {
        name: 'AllowJumpSsh'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: sshPort
          sourceAddressPrefix: 'Internet'
          destinationAddressPrefix: '*'
        }
      }
      {
        name: 'AllowPartnerApi'
        properties: {
          priority: 110
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourcePortRange: '*'
          destinationPortRange: partnerPort
          sourceAddressPrefix: 'Internet'
          destinationAddressPrefix: '*'
        }
      }
    ]
  }
}
