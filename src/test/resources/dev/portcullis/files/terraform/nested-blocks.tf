# Blocks inside a group or rule resource: meta blocks are fine, anything else is not read.
resource "openstack_networking_secgroup_v2" "web" {
  name        = "web"
  description = "web servers"
  lifecycle {
    create_before_destroy = true
  }
  dynamic "rule" {
    for_each = [22]
    content {
      port = rule.value
    }
  }
}

resource "openstack_networking_secgroup_rule_v2" "ssh" {
  security_group_id = openstack_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 22
  port_range_max    = 22
  remote_ip_prefix  = "0.0.0.0/0"
  description       = "ssh"
  dynamic "foo" {
    for_each = [1]
    content {
      x = 1
    }
  }
}

resource "openstack_networking_secgroup_rule_v2" "https" {
  security_group_id = openstack_networking_secgroup_v2.web.id
  direction         = "ingress"
  ethertype         = "IPv4"
  protocol          = "tcp"
  port_range_min    = 443
  port_range_max    = 443
  remote_ip_prefix  = "0.0.0.0/0"
  description       = "https"
  lifecycle {
    ignore_changes = [description]
  }
  timeouts {
    delete = "10m"
  }
  provisioner "local-exec" {
    command = "true"
  }
  extra {
    remote_ip_prefix = "10.0.0.0/8"
  }
}
