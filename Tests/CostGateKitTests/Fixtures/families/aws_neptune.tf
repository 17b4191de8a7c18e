# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_neptune"
  region = "eu-west-2"
}

resource "aws_neptune_cluster" "graph" {
  provider = aws.aws_neptune
  cluster_identifier      = "graph"
  engine                  = "neptune"
  backup_retention_period = 7
}

resource "aws_neptune_cluster" "fast" {
  provider = aws.aws_neptune
  cluster_identifier = "fast"
  engine             = "neptune"
  storage_type       = "iopt1"
}

resource "aws_neptune_cluster_instance" "graph" {
  provider = aws.aws_neptune
  count              = 2
  cluster_identifier = aws_neptune_cluster.graph.id
  engine             = "neptune"
  instance_class     = "db.r4.large"
}

resource "aws_neptune_cluster_instance" "fast" {
  provider = aws.aws_neptune
  cluster_identifier = aws_neptune_cluster.fast.id
  engine             = "neptune"
  instance_class     = "db.t3.medium"
}

resource "aws_neptune_cluster_snapshot" "graph" {
  provider = aws.aws_neptune
  db_cluster_identifier          = aws_neptune_cluster.graph.id
  db_cluster_snapshot_identifier = "graph-snapshot"
}

resource "aws_neptune_cluster_snapshot" "fast" {
  provider = aws.aws_neptune
  db_cluster_identifier          = aws_neptune_cluster.fast.id
  db_cluster_snapshot_identifier = "fast-snapshot"
}
