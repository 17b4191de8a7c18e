instance_type = "t3.small"
instances = 2
