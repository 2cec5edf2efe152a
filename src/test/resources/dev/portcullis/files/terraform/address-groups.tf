# Office and monitoring networks kept as Neutron address groups; the rules of "bastion" name them.
variable "monitoring_hosts" {
  default = ["198.51.100.7/32", "2001:db8:10::/48"]
}

resource "openstack_networking_address_group_v2" "office" {
  name        = "office"
  description = "Head office and VPN exits"
  addresses = [
    "203.0.113.0/24",
    "192.0.2.17/32",
  ]
}

import {
  to = openstack_networking_address_group_v2.office
  id = "5f0c8a3e-7c1d-4b52-9e0f-2d6a1b3c4e5f"
}

resource "openstack_networking_address_group_v2" "monitoring" {
  name      = "monitoring"
  addresses = var.monitoring_hosts
}

resource "openstack_networking_secgroup_v2" "bastion" {
  name                 = "bastion"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_rule_v2" "ssh_from_office" {
  security_group_id       = openstack_networking_secgroup_v2.bastion.id
  direction               = "ingress"
  ethertype               = "IPv4"
  protocol                = "tcp"
  port_range_min          = 22
  port_range_max          = 22
  remote_address_group_id = openstack_networking_address_group_v2.office.id
}

resource "openstack_networking_secgroup_rule_v2" "icmp_from_monitoring" {
  security_group_id       = openstack_networking_secgroup_v2.bastion.id
  direction               = "ingress"
  ethertype               = "IPv6"
  protocol                = "ipv6-icmp"
  remote_address_group_id = openstack_networking_address_group_v2.monitoring.id
}
