extension Families {
    static let aws2: [any Pricer] = AWSKinesisFamily.pricers + AWSRedshiftFamily.pricers + AWSMSKFamily.pricers + AWSNeptuneFamily.pricers
        + AWSNetworking2Family.pricers + AWSRoute53Family.pricers + AWSWAFFamily.pricers + AWSGlueFamily.pricers + AWSMQFamily.pricers
        + AWSStorageExtrasFamily.pricers + AWSManagementExtrasFamily.pricers + AWSServiceExtrasFamily.pricers
}
