variable "env" {
  description = "Name of the environment"
  type        = string
  default     = "dev"
}

variable "admin_cidrs" {
  description = "Where administrators connect from (IPv4 and IPv6)"
  type        = list(string)
  default     = ["192.0.2.0/24"]
}

variable "public_rules" {
  description = "Ports open to the public, by name"
  type = map(object({
    port = number
    cidr = string
  }))
  default = {}
}

variable "db_port" {
  type    = number
  default = 5432
}
