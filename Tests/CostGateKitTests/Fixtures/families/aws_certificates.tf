provider "aws" {
  region = "us-east-1"
}

resource "aws_acm_certificate" "private" {
  domain_name               = "internal.example.com"
  certificate_authority_arn = "arn:aws:acm-pca:us-east-1:111122223333:certificate-authority/abc"
}

resource "aws_acm_certificate" "public" {
  domain_name       = "www.example.com"
  validation_method = "DNS"
}

resource "aws_acmpca_certificate_authority" "general" {
  certificate_authority_configuration {
    key_algorithm     = "RSA_2048"
    signing_algorithm = "SHA256WITHRSA"
    subject {
      common_name = "example.com"
    }
  }
}

resource "aws_acmpca_certificate_authority" "busy" {
  certificate_authority_configuration {
    key_algorithm     = "RSA_2048"
    signing_algorithm = "SHA256WITHRSA"
    subject {
      common_name = "busy.example.com"
    }
  }
}

resource "aws_acmpca_certificate_authority" "short_lived" {
  usage_mode = "SHORT_LIVED_CERTIFICATE"
  certificate_authority_configuration {
    key_algorithm     = "EC_prime256v1"
    signing_algorithm = "SHA256WITHECDSA"
    subject {
      common_name = "pods.example.com"
    }
  }
}
