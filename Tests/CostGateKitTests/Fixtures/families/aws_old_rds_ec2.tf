provider "aws" {
  region = "us-east-1"
}

provider "aws" {
  alias  = "ohio"
  region = "us-east-2"
}

# io1 below the RDS minimums (100 GB, 1,000 IOPS), Performance Insights long-term retention, MySQL 5.7 Extended Support
resource "aws_db_instance" "io1_small" {
  engine                                = "mysql"
  engine_version                        = "5.7"
  instance_class                        = "db.t3.large"
  storage_type                          = "io1"
  allocated_storage                     = 50
  iops                                  = 500
  performance_insights_enabled          = true
  performance_insights_retention_period = 731
}

# no allocated_storage: 20 GB; Oracle SE2 licence included by default
resource "aws_db_instance" "oracle" {
  engine         = "oracle-se2"
  instance_class = "db.t3.large"
}

# Aurora on aws_db_instance: no storage line (billed by the cluster)
resource "aws_db_instance" "aurora" {
  engine         = "aurora-postgresql"
  engine_version = "11.22"
  instance_class = "db.t3.large"
}

resource "aws_rds_cluster_instance" "t3" {
  cluster_identifier = "demo"
  engine             = "aurora-mysql"
  instance_class     = "db.t3.medium"
}

resource "aws_rds_cluster" "backtrack" {
  cluster_identifier      = "demo"
  engine                  = "aurora-mysql"
  backup_retention_period = 5
}

resource "aws_instance" "monitored" {
  ami           = "ami-1"
  instance_type = "r3.xlarge"
  ebs_optimized = true
  monitoring    = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 10
}

resource "aws_ebs_snapshot" "data" {
  volume_id = aws_ebs_volume.data.id
}

resource "aws_dynamodb_table" "t" {
  provider       = aws.ohio
  name           = "t"
  hash_key       = "id"
  read_capacity  = 30
  write_capacity = 20
  attribute {
    name = "id"
    type = "S"
  }
  replica {
    region_name = "us-west-1"
  }
}

resource "aws_ecs_task_definition" "task" {
  family                   = "task"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1 vCPU"
  memory                   = "2 GB"
  container_definitions    = "[]"
}

resource "aws_ecs_service" "svc" {
  name            = "svc"
  task_definition = aws_ecs_task_definition.task.family
  desired_count   = 2
  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}
