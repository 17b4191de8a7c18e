import FoundationEssentials
/// Resource type → pricer; the list of types that cost nothing; everything else is "not supported yet".
public struct PricerRegistry: Sendable {
    public let pricers: [any Pricer]
    private let byType: [String: any Pricer]
    /// Attributes to decode, per type that has a pricer or is followed by one.
    private let attributeSets: [String: Set<String>]

    public init(pricers: [any Pricer]) {
        self.pricers = pricers
        var byType: [String: any Pricer] = [:]
        var sets: [String: Set<String>] = [:]
        for p in pricers {
            for t in p.resourceTypes {
                byType[t] = p
                sets[t, default: []].formUnion(p.attributes)
            }
            for (t, attrs) in p.relatedAttributes { sets[t, default: []].formUnion(attrs) }
        }
        self.byType = byType
        self.attributeSets = sets
    }

    public static let standard = PricerRegistry(pricers: [
        InstancePricer(), EBSVolumePricer(), EBSSnapshotPricer(), EIPPricer(), NATGatewayPricer(), LoadBalancerPricer(),
        ClassicELBPricer(), VPCEndpointPricer(), Route53ZonePricer(), DBInstancePricer(), RDSClusterPricer(),
        RDSClusterInstancePricer(), EKSClusterPricer(), EKSNodeGroupPricer(), AutoscalingGroupPricer(), ECSServicePricer(),
        LambdaPricer(), S3BucketPricer(), DynamoDBTablePricer(), ElastiCachePricer(), CloudWatchLogGroupPricer(),
        KMSKeyPricer(), SecretsManagerPricer(), EFSPricer(), SQSQueuePricer(), SNSTopicPricer(), ECRRepositoryPricer(),
        OpenSearchPricer(),
        AzureVirtualMachinePricer(), AzureScaleSetPricer(), AzureManagedDiskPricer(), AKSClusterPricer(), AKSNodePoolPricer(),
        AzurePublicIPPricer(), AzureLoadBalancerPricer(), AzureLoadBalancerRulePricer(), AzureNATGatewayPricer(), AzureFirewallPricer(),
        AzureApplicationGatewayPricer(), AzureSQLDatabasePricer(), AzureFlexibleServerPricer(), AzureStorageAccountPricer(),
        AzureServicePlanPricer(),
        GCPComputeInstancePricer(), GCPComputeDiskPricer(), GKEClusterPricer(), GKENodePoolPricer(), CloudSQLPricer(),
        GCPAddressPricer(), GCPRouterNATPricer(), GCPForwardingRulePricer(), GCSBucketPricer(),
        KubeWorkloadPricer(), KubePVCPricer(), KubeServicePricer(),
    ])

    public var supportedTypes: [String] { byType.keys.sorted() }

    /// The id of the book that prices a cloud's resources.
    public static func priceBookID(of provider: CloudProvider) -> String? {
        switch provider {
        case .aws: return "aws"
        case .azure: return "azure"
        case .gcp: return "gcp"
        case .kubernetes: return "k8s"
        case .other: return nil
        }
    }

    public func pricer(for type: String) -> (any Pricer)? { byType[type] }

    /// Attributes a type's pricer and the pricers that follow it read (the plan reader decodes these, and
    /// what it needs itself).
    public func attributes(for type: String) -> Set<String> { attributeSets[type] ?? [] }

    public func isFree(_ type: String) -> Bool {
        if type.hasPrefix("k8s:") { return Self.freeKinds.contains(String(type.dropFirst(4))) }
        if Self.freeTypes.contains(type) { return true }
        if Self.freeProviders.contains(where: { type.hasPrefix($0) }) { return true }
        if Self.freePrefixes.contains(where: { type.hasPrefix($0) }) { return true }
        return Self.freeSuffixes.contains(where: { type.hasSuffix($0) })
    }

    /// Providers whose resources never cost money.
    static let freeProviders = ["null_", "random_", "local_", "tls_", "time_", "terraform_data", "template_", "archive_", "external",
                                "http", "cloudinit_"]

