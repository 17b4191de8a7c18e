module "db" {
  count  = 2
  source = "./mod"
  class  = count.index == 0 ? "db.t3.micro" : "db.m5.large"
}

resource "aws_instance" "app" {
  instance_type = module.db[1].class
  user_data     = module.db[0].password
  tags          = { Db = module.db[0].endpoint }
}

output "classes" {
  value = module.db[*].class
}
