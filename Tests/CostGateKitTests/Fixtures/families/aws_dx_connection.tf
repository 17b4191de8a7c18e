provider "aws" {
  region = "us-east-1"
}

resource "aws_dx_connection" "primary" {
  name      = "primary"
  bandwidth = "1Gbps"
  location  = "EqDC2"
}

resource "aws_dx_connection" "legacy" {
  name      = "legacy"
  bandwidth = "10Gbps"
  location  = "EqDC2"
}
