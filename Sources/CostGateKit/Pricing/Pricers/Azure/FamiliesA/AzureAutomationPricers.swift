import FoundationEssentials
/// Azure Automation: job run minutes and non-Azure DSC nodes (usage) for accounts, DSC configurations, node
/// configurations and job schedules; watchers by the hour.
enum AzureAAutomationPricers {
    static let all: [any Pricer] = [
        ComponentPricer(["azurerm_automation_account"], usage: [AzureAKeys.jobRunMins, AzureAKeys.configNodes]) { c in
            c.usage("Job run time", unit: "minutes", AzureAKeys.jobRunMins)
            c.usage("Non-azure config nodes", unit: "nodes", AzureAKeys.configNodes)
        },
        ComponentPricer(["azurerm_automation_dsc_configuration", "azurerm_automation_dsc_nodeconfiguration"],
                        usage: [AzureAKeys.configNodes]) { c in
            c.usage("Non-azure config nodes", unit: "nodes", AzureAKeys.configNodes)
        },
        ComponentPricer(["azurerm_automation_job_schedule"], usage: [AzureAKeys.jobRunMins]) { c in
            c.usage("Job run time", unit: "minutes", AzureAKeys.jobRunMins)
        },
        ComponentPricer(["azurerm_automation_watcher"], usage: [.monthlyHrs]) { c in
            c.hours("Watcher")
        },
    ]
}
