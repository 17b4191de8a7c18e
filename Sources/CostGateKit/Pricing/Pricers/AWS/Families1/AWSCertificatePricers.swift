import FoundationEssentials

enum AWSCertificatePricers {
    /// `aws_acm_certificate`: a private certificate (one issued by a private CA) is billed once per certificate;
    /// public certificates are free.
    static let acm = ComponentPricer(["aws_acm_certificate"], attributes: ["certificate_authority_arn"]) { c in
        let arn = c.resource.attributes["certificate_authority_arn"]
        if arn.isNull || (arn.string?.isEmpty ?? false) {
            c.assume("public certificate: free")
            return
        }
        c.monthly("Certificate", unit: "requests")
    }

    /// `aws_acmpca_certificate_authority`: the private CA's monthly fee and the certificates it issues (tiered,
    /// or the short-lived rate in short-lived certificate mode).
    static let privateCA = ComponentPricer(["aws_acmpca_certificate_authority"], attributes: ["usage_mode"],
                                           usage: [AWSAKeys.monthlyRequests]) { c in
        if c.awsaString("usage_mode") == "SHORT_LIVED_CERTIFICATE" {
            c.monthly("Private certificate authority (short-lived certificate mode)")
            c.usage("Certificates (short-lived)", unit: "requests", AWSAKeys.monthlyRequests)
            return
        }
        c.monthly("Private certificate authority")
        c.awsaTiered(AWSAKeys.monthlyRequests, unit: "requests",
                     tiers: [("Certificates (first 1K)", 1000), ("Certificates (next 9K)", 9000), ("Certificates (over 10K)", nil)])
    }
}
