# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_redshift"
  region = "us-east-1"
}

resource "aws_redshift_cluster" "warehouse" {
  provider = aws.aws_redshift
  cluster_identifier = "warehouse"
  node_type          = "ra3.4xlarge"
  cluster_type       = "multi-node"
  number_of_nodes    = 2
  master_username    = "admin"
  master_password    = "Secret123!"
}

resource "aws_redshift_cluster" "small" {
  provider = aws.aws_redshift
  cluster_identifier = "small"
  node_type          = "dc2.large"
  cluster_type       = "single-node"
  master_username    = "admin"
  master_password    = "Secret123!"
}
