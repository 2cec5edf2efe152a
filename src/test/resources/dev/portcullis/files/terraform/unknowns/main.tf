variable "office_cidr" {
  type = string
}

data "openstack_networking_secgroup_v2" "shared" {
  name = "shared-services"
}

data "terraform_remote_state" "network" {
  backend = "local"
  config = {
    path = "../network/terraform.tfstate"
  }
}

resource "openstack_networking_secgroup_v2" "app" {
  name = "app"
}

resource "openstack_networking_secgroup_rule_v2" "from_shared" {
  security_group_id = openstack_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 8080
  port_range_max    = 8080
  remote_group_id   = data.openstack_networking_secgroup_v2.shared.id
}

resource "openstack_networking_secgroup_rule_v2" "office" {
  security_group_id = openstack_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = var.office_cidr
}

resource "openstack_networking_secgroup_rule_v2" "https" {
  security_group_id = openstack_networking_secgroup_v2.app.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "0.0.0.0/0"
}

resource "openstack_networking_secgroup_v2" "network_edge" {
  name = data.terraform_remote_state.network.outputs.edge_group_name
}

resource "openstack_networking_secgroup_rule_v2" "into_shared" {
  security_group_id = data.openstack_networking_secgroup_v2.shared.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 9100
  port_range_max    = 9100
  remote_group_id   = openstack_networking_secgroup_v2.app.id
}

module "bastion" {
  source = "./modules/bastion"
}

resource "openstack_fw_rule_v2" "allow_ssh" {
  protocol         = "tcp"
  action           = "allow"
  destination_port = "22"
}

resource "openstack_networking_port_v2" "app_1" {
  network_id         = "a-network"
  security_group_ids = [openstack_networking_secgroup_v2.app.id]
}
