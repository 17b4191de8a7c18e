import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads without Foundation's `Data` copies.
public enum FileIO {
    /// Reads a file, or standard input for `-`.
    public static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readStream(fdopen(0, "rb"), path: path) }
        // open, one fstat and read straight into the array (a folder of many small files pays per file)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw CostGateError("cannot read: \(reason)", at: SourceLocation(file: path))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CostGateError("cannot read: \(reason)", at: SourceLocation(file: path))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw CostGateError("is a directory, not a file", at: SourceLocation(file: path))
        }
        if Int(st.st_size) > Limits.maxFileBytes {
            close(fd)
            throw tooLarge(path)
        }
        if st.st_size > 0, (st.st_mode & S_IFMT) == S_IFREG {
            defer { close(fd) }
            let size = Int(st.st_size)
            var failed: Int32 = 0
            let buffer = [UInt8](unsafeUninitializedCapacity: size) { raw, count in
                count = 0
                while count < size {
                    let n = Glibc.read(fd, raw.baseAddress! + count, size - count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = errno; break }
                    if n == 0 { break }   // the file shrank while it was read
                    count += n
                }
            }
            if failed != 0 { throw CostGateError("cannot read: \(String(cString: strerror(failed)))", at: SourceLocation(file: path)) }
            return buffer
        }
        // a pipe, a device or an empty file: read it as a stream
        guard let fp = fdopen(fd, "rb") else {
            close(fd)
            return []
        }
        defer { fclose(fp) }
        return try readStream(fp, path: path)
    }

    static func tooLarge(_ path: String) -> CostGateError {
        CostGateError("the input is larger than \(Limits.maxFileBytes >> 20) MiB, the most costgate reads from one file; split it",
                      at: SourceLocation(file: path))
    }

    private static func readStream(_ fp: UnsafeMutablePointer<FILE>?, path: String) throws -> [UInt8] {
        guard let fp else { return [] }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, fp) }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > Limits.maxFileBytes { throw tooLarge(path) }
        }
        return out
    }

    /// The first `count` bytes of a file.
    public static func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        guard let fp = fopen(path, "rb") else {
            throw CostGateError("cannot read: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        defer { fclose(fp) }
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, count, fp) }
        return Array(buffer.prefix(got))
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Writes a file atomically: a temporary file in the same folder, then rename.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let tmp = path + ".costgate-tmp-\(getpid())"
        guard let fp = fopen(tmp, "wb") else {
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, fp) }
        let closed = fclose(fp)
        guard written == bytes.count, closed == 0, rename(tmp, path) == 0 else {
            unlink(tmp)
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
    }

    /// Appends text to a file (created when missing), as `$GITHUB_STEP_SUMMARY` expects.
    /// Writes bytes to a new file, making its folders first.
    public static func writeCreatingFolders(_ bytes: [UInt8], to path: String) throws {
        var made = ""
        for part in parent(path).split(separator: "/") {
            made += "/" + part
            if !isDirectory(made) { _ = mkdir(made, 0o755) }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path)) }
            offset += n
        }
    }

    /// Removes a folder this run made, and everything in it.
    public static func removeTree(_ path: String) {
        for e in entries(path) {
            let p = path + "/" + e.name
            if e.isDirectory { removeTree(p) } else { unlink(p) }
        }
        rmdir(path)
    }

    public static func append(_ text: String, to path: String) throws {
        guard let fp = fopen(path, "ab") else {
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, fp) }
        guard fclose(fp) == 0, written == bytes.count else {
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
    }

    /// The folder part of a path (`.` for a bare name).
    public static func parent(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// The path with symbolic links and `..` resolved (as given when it does not exist).
    public static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else {
            if path.hasPrefix("/") { return path }
            var buffer = [CChar](repeating: 0, count: 4096)
            guard getcwd(&buffer, 4096) != nil else { return path }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Sorted entries of a directory (names only).
    public static func list(_ path: String) -> [String] { entries(path).map(\.name) }

    /// A directory's entries, sorted by name, each with whether it is a directory (from the entry's type
    /// when the file system gives it, so walking a folder of many files costs no `stat` per file).
    public static func entries(_ path: String) -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard name != "." && name != ".." else { continue }
            let type = Int(entry.pointee.d_type)
            // symbolic links and unknown types are looked at through stat, which follows links
            let isDir = type == Int(DT_DIR) ? true : type == Int(DT_REG) ? false
                : isDirectory(path.hasSuffix("/") ? path + name : path + "/" + name)
            out.append((name, isDir))
        }
        return out.sorted { $0.name < $1.name }
    }

    /// The path of the running executable.
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, 4095)
        guard n > 0 else { return CommandLine.arguments.first }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes all of `text` to a file descriptor (1 = standard output, 2 = standard error).
    public static func write(_ text: String, fd: Int32) {
        let bytes = Array(text.utf8)
        let total = bytes.count
        var offset = 0
        while offset < total {
            let start = offset
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + start, total - start) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    public static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }
}

/// A read-only memory map of a file. Pages already read can be handed back to the system with
/// `release(upTo:)`, so reading a 100 MB plan does not keep 100 MB of it resident.
final class MappedFile {
    let base: UnsafeRawPointer
    let count: Int
    private var released = 0
    private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps a regular, non-empty file; nil when it cannot be mapped (pipes, empty files).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size > 0, Int(st.st_size) <= Limits.maxFileBytes else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        madvise(p, size, MADV_SEQUENTIAL)
        base = UnsafeRawPointer(p)
        count = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count) }

    /// Drops the resident pages before `offset` (they are read again from the page cache if needed).
    func release(upTo offset: Int) {
        let end = (offset / pageSize) * pageSize
        guard end > released + (4 << 20) else { return }   // in 4 MiB steps
        madvise(UnsafeMutableRawPointer(mutating: base) + released, end - released, MADV_DONTNEED)
        released = end
    }
}

/// Text encodings a plan may come in (PowerShell writes UTF-16LE with a BOM).
enum TextEncoding {
    /// UTF-8 bytes without BOM; UTF-16 (with BOM) is transcoded.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Array(bytes[3...])
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            var units = [UInt16]()
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(little ? (a | b << 8) : (a << 8 | b))
                i += 2
            }
            var out = [UInt8]()
            out.reserveCapacity(units.count)
            var decoder = UTF16()
            var it = units.makeIterator()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s): out.append(contentsOf: Array(String(Character(s)).utf8))
                case .emptyInput: break loop
                case .error: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                }
            }
            return out
        }
        return bytes
    }
}
