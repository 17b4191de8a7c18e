provider "aws" {
  region = "us-east-1"
}

resource "aws_data_transfer" "use2" {
  region = "us-east-2"
}

resource "aws_data_transfer" "euw1" {
  region = "eu-west-1"
}

resource "aws_data_transfer" "idle" {
  region = "ap-south-1"
}
