extension Families {
    static let azure1: [any Pricer] = AzureADomainServicePricers.all + AzureDNSPricers.all + AzureAutomationPricers.all
        + AzureAppServiceExtraPricers.all + AzureApplicationInsightsPricers.all + AzureAPIManagementPricers.all
        + AzureBastionPricers.all + AzureContainerRegistryPricers.all + AzureDatabricksPricers.all
        + AzureDataFactoryPricers.all + AzureAppConfigurationPricers.all + AzureCDNPricers.all + AzureCognitivePricers.all + AzureCosmosDBPricers.all
        + AzureCognitiveAccountPricers.all
}
