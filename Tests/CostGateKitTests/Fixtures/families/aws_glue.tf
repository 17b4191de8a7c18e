# An aliased provider: the family fixtures share one folder, so each names its own region.
provider "aws" {
  alias  = "aws_glue"
  region = "us-east-1"
}

resource "aws_glue_catalog_database" "lake" {
  provider = aws.aws_glue
  name = "lake"
}

resource "aws_glue_catalog_database" "small" {
  provider = aws.aws_glue
  name = "small"
}

resource "aws_glue_crawler" "lake" {
  provider = aws.aws_glue
  name          = "lake"
  database_name = aws_glue_catalog_database.lake.name
  role          = "arn:aws:iam::123456789012:role/glue"
}

resource "aws_glue_job" "etl" {
  provider = aws.aws_glue
  name              = "etl"
  role_arn          = "arn:aws:iam::123456789012:role/glue"
  worker_type       = "G.2X"
  number_of_workers = 10
  command {
    script_location = "s3://scripts/etl.py"
  }
}

resource "aws_glue_job" "default_capacity" {
  provider = aws.aws_glue
  name     = "default-capacity"
  role_arn = "arn:aws:iam::123456789012:role/glue"
  command {
    script_location = "s3://scripts/small.py"
  }
}

resource "aws_glue_job" "shell" {
  provider = aws.aws_glue
  name         = "shell"
  role_arn     = "arn:aws:iam::123456789012:role/glue"
  max_capacity = 0.0625
  command {
    name            = "pythonshell"
    script_location = "s3://scripts/shell.py"
  }
}

resource "aws_sfn_state_machine" "orders" {
  provider = aws.aws_glue
  name       = "orders"
  role_arn   = "arn:aws:iam::123456789012:role/sfn"
  definition = "{}"
}

resource "aws_sfn_state_machine" "events" {
  provider = aws.aws_glue
  name       = "events"
  role_arn   = "arn:aws:iam::123456789012:role/sfn"
  type       = "EXPRESS"
  definition = "{}"
}
