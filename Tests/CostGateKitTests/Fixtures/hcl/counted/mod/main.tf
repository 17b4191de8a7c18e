variable "class" {
  type = string
}

resource "aws_db_instance" "this" {
  instance_class = var.class
  engine         = "postgres"
}

output "class" {
  value = aws_db_instance.this.instance_class
}

output "endpoint" {
  value = aws_db_instance.this.endpoint
}

output "password" {
  value     = "secret"
  sensitive = true
}
