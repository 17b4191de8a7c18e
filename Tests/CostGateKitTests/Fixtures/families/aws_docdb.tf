provider "aws" {
  region = "us-east-1"
}

resource "aws_docdb_cluster" "main" {
  cluster_identifier = "docs"
  engine             = "docdb"
  master_username    = "admin"
  master_password    = "mustbeeightchars"
}

resource "aws_docdb_cluster_instance" "small" {
  cluster_identifier = aws_docdb_cluster.main.id
  instance_class     = "db.t3.medium"
}

resource "aws_docdb_cluster_instance" "large" {
  cluster_identifier = aws_docdb_cluster.main.id
  instance_class     = "db.r5.4xlarge"
}

resource "aws_docdb_cluster_snapshot" "nightly" {
  db_cluster_identifier          = aws_docdb_cluster.main.id
  db_cluster_snapshot_identifier = "nightly"
}
