# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_management_extras"
  region = "us-east-1"
}

resource "aws_ssm_activation" "onprem" {
  provider = aws.aws_management_extras
  name               = "onprem"
  iam_role           = "ssm-role"
  registration_limit = 5
}

resource "aws_ssm_activation" "fleet" {
  provider = aws.aws_management_extras
  name               = "fleet"
  iam_role           = "ssm-role"
  registration_limit = 2000
}

resource "aws_ssm_parameter" "advanced" {
  provider = aws.aws_management_extras
  name  = "/app/config"
  type  = "String"
  value = "x"
  tier  = "Advanced"
}

resource "aws_ssm_parameter" "standard" {
  provider = aws.aws_management_extras
  name  = "/app/flag"
  type  = "String"
  value = "y"
}

resource "aws_kms_external_key" "imported" {
  provider = aws.aws_management_extras
  description = "imported key material"
}

resource "aws_grafana_workspace" "ops" {
  provider = aws.aws_management_extras
  name                     = "ops"
  account_access_type      = "CURRENT_ACCOUNT"
  authentication_providers = ["AWS_SSO"]
  permission_type          = "SERVICE_MANAGED"
  role_arn                 = "arn:aws:iam::123456789012:role/grafana"
}

resource "aws_mwaa_environment" "airflow" {
  provider = aws.aws_management_extras
  name               = "airflow"
  environment_class  = "mw1.large"
  dag_s3_path        = "dags/"
  execution_role_arn = "arn:aws:iam::123456789012:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::dags"
  network_configuration {
    security_group_ids = ["sg-1"]
    subnet_ids         = ["subnet-a", "subnet-b"]
  }
}

resource "aws_mwaa_environment" "default_class" {
  provider = aws.aws_management_extras
  name               = "airflow-small"
  dag_s3_path        = "dags/"
  execution_role_arn = "arn:aws:iam::123456789012:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::dags"
  network_configuration {
    security_group_ids = ["sg-1"]
    subnet_ids         = ["subnet-a", "subnet-b"]
  }
}
