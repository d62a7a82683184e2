// Every scale-set instance gets its own public IP.
param location string = 'westeurope'

// The subnet belongs to a spoke another team declares.
var subnetId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-vm'

resource web 'Microsoft.Compute/virtualMachineScaleSets@2024-03-01' = {
  name: 'vmss-web'
  location: location
  sku: {
    name: 'Standard_B2s'
    capacity: 2
  }
  properties: {
    orchestrationMode: 'Uniform'
    upgradePolicy: {
      mode: 'Manual'
    }
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'web'
        adminUsername: 'azureuser'
        linuxConfiguration: {
          disablePasswordAuthentication: true
          ssh: {
            publicKeys: [
              {
                path: '/home/azureuser/.ssh/authorized_keys'
                keyData: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample azureuser'
              }
            ]
          }
        }
      }
      securityProfile: {
        securityType: 'TrustedLaunch'
        encryptionAtHost: true
        uefiSettings: {
          secureBootEnabled: true
          vTpmEnabled: true
        }
      }
      storageProfile: {
        osDisk: {
          createOption: 'FromImage'
          caching: 'ReadWrite'
          managedDisk: {
            storageAccountType: 'Premium_LRS'
          }
        }
        imageReference: {
          publisher: 'Canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts-gen2'
          version: 'latest'
        }
      }
      networkProfile: {
        networkInterfaceConfigurations: [
          {
            name: 'nic'
            properties: {
              primary: true
              ipConfigurations: [
                {
                  name: 'internal'
                  properties: {
                    primary: true
                    subnet: {
                      id: subnetId
                    }
                    // expect: ZT-BAS-002
                    publicIPAddressConfiguration: {
                      name: 'pip-instance'
                    }
                  }
                }
              ]
            }
          }
        ]
      }
    }
  }
}
