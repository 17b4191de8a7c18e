provider "aws" {
  region = "us-west-1"
}

resource "aws_backup_vault" "main" {
  name = "main"
}

resource "aws_backup_vault" "idle" {
  name = "idle"
}
