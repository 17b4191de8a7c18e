import FoundationEssentials
import Testing
@testable import CostGateKit

/// Rules the Azure and Google pricers rest on, checked apart from their goldens.
@Suite struct CloudRulesTests {
    @Test func azureDiskSizesRoundUpToTheirTier() {
        #expect(Azure.diskTier(type: "Premium_LRS", sizeGB: 100)! == ("P10", "LRS"))
        #expect(Azure.diskTier(type: "Premium_LRS", sizeGB: 128)! == ("P10", "LRS"))
        #expect(Azure.diskTier(type: "Premium_LRS", sizeGB: 129)! == ("P15", "LRS"))
        #expect(Azure.diskTier(type: "StandardSSD_ZRS", sizeGB: 3000)! == ("E50", "ZRS"))
        #expect(Azure.diskTier(type: "Standard_LRS", sizeGB: 4)! == ("S4", "LRS"), "Standard HDD starts at S4 (32 GiB)")
        #expect(Azure.diskTier(type: "Premium_LRS", sizeGB: 4)! == ("P1", "LRS"))
        #expect(Azure.diskTier(type: "UltraSSD_LRS", sizeGB: 4) == nil)
    }

    @Test func premiumStorageFollowsTheSizeName() {
        for size in ["Standard_DS2_v2", "Standard_D2s_v5", "Standard_D2ads_v5", "Standard_B2ms", "Standard_E16-8as_v4", "Standard_F2s_v2"] {
            #expect(Azure.supportsPremiumStorage(size), "\(size)")
        }
        for size in ["Standard_D2_v2", "Standard_A2_v2", "Basic_A2", "Standard_F2", "Standard_D4_v4"] {
            #expect(!Azure.supportsPremiumStorage(size), "\(size)")
        }
    }

    @Test func cloudSQLTierShapes() {
        #expect(CloudSQLPricer.shape("db-custom-2-7680")! == (2, Decimal(string: "7.5")!))
        #expect(CloudSQLPricer.shape("db-n1-standard-4")! == (4, 15))
        #expect(CloudSQLPricer.shape("db-n1-highmem-2")! == (2, 13))
        #expect(CloudSQLPricer.shape("db-f1-micro") == nil, "shared-core tiers have no per-vCPU price")
    }

    @Test func hybridBenefitPaysTheLinuxRateAndQuantitiesStay() throws {
        let e = try runEstimate([Paths.fixtures + "/pricers/azurerm_compute.json"])
        let hybrid = try #require(e.resources.first { $0.address == "azurerm_windows_virtual_machine.hybrid" })
        #expect(hybrid.components[0].priceKey == "azure/vm/eastus/standard_d2_v4/linux")
        let app = try #require(e.resources.first { $0.address == "azurerm_windows_virtual_machine.app" })
        #expect(app.components[0].priceKey == "azure/vm/eastus/standard_f2/windows")
    }

    @Test func regionalGKEPoolsRunTheirCountInEveryZone() throws {
        let e = try runEstimate([Paths.fixtures + "/pricers/google_compute.json"])
        let regional = try #require(e.resources.first { $0.address == "google_container_cluster.regional" })
        let nodes = try #require(regional.components.first { $0.name.contains("Instance usage") })
        #expect(nodes.quantity == .value(3 * 730))
        let pool = try #require(e.resources.first { $0.address == "google_container_node_pool.pool" })
        #expect(pool.components[0].quantity == .value(2 * 730), "a zonal cluster's pool runs its count once")
    }
}
