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

locals {
  groups = {
    bastion = openstack_networking_secgroup_v2.bastion.id
    web     = openstack_networking_secgroup_v2.web.id
    app     = openstack_networking_secgroup_v2.app.id
  }
  # one entry per ingress rule: the group it belongs to, the port, and where it may come from
  ingress = {
    bastion_ssh  = { group = "bastion", port = 22, ethertype = "IPv4", cidr = var.office_cidr, from = null, what = "SSH from the office" }
    web_https_v4 = { group = "web", port = 443, ethertype = "IPv4", cidr = local.https.v4, from = null, what = "HTTPS" }
    web_https_v6 = { group = "web", port = 443, ethertype = "IPv6", cidr = local.https.v6, from = null, what = "HTTPS" }
    web_ssh      = { group = "web", port = 22, ethertype = "IPv4", cidr = null, from = "bastion", what = "SSH from the bastion" }
    app_http     = { group = "app", port = 8080, ethertype = "IPv4", cidr = null, from = "web", what = "HTTP from the front end" }
    app_ssh      = { group = "app", port = 22, ethertype = "IPv4", cidr = null, from = "bastion", what = "SSH from the bastion" }
  }
}

resource "openstack_networking_secgroup_rule_v2" "ingress" {
  for_each          = local.ingress
  security_group_id = local.groups[each.value.group]
  description       = each.value.what
  direction         = "ingress"
  ethertype         = each.value.ethertype
  protocol          = "tcp"
  port_range_min    = each.value.port
  port_range_max    = each.value.port
  remote_ip_prefix  = each.value.cidr
  remote_group_id   = each.value.from == null ? null : local.groups[each.value.from]
}

# delete_default_rules removed Neutron's two egress rules: give outbound IPv4 back to every group
resource "openstack_networking_secgroup_rule_v2" "egress" {
  for_each          = local.groups
  security_group_id = each.value
  description       = "any outbound"
  direction         = "egress"
  ethertype         = "IPv4"
}
