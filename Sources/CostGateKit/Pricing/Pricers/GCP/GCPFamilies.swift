extension Families {
    static let gcp: [any Pricer] = GCPNetworkFamily.pricers + GCPStorageFamily.pricers + GCPDataFamily.pricers + GCPRedisFamily.pricers
        + GCPServerlessFamily.pricers + GCPInstanceGroupFamily.pricers
}
