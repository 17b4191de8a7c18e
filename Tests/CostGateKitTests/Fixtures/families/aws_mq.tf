# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_mq"
  region = "us-east-1"
}

resource "aws_mq_broker" "active" {
  provider = aws.aws_mq
  broker_name        = "active"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.m5.large"
  deployment_mode    = "ACTIVE_STANDBY_MULTI_AZ"
  user {
    username = "admin"
    password = "not-a-real-password"
  }
}

resource "aws_mq_broker" "rabbit" {
  provider = aws.aws_mq
  broker_name        = "rabbit"
  engine_type        = "RabbitMQ"
  engine_version     = "3.11.20"
  host_instance_type = "mq.m5.xlarge"
  deployment_mode    = "CLUSTER_MULTI_AZ"
  user {
    username = "admin"
    password = "not-a-real-password"
  }
}

resource "aws_mq_broker" "tiny" {
  provider = aws.aws_mq
  broker_name        = "tiny"
  engine_type        = "ActiveMQ"
  engine_version     = "5.17.6"
  host_instance_type = "mq.t2.micro"
  user {
    username = "admin"
    password = "not-a-real-password"
  }
}
