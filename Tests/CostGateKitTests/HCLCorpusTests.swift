import FoundationEssentials
import Testing
@testable import CostGateKit

/// The HCL part of the shared corpus (`../shared/corpus/hcl`): skipped with one line when it is absent.
enum HCLCorpus {
    static let root = Paths.corpus + "/hcl"
    static var present: Bool { FileIO.isDirectory(root) }

    static func goldenFolders() -> [String] {
        guard present else { return [] }
        var out: [String] = []
        for cloud in ["aws", "azure", "google"] {
            let dir = root + "/infracost-goldens/" + cloud
            for e in FileIO.entries(dir) where e.isDirectory { out.append(dir + "/" + e.name) }
        }
        return out.sorted()
    }

    /// Root, `modules/*` and `examples/*` of the three terraform-aws-modules trees.
    static func moduleRoots() -> [String] {
        guard present else { return [] }
        var out: [String] = []
        for name in ["vpc", "eks", "rds"] {
            let tree = root + "/terraform-aws-modules__terraform-aws-" + name
            out.append(tree)
            for sub in ["modules", "examples"] {
                for e in FileIO.entries(tree + "/" + sub) where e.isDirectory { out.append(tree + "/" + sub + "/" + e.name) }
            }
        }
        return out.sorted()
    }

    static func tfFiles(under dir: String, into out: inout [String]) {
        for e in FileIO.entries(dir) {
            let p = dir + "/" + e.name
            if e.isDirectory { if !e.name.hasPrefix(".") { tfFiles(under: p, into: &out) } } else if e.name.hasSuffix(".tf") || e.name.hasSuffix(".tf.json") { out.append(p) }
        }
    }

    /// Resource addresses of an Infracost golden table (top-level rows only).
    static func goldenAddresses(_ path: String) throws -> [String] {
        let text = String(decoding: try FileIO.read(path), as: UTF8.self)
        var out: [String] = []
        for line in text.split(separator: "\n") {
            guard line.hasPrefix(" "), let c = line.dropFirst().first, c.isLetter else { continue }
            let t = line.dropFirst()
            if t.hasPrefix("Name") || t.hasPrefix("OVERALL") { continue }
            let address = String(t.split(separator: " ").first ?? "")
            if address.contains(".") { out.append(address) }
        }
        return out
    }
}

@Suite struct HCLCorpusTests {
    @Test func everyGoldenResourceIsFound() throws {
        guard HCLCorpus.present else { print("skipped: ../shared/corpus/hcl is not here"); return }
        let folders = HCLCorpus.goldenFolders()
        #expect(folders.count == 238)
        var found = 0, missing: [String] = []
        var most = (steps: 0, folder: "")
        for dir in folders {
            let name = String(dir.split(separator: "/").last!)
            let r = try HCLReader.read(directory: dir)
            if r.steps > most.steps { most = (r.steps, name) }
            let have = Set(r.resources.map(\.address))
            let skippedModules = r.skipped.filter { $0.reason == "module not downloaded (run terraform init)" }.map(\.address)
            for a in try HCLCorpus.goldenAddresses(dir + "/" + name + ".golden") {
                if have.contains(a) { found += 1; continue }
                // a resource inside a registry module that was not downloaded is listed as that module, skipped
                if skippedModules.contains(where: { a.hasPrefix($0 + ".") || a.hasPrefix($0 + "[") }) { continue }
                missing.append("\(name): \(a)")
            }
        }
        #expect(missing == [])
        #expect(found >= 2_177)
        // real configurations stay far inside the work budget
        print("HCL work: at most \(most.steps) steps (\(most.folder)) of \(Limits.maxHCLSteps)")
        #expect(most.steps * 10 <= Limits.maxHCLSteps, "\(most.folder): \(most.steps) steps")
    }

    @Test func everyModuleRootReads() throws {
        guard HCLCorpus.present else { print("skipped: ../shared/corpus/hcl is not here"); return }
        let roots = HCLCorpus.moduleRoots()
        #expect(roots.count == 49)
        var resources = 0, notDownloaded = 0
        var most = (steps: 0, folder: "")
        for dir in roots {
            let r = try HCLReader.read(directory: dir)
            if r.steps > most.steps { most = (r.steps, dir) }
            resources += r.resources.count
            notDownloaded += r.skipped.filter { $0.reason == "module not downloaded (run terraform init)" }.count
            for res in r.resources { #expect(res.address.hasPrefix("module.") || res.moduleAddress.isEmpty, "\(res.address)") }
        }
        #expect(resources > 500)
        #expect(notDownloaded > 0)
        print("HCL work: at most \(most.steps) steps (\(most.folder)) of \(Limits.maxHCLSteps)")
        #expect(most.steps * 10 <= Limits.maxHCLSteps, "\(most.folder): \(most.steps) steps")
    }

    @Test func theModuleTreesParseQuickly() throws {
        guard HCLCorpus.present else { print("skipped: ../shared/corpus/hcl is not here"); return }
        var files: [String] = []
        for name in ["vpc", "eks", "rds"] { HCLCorpus.tfFiles(under: HCLCorpus.root + "/terraform-aws-modules__terraform-aws-" + name, into: &files) }
        let contents = try files.map { try FileIO.read($0) }
        let clock = ContinuousClock()
        var best = Duration.seconds(1_000)
        var blocks = 0
        for _ in 0..<3 {
            blocks = 0
            let t = clock.measure {
                for (i, bytes) in contents.enumerated() {
                    if let f = try? (files[i].hasSuffix(".json") ? HCLJSONSyntax.parse(bytes: bytes, file: files[i]) : HCLParser.parse(bytes: bytes, file: files[i])) {
                        blocks += f.body.blocks.count
                    }
                }
            }
            best = min(best, t)
        }
        let bytes = contents.reduce(0) { $0 + $1.count }
        print("HCL parse: \(files.count) files, \(bytes) bytes, \(blocks) top-level blocks in \(best) (best of 3)")
        #expect(files.count > 250)
        #expect(best < .seconds(2))   // generous for debug builds on a shared machine; the release number is in the notes
    }
}
