# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_msk"
  region = "us-east-1"
}

resource "aws_msk_cluster" "big" {
  provider = aws.aws_msk
  cluster_name           = "big"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = 3
  broker_node_group_info {
    client_subnets  = ["subnet-a", "subnet-b", "subnet-c"]
    instance_type   = "kafka.m5.24xlarge"
    security_groups = ["sg-1"]
    storage_info {
      ebs_storage_info {
        volume_size = 250
      }
    }
  }
}

resource "aws_msk_cluster" "scaled" {
  provider = aws.aws_msk
  cluster_name           = "scaled"
  kafka_version          = "3.5.1"
  number_of_broker_nodes = 2
  broker_node_group_info {
    client_subnets  = ["subnet-a", "subnet-b"]
    instance_type   = "kafka.t3.small"
    security_groups = ["sg-1"]
    storage_info {
      ebs_storage_info {
        volume_size = 100
      }
    }
  }
}

resource "aws_appautoscaling_target" "scaled_storage" {
  provider = aws.aws_msk
  max_capacity       = 1000
  min_capacity       = 300
  resource_id        = aws_msk_cluster.scaled.arn
  scalable_dimension = "kafka:broker-storage:VolumeSize"
  service_namespace  = "kafka"
}
