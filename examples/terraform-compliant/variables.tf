variable "location" {
  description = "Azure region of the whole estate."
  type        = string
  default     = "swedencentral"
}

variable "admin_ssh_public_key" {
  description = "OpenSSH public key of the operations team; VMs accept no passwords."
  type        = string
}

locals {
  hub_address_space  = "10.10.0.0/16"
  shop_address_space = "10.11.0.0/16"
  erp_address_space  = "10.12.0.0/16"

  # Administrators reach the VMs only through Bastion.
  bastion_prefix = "10.10.0.128/26"

  tags = {
    environment = "production"
    owner       = "platform-team"
  }
}
