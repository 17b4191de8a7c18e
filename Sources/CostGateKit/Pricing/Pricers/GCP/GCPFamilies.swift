extension Families {
    static let gcp: [any Pricer] = []
}
