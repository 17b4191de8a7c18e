import FoundationEssentials
/// VPN and virtual WAN networking: virtual network gateways and their connections, virtual network peerings,
/// virtual hubs, and virtual WAN site-to-site VPN gateways and connections.
enum AzureVPN {
    static let gatewayType = "azurerm_virtual_network_gateway"
    static let vnetType = "azurerm_virtual_network"

    /// `azurerm_virtual_network_gateway`: gateway hours by SKU, point-to-site tunnels over the 128 included
    /// (usage `p2s_connection`) and GB transferred (usage `monthly_data_transfer_gb`).
    static let gateway = ComponentPricer([gatewayType], attributes: ["sku"],
                                         usage: [AzureCKeys.p2sConnection, AzureCKeys.monthlyDataTransferGB]) { c in
        let sku = c.resource.attributes["sku"].nonEmptyString ?? "Basic"
        c.hours("VPN gateway (\(sku))")
        let tunnels: Quantity = c.context.usage[AzureCKeys.p2sConnection].map { .value(max(0, $0 - 128)) } ?? .usageNotGiven
        c.line("VPN gateway P2S tunnels (over 128)", unit: "tunnel", quantity: tunnels, usageBased: true)
        c.usage("VPN gateway data tranfer", unit: "GB", AzureCKeys.monthlyDataTransferGB)
    }

    /// `azurerm_virtual_network_gateway_connection`: connection hours at the price for its gateway's SKU.
    static let connection = ComponentPricer(["azurerm_virtual_network_gateway_connection"], attributes: ["virtual_network_gateway_id"],
                                            related: [gatewayType: ["sku"]]) { c in
        let gw = c.context.referenced(gatewayType, from: c.resource, attribute: "virtual_network_gateway_id")
        if gw == nil { c.assume("gateway not in this configuration: priced as a Basic gateway's connection") }
        c.hours("VPN gateway (\(gw?.attributes["sku"].nonEmptyString ?? "Basic"))")
    }

    /// `azurerm_virtual_network_peering`: GB in and out of the peering (usage `monthly_data_transfer_gb`), priced
    /// for the pair of regions the two networks are in (the same region, or global peering to the remote one).
    static let peering = ComponentPricer(["azurerm_virtual_network_peering"], attributes: ["virtual_network_name", "remote_virtual_network_id"],
                                         usage: [AzureCKeys.monthlyDataTransferGB], related: [vnetType: ["name", "location", "resource_group_name"]]) { c in
        if let source = AzureC.regionOf(vnetType, c.resource, c.context, via: "virtual_network_name") { c.region = source }
        guard let remote = AzureC.regionOf(vnetType, c.resource, c.context, via: "remote_virtual_network_id") else {
            c.assume("remote network not in this configuration: its region, and so the transfer prices, are not known")
            for way in ["Inbound", "Outbound"] {
                c.line("\(way) data transfer", unit: "GB", quantity: .notDeclared(reason: "remote network's region not known"))
            }
            return
        }
        let pair = remote == c.region ? "same-region" : "remote=\(remote)"
        for way in ["Inbound", "Outbound"] {
            AzureC.keyed(&c, "\(way) data transfer", unit: "GB", quantity: Quantities.usage(AzureCKeys.monthlyDataTransferGB, c.context), suffix: pair)
        }
    }

    /// `azurerm_virtual_hub`: a Standard hub's deployment hours plus GB processed (usage); a Basic hub is free.
    static let hub = ComponentPricer(["azurerm_virtual_hub"], attributes: ["sku"], usage: [.monthlyDataProcessedGB]) { c in
        guard c.resource.attributes["sku"].string == "Standard" else { return c.assume("Basic virtual hub: no charge") }
        c.hours("Deployment")
        c.usage("Data processed", unit: "GB", .monthlyDataProcessedGB)
    }

    /// `azurerm_vpn_gateway`: site-to-site scale units (500 Mbps each) a month.
    static let vpnGateway = ComponentPricer(["azurerm_vpn_gateway"], attributes: ["scale_unit"]) { c in
        c.monthly("S2S scale units (500 Mbps)", count: c.number("scale_unit", default: 1) ?? .value(1), unit: "scale units")
    }

    /// `azurerm_vpn_gateway_connection`: site-to-site connection hours, where its VPN gateway is.
    static let vpnConnection = AzureCPricer(["azurerm_vpn_gateway_connection"], attributes: ["vpn_gateway_id"],
                                            related: ["azurerm_vpn_gateway": ["location", "resource_group_name"]],
                                            region: { r, ctx in AzureC.regionOf("azurerm_vpn_gateway", r, ctx, via: "vpn_gateway_id") }) { c in
        c.hours("S2S Connections")
    }

    static let all: [any Pricer] = [gateway, connection, peering, hub, vpnGateway, vpnConnection]
}
