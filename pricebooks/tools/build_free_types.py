#!/usr/bin/env python3
"""Writes Sources/CostGateKit/Pricing/FreeTypes.swift: the exact Terraform resource types that cost nothing of
their own, from ../shared/pricefacts/free-types.csv plus a few types verified in their providers' source (below).

Usage: python3 pricebooks/tools/build_free_types.py [PRICEFACTS_DIR] > Sources/CostGateKit/Pricing/FreeTypes.swift

Rules: exact names only (no prefixes or suffixes); a type that has a pricer in Sources/CostGateKit/Pricing/Pricers
is never written (the builder says which it dropped); same facts -> byte-identical file.
"""
import csv, glob, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "../.."))
facts = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "../shared/pricefacts")
rows = list(csv.DictReader(open(os.path.join(facts, "free-types.csv"), newline="")))

# Types not in free-types.csv, each checked in the source that defines it (repository, path, commit).
VERIFIED = [
    ("infracost/infracost", "internal/providers/terraform/aws/registry.go", "013823814ae2f7df4494bb7090ea3d8145ac853f",
     "an earlier FreeResources list; of the types it has and the 2026-08-21 list lacks, all but aws_flow_log (its log"
     " delivery is billed)",
     ["aws_vpc", "aws_subnet", "aws_eip_association", "aws_ecs_cluster", "aws_ecs_task_definition", "aws_ecs_capacity_provider",
      "aws_ecr_lifecycle_policy", "aws_cloudwatch_event_target"]),
    ("hashicorp/terraform", "internal/builtin/providers/terraform/provider.go", "0374f044249627da295660b4207ae40e89e25ba3",
     "the built-in provider's only resource type", ["terraform_data"]),
    ("hashicorp/terraform-provider-random", "internal/provider/provider.go", "808613503954241e48cd9e5358fdef64cb0a1fc1",
     "Resources(): NewBytesResource (TypeName \"_bytes\")", ["random_bytes"]),
    ("hashicorp/terraform-provider-random", "internal/provider/resource_uuid4.go", "c58037b18fe0a19b37e4a25d6a5efa1dbb526247",
     "TypeName \"_uuid4\" (and resource_uuid7.go: \"_uuid7\")", ["random_uuid4", "random_uuid7"]),
    ("hashicorp/terraform-provider-tls", "internal/provider/provider.go", "0389c661f451048a6885afc362e17ccdb92d741c",
     "GetResources()", ["tls_cert_request"]),
    ("hashicorp/terraform-provider-local", "internal/provider/provider.go", "11c4189f331250eb3e1520970ab1cc8554ceafb5",
     "Resources(): NewLocalSensitiveFileResource", ["local_sensitive_file"]),
    ("hashicorp/terraform-provider-archive", "internal/provider/provider.go", "47c06ec899ee7e08c4a8519fde72ed9bccf159d7",
     "Resources(): NewArchiveFileResource", ["archive_file"]),
    ("hashicorp/terraform-provider-cloudinit", "internal/provider/provider.go", "36a010e6de97947fa3dd9860fb062250e271d6bd",
     "Resources(): configResource (docs/resources/config.md)", ["cloudinit_config"]),
    # The Kubernetes provider's types for the kinds costgate's manifest reader counts free (PricerRegistry.freeKinds);
    # workloads, claims and Services have a pricer (KubeTerraformPricer) and are not here.
    ("hashicorp/terraform-provider-kubernetes", "kubernetes/provider.go", "0094b94aa65ddba4500788639cc437702eff836e",
     "ResourcesMap, the kinds costgate counts free in manifests", [
         "kubernetes_namespace", "kubernetes_namespace_v1", "kubernetes_service_account", "kubernetes_service_account_v1",
         "kubernetes_default_service_account", "kubernetes_default_service_account_v1", "kubernetes_config_map",
         "kubernetes_config_map_v1", "kubernetes_config_map_v1_data", "kubernetes_secret", "kubernetes_secret_v1",
         "kubernetes_endpoints", "kubernetes_endpoints_v1", "kubernetes_endpoint_slice_v1", "kubernetes_limit_range",
         "kubernetes_limit_range_v1", "kubernetes_persistent_volume", "kubernetes_persistent_volume_v1",
         "kubernetes_resource_quota", "kubernetes_resource_quota_v1", "kubernetes_api_service", "kubernetes_api_service_v1",
         "kubernetes_horizontal_pod_autoscaler", "kubernetes_horizontal_pod_autoscaler_v1",
         "kubernetes_horizontal_pod_autoscaler_v2beta2", "kubernetes_horizontal_pod_autoscaler_v2",
         "kubernetes_role", "kubernetes_role_v1", "kubernetes_role_binding", "kubernetes_role_binding_v1",
         "kubernetes_cluster_role", "kubernetes_cluster_role_v1", "kubernetes_cluster_role_binding",
         "kubernetes_cluster_role_binding_v1", "kubernetes_ingress", "kubernetes_ingress_v1", "kubernetes_ingress_class",
         "kubernetes_ingress_class_v1", "kubernetes_network_policy", "kubernetes_network_policy_v1",
         "kubernetes_pod_disruption_budget", "kubernetes_pod_disruption_budget_v1", "kubernetes_pod_security_policy",
         "kubernetes_pod_security_policy_v1beta1", "kubernetes_priority_class", "kubernetes_priority_class_v1",
         "kubernetes_validating_webhook_configuration", "kubernetes_validating_webhook_configuration_v1",
         "kubernetes_mutating_webhook_configuration", "kubernetes_mutating_webhook_configuration_v1",
         "kubernetes_storage_class", "kubernetes_storage_class_v1", "kubernetes_csi_driver", "kubernetes_csi_driver_v1",
         "kubernetes_runtime_class_v1", "kubernetes_labels", "kubernetes_annotations"]),
]

