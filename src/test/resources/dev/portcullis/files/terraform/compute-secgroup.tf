variable "app_ports" {
  default = [8080, 8443]
}

resource "openstack_compute_secgroup_v2" "bastion" {
  name        = "bastion"
  description = "SSH and ping from anywhere"

  rule {
    from_port   = 22
    to_port     = 22
    ip_protocol = "tcp"
    cidr        = "0.0.0.0/0"
  }

  rule {
    from_port   = -1
    to_port     = -1
    ip_protocol = "icmp"
    cidr        = "0.0.0.0/0"
  }

  rule {
    from_port   = 1
    to_port     = 65535
    ip_protocol = "tcp"
    self        = true
  }

  dynamic "rule" {
    for_each = var.app_ports
    content {
      from_port   = rule.value
      to_port     = rule.value
      ip_protocol = "tcp"
      cidr        = "2001:db8::/32"
    }
  }
}
