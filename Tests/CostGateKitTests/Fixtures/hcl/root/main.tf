# A root module that exercises what the reader evaluates (costgate's own fixture).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { Team = "core", Env = terraform.workspace }
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "instance_type" {}

variable "n" {
  type = number
}

variable "ami" {
  description = "required, and given nowhere"
  type        = string
}

variable "servers" {
  type = map(object({
    type  = string
    disks = optional(list(number), [8])
  }))
  default = {
    b = { type = "m5.large", disks = [10, 20] }
    a = { type = "t3.nano" }
  }
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

locals {
  name   = "app-${terraform.workspace}"
  common = { Owner = "ops", Name = local.name }
}

resource "aws_instance" "web" {
  count         = var.n
  ami           = var.ami
  instance_type = var.instance_type
  tags          = merge(local.common, { Index = count.index })
  root_block_device {
    volume_size = 10 + count.index
  }
}

moved {
  from = aws_instance.old
  to   = aws_instance.web
}

resource "aws_instance" "by_map" {
  for_each      = var.servers
  instance_type = each.value.type
  dynamic "ebs_block_device" {
    for_each = each.value.disks
    iterator = disk
    content {
      device_name = "/dev/sd${disk.key}"
      volume_size = disk.value
    }
  }
}

resource "aws_instance" "west" {
  provider      = aws.west
  instance_type = "c5.large"
  tags          = null
}

data "aws_availability_zones" "az" {}

resource "aws_instance" "per_zone" {
  count         = length(data.aws_availability_zones.az.names)
  instance_type = "t3.micro"
}

resource "aws_subnet" "s" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_instance" "in_subnet" {
  count         = length(aws_subnet.s)
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.s[count.index].id
  user_data     = aws_subnet.s[count.index].cidr_block
}

resource "aws_db_instance" "db" {
  instance_class = "db.t3.micro"
  password       = var.secret
}

module "child" {
  source    = "./modules/child"
  size      = var.instance_type
  providers = { aws = aws.west }
}

module "many" {
  source   = "./modules/child"
  for_each = toset(["b", "a"])
  size     = "t3.${each.key == "a" ? "small" : "large"}"
}

module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}

resource "aws_eip" "ip" {
  count    = 1
  instance = module.child.id
  tags     = { Size = module.child.size }
}
