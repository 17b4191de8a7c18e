import FoundationEssentials

enum AWSNetworkAttachmentPricers {
    /// `aws_ec2_transit_gateway_vpc_attachment`, `aws_dx_gateway_association` (to a transit gateway): the
    /// attachment by the hour and the GB it processes (usage).
    static let attachmentWithData = ComponentPricer(["aws_ec2_transit_gateway_vpc_attachment", "aws_dx_gateway_association"],
                                                    attributes: ["associated_gateway_id"],
                                                    usage: [.monthlyHrs, AWSAKeys.monthlyDataProcessedGB]) { c in
        if c.resource.type == "aws_dx_gateway_association", let id = c.awsaString("associated_gateway_id"), id.hasPrefix("vgw-") {
            c.assume("associated with a virtual private gateway: no transit gateway attachment to bill")
            return
        }
        c.hours("Transit gateway attachment")
        c.usage("Data processed", unit: "GB", AWSAKeys.monthlyDataProcessedGB)
    }

    /// Hourly network attachments: transit gateway peering, a Client VPN endpoint (per the hour it exists), its
    /// subnet association, a traffic mirror session.
    static let hourly = ComponentPricer(["aws_ec2_transit_gateway_peering_attachment", "aws_ec2_client_vpn_endpoint",
                                         "aws_ec2_client_vpn_network_association", "aws_ec2_traffic_mirror_session"],
                                        usage: [.monthlyHrs]) { c in
        let name = ["aws_ec2_transit_gateway_peering_attachment": "Transit gateway attachment",
                    "aws_ec2_client_vpn_endpoint": "Connection",
                    "aws_ec2_client_vpn_network_association": "Endpoint association",
                    "aws_ec2_traffic_mirror_session": "Traffic mirror"][c.resource.type] ?? c.resource.type
        c.hours(name)
    }
}
