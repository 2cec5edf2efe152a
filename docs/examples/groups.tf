# The front end, application and database groups of groups.json, as Terraform declares them
# (terraform-provider-openstack). Portcullis reads it offline: portcullis lint docs/examples/groups.tf

variable "env" {
  type    = string
  default = "staging"
}

variable "office_cidr" {
  description = "Where SSH to the bastion may come from"
  type        = string
  default     = "198.51.100.0/24"
}

locals {
  https = { v4 = "0.0.0.0/0", v6 = "::/0" }
}

resource "openstack_networking_secgroup_v2" "bastion" {
  name                 = "${var.env}-bastion"
  description          = "SSH jump host, reachable from the office only"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_v2" "web" {
  name                 = "${var.env}-web"
  description          = "Public HTTPS front end"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_v2" "app" {
  name                 = "${var.env}-app"
  description          = "Application servers behind the front end"
  delete_default_rules = true
}

resource "openstack_networking_secgroup_rule_v2" "bastion_ssh" {
  security_group_id = openstack_networking_secgroup_v2.bastion.id
  description       = "SSH from the office"
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = var.office_cidr
}

resource "openstack_networking_secgroup_rule_v2" "web_https" {
  for_each          = local.https
  security_group_id = openstack_networking_secgroup_v2.web.id
  description       = "HTTPS"
  direction         = "ingress"
  ethertype         = each.key == "v4" ? "IPv4" : "IPv6"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = each.value
}

resource "openstack_networking_secgroup_rule_v2" "app_http" {
  security_group_id = openstack_networking_secgroup_v2.app.id
  description       = "HTTP from the front end"
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_group_id   = openstack_networking_secgroup_v2.web.id
}

resource "openstack_networking_secgroup_rule_v2" "ssh_from_bastion" {
  for_each          = { web = openstack_networking_secgroup_v2.web.id, app = openstack_networking_secgroup_v2.app.id }
  security_group_id = each.value
  description       = "SSH from the bastion"
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_group_id   = openstack_networking_secgroup_v2.bastion.id
}

# delete_default_rules removed Neutron's two egress rules: give outbound IPv4 back to every group
resource "openstack_networking_secgroup_rule_v2" "egress" {
  for_each = {
    bastion = openstack_networking_secgroup_v2.bastion.id
    web     = openstack_networking_secgroup_v2.web.id
    app     = openstack_networking_secgroup_v2.app.id
  }
  security_group_id = each.value
  description       = "any outbound"
  direction         = "egress"
  ethertype         = "IPv4"
}
