provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "web"
    origin_shield {
      enabled              = true
      origin_shield_region = "sa-east-1"
    }
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  logging_config {
    bucket = "logs.s3.amazonaws.com"
  }

  default_cache_behavior {
    allowed_methods           = ["GET", "HEAD"]
    cached_methods            = ["GET", "HEAD"]
    target_origin_id          = "web"
    viewer_protocol_policy    = "redirect-to-https"
    field_level_encryption_id = "fle-1"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/site"
    ssl_support_method  = "vip"
  }
}

resource "aws_cloudfront_distribution" "plain" {
  enabled = true

  origin {
    domain_name = "bucket.s3.amazonaws.com"
    origin_id   = "s3"
  }

  default_cache_behavior {
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    target_origin_id       = "s3"
    viewer_protocol_policy = "allow-all"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
