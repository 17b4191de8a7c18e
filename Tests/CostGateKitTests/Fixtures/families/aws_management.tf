provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudformation_stack" "third_party" {
  name         = "partner-resources"
  template_url = "https://s3.amazonaws.com/bucket/template.yaml"
}

resource "aws_cloudformation_stack" "native" {
  name          = "network"
  template_body = jsonencode({ Resources = { Vpc = { Type = "AWS::EC2::VPC", Properties = { CidrBlock = "10.0.0.0/16" } } } })
}

resource "aws_cloudformation_stack_set" "org" {
  name         = "org-baseline"
  template_url = "https://s3.amazonaws.com/bucket/baseline.yaml"
}

resource "aws_cloudtrail" "org" {
  name           = "org-trail"
  s3_bucket_name = "trail-bucket"
  insight_selector {
    insight_type = "ApiCallRateInsight"
  }
}

resource "aws_cloudtrail" "data_only" {
  name                          = "data-trail"
  s3_bucket_name                = "trail-bucket"
  include_global_service_events = false
}

resource "aws_cloudwatch_event_bus" "orders" {
  name = "orders"
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "main"
  dashboard_body = jsonencode({ widgets = [] })
}

resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "cpu"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "CPUUtilization"
  namespace           = "AWS/EC2"
  period              = 300
  statistic           = "Average"
  threshold           = 80
}

resource "aws_cloudwatch_metric_alarm" "fast" {
  alarm_name          = "fast"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  metric_name         = "Latency"
  namespace           = "Custom"
  period              = 10
  statistic           = "Average"
  threshold           = 1
}

resource "aws_cloudwatch_metric_alarm" "anomaly" {
  alarm_name          = "anomaly"
  comparison_operator = "GreaterThanUpperThreshold"
  evaluation_periods  = 2
  threshold_metric_id = "e1"

  metric_query {
    id          = "e1"
    expression  = "ANOMALY_DETECTION_BAND(m1)"
    return_data = true
  }

  metric_query {
    id = "m1"
    metric {
      metric_name = "Requests"
      namespace   = "Custom"
      period      = 30
      stat        = "Sum"
    }
  }
}

resource "aws_config_configuration_recorder" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/config"
}

resource "aws_config_config_rule" "versioning" {
  name = "s3-versioning"
  source {
    owner             = "AWS"
    source_identifier = "S3_BUCKET_VERSIONING_ENABLED"
  }
}

resource "aws_config_organization_managed_rule" "password" {
  name            = "password-policy"
  rule_identifier = "IAM_PASSWORD_POLICY"
}

resource "aws_config_organization_custom_rule" "custom" {
  name                = "custom"
  lambda_function_arn = "arn:aws:lambda:us-east-1:111122223333:function:rule"
  trigger_types       = ["ScheduledNotification"]
}
