variable "gb" {
  type = number
}

resource "aws_ebs_volume" "v" {
  size              = var.gb * 2
  availability_zone = "ap-south-1a"
}
