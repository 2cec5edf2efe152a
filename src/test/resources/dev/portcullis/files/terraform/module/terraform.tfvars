env = "prod"

admin_cidrs = [
  "198.51.100.0/24",
  "2001:db8:100::/48",
]

public_rules = {
  ssh   = { port = 22, cidr = "203.0.113.0/24" }
  https = { port = 443, cidr = "0.0.0.0/0" }
}
