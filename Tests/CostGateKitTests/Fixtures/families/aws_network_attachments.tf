provider "aws" {
  region = "us-east-1"
}

resource "aws_ec2_transit_gateway_vpc_attachment" "app" {
  subnet_ids         = ["subnet-1", "subnet-2"]
  transit_gateway_id = "tgw-1"
  vpc_id             = "vpc-1"
}

resource "aws_ec2_transit_gateway_peering_attachment" "west" {
  peer_region             = "us-west-2"
  peer_transit_gateway_id = "tgw-2"
  transit_gateway_id      = "tgw-1"
}

resource "aws_dx_gateway_association" "tgw" {
  dx_gateway_id         = "dxgw-1"
  associated_gateway_id = "tgw-1"
}

resource "aws_dx_gateway_association" "vgw" {
  dx_gateway_id         = "dxgw-1"
  associated_gateway_id = "vgw-1"
}

resource "aws_ec2_client_vpn_endpoint" "vpn" {
  server_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/server"
  client_cidr_block      = "10.100.0.0/16"
  authentication_options {
    type                       = "certificate-authentication"
    root_certificate_chain_arn = "arn:aws:acm:us-east-1:111122223333:certificate/root"
  }
  connection_log_options {
    enabled = false
  }
}

resource "aws_ec2_client_vpn_network_association" "subnet" {
  client_vpn_endpoint_id = aws_ec2_client_vpn_endpoint.vpn.id
  subnet_id              = "subnet-1"
}

resource "aws_ec2_traffic_mirror_session" "mirror" {
  network_interface_id     = "eni-1"
  traffic_mirror_filter_id = "tmf-1"
  traffic_mirror_target_id = "tmt-1"
  session_number           = 1
}
