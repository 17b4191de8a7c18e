/// The resource families priced by component keys (`Components.swift`), one list per group of family files;
/// `PricerRegistry.standard` appends them to the hand-keyed pricers.
enum Families {}
