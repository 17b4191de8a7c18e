provider "aws" {
  region = "us-east-1"
}

resource "aws_fsx_openzfs_file_system" "plain" {
  storage_capacity    = 1024
  subnet_ids          = ["subnet-1"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 128
}

resource "aws_fsx_openzfs_file_system" "tuned" {
  storage_capacity    = 500
  subnet_ids          = ["subnet-1"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 256
  disk_iops_configuration {
    mode = "USER_PROVISIONED"
    iops = 2000
  }
  root_volume_configuration {
    data_compression_type = "ZSTD"
  }
}
