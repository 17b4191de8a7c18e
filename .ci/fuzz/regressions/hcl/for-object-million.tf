locals {
  m = { for i in range(1000000) : "k${i}" => i }
}
resource "aws_instance" "a" {
  instance_type = "t3.micro"
  tags = { n = tostring(length(local.m)) }
}
