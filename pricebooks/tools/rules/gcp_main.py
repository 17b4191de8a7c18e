"""Rule module for the Google Cloud golden facts the generic component keys cannot hold (helper gcp).

* Cloud Logging (sinks and bucket configurations): Infracost prices log volume at region `global` whatever the
  resource's `location`; the facts' region column is the test's provider region, so the rows are keyed at `global`.
* Cloud Run v2 services: CPU and memory allocation are priced per request when CPU is throttled (`cpu_idle`, the
  default) and per instance when it is always allocated; the two test resources that show each price name it
  (`throttling_enabled…`, `throttling_disabled`), so those rows are keyed `…/throttling=enabled|disabled`.
"""
from pricebook import component_key

LOGGING = {
    "google_logging_billing_account_bucket_config", "google_logging_billing_account_sink",
    "google_logging_folder_bucket_config", "google_logging_folder_sink",
    "google_logging_organization_bucket_config", "google_logging_organization_sink",
    "google_logging_project_bucket_config", "google_logging_project_sink",
}


def prices(g):
    if g.tf in LOGGING and g.component == "Logging data":
        return [(component_key("gcp", g.tf, "global", g.component, g.unit), g.unit, g.price,
                 "Infracost prices Cloud Logging at region global")]
    if g.tf == "google_cloud_run_v2_service" and g.component.startswith(("CPU allocation time", "Memory allocation time")):
        name = g.example.split(".", 1)[-1]
        if name.startswith("throttling_enabled"):
            mode = "enabled"
        elif name.startswith("throttling_disabled"):
            mode = "disabled"
        else:
            return None
        return [(component_key("gcp", g.tf, g.region, g.component, g.unit) + f"/throttling={mode}", g.unit, g.price,
                 f"CPU throttling {mode} (cpu_idle {'true' if mode == 'enabled' else 'false'})")]
    return None
