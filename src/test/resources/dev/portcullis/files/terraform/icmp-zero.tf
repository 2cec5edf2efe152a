resource "openstack_networking_secgroup_v2" "monitoring" {
  name                 = "monitoring"
  description          = "ICMP from anywhere"
  delete_default_rules = true
}

# 0/0: the provider sends no type and no code, so Neutron allows every ICMP type and code.
resource "openstack_networking_secgroup_rule_v2" "icmp_any" {
  security_group_id = openstack_networking_secgroup_v2.monitoring.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "icmp"
  port_range_min    = 0
  port_range_max    = 0
  remote_ip_prefix  = "0.0.0.0/0"
}
