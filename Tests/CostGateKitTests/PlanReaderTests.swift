import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct PlanReaderTests {
    let reader = Estimator().planReader(defaultRegion: "us-east-1", regionWasGiven: false)

    func plan(_ text: String) throws -> PlanReader.Plan { try reader.read(bytes: Array(text.utf8), file: "p.json") }

    func errorOf(_ text: String) -> String {
        do { _ = try plan(text); return "no error" } catch { return "\(error)" }
    }

    static func change(_ address: String, _ type: String, actions: String = #"["create"]"#, after: String = "{}",
                       unknown: String = "{}", sensitive: String = "{}", module: String? = nil, extra: String = "") -> String {
        let name = String(address.split(separator: ".").last!.split(separator: "[").first!)
        let moduleField = module.map { #""module_address": "\#($0)","# } ?? ""
        return #"{"address": "\#(address)", \#(moduleField) "mode": "managed", "type": "\#(type)", "name": "\#(name)", "provider_name": "registry.terraform.io/hashicorp/aws", \#(extra) "change": {"actions": \#(actions), "before": null, "after": \#(after), "after_unknown": \#(unknown), "after_sensitive": \#(sensitive)}}"#
    }

    @Test func actionsIncludingBothReplaceOrdersForgetAndEmpty() throws {
        let p = try plan(#"{"format_version": "1.2", "resource_changes": ["# + [
            Self.change("aws_eip.a", "aws_eip", actions: #"["delete","create"]"#),
            Self.change("aws_eip.b", "aws_eip", actions: #"["create","delete"]"#),
            Self.change("aws_eip.c", "aws_eip", actions: #"["forget"]"#),
            Self.change("aws_eip.d", "aws_eip", actions: #"[]"#),
            Self.change("aws_eip.e", "aws_eip", actions: #"["no-op"]"#),
        ].joined(separator: ",") + "]}")
        #expect(p.resources.map(\.action) == [.replace, .replace, .forget, .none, .noOp])
        #expect(errorOf(#"{"resource_changes": ["# + Self.change("aws_eip.x", "aws_eip", actions: #"["explode"]"#) + "]}").contains("unknown actions"))
    }

    @Test func sensitiveLeavesAreMaskedWhenRead() throws {
        let p = try plan(#"{"resource_changes": ["# + Self.change("aws_db_instance.db", "aws_db_instance",
            after: #"{"instance_class": "db.t3.micro", "engine": "mysql", "tags": {"owner": "s3cr3t-owner", "team": "a"}}"#,
            sensitive: #"{"tags": {"owner": true}, "engine": true}"#) + "]}")
        let a = p.resources[0].attributes
        #expect(a["engine"] == .sensitive)
        #expect(a["tags"]["owner"] == .sensitive)
        #expect(a["tags"]["team"].string == "a")
        #expect(a["instance_class"].string == "db.t3.micro")
    }

    @Test func unknownValuesAreMarked() throws {
        let p = try plan(#"{"resource_changes": ["# + Self.change("aws_instance.i", "aws_instance",
            after: #"{"instance_type": "t3.micro", "ebs_block_device": [{"volume_size": 10}]}"#,
            unknown: #"{"root_block_device": true, "ebs_block_device": [{"volume_type": true}]}"#) + "]}")
        let a = p.resources[0].attributes
        #expect(a["root_block_device"].isUnknown)
        #expect(a["ebs_block_device"][0]["volume_type"].isUnknown)
        #expect(a["ebs_block_device"][0]["volume_size"].decimal == 10)
    }

    @Test func onlyNeededAttributesAreDecoded() throws {
        let p = try plan(#"{"resource_changes": ["# + Self.change("aws_instance.i", "aws_instance",
            after: #"{"instance_type": "t3.micro", "user_data": "big blob", "ami": "ami-1"}"#) + "," +
            Self.change("aws_iam_role.r", "aws_iam_role", after: #"{"assume_role_policy": "{...}", "tags": {"a": "b"}}"#) + "]}")
        #expect(p.resources[0].attributes["user_data"].isNull)
        #expect(p.resources[0].attributes["instance_type"].string == "t3.micro")
        #expect(p.resources[1].attributes["assume_role_policy"].isNull)
        #expect(p.resources[1].attributes["tags"]["a"].string == "b")
    }

    @Test func regionFromAliasesModulesVariablesZonesAndArns() throws {
        let text = #"""
        {"format_version": "1.2",
         "variables": {"region": {"value": "ap-southeast-2"}},
         "resource_changes": [
        """# + [
            Self.change("aws_eip.default", "aws_eip"),
            Self.change("aws_eip.aliased", "aws_eip"),
            Self.change("module.db.aws_eip.inherits", "aws_eip", module: "module.db"),
            Self.change(#"module.app[\"a.b\"].aws_eip.own"#, "aws_eip", module: #"module.app[\"a.b\"]"#),
            Self.change("aws_ebs_volume.az", "aws_ebs_volume", after: #"{"availability_zone": "sa-east-1c"}"#),
        ].joined(separator: ",") + #"""
         ],
         "configuration": {
           "provider_config": {
             "aws": {"name": "aws", "expressions": {"region": {"references": ["var.region"]}}},
             "aws.west": {"name": "aws", "alias": "west", "expressions": {"region": {"constant_value": "us-west-2"}}},
             "module.db:aws": {"name": "aws", "module_address": "module.db"},
             "module.app:aws": {"name": "aws", "module_address": "module.app", "expressions": {"region": {"constant_value": "eu-west-1"}}}
           },
           "root_module": {
             "resources": [
               {"address": "aws_eip.default", "mode": "managed", "type": "aws_eip", "name": "default", "provider_config_key": "aws"},
               {"address": "aws_eip.aliased", "mode": "managed", "type": "aws_eip", "name": "aliased", "provider_config_key": "aws.west"},
               {"address": "aws_ebs_volume.az", "mode": "managed", "type": "aws_ebs_volume", "name": "az", "provider_config_key": "other"}
             ],
             "module_calls": {
               "db": {"module": {"resources": [{"address": "aws_eip.inherits", "mode": "managed", "type": "aws_eip", "name": "inherits", "provider_config_key": "module.db:aws"}]}},
               "app": {"module": {"resources": [{"address": "aws_eip.own", "mode": "managed", "type": "aws_eip", "name": "own", "provider_config_key": "module.app:aws"}]}}
             }
           }
         }}
        """#
        let p = try plan(text)
        let regions = Dictionary(uniqueKeysWithValues: p.resources.map { ($0.address, $0.region ?? "nil") })
        #expect(regions["aws_eip.default"] == "ap-southeast-2")
        #expect(regions["aws_eip.aliased"] == "us-west-2")
        #expect(regions["module.db.aws_eip.inherits"] == "ap-southeast-2")
        #expect(regions[#"module.app["a.b"].aws_eip.own"#] == "eu-west-1")
        #expect(regions["aws_ebs_volume.az"] == "sa-east-1")
        #expect(p.resources.allSatisfy { !$0.regionAssumed })
    }

    @Test func regionAssumedWhenNothingSaysIt() throws {
        let p = try plan(#"{"resource_changes": ["# + Self.change("aws_eip.x", "aws_eip") + "]}")
        #expect(p.resources[0].region == "us-east-1")
        #expect(p.resources[0].regionAssumed)
        let fromArn = try plan(#"{"resource_changes": ["# + Self.change("aws_eip.x", "aws_eip", after: #"{"arn": "arn:aws:ec2:eu-north-1:123:eip/x"}"#) + "]}")
        #expect(fromArn.resources[0].region == "eu-north-1")
    }

    @Test(arguments: [("us-east-1a", "us-east-1"), ("us-west-2-lax-1a", "us-west-2"), ("us-gov-west-1b", "us-gov-west-1"),
                      ("ap-southeast-2c", "ap-southeast-2")])
    func zonesToRegions(_ zone: String, _ region: String) {
        #expect(RegionResolver.awsRegion(fromZone: zone) == region)
    }

    @Test func addressesWithDotsAndQuotesInKeys() {
        #expect(ConfigIndex.stripKeys(#"module.a["x.y"].module.b[0]"#) == "module.a.module.b")
        #expect(ConfigIndex.stripKeys(#"module.a["q\"]"].module.b"#) == "module.a.module.b")
        #expect(ConfigIndex.modulePart(of: #"module.a["k.1"].aws_s3_bucket.b["z.2"]"#) == #"module.a["k.1"]"#)
        #expect(RegionResolver.parentKey("module.a.module.b:aws.west") == "module.a:aws.west")
        #expect(RegionResolver.parentKey("module.a:aws") == "aws")
    }

    @Test func badDocumentsGiveOneLineWithAPlace() {
        #expect(errorOf("PK\u{3}\u{4}rest").contains("binary Terraform plan"))
        #expect(errorOf("").contains("empty"))
        #expect(errorOf(#"{"plan_format_version": "1.0", "resource_changes": []}"#).contains("HCP Terraform redacted JSON plan"))
        #expect(errorOf(#"{"format_version": "2.0"}"#).contains("unsupported plan format_version"))
        #expect(errorOf(#"{"values": {"root_module": {}}}"#).contains("Terraform state"))
        #expect(errorOf("{\"a\": 1}\n}") == "p.json:2:1: invalid JSON: unexpected '}' after the end of the plan object (is a brace unbalanced?)")
        #expect(errorOf("hello") .hasPrefix("p.json:1:1: not a JSON plan"))
    }

    @Test func wrapperTextAroundThePlanIsTolerated() throws {
        let p = try plan("[command]/tmp/terraform-bin show -json plan.tfplan\n{\"resource_changes\": [" +
                         Self.change("aws_eip.x", "aws_eip") + "]}%0A\n::set-output name=stderr::\n::set-output name=exitcode::0\n")
        #expect(p.resources.count == 1)
    }

    @Test func utf16WithBOMIsRead() throws {
        let text = #"{"resource_changes": ["# + Self.change("aws_eip.ü", "aws_eip") + "]}"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        let p = try reader.read(bytes: bytes, file: "p.json")
        #expect(p.resources.first?.address == "aws_eip.ü")
        var withBOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        withBOM.append(contentsOf: Array(text.utf8))
        #expect(try reader.read(bytes: withBOM, file: "p.json").resources.count == 1)
    }

    @Test func plannedValuesWhenThereAreNoResourceChanges() throws {
        let p = try plan(#"{"planned_values": {"root_module": {"resources": [{"address": "aws_eip.x", "mode": "managed", "type": "aws_eip", "name": "x", "values": {"domain": "vpc"}, "sensitive_values": false}], "child_modules": [{"address": "module.m", "resources": [{"address": "module.m.aws_nat_gateway.n", "mode": "managed", "type": "aws_nat_gateway", "name": "n", "values": {}}]}]}}}"#)
        #expect(p.resources.map(\.address) == ["aws_eip.x", "module.m.aws_nat_gateway.n"])
        #expect(p.resources.map(\.action) == [.planned, .planned])
        #expect(p.resources[1].moduleAddress == "module.m")
    }
}
