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


# launch configuration: detailed monitoring on by default, EBS-optimisation fee of r3.xlarge
resource "aws_launch_configuration" "lc" {
  image_id      = "ami-1"
  instance_type = "r3.xlarge"
  ebs_optimized = true
}

resource "aws_autoscaling_group" "lc" {
  launch_configuration = aws_launch_configuration.lc.id
  desired_capacity     = 2
  max_size             = 4
  min_size             = 1
}

resource "aws_launch_template" "lt" {
  image_id      = "ami-1"
  instance_type = "t2.medium"
}

# weighted mixed instances: 6 capacity units of weight 2 = 3 instances
resource "aws_autoscaling_group" "mixed" {
  desired_capacity = 6
  max_size         = 10
  min_size         = 1
  mixed_instances_policy {
    launch_template {
      launch_template_specification {
        launch_template_id = aws_launch_template.lt.id
      }
      override {
        instance_type     = "t2.large"
        weighted_capacity = "2"
      }
    }
  }
}

# an instance takes what it leaves out from its launch template
resource "aws_launch_template" "monitored" {
  name          = "monitored"
  instance_type = "m3.large"
  monitoring {
    enabled = true
  }
}

resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.monitored.id
  }
}

# the attached volume is priced once, as the aws_ebs_volume
resource "aws_instance" "attached" {
  ami           = "ami-1"
  instance_type = "t2.medium"
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
}

resource "aws_volume_attachment" "data" {
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.data.id
  instance_id = aws_instance.attached.id
}

resource "aws_s3_bucket" "archive" {
  bucket = "archive"
}

resource "aws_sns_topic" "fifo" {
  name       = "events.fifo"
  fifo_topic = true
}

resource "aws_sns_topic_subscription" "q1" {
  topic_arn = aws_sns_topic.fifo.arn
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:us-east-1:123456789012:q1"
}

resource "aws_sns_topic_subscription" "q2" {
  topic_arn = aws_sns_topic.fifo.arn
  protocol  = "sqs"
  endpoint  = "arn:aws:sqs:us-east-1:123456789012:q2"
}

resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_vpc_endpoint" "api" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.us-east-1.execute-api"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-1", "subnet-2"]
}
