locals {
  cube = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]
}
resource "aws_instance" "a" {
  instance_type = "t3.micro"
  tags = { n = tostring(length(local.cube)) }
}
