# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_service_extras"
  region = "us-east-1"
}

resource "aws_lambda_provisioned_concurrency_config" "api" {
  provider = aws.aws_service_extras
  function_name                     = "api"
  qualifier                         = "live"
  provisioned_concurrent_executions = 20
}

resource "aws_lambda_provisioned_concurrency_config" "x86" {
  provider = aws.aws_service_extras
  function_name                     = "worker"
  qualifier                         = "live"
  provisioned_concurrent_executions = 5
}

resource "aws_lightsail_instance" "blog" {
  provider = aws.aws_service_extras
  name              = "blog"
  availability_zone = "us-east-1a"
  blueprint_id      = "amazon_linux_2"
  bundle_id         = "xlarge_3_0"
}

resource "aws_lightsail_instance" "desk" {
  provider = aws.aws_service_extras
  name              = "desk"
  availability_zone = "us-east-1a"
  blueprint_id      = "windows_server_2022"
  bundle_id         = "small_win_3_0"
}

resource "aws_lightsail_instance" "tiny" {
  provider = aws.aws_service_extras
  name              = "tiny"
  availability_zone = "us-east-1a"
  blueprint_id      = "amazon_linux_2"
  bundle_id         = "nano_3_0"
}

resource "aws_transfer_server" "sftp" {
  provider = aws.aws_service_extras
}

resource "aws_transfer_server" "all" {
  provider = aws.aws_service_extras
  protocols = ["FTPS", "SFTP", "FTP"]
}

resource "aws_sns_topic_subscription" "hook" {
  provider = aws.aws_service_extras
  topic_arn = "arn:aws:sns:us-east-1:123456789012:events"
  protocol  = "https"
  endpoint  = "https://example.com/hook"
}

resource "aws_sns_topic_subscription" "queue" {
  provider = aws.aws_service_extras
  topic_arn = "arn:aws:sns:us-east-1:123456789012:events"
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:us-east-1:123456789012:events"
}
