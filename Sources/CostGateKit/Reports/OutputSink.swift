import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: bytes are buffered and flushed in 1 MiB chunks to a file descriptor, or kept
/// in memory. A file target is a temporary file renamed over the destination only when the report is
/// complete, so a failed run leaves nothing half-written.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let fd: Int32?
    private let tempPath: String?
    private let finalPath: String?
    private var failed = false

    /// Collects in memory (`text` gives the result).
    public init() {
        fd = nil
        tempPath = nil
        finalPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    /// Streams to standard output.
    public static func standardOutput() -> OutputSink { OutputSink(fd: 1, temp: nil, final: nil) }

    /// Streams to a temporary file beside `path`; `finish()` renames it into place.
    public static func file(_ path: String) throws -> OutputSink {
        let temp = path + ".costgate-tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        return OutputSink(fd: fd, temp: temp, final: path)
    }

    private init(fd: Int32, temp: String?, final: String?) {
        self.fd = fd
        self.tempPath = temp
        self.finalPath = final
        buffer.reserveCapacity(1 << 20)
    }

    @inline(__always) public func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if fd != nil, buffer.count >= 1 << 20 { flush() }
    }

    @inline(__always) public func write(byte: UInt8) { buffer.append(byte) }

    /// Appends bytes as they are.
    public func write(raw bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if fd != nil, buffer.count >= 1 << 20 { flush() }
    }

    /// Appends `"bytes"`.
    public func write(quoted bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(0x22)
        buffer.append(contentsOf: bytes)
        buffer.append(0x22)
        if fd != nil, buffer.count >= 1 << 20 { flush() }
    }

    public var text: String { String(decoding: buffer, as: UTF8.self) }

    private func flush() {
        guard let fd, !buffer.isEmpty else { return }
        var offset = 0
        let total = buffer.count
        while offset < total {
            let start = offset
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + start, total - start) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true; break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; for a file, closes and renames it into place.
    public func finish() throws {
        flush()
        guard let fd, let temp = tempPath, let final = finalPath else { return }
        let closed = close(fd)
        if failed || closed != 0 || rename(temp, final) != 0 {
            unlink(temp)
            throw CostGateError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: final))
        }
    }

    /// Drops a half-written file.
    public func abandon() {
        guard let fd, let temp = tempPath else { return }
        close(fd)
        unlink(temp)
    }
}
