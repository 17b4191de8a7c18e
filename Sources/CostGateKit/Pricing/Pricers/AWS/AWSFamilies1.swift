extension Families {
    static let aws1: [any Pricer] = [
        AWSCertificatePricers.acm, AWSCertificatePricers.privateCA,
        AWSAPIGatewayPricers.restAPI, AWSAPIGatewayPricers.stage, AWSAPIGatewayPricers.v2API,
        AWSManagementPricers.cloudFormation, AWSManagementPricers.cloudTrail, AWSManagementPricers.eventBus,
        AWSManagementPricers.dashboard, AWSManagementPricers.metricAlarm, AWSManagementPricers.configRecorder,
        AWSManagementPricers.configRules,
        AWSComputeServicePricers.codeBuild, AWSComputeServicePricers.dedicatedHost, AWSComputeServicePricers.fargateProfile,
        AWSComputeServicePricers.cloudHSM,
        AWSNetworkAttachmentPricers.attachmentWithData, AWSNetworkAttachmentPricers.hourly,
        AWSDirectoryServicePricer.pricer, AWSDocumentDBPricers.instance, AWSDocumentDBPricers.backup, AWSDMSPricer.pricer,
        AWSFSxOpenZFSPricer.pricer, AWSBackupVaultPricer.pricer, AWSCloudFrontPricer(), AWSDataTransferPricer(),
        AWSElasticBeanstalkPricer.pricer, AWSDirectConnectPricer.pricer,
    ]
}
