extension Families {
    static let azure1: [any Pricer] = AzureADomainServicePricers.all + AzureADNSPricers.all + AzureAAutomationPricers.all
        + AzureAAppServiceExtraPricers.all + AzureAApplicationInsightsPricers.all + AzureAAPIManagementPricers.all
        + AzureABastionPricers.all + AzureAContainerRegistryPricers.all + AzureADatabricksPricers.all
        + AzureADataFactoryPricers.all + AzureAAppConfigurationPricers.all + AzureACDNPricers.all + AzureACognitivePricers.all + AzureACosmosDBPricers.all
        + AzureACognitiveAccountPricers.all
}
