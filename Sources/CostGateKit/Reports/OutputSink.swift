import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: bytes are buffered and flushed in 1 MiB chunks to a file descriptor, or kept
/// in memory. A file target is a temporary file renamed over the destination only when the report is
/// complete, so a failed run leaves nothing half-written.
public final class OutputSink {
    // A raw buffer rather than an array: appends are memcpy with no exclusivity bookkeeping.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let fd: Int32?
    private let tempPath: String?
    private let finalPath: String?
    private var failed = false

    /// Collects in memory (`text` gives the result).
    public init() {
        fd = nil
        tempPath = nil
        finalPath = nil
        capacity = 1 << 16
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

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
        capacity = 1 << 20
        base = .allocate(capacity: capacity)
    }

    @inline(__always) private func reserve(_ n: Int) {
        if count + n <= capacity { return }
        if fd != nil { flush() }
        if count + n > capacity {
            var newCapacity = capacity * 2
            while count + n > newCapacity { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
    }

    @inline(__always) public func write(_ s: String) {
        var s = s
        s.withUTF8 { write(raw: $0) }
    }

    /// A literal: its bytes are already in the binary.
    @inline(__always) public func write(_ s: StaticString) {
        s.withUTF8Buffer { write(raw: $0) }
    }

    @inline(__always) public func write(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends `n` spaces.
    public func write(spaces n: Int) {
        guard n > 0 else { return }
        reserve(n)
        (base + count).update(repeating: 0x20, count: n)
        count += n
    }

    /// Appends bytes as they are.
    @inline(__always) public func write(raw bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: src, count: bytes.count)
        count += bytes.count
    }

    /// Appends `"bytes"`.
    public func write(quoted bytes: UnsafeBufferPointer<UInt8>) {
        write(byte: 0x22)
        write(raw: bytes)
        write(byte: 0x22)
    }

    public var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    private func flush() {
        guard let fd, count > 0 else { return }
        var offset = 0
        while offset < count {
            let n = Glibc.write(fd, base + offset, count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failed = true; break }
            offset += n
        }
        count = 0
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

extension OutputSink {
    /// Writes a long list in two halves at once: the first half straight to this sink on this thread, the
    /// second into memory on another core, appended after it. Each half has its own `Format` (its memos
    /// are not shared). The bytes are the same as one pass's.
    func writeHalves<Item: Sendable>(_ items: [Item], from minimum: Int = 2_000,
                                     _ write: (_ items: ArraySlice<Item>, _ first: Int, _ f: NumberText, _ out: OutputSink) -> Void) {
        let second = OutputSink()
        nonisolated(unsafe) let sinks = [self, second]
        TwoCores.run(items.count, from: minimum) { range, half in write(items[range], range.lowerBound, NumberText(), sinks[half]) }
        second.appendContents(to: self)
    }

    /// Appends what this in-memory sink holds to another sink.
    private func appendContents(to other: OutputSink) {
        other.write(raw: UnsafeBufferPointer(start: base, count: count))
    }
}
