import FoundationEssentials

enum AWSBackupVaultPricer {
    /// The vault's usage lines: component, unit and usage key.
    static let items: [(name: String, unit: String, key: UsageKey)] = [
        ("EFS backup (warm)", "GB", UsageKey("monthly_efs_warm_backup_gb", unit: "GB", "EFS warm backup storage")),
        ("EFS backup (cold)", "GB", UsageKey("monthly_efs_cold_backup_gb", unit: "GB", "EFS cold backup storage")),
        ("EFS restore (warm)", "GB", UsageKey("monthly_efs_warm_restore_gb", unit: "GB", "EFS warm backup GB restored a month")),
        ("EFS restore (cold)", "GB", UsageKey("monthly_efs_cold_restore_gb", unit: "GB", "EFS cold backup GB restored a month")),
        ("EFS restore (item-level)", "requests", UsageKey("monthly_efs_item_restore_requests", unit: "requests", "EFS item-level restores a month")),
        ("EBS snapshot", "GB", UsageKey("monthly_ebs_snapshot_gb", unit: "GB", "EBS snapshot storage")),
        ("RDS snapshot", "GB", UsageKey("monthly_rds_snapshot_gb", unit: "GB", "RDS snapshot storage")),
        ("DynamoDB backup", "GB", UsageKey("monthly_dynamodb_backup_gb", unit: "GB", "DynamoDB backup storage")),
        ("DynamoDB restore", "GB", UsageKey("monthly_dynamodb_restore_gb", unit: "GB", "DynamoDB backup GB restored a month")),
        ("Aurora snapshot", "GB", UsageKey("monthly_aurora_snapshot_gb", unit: "GB", "Aurora snapshot storage")),
        ("FSx for Windows backup", "GB", UsageKey("monthly_fsx_windows_backup_gb", unit: "GB", "FSx for Windows backup storage")),
        ("FSx for Lustre backup", "GB", UsageKey("monthly_fsx_lustre_backup_gb", unit: "GB", "FSx for Lustre backup storage")),
    ]

    /// `aws_backup_vault`: backup storage and restores of each kind of resource it protects (usage).
    static let pricer = ComponentPricer(["aws_backup_vault"], usage: items.map(\.key)) { c in
        for item in items { c.usage(item.name, unit: item.unit, item.key) }
    }
}
