# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_waf"
  region = "us-east-1"
}

resource "aws_waf_web_acl" "classic" {
  provider = aws.aws_waf
  name        = "classic"
  metric_name = "classic"
  default_action {
    type = "ALLOW"
  }
  rules {
    priority = 1
    rule_id  = "rule-1"
    type     = "REGULAR"
    action {
      type = "BLOCK"
    }
  }
  rules {
    priority = 2
    rule_id  = "rule-2"
    type     = "RATE_BASED"
    action {
      type = "BLOCK"
    }
  }
  rules {
    priority = 3
    rule_id  = "group-1"
    type     = "GROUP"
    override_action {
      type = "NONE"
    }
  }
}

resource "aws_wafv2_web_acl" "modern" {
  provider = aws.aws_waf
  name  = "modern"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "rate"
    priority = 1
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 1000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "rate"
      sampled_requests_enabled   = false
    }
  }
  rule {
    name     = "managed"
    priority = 2
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "managed"
      sampled_requests_enabled   = false
    }
  }
  rule {
    name     = "group"
    priority = 3
    override_action {
      none {}
    }
    statement {
      rule_group_reference_statement {
        arn = "arn:aws:wafv2:us-east-1:123456789012:regional/rulegroup/g/1"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "group"
      sampled_requests_enabled   = false
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "modern"
    sampled_requests_enabled   = false
  }
}
