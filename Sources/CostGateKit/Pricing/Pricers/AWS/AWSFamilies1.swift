extension Families {
    static let aws1: [any Pricer] = []
}
