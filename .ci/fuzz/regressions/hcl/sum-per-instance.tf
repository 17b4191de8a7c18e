locals {
  big = range(100000)
}
resource "aws_instance" "a" {
  count = 100000
  instance_type = "t3.micro"
  tags = { total = tostring(sum(local.big)) }
}
