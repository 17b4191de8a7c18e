import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// Inputs that are not ours: JSON that is not a plan is refused (or, under --skip-other-files, passed over with
/// the reason); YAML with no Kubernetes document is skipped as not Kubernetes, not counted as "not supported yet".
@Suite struct OtherInputTests {
    static let notAPlan = "not a Terraform plan: it has none of a plan's keys (format_version, resource_changes, planned_values); "
        + "pass the output of `terraform show -json PLANFILE`, or --skip-other-files to pass over other JSON files"

    /// A temporary folder with these files.
    static func folder(_ files: [String: String]) throws -> String {
        let dir = "/tmp/costgate-other-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(dir, 0o755)
        for (name, text) in files { try FileIO.writeAtomically(text, to: dir + "/" + name) }
        return dir
    }
    static func remove(_ dir: String) { _ = system("rm -rf '\(dir)'") }

    /// Nothing was read, so every selected book is named.
    static let header = "Price book: aws 2026.12.1 (effective 2026-12-02), azure 2026.12.1 (effective 2026-12-02), "
        + "gcp 2026.12.1 (effective 2026-12-02), k8s 2026.11.0 (effective 2026-11-22); view: list\n\nName  Monthly qty  Unit  Unit price  Monthly cost\n\n"
        + "TOTAL MONTHLY COST: $0.00 USD\n\n"
        + "0 resources: 0 priced, 0 free, 0 not supported yet, 0 deleted; 0 with a price not found, 0 unknown until apply, 0 depending on usage\n\n"

    @Test func jsonThatIsNotAPlanIsExit2WithOneLine() throws {
        let dir = try Self.folder(["package.json": "{\"name\": \"web\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"tsc\"}}\n",
                                   "empty.json": "{}\n"])
        defer { Self.remove(dir) }
        for name in ["package.json", "empty.json"] {
            let r = try CLI.run(["estimate", name], in: dir)
            #expect(r.status == 2)
            #expect(r.stdout == "")
            #expect(r.stderr == "costgate: error: \(name):1:1: \(Self.notAPlan)\n", "\(r.stderr)")
        }
        // standard input too
        let piped = try CLI.run(["estimate", "-"], stdin: "{}\n", in: dir)
        #expect(piped.status == 2 && piped.stderr == "costgate: error: -:1:1: \(Self.notAPlan)\n", "\(piped.stderr)")
    }

    @Test func underSkipOtherFilesItIsPassedOverWithTheReason() throws {
        let dir = try Self.folder(["package.json": "{\"name\": \"web\", \"version\": \"1.0.0\"}\n"])
        defer { Self.remove(dir) }
        let r = try CLI.run(["estimate", "--skip-other-files", "package.json"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(r.stdout == Self.header + "Not priced:\n"
                + "  package.json  not-a-plan: not a Terraform plan: none of a plan's keys (format_version, resource_changes, planned_values)\n",
                "\(r.stdout)")
    }

    @Test func yamlWithNoKubernetesDocumentIsNotKubernetesNotUnsupported() throws {
        let dir = try Self.folder(["values.yaml": "replicaCount: 2\nimage:\n  repository: nginx\n  tag: \"1.27\"\nservice:\n  type: ClusterIP\n"])
        defer { Self.remove(dir) }
        let r = try CLI.run(["estimate", "values.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == Self.header + "Not priced:\n"
                + "  values.yaml  not-kubernetes: no Kubernetes documents (none has apiVersion and kind): not a manifest (Helm values, a config file?)\n",
                "\(r.stdout)")
        let json = try CLI.run(["estimate", "--format", "json", "values.yaml"], in: dir)
        #expect(json.stdout.contains("\"unsupported\": 0"), "\(json.stdout)")
        #expect(json.stdout.contains("\"reason\": \"not-kubernetes\""))
    }

    @Test func inAWalkedFolderJSONThatIsNotAPlanIsPassedOver() throws {
        let dir = try Self.folder(["plan.json": "{\"format_version\": \"1.2\", \"resource_changes\": []}\n",
                                   "terraform.tfvars.json": "{\"region\": \"eu-west-1\"}\n"])
        defer { Self.remove(dir) }
        let walked = try CLI.run(["estimate", "."], in: dir)
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stdout.hasSuffix("Not priced:\n  ./terraform.tfvars.json  not-a-plan: not a Terraform plan: none of a plan's keys "
                                        + "(format_version, resource_changes, planned_values)\n"), "\(walked.stdout)")
        // named, it is refused
        let named = try CLI.run(["estimate", "plan.json", "terraform.tfvars.json"], in: dir)
        #expect(named.status == 2 && named.stderr == "costgate: error: terraform.tfvars.json:1:1: \(Self.notAPlan)\n", "\(named.stderr)")
    }
}
