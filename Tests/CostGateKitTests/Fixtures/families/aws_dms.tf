provider "aws" {
  region = "us-east-1"
}

resource "aws_dms_replication_instance" "single" {
  replication_instance_class = "dms.t2.micro"
  replication_instance_id    = "single"
  allocated_storage          = 80
}

resource "aws_dms_replication_instance" "multi" {
  replication_instance_class = "dms.t2.micro"
  replication_instance_id    = "multi"
  allocated_storage          = 100
  multi_az                   = true
}
