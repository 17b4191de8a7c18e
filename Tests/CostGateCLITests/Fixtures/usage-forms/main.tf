# Two usage-priced resources (our own fixture): a Lambda function per region and a bucket.
provider "aws" {
  region = "us-east-1"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  memory_size   = 1024
}

resource "aws_lambda_function" "workers" {
  count         = 2
  function_name = "worker-${count.index}"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  memory_size   = 512
  architectures = ["arm64"]
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
