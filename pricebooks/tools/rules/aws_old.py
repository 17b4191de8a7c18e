"""Rule module of the existing AWS pricers (helper aws-old): keys golden rows whose label alone does not say
which price applies, by what the row's own facts say differs.

* aws_db_instance "Database instance (...)" rows of Oracle engines: keyed by engine and licence
  (`aws/rds/REGION/instance/CLASS/ENGINE-li|-byol/DEPLOYMENT`). RDS offers Oracle Enterprise Edition and the
  legacy Standard Edition with your own licence only; SE1 and SE2 default to licence included.
* aws_db_instance "Provisioned GP3 IOPS (...)" rows: keyed by deployment (Multi-AZ costs twice Single-AZ).
* aws_instance "EBS-optimized usage": keyed by instance type (`aws/ec2/REGION/ebs-optimized/TYPE`), the fee of
  previous-generation types where EBS optimisation is optional.
* aws_dynamodb_table "Global table (R) > Replicated write request unit (rWRU)": Infracost's quantity is the
  month's write request units / 730 (its golden shows 4,109.589 rWRU for 3,000,000 WRUs), so its unit price is
  730 times the per-request price: keyed `aws/dynamodb/REGION/replicated-write-request-units/R` per 1M rWRUs,
  price x 1,000,000 / 730.
* aws_autoscaling_group rows name the launch configuration or template first
  ("aws_launch_configuration.lc_basic > EC2 detailed monitoring"): the instance hours of a dedicated-tenancy
  template are keyed `aws/ec2/REGION/instance/TYPE/linux/dedicated`; the other nested rows are left to the
  generic keys.
"""
import re


def prices(g):
    if g.tf == "aws_db_instance":
        m = re.match(r"Database instance \(on-demand, (Single-AZ|Multi-AZ), ([\w.]+)\)$", g.component)
        eng = g.tfa.get("engine", "")
        if m and eng.startswith("oracle"):
            lic = g.tfa.get("license_model")
            byol = lic == "bring-your-own-license" if lic else (eng.startswith("oracle-ee") or eng == "oracle-se")
            key = f"aws/rds/{g.region}/instance/{m.group(2)}/{eng}-{'byol' if byol else 'li'}/{m.group(1).lower()}"
            return [(key, "hour", g.price, "licence " + ("BYOL" if byol else "included") + (" (RDS default)" if not lic else ""))]
        if g.component.startswith("Provisioned GP3 IOPS"):
            multi = g.tfa.get("multi_az") == "true" or "multi_az" in g.example or "multi-az" in g.example
            return [(f"aws/rds/{g.region}/iops/gp3/{'multi-az' if multi else 'single-az'}", "IOPS-month", g.price, "")]
    if g.tf == "aws_dynamodb_table":
        m = re.match(r"Global table \(([\w-]+)\) > Replicated write request unit \(rWRU\)$", g.component)
        if m:
            return [(f"aws/dynamodb/{g.region}/replicated-write-request-units/{m.group(1)}", "1M rWRUs",
                     g.price * 1000000 / 730, "converted from Infracost's rWRU (WRUs / 730) x 1,000,000 / 730")]
    if g.tf == "aws_instance" and g.component == "EBS-optimized usage" and g.tfa.get("instance_type"):
        return [(f"aws/ec2/{g.region}/ebs-optimized/{g.tfa['instance_type']}", "hour", g.price, "")]
    if g.tf == "aws_autoscaling_group" and " > " in g.component:
        m = re.search(r"> Instance usage \(Linux/UNIX, on-demand, ([\w.]+)\)$", g.component)
        if m and "tenancy_dedicated" in g.component:
            return [(f"aws/ec2/{g.region}/instance/{m.group(1)}/linux/dedicated", "hour", g.price, "dedicated tenancy")]
    return None
