# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_networking2"
  region = "us-east-1"
}

resource "aws_networkfirewall_firewall" "edge" {
  provider = aws.aws_networking2
  name                = "edge"
  firewall_policy_arn = "arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/edge"
  vpc_id              = "vpc-1"
  subnet_mapping {
    subnet_id = "subnet-a"
  }
}

resource "aws_vpn_connection" "office" {
  provider = aws.aws_networking2
  customer_gateway_id = "cgw-1"
  vpn_gateway_id      = "vgw-1"
  type                = "ipsec.1"
}

resource "aws_vpn_connection" "hub" {
  provider = aws.aws_networking2
  customer_gateway_id = "cgw-2"
  transit_gateway_id  = "tgw-1"
  type                = "ipsec.1"
}

resource "aws_globalaccelerator_accelerator" "web" {
  provider = aws.aws_networking2
  name            = "web"
  ip_address_type = "IPV4"
  enabled         = true
}

resource "aws_globalaccelerator_endpoint_group" "eu_west_1" {
  provider = aws.aws_networking2
  listener_arn          = "arn:aws:globalaccelerator::123456789012:accelerator/1/listener/1"
  endpoint_group_region = "eu-west-1"
}

resource "aws_globalaccelerator_endpoint_group" "us_east_1" {
  provider = aws.aws_networking2
  listener_arn          = "arn:aws:globalaccelerator::123456789012:accelerator/1/listener/2"
  endpoint_group_region = "us-east-1"
}
