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
    ] + Families.aws1 + Families.aws2 + Families.azure1 + Families.azure2 + Families.azure3 + Families.gcp + Families.ai)

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

    /// Free only by exact name: `FreeTypes.terraform` (generated from the cited free-types list) for Terraform
    /// types, `freeKinds` for Kubernetes kinds. Anything else without a pricer is "not supported yet".
    public func isFree(_ type: String) -> Bool {
        if type.hasPrefix("k8s:") { return Self.freeKinds.contains(String(type.dropFirst(4))) }
        return FreeTypes.terraform.contains(type)
    }

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
}
