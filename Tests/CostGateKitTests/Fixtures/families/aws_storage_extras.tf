# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_storage_extras"
  region = "us-east-1"
}

resource "aws_fsx_windows_file_system" "shares" {
  provider = aws.aws_storage_extras
  storage_capacity    = 2000
  storage_type        = "HDD"
  subnet_ids          = ["subnet-a", "subnet-b"]
  throughput_capacity = 64
  deployment_type     = "MULTI_AZ_1"
  active_directory_id = "d-123"
}

resource "aws_fsx_windows_file_system" "single" {
  provider = aws.aws_storage_extras
  storage_capacity    = 100
  storage_type        = "SSD"
  subnet_ids          = ["subnet-a"]
  throughput_capacity = 32
  deployment_type     = "SINGLE_AZ_2"
  active_directory_id = "d-123"
}

resource "aws_s3_bucket_analytics_configuration" "logs" {
  provider = aws.aws_storage_extras
  bucket = "logs"
  name   = "whole-bucket"
}

resource "aws_s3_bucket_inventory" "logs" {
  provider = aws.aws_storage_extras
  bucket                   = "logs"
  name                     = "daily"
  included_object_versions = "All"
  schedule {
    frequency = "Daily"
  }
  destination {
    bucket {
      format     = "CSV"
      bucket_arn = "arn:aws:s3:::inventory"
    }
  }
}
