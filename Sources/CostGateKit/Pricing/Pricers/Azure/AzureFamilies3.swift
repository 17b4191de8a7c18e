extension Families {
    static let azure3: [any Pricer] = AzurePrivateDNS.all + AzureTrafficManager.all + AzureCEndpoints.all + AzureVPN.all + AzureCSQL.all + AzureStorageShare.all + AzureCMessaging.all + AzureSynapse.all + AzureWindowsFunction.all + AzureCMisc.all + AzureRecoveryVault.all
}
