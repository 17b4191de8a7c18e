provider "aws" {
  region = "us-east-1"
}

resource "aws_codebuild_project" "linux" {
  name         = "linux"
  service_role = "arn:aws:iam::111122223333:role/build"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }
}

resource "aws_codebuild_project" "windows" {
  name         = "windows"
  service_role = "arn:aws:iam::111122223333:role/build"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_LARGE"
    image        = "aws/codebuild/windows-base:2019-3.0"
    type         = "WINDOWS_SERVER_2019_CONTAINER"
  }
  source {
    type     = "GITHUB"
    location = "https://github.com/example/app.git"
  }
}

resource "aws_ec2_host" "c5" {
  instance_type     = "c5.large"
  availability_zone = "us-east-1a"
}

resource "aws_ec2_host" "mac" {
  instance_family   = "mac1"
  availability_zone = "us-east-1b"
}

resource "aws_ec2_host" "reserved" {
  instance_family   = "c5"
  availability_zone = "us-east-1a"
}

resource "aws_eks_fargate_profile" "apps" {
  cluster_name           = "main"
  fargate_profile_name   = "apps"
  pod_execution_role_arn = "arn:aws:iam::111122223333:role/fargate"
  subnet_ids             = ["subnet-1"]
  selector {
    namespace = "apps"
  }
}

resource "aws_cloudhsm_v2_hsm" "hsm" {
  cluster_id = "cluster-1"
  subnet_id  = "subnet-1"
}
