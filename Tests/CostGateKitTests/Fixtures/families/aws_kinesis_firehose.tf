# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_kinesis_firehose"
  region = "eu-west-2"
}

resource "aws_kinesis_firehose_delivery_stream" "to_search" {
  provider = aws.aws_kinesis_firehose
  name        = "to-search"
  destination = "elasticsearch"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::logs"
    data_format_conversion_configuration {
      enabled = true
    }
  }
  elasticsearch_configuration {
    domain_arn = "arn:aws:es:eu-west-2:123456789012:domain/logs"
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    index_name = "logs"
    vpc_config {
      subnet_ids         = ["subnet-a", "subnet-b", "subnet-c"]
      security_group_ids = ["sg-1"]
      role_arn           = "arn:aws:iam::123456789012:role/firehose"
    }
  }
}

resource "aws_kinesis_firehose_delivery_stream" "plain" {
  provider = aws.aws_kinesis_firehose
  name        = "plain"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::logs"
  }
}

resource "aws_kinesis_analytics_application" "sql" {
  provider = aws.aws_kinesis_firehose
  name = "sql-app"
}

resource "aws_kinesisanalyticsv2_application" "flink" {
  provider = aws.aws_kinesis_firehose
  name                   = "flink-app"
  runtime_environment    = "FLINK-1_15"
  service_execution_role = "arn:aws:iam::123456789012:role/flink"
}

resource "aws_kinesisanalyticsv2_application_snapshot" "flink" {
  provider = aws.aws_kinesis_firehose
  application_name = aws_kinesisanalyticsv2_application.flink.name
  snapshot_name    = "flink-snapshot"
}
