# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_kinesis_stream"
  region = "us-east-1"
}

resource "aws_kinesis_stream" "events" {
  provider = aws.aws_kinesis_stream
  name        = "events"
  shard_count = 3
  stream_mode_details {
    stream_mode = "PROVISIONED"
  }
}

resource "aws_kinesis_stream" "clicks" {
  provider = aws.aws_kinesis_stream
  name = "clicks"
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}

resource "aws_kinesis_stream" "default_mode" {
  provider = aws.aws_kinesis_stream
  name        = "default-mode"
  shard_count = 2
}
