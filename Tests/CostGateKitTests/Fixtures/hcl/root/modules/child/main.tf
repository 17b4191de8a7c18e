variable "size" {
  type = string
}

resource "aws_instance" "this" {
  instance_type = var.size
}

module "grand" {
  source = "../grand"
  gb     = 5
}

output "id" {
  value = aws_instance.this.id
}

output "size" {
  value = aws_instance.this.instance_type
}
