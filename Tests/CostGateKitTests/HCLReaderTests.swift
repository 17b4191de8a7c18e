import Testing
@testable import CostGateKit

private let root = Paths.fixtures + "/hcl/root"

private func line(_ r: Resource) -> String {
    "\(r.address) \(r.region ?? "-")\(r.regionAssumed ? "?" : "") module=\(r.moduleAddress)\(r.previousAddress.map { " was=\($0)" } ?? "")"
}

@Suite struct HCLReaderTests {
    @Test func rootModuleResources() throws {
        let r = try HCLReader.read(directory: root)
        #expect(r.resources.map(line) == [
            "aws_instance.web[0] eu-west-1 module= was=aws_instance.old[0]",
            "aws_instance.web[1] eu-west-1 module= was=aws_instance.old[1]",
            "aws_instance.web[2] eu-west-1 module= was=aws_instance.old[2]",
            "aws_instance.by_map[\"a\"] eu-west-1 module=",
            "aws_instance.by_map[\"b\"] eu-west-1 module=",
            "aws_instance.west us-west-2 module=",
            "aws_subnet.s[0] eu-west-1 module=",
            "aws_subnet.s[1] eu-west-1 module=",
            "aws_instance.in_subnet[0] eu-west-1 module=",
            "aws_instance.in_subnet[1] eu-west-1 module=",
            "aws_db_instance.db eu-west-1 module=",
            "aws_eip.ip[0] eu-west-1 module=",
            "module.child.aws_instance.this us-west-2 module=module.child",
            "module.child.module.grand.aws_ebs_volume.v us-west-2 module=module.child.module.grand",
            "module.many[\"a\"].aws_instance.this eu-west-1 module=module.many",
            "module.many[\"a\"].module.grand.aws_ebs_volume.v eu-west-1 module=module.many.module.grand",
            "module.many[\"b\"].aws_instance.this eu-west-1 module=module.many",
            "module.many[\"b\"].module.grand.aws_ebs_volume.v eu-west-1 module=module.many.module.grand",
        ])
        #expect(r.skipped.map { "\($0.address): \($0.reason) @\($0.location?.description ?? "")" } == [
            "aws_instance.per_zone: count unknown until apply @\(root)/main.tf:94:1",
            "module.remote: module not downloaded (run terraform init) @\(root)/main.tf:128:1",
        ])
        #expect(r.unknowns == [
            "aws_subnet.s.id (known after apply)",
            "data source data.aws_availability_zones.az (read at apply)",
            "module.child.aws_instance.this.id (known after apply)",
            "set variable ami",
        ])
        #expect(r.files == 3)
    }

    @Test func attributesAsAPlanShowsThem() throws {
        let r = try HCLReader.read(directory: root)
        func attrs(_ a: String) -> String { show(r.resources.first { $0.address == a }?.attributes ?? .null) }
        #expect(attrs("aws_instance.web[1]") == """
            {ami=(unknown),instance_type="t3.small",tags={Owner="ops",Name="app-default",Index=1},root_block_device=[{volume_size=11}],\
            tags_all={Team="core",Env="default",Owner="ops",Name="app-default",Index=1}}
            """)
        #expect(attrs("aws_instance.by_map[\"a\"]") == """
            {instance_type="t3.nano",ebs_block_device=[{device_name="/dev/sd0",volume_size=8}],tags_all={Team="core",Env="default"}}
            """)
        #expect(attrs("aws_instance.by_map[\"b\"]") == """
            {instance_type="m5.large",ebs_block_device=[{device_name="/dev/sd0",volume_size=10},{device_name="/dev/sd1",volume_size=20}],tags_all={Team="core",Env="default"}}
            """)
        #expect(attrs("aws_instance.west") == "{instance_type=\"c5.large\",tags=null,tags_all={}}")
        #expect(attrs("aws_instance.in_subnet[1]") == "{instance_type=\"t3.micro\",subnet_id=(unknown),user_data=\"10.0.1.0/24\",tags_all={Team=\"core\",Env=\"default\"}}")
        #expect(attrs("aws_db_instance.db") == "{instance_class=\"db.t3.micro\",password=(sensitive),tags_all={Team=\"core\",Env=\"default\"}}")
        #expect(attrs("aws_eip.ip[0]") == "{instance=(unknown),tags={Size=\"t3.small\"},tags_all={Team=\"core\",Env=\"default\",Size=\"t3.small\"}}")
        #expect(attrs("module.child.module.grand.aws_ebs_volume.v") == "{size=10,availability_zone=\"ap-south-1a\"}")
        #expect(attrs("module.many[\"a\"].aws_instance.this") == "{instance_type=\"t3.small\",tags_all={Team=\"core\",Env=\"default\"}}")
        #expect(attrs("module.many[\"b\"].aws_instance.this") == "{instance_type=\"t3.large\",tags_all={Team=\"core\",Env=\"default\"}}")
        let web = try #require(r.resources.first { $0.address == "aws_instance.web[0]" })
        #expect(web.location == SourceLocation(file: root + "/main.tf", line: 58, column: 1))
        #expect(web.type == "aws_instance" && web.name == "web" && web.provider == .aws && web.action == .create)
        #expect(web.providerName == "registry.terraform.io/hashicorp/aws")
        #expect(web.references == ["count": ["var.n"], "ami": ["var.ami"], "instance_type": ["var.instance_type"],
                                   "tags": ["local.common"]])
        let sub = try #require(r.resources.first { $0.address == "aws_instance.in_subnet[0]" })
        // a dynamic index ends the reference, as in a plan's configuration
        #expect(sub.references["subnet_id"] == ["aws_subnet.s"])
    }

    @Test func variablePrecedence() throws {
        func count(_ o: HCLReader.Options) throws -> Int {
            try HCLReader.read(directory: root, options: o).resources.filter { $0.address.hasPrefix("aws_instance.web[") }.count
        }
        // terraform.tfvars (1) < a.auto.tfvars (2) < b.auto.tfvars (3)
        #expect(try count(HCLReader.Options()) == 3)
        // the environment is the lowest of all given values
        #expect(try count(HCLReader.Options(environment: ["TF_VAR_n": "5"])) == 3)
        // --var and --var-file in command-line order: the later wins
        #expect(try count(HCLReader.Options(assignments: [.variable("n", "4")])) == 4)
        let file = Paths.fixtures + "/hcl/six.tfvars"
        #expect(try count(HCLReader.Options(assignments: [.variable("n", "4"), .file(file)])) == 6)
        #expect(try count(HCLReader.Options(assignments: [.file(file), .variable("n", "4")])) == 4)
        // a value for the required variable: no longer listed, and used
        let r = try HCLReader.read(directory: root, options: HCLReader.Options(environment: ["TF_VAR_ami": "ami-1"]))
        #expect(!r.unknowns.contains("set variable ami"))
        #expect(show(r.resources[0].attributes["ami"]) == "\"ami-1\"")
        // workspace
        let w = try HCLReader.read(directory: root, options: HCLReader.Options(workspace: "prod"))
        #expect(show(w.resources[0].attributes["tags"]["Name"]) == "\"app-prod\"")
    }

    @Test func jsonSyntaxModule() throws {
        let r = try HCLReader.read(directory: Paths.fixtures + "/hcl/json")
        #expect(r.resources.map(line) == ["aws_instance.web[0] us-east-2 module=", "aws_instance.web[1] us-east-2 module="])
        #expect(show(r.resources[1].attributes) == "{instance_type=\"t3.micro\",tags={Name=\"web-1\"},root_block_device={volume_size=12},tags_all={Name=\"web-1\"}}")
        #expect(r.resources[1].attributes["root_block_device"].block["volume_size"] == .number("12"))
    }

    @Test func errorsNameTheFileAndPlace() throws {
        #expect(throws: CostGateError("no .tf or .tf.json files in this folder", at: SourceLocation(file: Paths.fixtures + "/hcl/files"))) {
            try HCLReader.read(directory: Paths.fixtures + "/hcl/files")
        }
        let bad = Paths.fixtures + "/hcl/bad"
        #expect(throws: CostGateError("expected '=' or '{' after resource, found a newline", at: SourceLocation(file: bad + "/main.tf", line: 2, column: 29))) {
            try HCLReader.read(directory: bad)
        }
    }
}

@Suite struct HCLDiscoveryTests {
    @Test func rootsAreTheFoldersNoOtherFolderCalls() throws {
        let h = Paths.fixtures + "/hcl"
        let found = try TerraformSource.roots(in: [h + "/root", h + "/json"])
        // modules/child and modules/grand are called by root (and child), so they are not roots
        #expect(found.roots == [h + "/root", h + "/json"])
        #expect(found.folders == [h + "/json", h + "/root", h + "/root/modules/child", h + "/root/modules/grand"])
        let single = try TerraformSource.roots(in: [h + "/root/main.tf"])
        #expect(single.roots == [h + "/root"])
        // a syntax error anywhere in the tree is the one-line error, with its place
        #expect(throws: CostGateError("expected '=' or '{' after resource, found a newline", at: SourceLocation(file: h + "/bad/main.tf", line: 2, column: 29))) {
            try TerraformSource.roots(in: [h])
        }
    }

    @Test func theReadStepReadsTerraformSource() throws {
        let run = Run(paths: [Paths.fixtures + "/hcl/root"], options: EstimateOptions(pricebooks: books()))
        let (resources, skipped, files) = try run.read()
        #expect(files == [Paths.fixtures + "/hcl/root"])
        #expect(resources.count == 18)
        #expect(skipped.map { "\($0.address) \($0.type) \($0.reason.rawValue): \($0.detail ?? "")" } == [
            "aws_instance.per_zone aws_instance not-evaluated: count unknown until apply",
            "module.remote module not-evaluated: module not downloaded (run terraform init)",
        ])
        let found = try #require(try TerraformSource.read([Paths.fixtures + "/hcl/root"], defaultRegion: "us-east-1", environment: [:]))
        #expect(found.unknowns.contains("set variable ami"))
        let given = try #require(try TerraformSource.read([Paths.fixtures + "/hcl/root"], defaultRegion: "us-east-1", environment: ["TF_VAR_ami": "x"]))
        #expect(!given.unknowns.contains("set variable ami"))
    }
}

@Suite struct HCLBoundsTests {
    @Test func modulesWithCountAndTheirOutputs() throws {
        let r = try HCLReader.read(directory: Paths.fixtures + "/hcl/counted")
        #expect(r.resources.map(\.address) == ["aws_instance.app", "module.db[0].aws_db_instance.this", "module.db[1].aws_db_instance.this"])
        #expect(show(r.resources[0].attributes) == "{instance_type=\"db.m5.large\",user_data=(sensitive),tags={Db=(unknown)},tags_all={Db=(unknown)}}")
        #expect(show(r.resources[1].attributes["instance_class"]) == "\"db.t3.micro\"")
        #expect(r.resources[2].moduleAddress == "module.db")
        #expect(r.unknowns == ["module.db[0].aws_db_instance.this.endpoint (known after apply)"])
    }

    @Test func aLongChainOfLocalsIsAnErrorNotACrash() throws {
        let dir = Paths.fixtures + "/hcl/chain"
        // generated: local.l0 = local.l1 + 1, …, l999 = 1; the resource asks for l0
        let n = 1_000
        var text = "resource \"aws_instance\" \"x\" {\n  instance_type = local.l0\n}\nlocals {\n"
        for i in 0..<n - 1 { text += "  l\(i) = local.l\(i + 1) + 1\n" }
        text += "  l\(n - 1) = 1\n}\n"
        let file = try #require(try? HCLParser.parse(bytes: Array(text.utf8), file: dir + "/main.tf"))
        let run = HCLRun(root: dir, options: HCLReader.Options())
        run.configs[dir] = HCLModuleConfig(directory: dir, files: [file])
        let root = HCLModuleInstance(run: run, config: try run.config(dir), address: "", configAddress: "", parent: nil, depth: 0)
        try root.setRootVariables()
        run.emit(root)
        #expect(run.resources.count == 1)
        #expect(show(run.resources[0].attributes["instance_type"]) == "(unknown)")
        #expect(run.unknowns.contains { $0.hasSuffix("references nested deeper than 200 levels (a chain of locals, outputs or resources)") })
        // a chain of 150 is fine
        var ok = "resource \"aws_instance\" \"x\" {\n  instance_type = local.l0\n}\nlocals {\n"
        for i in 0..<149 { ok += "  l\(i) = local.l\(i + 1) + 1\n" }
        ok += "  l149 = 1\n}\n"
        let run2 = HCLRun(root: dir, options: HCLReader.Options())
        run2.configs[dir] = HCLModuleConfig(directory: dir, files: [try HCLParser.parse(bytes: Array(ok.utf8), file: dir + "/main.tf")])
        let root2 = HCLModuleInstance(run: run2, config: try run2.config(dir), address: "", configAddress: "", parent: nil, depth: 0)
        try root2.setRootVariables()
        run2.emit(root2)
        #expect(show(run2.resources[0].attributes["instance_type"]) == "150")
    }

    @Test func everyTruncationParsesOrFailsWithAPlace() throws {
        for name in ["root/main.tf", "json/main.tf.json", "counted/main.tf"] {
            let path = Paths.fixtures + "/hcl/" + name
            let bytes = try FileIO.read(path)
            var errors = 0
            for cut in stride(from: 0, to: bytes.count, by: 3) {
                let part = Array(bytes[..<cut])
                do {
                    _ = name.hasSuffix(".json") ? try HCLJSONSyntax.parse(bytes: part, file: path) : try HCLParser.parse(bytes: part, file: path)
                } catch let e as CostGateError {
                    errors += 1
                    #expect(e.location?.file == path && (e.location?.line ?? 0) >= 1 && (e.location?.column ?? 0) >= 1, "\(e)")
                    #expect(!e.description.contains("\n"))
                }
            }
            #expect(errors > 10, "\(name)")
        }
    }
}

@Suite struct HCLReportTests {
    @Test func theReportSaysTheInputWasSourceAndListsTheUnknowns() throws {
        let run = Run(paths: [Paths.fixtures + "/hcl/root"], options: EstimateOptions(pricebooks: books()))
        let notes = try run.readWithNotes().notes
        #expect(notes == [
            "read from Terraform source (1 root module), not a plan: values known only after apply are unknown, not guessed",
            "unknown: aws_subnet.s.id (known after apply)",
            "unknown: data source data.aws_availability_zones.az (read at apply)",
            "unknown: module.child.aws_instance.this.id (known after apply)",
            "unknown: set variable ami",
        ])
        // a plan input says nothing of the kind
        let plan = Run(paths: [Paths.fixtures + "/hcl/files"], options: EstimateOptions(pricebooks: books()))
        #expect(throws: CostGateError.self) { try plan.readWithNotes() }
    }
}

@Suite struct HCLModelTests {
    @Test func resourcesAreFinishedLikeThePlanReaderFinishesThem() throws {
        let r = try HCLReader.read(directory: root)
        let web = try #require(r.resources.first { $0.address == "aws_instance.web[0]" })
        #expect(web.sizes == ["t3.small"])
        #expect(web.tagSets != nil)
        let db = try #require(r.resources.first { $0.address == "aws_db_instance.db" })
        #expect(db.sizes == ["db.t3.micro"])
    }
}

@Suite struct HCLEachValueReferenceTests {
    /// `for_each` over another resource's instances: `each.value.id` refers to the one instance each value is, and
    /// a pricer following the reference finds that instance (not the first of them).
    @Test func eachValueOverInstancesRefersToThatInstance() throws {
        let r = try HCLReader.read(directory: Paths.fixtures + "/hcl/each-value")
        let apps = r.resources.filter { $0.type == "azurerm_windows_function_app" }
        #expect(apps.map(\.address) == [#"azurerm_windows_function_app.app["plan-B1"]"#, #"azurerm_windows_function_app.app["plan-P1v3"]"#])
        #expect(apps.map { $0.references["service_plan_id"]?.first } == [#"azurerm_service_plan.plan["B1"]"#, #"azurerm_service_plan.plan["P1v3"]"#])
        #expect(apps.first?.references["name"]?.first == #"azurerm_service_plan.plan["B1"]"#)
        let context = PricingContext(resources: r.resources, asOf: "2026-12-02")
        let found = apps.map { context.referenced("azurerm_service_plan", from: $0, attribute: "service_plan_id")?.attributes["sku_name"].string }
        #expect(found == ["B1", "P1v3"])
    }
}
