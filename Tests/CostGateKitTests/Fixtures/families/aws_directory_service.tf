provider "aws" {
  region = "us-east-1"
}

resource "aws_directory_service_directory" "simple" {
  name     = "corp.example.com"
  password = "SuperSecretPassw0rd"
  type     = "SimpleAD"
  size     = "Small"
  vpc_settings {
    vpc_id     = "vpc-1"
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_directory_service_directory" "managed" {
  name     = "ad.example.com"
  password = "SuperSecretPassw0rd"
  type     = "MicrosoftAD"
  edition  = "Standard"
  vpc_settings {
    vpc_id     = "vpc-1"
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_directory_service_directory" "connector" {
  name     = "onprem.example.com"
  password = "SuperSecretPassw0rd"
  type     = "ADConnector"
  size     = "Small"
  connect_settings {
    customer_dns_ips  = ["10.0.0.10"]
    customer_username = "admin"
    subnet_ids        = ["subnet-1", "subnet-2"]
    vpc_id            = "vpc-1"
  }
}
