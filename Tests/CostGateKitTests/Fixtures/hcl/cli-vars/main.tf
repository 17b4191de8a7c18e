# A required variable: without a value its instance type is unknown until apply, never a guess.
variable "instance_type" {
  type = string
}

variable "instances" {
  type    = number
  default = 1
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  count         = var.instances
  ami           = "ami-0123456789abcdef0"
  instance_type = var.instance_type
}
