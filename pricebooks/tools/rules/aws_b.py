"""Rule module of the aws-b families: keys golden rows whose label has different prices in different test
resources by what differs, taken from the row's own facts (its test resource's attributes or name)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pricebook import component_key  # noqa: E402


def _key(g, suffix):
    return [(component_key("aws", g.tf, g.region, g.component, g.unit) + "/" + suffix, g.unit, g.price,
             f"keyed by {suffix} (from {g.example})")]


def _neptune(g):
    if g.tf == "aws_neptune_cluster" and g.component == "I/O requests" and g.tfa.get("storage_type") == "iopt1":
        # printed rounded (bounds 0.225..0.235 hold the 0.232 of the other test resource): not a price of its own
        return []
    if g.tf == "aws_neptune_cluster_instance" and g.component.startswith("Database instance"):
        # an instance of an I/O-optimized cluster (storage_type iopt1) has another hourly price
        return _key(g, "storage=iopt1" if "iooptimized" in g.example else "storage=standard")
    return None


def _kinesis(g):
    name = g.example.split(".", 1)[-1]
    if g.tf == "aws_kinesis_stream" and g.component in ("Enhanced Fan Out (EFO) Data retrieval", "Extended retention (24H to 7D)"):
        # on-demand and provisioned streams bill these at different prices
        return _key(g, "mode=on-demand" if "on_demand" in name else "mode=provisioned")
    return None


RULES = [_kinesis, _neptune]


def prices(g):
    for rule in RULES:
        out = rule(g)
        if out is not None:
            return out
    return None


def _global_accelerator(g):
    if g.tf == "aws_globalaccelerator_endpoint_group":
        # the premium depends on where the endpoint group is: each test resource is named after its group's region
        return _key(g, "group-region=" + g.example.split(".", 1)[-1].replace("_", "-"))
    return None


RULES.append(_global_accelerator)


def _route53(g):
    if g.tf == "aws_route53_health_check":
        # the test's usage file gives its `_withUsage` resources `endpoint_type: non_aws`; the others are AWS endpoints
        return _key(g, "endpoint=non-aws" if g.example.endswith("_withUsage") else "endpoint=aws")
    return None


RULES.append(_route53)


# What the test configurations set that the rows do not carry: every FSx for Windows test system is MULTI_AZ_1;
# the Lightsail tests' linux1 is bundle xlarge_2_0 and win1 small_win_2_0; the Lambda provisioned-concurrency
# test's usage file sets `architecture: arm64`.
_LIGHTSAIL_BUNDLES = {"linux1": "xlarge", "win1": "small"}


def _configured(g):
    name = g.example.split(".", 1)[-1]
    if g.tf == "aws_fsx_windows_file_system":
        return _key(g, "deployment=multi-az")
    if g.tf == "aws_lightsail_instance" and name in _LIGHTSAIL_BUNDLES:
        return _key(g, "bundle=" + _LIGHTSAIL_BUNDLES[name])
    if g.tf == "aws_lambda_provisioned_concurrency_config" and g.component in ("Duration", "Provisioned Concurrency"):
        return _key(g, "arch=arm64")
    return None


RULES.append(_configured)
