import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program (found on PATH) and collects what it prints. Standard input comes from `input`
/// (through a temporary file, so a large input and a large output cannot block each other);
/// standard error goes to a temporary file, read when the program has ended.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        public var errorOutput: String
    }

    public static func run(_ arguments: [String], input: [UInt8] = []) throws -> Result {
        let stdinFile = try TemporaryFile(contents: input)
        let stderrFile = try TemporaryFile(contents: [])
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { throw CostGateError("cannot run \(arguments[0]): \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinFile.path, O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile.path, O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(pipeFDs[1])
        guard spawned == 0 else {
            close(pipeFDs[0])
            throw CostGateError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, $0.count) }
            if n > 0 { output.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(pipeFDs[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let errors = String(decoding: (try? FileIO.read(stderrFile.path)) ?? [], as: UTF8.self)
        return Result(status: code, output: output, errorOutput: errors)
    }
}

/// A file in the temporary folder, removed when this value is gone.
final class TemporaryFile {
    let path: String

    init(contents: [UInt8]) throws {
        let dir = FileIO.environment("TMPDIR") ?? "/tmp"
        var template = Array((dir + "/costgate.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CostGateError("cannot create a temporary file in \(dir): \(String(cString: strerror(errno)))") }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var offset = 0
        while offset < contents.count {
            let n = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { close(fd); throw CostGateError("cannot write a temporary file in \(dir)") }
            offset += n
        }
        close(fd)
    }

    deinit { unlink(path) }
}
