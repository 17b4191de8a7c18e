import FoundationEssentials
/// Resource type → pricer; the list of types that cost nothing; everything else is "not supported yet".
public struct PricerRegistry: Sendable {
    public let pricers: [any Pricer]
    private let byType: [String: any Pricer]
    /// Attributes to decode, per type that has a pricer or is followed by one; others get `common`.
    private let attributeSets: [String: Set<String>]
    /// Tags and region for every type, and what guardrails read (instance types and sizes).
    static let common: Set<String> = ["tags", "tags_all", "labels", "terraform_labels", "metadata", "region", "availability_zone", "arn",
                                      "location", "zone", "instance_type", "instance_class", "node_type", "machine_type", "vm_size",
                                      "size", "instance_types", "node_config", "cluster_config"]

    public init(pricers: [any Pricer]) {
        self.pricers = pricers
        var byType: [String: any Pricer] = [:]
        var sets: [String: Set<String>] = [:]
        for p in pricers {
            for t in p.resourceTypes {
                byType[t] = p
                sets[t, default: Self.common].formUnion(p.attributes)
            }
            for (t, attrs) in p.relatedAttributes { sets[t, default: Self.common].formUnion(attrs) }
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
        KubeWorkloadPricer(), KubePVCPricer(), KubeServicePricer(), KubeTerraformPricer(),
    ])

    public var supportedTypes: [String] { byType.keys.sorted() }

    public func pricer(for type: String) -> (any Pricer)? { byType[type] }

    /// Attributes the plan reader decodes for a type: what its pricer and the pricers that follow it read,
    /// plus the tag and region attributes.
    public func attributes(for type: String) -> Set<String> { attributeSets[type] ?? Self.common }

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
