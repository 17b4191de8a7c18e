import FoundationEssentials

enum AWSAPIGatewayPricers {
    static let requestSizeKB = UsageKey("request_size_kb", unit: "KB", "average request size (HTTP APIs bill each 512 KB as a request)")
    static let monthlyMessages = UsageKey("monthly_messages", unit: "messages", "WebSocket messages a month")
    static let messageSizeKB = UsageKey("message_size_kb", unit: "KB", "average message size (WebSocket APIs bill each 32 KB as a message)")
    static let monthlyConnectionMins = UsageKey("monthly_connection_mins", unit: "minutes", "WebSocket connection minutes a month")

    /// `aws_api_gateway_rest_api`: REST API requests, in volume tiers.
    static let restAPI = ComponentPricer(["aws_api_gateway_rest_api"], usage: [AWSAKeys.monthlyRequests]) { c in
        c.awsaTiered(AWSAKeys.monthlyRequests, unit: "1M requests", times: 1 / Decimal(1_000_000),
                     tiers: [("Requests (first 333M)", 333), ("Requests (next 667M)", 667), ("Requests (next 19B)", 19_000),
                             ("Requests (over 20B)", nil)])
    }

    /// `aws_api_gateway_stage`: the stage's cache, by the hour, when caching is on.
    static let stage = ComponentPricer(["aws_api_gateway_stage"], attributes: ["cache_cluster_enabled", "cache_cluster_size"],
                                       usage: [.monthlyHrs]) { c in
        guard c.resource.attributes["cache_cluster_enabled"].bool == true else {
            c.assume("cache not enabled: the stage itself is free")
            return
        }
        let size = c.resource.attributes["cache_cluster_size"]
        guard let gb = size.decimal ?? size.string.flatMap({ Decimal(string: $0) }), !Quantities.isUnknown(size) else {
            c.line("Cache memory", unit: "hour", quantity: .unknownUntilApply(attribute: "cache_cluster_size"))
            return
        }
        c.hours("Cache memory (\(gb) GB)")
    }

    /// `aws_apigatewayv2_api`: HTTP API requests (each 512 KB counts as one), or WebSocket messages (each 32 KB
    /// counts as one) and connection minutes, in volume tiers.
    static let v2API = ComponentPricer(["aws_apigatewayv2_api"], attributes: ["protocol_type"],
                                       usage: [AWSAKeys.monthlyRequests, requestSizeKB, monthlyMessages, messageSizeKB, monthlyConnectionMins]) { c in
        let perMillion = 1 / Decimal(1_000_000)
        switch c.awsaString("protocol_type")?.lowercased() {
        case "websocket":
            let chunks = billableChunks(c.context.usage[messageSizeKB], of: 32)
            c.awsaTiered(monthlyMessages, unit: "1M messages", times: perMillion * chunks,
                         tiers: [("Messages (first 1B)", 1000), ("Messages (over 1B)", nil)])
            c.usage("Connection duration", unit: "1M minutes", monthlyConnectionMins, times: perMillion)
        case "http":
            let chunks = billableChunks(c.context.usage[requestSizeKB], of: 512)
            c.awsaTiered(AWSAKeys.monthlyRequests, unit: "1M requests", times: perMillion * chunks,
                         tiers: [("Requests (first 300M)", 300), ("Requests (over 300M)", nil)])
        default:
            c.line("Requests", unit: "1M requests", quantity: .unknownUntilApply(attribute: "protocol_type"))
        }
    }

    /// How many billed units one request or message of `size` KB is (1 up to `unit` KB, then one per `unit` KB).
    static func billableChunks(_ size: Decimal?, of unit: Decimal) -> Decimal {
        guard let size, size > unit else { return 1 }
        return awsaCeiling(size / unit)
    }
}
