extension Families {
    static let azure2: [any Pricer] = AzureMessagingPricers.all + AzureNetworkBPricers.all + AzureSecurityPricers.all + AzureAppPricers.all + AzureHDInsightPricers.all + AzureMachineLearningPricers.all + AzureMonitorPricers.all + AzureDatabaseBPricers.all + AzureSQLBPricers.all
}
