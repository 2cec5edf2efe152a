# Two new groups; the rules of one point at the other.
resource "openstack_networking_secgroup_v2" "app" {
  name                 = "app"
  delete_default_rules = true
}
resource "openstack_networking_secgroup_v2" "cache" {
  name                 = "cache"
  delete_default_rules = true
}
resource "openstack_networking_secgroup_rule_v2" "cache_from_app" {
  security_group_id = openstack_networking_secgroup_v2.cache.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 6379
  port_range_max    = 6379
  remote_group_id   = openstack_networking_secgroup_v2.app.id
}
