extension Families {
    static let aws2: [any Pricer] = []
}
