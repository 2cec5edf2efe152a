locals {
  prefix = "${var.env}-app"
  tiers  = toset(["web", "db"])
  tags   = ["managed-by-terraform", "env:${var.env}"]
}

resource "openstack_networking_secgroup_v2" "tier" {
  for_each             = local.tiers
  name                 = "${local.prefix}-${each.key}"
  description          = "The ${each.value} tier of ${upper(var.env)}"
  delete_default_rules = each.key == "db"
  tags                 = local.tags
}

resource "openstack_networking_secgroup_v2" "bastion" {
  count                = var.env == "prod" ? 1 : 0
  name                 = "${local.prefix}-bastion"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_rule_v2" "public" {
  for_each          = var.public_rules
  security_group_id = openstack_networking_secgroup_v2.tier["web"].id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = each.value.port
  port_range_max    = each.value.port
  remote_ip_prefix  = each.value.cidr
  description       = "public ${each.key}"
}

resource "openstack_networking_secgroup_rule_v2" "admin_ssh" {
  count             = length(var.admin_cidrs)
  security_group_id = openstack_networking_secgroup_v2.tier["web"].id
  direction         = "ingress"
  ethertype         = length(regexall(":", var.admin_cidrs[count.index])) > 0 ? "IPv6" : "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = var.admin_cidrs[count.index]
  description       = format("ssh from admin network %d", count.index + 1)
}

resource "openstack_networking_secgroup_rule_v2" "web_ssh_from_bastion" {
  count             = length(openstack_networking_secgroup_v2.bastion)
  security_group_id = openstack_networking_secgroup_v2.tier["web"].id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_group_id   = openstack_networking_secgroup_v2.bastion[0].id
}

resource "openstack_networking_secgroup_rule_v2" "db_from_web" {
  security_group_id = openstack_networking_secgroup_v2.tier["db"].id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = var.db_port
  port_range_max    = var.db_port
  remote_group_id   = openstack_networking_secgroup_v2.tier["web"].id
}

resource "openstack_networking_secgroup_rule_v2" "db_backup" {
  security_group_id = openstack_networking_secgroup_v2.tier["db"].id
  direction         = "egress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 873
  port_range_max    = 873
  remote_ip_prefix  = cidrsubnet("10.20.0.0/16", 8, 3)
}
