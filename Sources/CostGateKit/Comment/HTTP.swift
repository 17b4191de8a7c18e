import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP request of `costgate comment`.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    /// Sent as they are; a secret header (the token) is never put in argv or in an error.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}

/// HTTP through the `curl` program, so costgate links no networking library (FoundationNetworking
/// would add its start-up cost to every command, the pre-commit hook's included) and gets TLS, proxies
/// (`HTTPS_PROXY`) and the system's CA certificates as every CI image already has them.
///
/// curl reads its whole configuration (URL, method, headers with the token) from standard input
/// (`curl -K -`), through a pipe: the token is in no argument list (`ps`, `/proc/PID/cmdline`) and in
/// no file. The request body and the response go through temporary files (mode 0600, removed after).
public struct CurlTransport: HTTPTransport {
    public var program: String
    public var timeoutSeconds: Int

    public init(program: String = "curl", timeoutSeconds: Int = 60) {
        self.program = program
        self.timeoutSeconds = timeoutSeconds
    }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let bodyFile = try request.body.map { try TemporaryFile(contents: $0) }
        let responseFile = try TemporaryFile(contents: [])
        let headerFile = try TemporaryFile(contents: [])
        var config = """
        silent
        show-error
        globoff
        proto = "=http,https"
        connect-timeout = 15
        max-time = \(timeoutSeconds)
        write-out = "%{http_code}"

        """
        config += "url = \(try Self.quote(request.url))\n"
        config += "request = \(try Self.quote(request.method))\n"
        for h in request.headers { config += "header = \(try Self.quote(h.name + ": " + h.value))\n" }
        if let bodyFile { config += "data-binary = \(try Self.quote("@" + bodyFile.path))\n" }
        config += "output = \(try Self.quote(responseFile.path))\n"
        config += "dump-header = \(try Self.quote(headerFile.path))\n"

        let (status, printed) = try Self.spawn([program, "-K", "-"], stdin: Array(config.utf8))
        let text = String(decoding: printed, as: UTF8.self)
        guard status == 0 else {
            // standard output (the status code) and error share the pipe: take curl's own line wherever it starts
            let reason = text.firstRange(of: "curl: (").map { String(text[$0.lowerBound...].prefix { $0 != "\n" }) }
                ?? "curl exited with status \(status)"
            throw CostGateError("\(request.method) \(Self.display(request.url)): \(reason)")
        }
        let code = Int(text.suffix(3)) ?? 0
        let headerText = String(decoding: (try? FileIO.read(headerFile.path)) ?? [], as: UTF8.self)
        return HTTPResponse(status: code, headers: Self.parseHeaders(headerText), body: (try? FileIO.read(responseFile.path)) ?? [])
    }

    /// A URL for a message: without its query.
    static func display(_ url: String) -> String { String(url.prefix { $0 != "?" }) }

    /// A value of curl's configuration file in double quotes (backslash and quote escaped).
    static func quote(_ s: String) throws -> String {
        guard !s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" }) else {
            throw CostGateError("a request header or URL holds a line break; check the token and the URL")
        }
        return "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// `Name: value` lines of the last response in a header dump (one block per response).
    static func parseHeaders(_ text: String) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        // "\r\n" is one Character: split on either line end
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") { headers = []; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
            headers.append((name, value))
        }
        return headers
    }

    /// Runs a program with `stdin` written through a pipe and returns its status and what it printed
    /// (standard output and error together).
    static func spawn(_ arguments: [String], stdin: [UInt8]) throws -> (Int32, [UInt8]) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { throw CostGateError("cannot run \(arguments[0]): \(String(cString: strerror(errno)))") }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            throw CostGateError("cannot run \(arguments[0]): \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, output[1], 2)
        for fd in input + output { posix_spawn_file_actions_addclose(&actions, fd) }
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(input[0]); close(output[1])
        guard spawned == 0 else {
            close(input[1]); close(output[0])
            let why = spawned == ENOENT ? "not found on PATH (costgate comment sends its requests with curl)" : String(cString: strerror(spawned))
            throw CostGateError("cannot run \(arguments[0]): \(why)")
        }
        // A program that stops reading must not kill costgate with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        var offset = 0
        while offset < stdin.count {
            let n = stdin[offset...].withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        close(input[1])
        var printed: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(output[0], $0.baseAddress, $0.count) }
            if n > 0 { printed.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        close(output[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), printed)
    }
}
