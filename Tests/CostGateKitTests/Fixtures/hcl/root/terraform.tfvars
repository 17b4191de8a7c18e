instance_type = "t3.small"
n             = 1
