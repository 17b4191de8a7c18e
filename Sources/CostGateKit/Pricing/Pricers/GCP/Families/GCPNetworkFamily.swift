import FoundationEssentials
/// Usage keys of the Google network family.
enum GCPNetworkKeys {
    static let proxyInstances = UsageKey("monthly_proxy_instances", unit: "instances", "proxy instances a month, on average")
}

/// Google's proxies, VPN and peering resources, priced by component keys.
enum GCPNetworkFamily {
    static let proxyTypes = ["google_compute_target_grpc_proxy", "google_compute_target_http_proxy", "google_compute_target_https_proxy",
                             "google_compute_target_ssl_proxy", "google_compute_target_tcp_proxy",
                             "google_compute_region_target_http_proxy", "google_compute_region_target_https_proxy"]

    static let pricers: [any Pricer] = [
        /// Target proxies: proxy instance hours (usage `monthly_proxy_instances` × the month's hours) and GB processed.
        ComponentPricer(proxyTypes, usage: [GCPNetworkKeys.proxyInstances, .monthlyDataProcessedGB, .monthlyHrs]) { c in
            c.line("Proxy instance", unit: "hour", quantity: Quantities.usage(GCPNetworkKeys.proxyInstances, c.context, times: Quantities.monthlyHours(c.context)),
                   usageBased: true)
            c.usage("Data processed", unit: "GB", .monthlyDataProcessedGB)
        },
        /// `google_compute_vpn_tunnel`: the tunnel's hours.
        ComponentPricer(["google_compute_vpn_tunnel"], usage: [.monthlyHrs]) { c in
            c.hours("VPN Tunnel")
        },
        /// Classic and HA VPN gateways: IPSec egress by destination class (usage `monthly_egress_data_transfer_gb.*`).
        ComponentPricer(["google_compute_vpn_gateway", "google_compute_ha_vpn_gateway"], usage: GCPEgress.destinationKeys) { c in
            GCPEgress.byDestination(&c, prefix: "IPSec traffic")
        },
        /// `google_compute_external_vpn_gateway`: IPSec egress to the internet in tiers (worldwide, China, Australia).
        ComponentPricer(["google_compute_external_vpn_gateway"], usage: GCPEgress.vpnInternetKeys) { c in
            GCPEgress.vpnInternet(&c)
        },
        /// `google_service_networking_connection`: egress over the peering by destination class.
        ComponentPricer(["google_service_networking_connection"], usage: GCPEgress.destinationKeys) { c in
            GCPEgress.byDestination(&c, prefix: "Traffic")
        },
        /// `google_compute_global_address`: a reserved external address unused by a forwarding rule, by the hour; internal ones are free.
        ComponentPricer(["google_compute_global_address"], attributes: ["address_type"], usage: [.monthlyHrs]) { c in
            if (c.resource.attributes["address_type"].nonEmptyString ?? "EXTERNAL") == "INTERNAL" {
                c.assume("internal address: no charge")
                return
            }
            c.hours("IP address (unused)")
        },
    ]
}
