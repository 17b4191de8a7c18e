import FoundationEssentials

/// The same input paths, read at another commit straight from git's object store: no checkout, no
/// change to the working tree or the index. Works in a shallow clone once the commit is fetched.
public struct GitRef: Sendable {
    /// The ref as the user gave it (`origin/main`).
    public let name: String
    public let commit: String
    /// The repository's top folder, symbolic links resolved.
    public let root: String

    /// Resolves `ref` in the repository holding the working directory. An unknown ref is an error with
    /// the fetch command that makes it known; in a clone where `git fetch origin main` filled only
    /// FETCH_HEAD (a single-branch clone), `origin/main` is read from there.
    public static func resolve(_ ref: String, from directory: String = ".") throws -> GitRef {
        let top = try git(["-C", directory, "rev-parse", "--show-toplevel"])
        guard top.status == 0 else {
            throw CostGateError("--base-ref \(ref): \(FileIO.absolute(directory)) is not inside a git repository; use --base FILE instead")
        }
        let root = FileIO.absolute(String(decoding: top.output, as: UTF8.self).trimmingSpaces())
        let verified = try git(["-C", root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        if verified.status == 0 {
            return GitRef(name: ref, commit: String(decoding: verified.output, as: UTF8.self).trimmingSpaces(), root: root)
        }
        if let fetched = try fetchHead(for: ref, root: root) { return GitRef(name: ref, commit: fetched, root: root) }
        // HEAD of a repository without a commit yet (a first commit's pre-commit hook): the empty tree
        if ref == "HEAD", try git(["-C", root, "symbolic-ref", "-q", "HEAD"]).status == 0 {
            return GitRef(name: ref, commit: emptyTree, root: root)
        }
        let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
        let (remote, branch) = parts.count == 2 ? (parts[0], parts[1]) : ("origin", ref)
        throw CostGateError("--base-ref \(ref): unknown git ref; in a shallow CI clone fetch it first: git fetch \(remote) \(branch) --depth 1")
    }

    /// The commit FETCH_HEAD holds for `remote/branch` (or `branch`), if it holds one.
    private static func fetchHead(for ref: String, root: String) throws -> String? {
        let branch = ref.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ref
        let gitPath = try git(["-C", root, "rev-parse", "--git-path", "FETCH_HEAD"])
        guard gitPath.status == 0 else { return nil }
        var path = String(decoding: gitPath.output, as: UTF8.self).trimmingSpaces()
        if !path.hasPrefix("/") { path = root + "/" + path }
        guard let text = try? FileIO.read(path) else { return nil }
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[2].hasPrefix("branch '\(branch)' of ") else { continue }
            return String(fields[0])
        }
        return nil
    }

    /// The files the input `paths` name at this commit, with their bytes, named `REF:path`. A folder
    /// gives its plan and manifest files (hidden entries skipped), like the working-tree walk; a file
    /// that does not exist at the commit gives nothing (it is new).
    public func files(for paths: [String]) throws -> [InputFile] {
        var wanted: [(path: String, sha: String, walked: Bool)] = []
        for path in paths {
            guard path != "-" else {
                throw CostGateError("--base-ref reads the input paths from git; standard input (-) has no version at \(name): give paths, or use --base FILE")
            }
            let relative = try self.relative(path)
            let isDirectory = FileIO.isDirectory(path)
            var arguments = ["-C", root, "ls-tree", "-r", "-z", "--full-tree", commit]
            if !relative.isEmpty { arguments += ["--", relative] }
            let listed = try Self.git(arguments)
            guard listed.status == 0 else { throw CostGateError("--base-ref \(name): git ls-tree failed: \(listed.errorOutput.trimmingSpaces())") }
            for entry in listed.output.split(separator: 0) {
                // <mode> SP <type> SP <object> TAB <path>
                guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
                let head = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
                let file = String(decoding: entry[(tab + 1)...], as: UTF8.self)
                guard head.count == 3, head[1] == "blob", head[0] != "120000" else { continue }
                if isDirectory {
                    let inside = relative.isEmpty ? file : String(file.dropFirst(relative.count + 1))
                    guard !inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                          (Inputs.planExtensions + Inputs.manifestExtensions).contains(where: { file.hasSuffix($0) }) else { continue }
                } else if file != relative {
                    continue
                }
                wanted.append((file, String(head[2]), isDirectory))
            }
        }
        guard !wanted.isEmpty else { return [] }
        return try zip(wanted, blobs(wanted.map { ($0.path, $0.sha) })).map { w, bytes in
            InputFile(name: "\(name):\(w.path)", bytes: bytes, walked: w.walked)
        }
    }

    /// The contents of these blobs, in order, from one `git cat-file --batch`.
    private func blobs(_ wanted: [(path: String, sha: String)]) throws -> [[UInt8]] {
        let batch = try Self.git(["-C", root, "cat-file", "--batch"], input: Array(wanted.map { $0.sha + "\n" }.joined().utf8))
        guard batch.status == 0 else { throw CostGateError("--base-ref \(name): git cat-file failed: \(batch.errorOutput.trimmingSpaces())") }
        // each object: "<sha> blob <size>\n<bytes>\n"
        var out: [[UInt8]] = []
        var pos = 0
        let bytes = batch.output
        for w in wanted {
            guard let newline = bytes[pos...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: bytes[pos..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= bytes.count else {
                throw CostGateError("--base-ref \(name): cannot read \(w.path) from git")
            }
            out.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
            pos = newline + 1 + size + 1
        }
        return out
    }

    /// The Terraform source of the whole repository at this commit, written into a new temporary folder
    /// (the HCL reader reads folders): every `.tf`, `.tf.json`, `.tfvars` and `.tfvars.json` file, and the other
    /// files of folders holding `.tf` files (templates, `file()` inputs), hidden folders left out. nil when the
    /// commit has no Terraform source. The caller removes the folder.
    public func terraformTree() throws -> String? {
        let listed = try Self.git(["-C", root, "ls-tree", "-r", "-z", "--full-tree", commit])
        guard listed.status == 0 else { throw CostGateError("--base-ref \(name): git ls-tree failed: \(listed.errorOutput.trimmingSpaces())") }
        var blobs: [(path: String, sha: String)] = []
        for entry in listed.output.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let head = String(decoding: entry[entry.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let file = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard head.count == 3, head[1] == "blob", head[0] != "120000",
                  !file.split(separator: "/").dropLast().contains(where: { $0.hasPrefix(".") }) else { continue }
            blobs.append((file, String(head[2])))
        }
        let terraformSuffixes = [".tf", ".tf.json", ".tfvars", ".tfvars.json"]
        let folders = Set(blobs.filter { $0.path.hasSuffix(".tf") || $0.path.hasSuffix(".tf.json") }.map { FileIO.parent($0.path) })
        guard !folders.isEmpty else { return nil }
        let wanted = blobs.filter { b in
            terraformSuffixes.contains { b.path.hasSuffix($0) }
                || folders.contains { f in f == "." ? !b.path.contains("/") : b.path.hasPrefix(f + "/") }
        }
        let dir = "/tmp/costgate-\(commit.prefix(12))-\(UInt64.random(in: 0...UInt64.max))"
        for (w, bytes) in zip(wanted, try self.blobs(wanted.map { ($0.path, $0.sha) })) { try FileIO.writeCreatingFolders(bytes, to: dir + "/" + w.path) }
        return dir
    }

    /// Git's well-known empty tree.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// A path relative to the repository's top folder ("" for the top itself).
    func relative(_ path: String) throws -> String {
        let absolute = FileIO.absolute(path)
        guard absolute == root || absolute.hasPrefix(root + "/") else {
            throw CostGateError("--base-ref: \(path) is outside the git repository at \(root)")
        }
        return absolute == root ? "" : String(absolute.dropFirst(root.count + 1))
    }

    /// How a file read at this ref is named (`origin/main:k8s/api.yaml`).
    func displayName(_ path: String) throws -> String { "\(name):\(try relative(path))" }

    static func git(_ arguments: [String], input: [UInt8] = []) throws -> Subprocess.Result {
        do {
            return try Subprocess.run(["git"] + arguments, input: input)
        } catch {
            throw CostGateError("--base-ref needs git on PATH: \(error)")
        }
    }
}
