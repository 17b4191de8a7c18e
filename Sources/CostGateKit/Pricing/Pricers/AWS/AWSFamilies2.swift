extension Families {
    static let aws2: [any Pricer] = AWSKinesisFamily.pricers + AWSRedshiftFamily.pricers + AWSMSKFamily.pricers + AWSNeptuneFamily.pricers
}
