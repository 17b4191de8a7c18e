#!/usr/bin/env python3
"""Writes a synthetic `terraform show -json` plan with N managed resources (about 1 KB each, as real
plans are: resource_changes with before/after/unknown/sensitive mirrors, planned_values, configuration).

    python3 .ci/bench/gen_plan.py 100000 > /tmp/plan-100k.json
"""
import json, random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
rng = random.Random(42)
types = ["aws_instance", "aws_ebs_volume", "aws_s3_bucket", "aws_iam_role", "aws_security_group", "aws_db_instance"]
sizes = ["t3.micro", "t3.large", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large"]

def attrs(t, i):
    tags = {"team": f"team-{i % 17}", "env": "prod" if i % 3 else "staging", "service": f"svc-{i % 101}"}
    if t == "aws_instance":
        return {"ami": "ami-0123456789abcdef0", "instance_type": rng.choice(sizes), "tenancy": "default", "monitoring": False,
                "user_data": "#!/bin/bash\necho hello world > /tmp/hello\n" * 2, "tags": tags, "tags_all": tags,
                "root_block_device": [{"volume_type": "gp3", "volume_size": 20 + i % 50, "iops": 3000, "throughput": 125,
                                       "delete_on_termination": True, "encrypted": True}],
                "ebs_block_device": [], "credit_specification": [], "vpc_security_group_ids": [f"sg-{i:08x}"]}
    if t == "aws_ebs_volume":
        return {"type": "gp2", "size": 10 + i % 500, "availability_zone": "us-east-1a", "encrypted": True, "tags": tags, "tags_all": tags}
    if t == "aws_db_instance":
        return {"engine": "postgres", "engine_version": "16.3", "instance_class": "db.m5.large", "allocated_storage": 100,
                "storage_type": "gp3", "multi_az": False, "username": "app", "password": f"pw-{i}-not-real", "tags": tags, "tags_all": tags}
    if t == "aws_security_group":
        return {"name": f"sg-{i}", "description": "generated", "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp",
                "cidr_blocks": ["10.0.0.0/8"], "description": "https", "self": False}], "tags": tags, "tags_all": tags}
    if t == "aws_iam_role":
        return {"name": f"role-{i}", "assume_role_policy": json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}), "tags": tags}
    return {"bucket": f"bucket-{i}", "force_destroy": False, "tags": tags, "tags_all": tags}

out = sys.stdout
out.write('{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"resources":[')
for i in range(n):
    t = types[i % len(types)]
    a = attrs(t, i)
    if i: out.write(",")
    json.dump({"address": f"module.m{i % 50}.{t}.r{i}", "mode": "managed", "type": t, "name": f"r{i}",
               "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 1, "values": a,
               "sensitive_values": {"password": True} if t == "aws_db_instance" else {}}, out, separators=(",", ":"))
out.write(']}},"resource_changes":[')
for i in range(n):
    t = types[i % len(types)]
    a = attrs(t, i)
    if i: out.write(",")
    json.dump({"address": f"module.m{i % 50}.{t}.r{i}", "module_address": f"module.m{i % 50}", "mode": "managed", "type": t,
               "name": f"r{i}", "provider_name": "registry.terraform.io/hashicorp/aws",
               "change": {"actions": ["create"], "before": None, "after": a,
                          "after_unknown": {"id": True, "arn": True, "tags_all": {}},
                          "before_sensitive": False, "after_sensitive": {"password": True} if t == "aws_db_instance" else {}}},
              out, separators=(",", ":"))
out.write('],"configuration":{"provider_config":{"aws":{"name":"aws","expressions":{"region":{"constant_value":"us-east-1"}}}},')
out.write('"root_module":{"module_calls":{')
out.write(",".join('"m%d":{"source":"./m","module":{"resources":[%s]}}' % (m, ",".join(
    '{"address":"%s.r","mode":"managed","type":"%s","name":"r","provider_config_key":"module.m%d:aws","expressions":{}}' % (t, t, m)
    for t in types)) for m in range(50)))
out.write("}}}}\n")
