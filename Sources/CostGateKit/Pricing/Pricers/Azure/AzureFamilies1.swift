extension Families {
    static let azure1: [any Pricer] = []
}
