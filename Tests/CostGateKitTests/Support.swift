import FoundationEssentials
import Testing
@testable import CostGateKit

/// Paths the tests use, found from this file's location.
enum Paths {
    static let packageRoot: String = {
        var p = #filePath
        for _ in 0..<3 { p = String(p[..<p.lastIndex(of: "/")!]) }
        return p
    }()
    static let fixtures = packageRoot + "/Tests/CostGateKitTests/Fixtures"
    /// The shared corpus, beside the project (absent in a bare clone: the sweeps then skip).
    static let corpus = packageRoot + "/../shared/corpus"
    /// The few corpus inputs unit tests need, copied with their origin named (Fixtures/corpus/ORIGIN.md).
    static let fixtureCorpus = fixtures + "/corpus"
    static let tfplans = fixtureCorpus + "/tfplan"
    static let pricebooks = packageRoot + "/pricebooks"
    /// Goldens pin this book, so publishing a new version does not change them.
    static let awsBook = pricebooks + "/aws/aws-2026.11.0.tsv"
    static let azureBook = pricebooks + "/azure/azure-2026.11.0.tsv"
    static let gcpBook = pricebooks + "/gcp/gcp-2026.11.0.tsv"
    static let k8sBook = pricebooks + "/k8s/k8s-2026.11.0.tsv"
    /// Every shipped book, pinned.
    static let books = ["aws": awsBook, "azure": azureBook, "gcp": gcpBook, "k8s": k8sBook]
}

/// The shared corpus: its plans and manifests, and those broken on purpose (see its INDEX.md) that must exit 2.
enum Corpus {
    static let isPresent = FileIO.isDirectory(Paths.corpus + "/tfplan") && FileIO.isDirectory(Paths.corpus + "/k8s")

    /// Shared with `.ci/run`, which checks the same list against the built binary.
    static let broken: Set<String> = {
        let text = (try? readText(Paths.fixtures + "/corpus-broken.txt")) ?? ""
        return Set(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
    }()

    static func plans() -> [String] { files("tfplan") }
    static func manifests() -> [String] { files("k8s") }

    /// Files of one corpus folder, as `tfplan/owner__repo/file`.
    static func files(_ category: String) -> [String] {
        var out: [String] = []
        let root = Paths.corpus + "/" + category
        for dir in FileIO.list(root) where FileIO.isDirectory(root + "/" + dir) {
            for f in FileIO.list(root + "/" + dir) { out.append(category + "/" + dir + "/" + f) }
        }
        return out
    }
}

/// One book set for the whole test run, so the book is parsed once.
let sharedBooks = PriceBookSet(paths: ["aws": Paths.awsBook, "azure": Paths.azureBook, "gcp": Paths.gcpBook])
func books() -> PriceBookSet { sharedBooks }

func runEstimate(_ paths: [String], usage: String? = nil, region: String? = nil) throws -> Estimate {
    let usageFile = try usage.map { try UsageFile.load(path: $0) } ?? UsageFile()
    let options = EstimateOptions(usage: usageFile, pricebooks: books(), defaultRegion: region ?? "us-east-1", regionWasGiven: region != nil)
    return try Run(paths: paths, options: options).estimate()
}

/// The pinned AWS book's reference, loaded once.
let awsBookRef: PriceBookRef? = try? PriceBook.load(path: Paths.awsBook).ref

func render(_ e: Estimate, _ format: String) throws -> String {
    let refs = e.pricebooks.isEmpty ? [try #require(awsBookRef)] : e.pricebooks
    return try Reporters.reporter(for: format)!.render(Report(estimate: e, pricebooks: refs))
}

func readText(_ path: String) throws -> String { String(decoding: try FileIO.read(path), as: UTF8.self) }

/// Compares with a golden file; `COSTGATE_UPDATE_GOLDEN=1` rewrites it (check the new output by hand first).
func matchesGolden(_ actual: String, _ goldenPath: String) throws -> Bool {
    if FileIO.environment("COSTGATE_UPDATE_GOLDEN") == "1" {
        try FileIO.writeAtomically(actual, to: goldenPath)
        return true
    }
    guard FileIO.exists(goldenPath) else { return false }
    return try readText(goldenPath) == actual
}
