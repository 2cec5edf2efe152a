resource "openstack_networking_secgroup_v2" "legacy" {
  name                 = "legacy"
  delete_default_rules = true
}

# "To expose the full port range 1:65535, use 0 for port_range_min and port_range_max."
resource "openstack_networking_secgroup_rule_v2" "all_tcp" {
  security_group_id = openstack_networking_secgroup_v2.legacy.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 0
  port_range_max    = 0
  remote_ip_prefix  = "0.0.0.0/0"
  description       = "everything, from everywhere"
}
