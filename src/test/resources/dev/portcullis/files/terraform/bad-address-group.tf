# An address group Neutron would refuse: an address without its length, and one that is no address.
resource "openstack_networking_address_group_v2" "partners" {
  name = "partners"
  addresses = [
    "198.51.100.0/24",
    "198.51.100.9",
    "10.0.0.0/33",
  ]
}

resource "openstack_networking_secgroup_v2" "api" {
  name                 = "api"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_rule_v2" "https_from_partners" {
  security_group_id       = openstack_networking_secgroup_v2.api.id
  direction               = "ingress"
  ethertype               = "IPv4"
  protocol                = "tcp"
  port_range_min          = 443
  port_range_max          = 443
  remote_address_group_id = openstack_networking_address_group_v2.partners.id
}
