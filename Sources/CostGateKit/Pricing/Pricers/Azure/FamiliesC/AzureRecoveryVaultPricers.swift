import FoundationEssentials
/// Recovery Services vaults, priced by the virtual machines they protect.
enum AzureRecoveryVault {
    static let protectedVMType = "azurerm_backup_protected_vm"
    static let vmTypes = ["azurerm_virtual_machine", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"]

    /// GB of a VM's disks: its OS disk (128 GB when the size is not set) and its data disks.
    static func diskGB(_ vm: Resource) -> Decimal {
        let a = vm.attributes
        let os = a["storage_os_disk"].block["disk_size_gb"].decimal ?? a["os_disk"].block["disk_size_gb"].decimal ?? 128
        return a["storage_data_disk"].array.reduce(os) { $0 + ($1["disk_size_gb"].decimal ?? 0) }
    }

    /// The vault's backup storage redundancy: ZRS, LRS, or GRS (RA-GRS with cross-region restore).
    static func redundancy(_ a: Value) -> String {
        switch a["storage_mode_type"].nonEmptyString ?? "GeoRedundant" {
        case "LocallyRedundant": return "LRS"
        case "ZoneRedundant": return "ZRS"
        default: return a["cross_region_restore_enabled"].bool == true ? "RA-GRS" : "GRS"
        }
    }

    /// `azurerm_recovery_services_vault`: for each VM it protects (`azurerm_backup_protected_vm` naming the
    /// vault), the protected instance a month by the VM's disk size (under 50 GB, under 500 GB, over) and the
    /// backup data stored (the disks' size) at the vault's redundancy.
    static let vault = ComponentPricer(["azurerm_recovery_services_vault"], attributes: ["name", "storage_mode_type", "cross_region_restore_enabled"],
                                       related: [protectedVMType: ["recovery_vault_name", "source_vm_id", "resource_group_name"],
                                                 "azurerm_virtual_machine": ["storage_os_disk", "storage_data_disk"],
                                                 "azurerm_linux_virtual_machine": ["os_disk"], "azurerm_windows_virtual_machine": ["os_disk"]]) { c in
        guard let name = c.resource.attributes["name"].nonEmptyString, !Quantities.isUnknown(c.resource.attributes["name"]) else {
            return c.assume("vault name unknown: the VMs it protects are not known")
        }
        let stored = redundancy(c.resource.attributes)
        let children = c.context.resources(ofType: protectedVMType).filter { $0.attributes["recovery_vault_name"].string == name }
            .sorted { $0.address < $1.address }
        if children.isEmpty { c.assume("no protected VMs in this configuration name this vault") }
        for child in children {
            let context = c.context
            guard let vm = vmTypes.lazy.compactMap({ context.referenced($0, from: child, attribute: "source_vm_id") }).first else {
                c.line("\(child.address) > Instance backup", unit: "month", quantity: .notDeclared(reason: "protected VM not in this configuration"))
                continue
            }
            let gb = diskGB(vm)
            let size = gb <= 50 ? "under 50 GB" : (gb <= 500 ? "under 500 GB" : "over 500 GB")
            c.line("\(child.address) > Instance backup (\(size))", unit: "month", quantity: .value(1),
                   keyName: "Protected VM > Instance backup (\(size))")
            c.line("\(child.address) > \(stored) data stored", unit: "GB", quantity: .value(gb), keyName: "Protected VM > \(stored) data stored")
        }
    }

    static let all: [any Pricer] = [vault]
}
