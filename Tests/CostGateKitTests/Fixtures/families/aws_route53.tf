# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_route53"
  region = "us-east-1"
}

resource "aws_route53_health_check" "plain" {
  provider = aws.aws_route53
  fqdn              = "example.com"
  port              = 80
  type              = "HTTP"
  resource_path     = "/"
  failure_threshold = 3
  request_interval  = 30
}

resource "aws_route53_health_check" "full" {
  provider = aws.aws_route53
  fqdn              = "example.com"
  port              = 443
  type              = "HTTPS_STR_MATCH"
  resource_path     = "/health"
  search_string     = "ok"
  failure_threshold = 3
  request_interval  = 10
  measure_latency   = true
}

resource "aws_route53_health_check" "outside" {
  provider = aws.aws_route53
  fqdn              = "example.org"
  port              = 443
  type              = "HTTPS"
  resource_path     = "/"
  failure_threshold = 3
  request_interval  = 30
}

resource "aws_route53_record" "www" {
  provider = aws.aws_route53
  zone_id = "Z123"
  name    = "www.example.com"
  type    = "A"
  ttl     = 300
  records = ["10.0.0.1"]
}

resource "aws_route53_record" "api" {
  provider = aws.aws_route53
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "A"
  ttl     = 300
  records = ["10.0.0.2"]
}

resource "aws_lb" "front" {
  provider = aws.aws_route53
  name               = "front"
  load_balancer_type = "application"
}

resource "aws_route53_record" "alias" {
  provider = aws.aws_route53
  zone_id = "Z123"
  name    = "front.example.com"
  type    = "A"
  alias {
    name                   = aws_lb.front.dns_name
    zone_id                = aws_lb.front.zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_resolver_endpoint" "inbound" {
  provider = aws.aws_route53
  name               = "inbound"
  direction          = "INBOUND"
  security_group_ids = ["sg-1"]
  ip_address {
    subnet_id = "subnet-a"
  }
  ip_address {
    subnet_id = "subnet-b"
  }
}