    static let freePrefixes = [
        "aws_iam_", "aws_security_group", "aws_route_table", "aws_default_", "aws_network_acl", "aws_s3_bucket_",
        "aws_lb_listener", "aws_lb_target_group", "aws_alb_listener", "aws_alb_target_group", "aws_appautoscaling_",
        "aws_api_gateway_", "aws_cloudwatch_event_", "aws_db_parameter_group", "aws_db_option_group", "aws_db_subnet_group",
        "aws_rds_cluster_parameter_group", "aws_elasticache_subnet_group", "aws_elasticache_parameter_group",
        "aws_ecs_cluster", "aws_ecs_task_definition", "aws_ecs_capacity_provider", "aws_acm_certificate",
        "aws_cloudfront_origin_access", "aws_vpc_dhcp_options", "aws_vpc_endpoint_route_table_association",
        "aws_lambda_permission", "aws_lambda_event_source_mapping", "aws_lambda_alias", "aws_lambda_layer_version",
        "aws_kms_alias", "aws_kms_grant", "aws_ssm_parameter", "aws_sns_topic_policy", "aws_sns_topic_subscription",
        "aws_sqs_queue_policy", "aws_cloudwatch_log_resource_policy", "aws_cloudwatch_log_subscription_filter",
        "aws_eks_addon", "aws_eks_access_", "aws_eks_identity_provider_config", "aws_ecr_lifecycle_policy",
        "aws_ecr_repository_policy", "aws_secretsmanager_secret_version", "aws_secretsmanager_secret_policy",
        "azurerm_resource_group", "azurerm_role_", "azurerm_network_security_", "azurerm_subnet", "azurerm_virtual_network",
        "azurerm_network_interface", "azurerm_availability_set", "azurerm_user_assigned_identity", "azurerm_management_lock",
        "azurerm_key_vault_secret", "azurerm_key_vault_access_policy", "azurerm_postgresql_configuration",
        "azurerm_postgresql_firewall_rule", "azurerm_postgresql_database", "azurerm_mssql_firewall_rule",
        "azurerm_private_dns_zone_virtual_network_link", "azurerm_route_table", "azurerm_route",
        "google_project_iam_", "google_project_service", "google_service_account", "google_compute_network",
        "google_compute_subnetwork", "google_compute_firewall", "google_compute_router_interface", "google_compute_router_peer",
        "google_compute_health_check", "google_compute_url_map", "google_compute_target_http", "google_compute_backend_service",
        "google_compute_managed_ssl_certificate", "google_compute_ssl_policy", "google_compute_resource_policy",
        "google_compute_disk_resource_policy_attachment", "google_service_networking_connection", "google_iam_",
        "google_sql_user", "google_project_organization_policy",
        "kubernetes_namespace", "kubernetes_service_account", "kubernetes_role", "kubernetes_cluster_role",
        "kubernetes_config_map", "kubernetes_secret", "kubernetes_network_policy", "kubernetes_pod_disruption_budget",
    ]

    static let freeTypes: Set<String> = [
        "aws_vpc", "aws_subnet", "aws_internet_gateway", "aws_egress_only_internet_gateway", "aws_route", "aws_key_pair",
        "aws_launch_template", "aws_launch_configuration", "aws_placement_group", "aws_network_interface",
        "aws_eip_association", "aws_volume_attachment", "aws_customer_gateway", "aws_flow_log", "aws_vpn_gateway",
        "aws_vpn_gateway_attachment", "aws_main_route_table_association", "aws_autoscaling_policy",
        "aws_autoscaling_attachment", "aws_autoscaling_lifecycle_hook", "aws_autoscaling_schedule",
        "aws_cloudwatch_log_stream", "aws_route53_record", "aws_route53_zone_association", "aws_lb_listener_rule",
        "aws_vpc_peering_connection", "aws_vpc_peering_connection_accepter", "aws_iam_openid_connect_provider",
        "aws_elasticache_user", "aws_elasticache_user_group", "aws_ebs_encryption_by_default",
        "google_sql_database", "google_compute_router", "google_compute_route",
        "azurerm_lb_backend_address_pool", "azurerm_lb_probe", "azurerm_lb_nat_rule", "azurerm_lb_backend_address_pool_address",
        "azurerm_mssql_server", "azurerm_postgresql_flexible_server_database", "azurerm_postgresql_flexible_server_configuration",
        "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_database", "azurerm_mysql_flexible_server_configuration",
        "azurerm_mysql_flexible_server_firewall_rule", "azurerm_storage_container", "azurerm_log_analytics_solution",
        "azurerm_kubernetes_cluster_extension", "azurerm_nat_gateway_public_ip_association",
        "azurerm_firewall_network_rule_collection", "azurerm_firewall_application_rule_collection",
        "azurerm_firewall_nat_rule_collection", "azurerm_firewall_policy_rule_collection_group",
    ]

    /// Kubernetes kinds that ask the cluster for nothing billable (custom resources are "not supported yet").
    static let freeKinds: Set<String> = [
        "Namespace", "ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret",
        "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "LimitRange",
        "ResourceQuota", "StorageClass", "PriorityClass", "PodSecurityPolicy", "IngressClass", "Ingress", "Endpoints",
        "EndpointSlice", "CustomResourceDefinition", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
        "APIService", "RuntimeClass", "CSIDriver", "Lease", "PodTemplate", "ControllerRevision", "Event",
        "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding", "FlowSchema", "PriorityLevelConfiguration",
        "PersistentVolume", "VolumeSnapshotClass", "Node",
    ]

    static let freeSuffixes = ["_policy_attachment", "_association", "_iam_member", "_iam_binding", "_iam_policy"]
}