# Types a pricer handles: never free.
priced = set()
for f in sorted(glob.glob(os.path.join(root, "Sources/CostGateKit/Pricing/Pricers/**/*.swift"), recursive=True)):
    src = open(f).read()
    for m in re.finditer(r"let resourceTypes = \[(.*?)\]", src, re.S):
        priced |= set(re.findall(r'"([a-z0-9_]+)"', m.group(1)))
    priced |= set(re.findall(r'"(kubernetes_[a-z0-9_]+)": "', src))

groups = {}  # (repo, path, commit, date) -> types
for r in rows:
    groups.setdefault((r["source_repo"], r["source_path"], r["source_commit"], r["source_date_hint"]), []).append(r["resource_type"])
dropped = sorted({t for ts in groups.values() for t in ts} & priced | {t for v in VERIFIED for t in v[4]} & priced)
if dropped:
    print(f"build_free_types.py: dropped (a pricer handles them): {', '.join(dropped)}", file=sys.stderr)

out = sys.stdout
out.write("// Generated by pricebooks/tools/build_free_types.py; do not edit by hand.\n")
out.write("// Terraform resource types that cost nothing of their own, by exact name (no prefixes, no suffixes).\n")
out.write(f"// From ../shared/pricefacts/free-types.csv ({len(rows)} types): infracost/infracost FreeResources in\n")
for (repo, path, commit, date) in sorted(groups):
    out.write(f"//   {repo} {path} @ {commit} ({date})\n")
out.write("// plus the types below each citation, checked in the source that defines them.\n")
out.write("// A type that has a pricer is never listed; anything not listed is \"not supported yet\", never free.\n\n")
out.write("enum FreeTypes {\n    static let terraform: Set<String> = [\n")
seen = set()
def emit(types):
    for t in sorted(set(types) - priced - seen):
        out.write(f'        "{t}",\n')
        seen.add(t)
for (repo, path, commit, date), types in sorted(groups.items()):
    out.write(f"        // {repo} {path} @ {commit[:12]} ({len(types)})\n")
    emit(types)
for repo, path, commit, why, types in VERIFIED:
    out.write(f"        // {repo} {path} @ {commit[:12]}: {why}\n")
    emit(types)
out.write("    ]\n}\n")
print(f"build_free_types.py: {len(seen)} free types", file=sys.stderr)
