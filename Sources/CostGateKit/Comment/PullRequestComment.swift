import FoundationEssentials

/// `costgate comment github|gitlab`: puts the markdown report on a pull or merge request, and finds
/// its own earlier comment again by the hidden marker it starts with (`MarkdownReporter.marker`).
///
/// Behaviours (Infracost's names): `update` edits the newest earlier comment in place (or creates one);
/// `new` always adds one; `delete-and-new` deletes every earlier one, then adds one; `hide-and-new`
/// hides every earlier one, then adds one. Hiding is GitHub's "minimize as outdated" (GraphQL
/// `minimizeComment`); GitLab has no hidden notes, so there an earlier note is edited into a folded
/// `<details>` block under another marker (it is not found again as costgate's comment).
///
/// A 403 (no write permission: a token is read-only for a pull request from a fork) is not an error:
/// the result says the comment was skipped and the command exits 0, so the job stays green.
public enum CommentBehavior: String, Sendable, CaseIterable {
    case update
    case new
    case deleteAndNew = "delete-and-new"
    case hideAndNew = "hide-and-new"
}

/// An existing comment or note.
public struct ForgeComment: Sendable, Equatable {
    public var id: String
    /// GitHub's GraphQL node id (for hiding).
    public var nodeID: String?
    public var body: String
}

/// What a forge (GitHub, GitLab) offers for one pull or merge request's comments.
public protocol Forge: Sendable {
    /// `owner/repo#12`, `group/project!7`: for messages.
    var thread: String { get }
    func list() throws -> [ForgeComment]
    func create(_ body: String) throws -> ForgeComment
    func update(_ comment: ForgeComment, body: String) throws
    func delete(_ comment: ForgeComment) throws
    func hide(_ comment: ForgeComment) throws
}

/// The request was refused for lack of permission (HTTP 403).
public struct NoWritePermission: Error, Sendable {
    public var message: String
}

public struct PullRequestComment {
    public static let hiddenMarker = "<!-- costgate:outdated-comment -->"

    /// Posts `body` (the marker is put first if the text lacks it) and returns the line to print.
    public static func post(_ body: String, to forge: any Forge, behavior: CommentBehavior) throws -> String {
        let marker = MarkdownReporter.marker
        let text = body.hasPrefix(marker) ? body : marker + "\n" + body
        do {
            let earlier = behavior == .new ? [] : try forge.list().filter { $0.body.hasPrefix(marker) }
            switch behavior {
            case .update:
                guard let last = earlier.last else {
                    let c = try forge.create(text)
                    return "costgate: created comment \(c.id) on \(forge.thread)"
                }
                if normalized(last.body) == normalized(text) { return "costgate: comment \(last.id) on \(forge.thread) is up to date" }
                try forge.update(last, body: text)
                return "costgate: updated comment \(last.id) on \(forge.thread)"
            case .new:
                let c = try forge.create(text)
                return "costgate: created comment \(c.id) on \(forge.thread)"
            case .deleteAndNew:
                for c in earlier { try forge.delete(c) }
                let c = try forge.create(text)
                return "costgate: deleted \(count(earlier.count, "earlier comment")), created comment \(c.id) on \(forge.thread)"
            case .hideAndNew:
                for c in earlier { try forge.hide(c) }
                let c = try forge.create(text)
                return "costgate: hid \(count(earlier.count, "earlier comment")), created comment \(c.id) on \(forge.thread)"
            }
        } catch let e as NoWritePermission {
            return e.message
        }
    }

    /// Line ends as the forges store them (GitLab and GitHub keep `\r\n` from a browser, never from us).
    static func normalized(_ s: String) -> String {
        var t = s.replacing("\r\n", with: "\n")
        while t.hasSuffix("\n") { t.removeLast() }
        return t
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The folded text GitLab's hide-and-new leaves in place of an earlier note.
    static func folded(_ body: String) -> String {
        var inner = body
        if inner.hasPrefix(MarkdownReporter.marker) { inner.removeFirst(MarkdownReporter.marker.count) }
        return hiddenMarker + "\n<details>\n<summary>An earlier costgate comment, replaced by a newer one</summary>\n\n"
            + inner.trimmingPrefix(while: { $0 == "\n" }) + "\n</details>\n"
    }
}

/// Calls a forge's REST API with a token: the token is sent in a header only, and scrubbed from
/// every message that could echo it.
struct APIClient: Sendable {
    var transport: any HTTPTransport
    var token: String
    var authorization: (name: String, value: String)
    var extraHeaders: [(name: String, value: String)]
    var product: String
    var thread: String

    func send(_ method: String, _ url: String, json: JSON? = nil) throws -> HTTPResponse {
        var headers = [authorization] + extraHeaders + [("User-Agent", "costgate")]
        if json != nil { headers.append(("Content-Type", "application/json")) }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: json.map { Array($0.render().utf8) })
        let response: HTTPResponse
        do { response = try transport.send(request) } catch let e as CostGateError {
            throw CostGateError(scrub("\(product) API: \(e.message)"))
        }
        switch response.status {
        case 200..<300: return response
        case 403 where response.header("x-ratelimit-remaining") != "0":
            throw NoWritePermission(message: scrub("costgate: no permission to comment on \(thread) (\(product) answered 403 to \(method) \(CurlTransport.display(url)): the token cannot write here, as for a pull request from a fork); comment skipped"))
        default:
            let detail = Self.message(response.body)
            let hint = response.status == 401 ? ": check the token" : response.status == 404 ? ": check the repository, the request number and the API URL" : ""
            throw CostGateError(scrub("\(product) API: \(method) \(CurlTransport.display(url)): HTTP \(response.status)\(detail.map { " (\($0))" } ?? "")\(hint)"))
        }
    }

    func scrub(_ s: String) -> String { token.isEmpty ? s : s.replacing(token, with: "***") }

    /// The `message` of an error body, one line, at most 200 characters.
    static func message(_ body: [UInt8]) -> String? {
        guard let v = try? parse(body), let m = v["message"].string ?? v["error"].string else { return nil }
        let line = m.split(whereSeparator: \.isNewline).joined(separator: " ")
        return String(line.prefix(200))
    }

    static func parse(_ body: [UInt8]) throws -> Value {
        try body.withUnsafeBufferPointer { buffer in
            var r = JSONReader(bytes: buffer, file: "response")
            r.escapesControls = false   // a comment body is compared and rewritten as the forge holds it
            return try r.readValue()
        }
    }

    func parse(_ response: HTTPResponse, _ what: String) throws -> Value {
        do { return try Self.parse(response.body) } catch {
            throw CostGateError(scrub("\(product) API: \(what): the answer is not JSON"))
        }
    }

    /// The part of a URL up to its path (`https://api.github.com`), to keep a paging link on the same host.
    static func origin(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" }
        return String(url[..<scheme.upperBound]) + host
    }
}

/// GitHub (REST v3 for comments, GraphQL for hiding); also GitHub Enterprise Server through `apiURL`.
public struct GitHubForge: Forge {
    public var apiURL: String
    public var graphqlURL: String
    public var repository: String
    public var number: Int
    let client: APIClient

    public init(apiURL: String, graphqlURL: String? = nil, repository: String, number: Int, token: String,
                transport: any HTTPTransport = CurlTransport()) {
        let api = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.apiURL = api
        self.graphqlURL = graphqlURL ?? (api.hasSuffix("/api/v3") ? String(api.dropLast(3)) + "/graphql" : api + "/graphql")
        self.repository = repository
        self.number = number
        client = APIClient(transport: transport, token: token, authorization: ("Authorization", "Bearer " + token),
                           extraHeaders: [("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", "2022-11-28")],
                           product: "GitHub", thread: "\(repository)#\(number)")
    }

    public var thread: String { "\(repository)#\(number)" }

    public func list() throws -> [ForgeComment] {
        var url: String? = "\(apiURL)/repos/\(repository)/issues/\(number)/comments?per_page=100"
        var comments: [ForgeComment] = []
        var pages = 0
        while let next = url, pages < 1_000 {
            let response = try client.send("GET", next)
            for c in try client.parse(response, "listing comments").array {
                guard let id = c["id"].string else { continue }
                comments.append(ForgeComment(id: id, nodeID: c["node_id"].string, body: c["body"].string ?? ""))
            }
            url = Self.nextLink(response.header("link")).flatMap { $0.hasPrefix(APIClient.origin(apiURL) + "/") ? $0 : nil }
            pages += 1
        }
        return comments
    }

    /// The `rel="next"` target of a `Link` header.
    public static func nextLink(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingPrefix(while: \.isWhitespace) }
            guard fields.dropFirst().contains(where: { $0.replacing(" ", with: "") == "rel=\"next\"" }),
                  let open = fields[0].firstIndex(of: "<"), let close = fields[0].lastIndex(of: ">") else { continue }
            return String(fields[0][fields[0].index(after: open)..<close])
        }
        return nil
    }

    public func create(_ body: String) throws -> ForgeComment {
        let r = try client.send("POST", "\(apiURL)/repos/\(repository)/issues/\(number)/comments", json: .object([("body", .string(body))]))
        let v = try client.parse(r, "creating a comment")
        return ForgeComment(id: v["id"].string ?? "?", nodeID: v["node_id"].string, body: body)
    }

    public func update(_ comment: ForgeComment, body: String) throws {
        _ = try client.send("PATCH", "\(apiURL)/repos/\(repository)/issues/comments/\(comment.id)", json: .object([("body", .string(body))]))
    }

    public func delete(_ comment: ForgeComment) throws {
        _ = try client.send("DELETE", "\(apiURL)/repos/\(repository)/issues/comments/\(comment.id)")
    }

    public func hide(_ comment: ForgeComment) throws {
        guard let node = comment.nodeID else { throw CostGateError("GitHub API: comment \(comment.id) has no node_id to hide it by") }
        let query = "mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }"
        let r = try client.send("POST", graphqlURL, json: .object([("query", .string(query)), ("variables", .object([("id", .string(node))]))]))
        let v = try client.parse(r, "hiding a comment")
        if let error = v["errors"][0]["message"].string {
            if v["errors"][0]["type"].string == "FORBIDDEN" {
                throw NoWritePermission(message: "costgate: no permission to hide comments on \(thread) (GitHub: \(client.scrub(error))); comment skipped")
            }
            throw CostGateError(client.scrub("GitHub API: hiding comment \(comment.id): \(error)"))
        }
    }
}

/// GitLab merge-request notes (REST v4), with a project or personal access token (`PRIVATE-TOKEN`).
public struct GitLabForge: Forge {
    public var apiURL: String
    /// A numeric id or a `group/project` path.
    public var project: String
    public var mergeRequest: Int
    let client: APIClient

    public init(apiURL: String, project: String, mergeRequest: Int, token: String, transport: any HTTPTransport = CurlTransport()) {
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.project = project
        self.mergeRequest = mergeRequest
        client = APIClient(transport: transport, token: token, authorization: ("PRIVATE-TOKEN", token), extraHeaders: [],
                           product: "GitLab", thread: "\(project)!\(mergeRequest)")
    }

    public var thread: String { "\(project)!\(mergeRequest)" }

    var notes: String { "\(apiURL)/projects/\(Self.escape(project))/merge_requests/\(mergeRequest)/notes" }

    /// A project path as one URL segment (`group%2Fproject`).
    static func escape(_ s: String) -> String { SARIFReporter.percentEncoded(s, keeping: "-._~") }

    public func list() throws -> [ForgeComment] {
        var page: String? = "1"
        var comments: [ForgeComment] = []
        var pages = 0
        while let p = page, pages < 1_000 {
            let response = try client.send("GET", "\(notes)?sort=asc&order_by=created_at&per_page=100&page=\(p)")
            for n in try client.parse(response, "listing notes").array where n["system"].bool != true {
                guard let id = n["id"].string else { continue }
                comments.append(ForgeComment(id: id, nodeID: nil, body: n["body"].string ?? ""))
            }
            let next = response.header("x-next-page") ?? ""
            page = next.isEmpty || Int(next) == nil ? nil : next
            pages += 1
        }
        return comments
    }

    public func create(_ body: String) throws -> ForgeComment {
        let r = try client.send("POST", notes, json: .object([("body", .string(body))]))
        return ForgeComment(id: try client.parse(r, "creating a note")["id"].string ?? "?", nodeID: nil, body: body)
    }

    public func update(_ comment: ForgeComment, body: String) throws {
        _ = try client.send("PUT", "\(notes)/\(comment.id)", json: .object([("body", .string(body))]))
    }

    public func delete(_ comment: ForgeComment) throws {
        _ = try client.send("DELETE", "\(notes)/\(comment.id)")
    }

    public func hide(_ comment: ForgeComment) throws {
        try update(comment, body: PullRequestComment.folded(comment.body))
    }
}

/// Where a comment goes when the flags do not say: the CI's own environment.
public enum CommentEnvironment {
    public typealias Lookup = @Sendable (String) -> String?

    static func value(_ name: String, _ env: Lookup) -> String? { env(name).flatMap { $0.isEmpty ? nil : $0 } }

    static func token(_ name: String, _ env: Lookup, hint: String) throws -> String {
        guard let t = value(name, env) else { throw CostGateError("\(name) is not set: \(hint)") }
        return t
    }

    /// GitHub: `--repo` else `$GITHUB_REPOSITORY`; `--pull-request` else the event's pull request
    /// (`$GITHUB_EVENT_PATH`) or `refs/pull/N/merge` in `$GITHUB_REF`; `--api-url` else `$GITHUB_API_URL`
    /// else api.github.com (GraphQL: `$GITHUB_GRAPHQL_URL` with the default API, else beside `--api-url`).
    public static func github(apiURL: String?, repository: String?, number: Int?, transport: any HTTPTransport = CurlTransport(),
                              env: Lookup = { FileIO.environment($0) }) throws -> GitHubForge {
        guard let repo = repository ?? value("GITHUB_REPOSITORY", env) else {
            throw CostGateError("no repository: pass --repo OWNER/NAME (GitHub Actions sets GITHUB_REPOSITORY)")
        }
        guard repo.split(separator: "/").count == 2 else { throw CostGateError("--repo \(repo): give OWNER/NAME") }
        guard let pr = number ?? githubPullRequest(env) else {
            throw CostGateError("no pull request: pass --pull-request N (on a pull_request event GitHub Actions gives it in GITHUB_EVENT_PATH)")
        }
        let token = try token("GITHUB_TOKEN", env, hint: "give a token that may write pull-request comments (in a workflow: env: GITHUB_TOKEN: ${{ github.token }} with permissions: pull-requests: write)")
        let api = apiURL ?? value("GITHUB_API_URL", env) ?? "https://api.github.com"
        let graphql = apiURL == nil ? value("GITHUB_GRAPHQL_URL", env) : nil
        return GitHubForge(apiURL: api, graphqlURL: graphql, repository: repo, number: pr, token: token, transport: transport)
    }

    static func githubPullRequest(_ env: Lookup) -> Int? {
        if let path = value("GITHUB_EVENT_PATH", env), let bytes = try? FileIO.read(path), let event = try? APIClient.parse(bytes) {
            if let n = event["pull_request"]["number"].string.flatMap({ Int($0) }) { return n }
            if !event["issue"]["pull_request"].isNull, let n = event["issue"]["number"].string.flatMap({ Int($0) }) { return n }
        }
        if let ref = value("GITHUB_REF", env), ref.hasPrefix("refs/pull/") {
            return Int(ref.dropFirst("refs/pull/".count).prefix { $0 != "/" })
        }
        return nil
    }

    /// GitLab: `--repo` else `$CI_PROJECT_ID`; `--merge-request` else `$CI_MERGE_REQUEST_IID`; `--api-url`
    /// else `$CI_API_V4_URL` else gitlab.com.
    public static func gitlab(apiURL: String?, project: String?, mergeRequest: Int?, transport: any HTTPTransport = CurlTransport(),
                              env: Lookup = { FileIO.environment($0) }) throws -> GitLabForge {
        guard let project = project ?? value("CI_PROJECT_ID", env) else {
            throw CostGateError("no project: pass --repo ID or GROUP/PROJECT (GitLab CI sets CI_PROJECT_ID)")
        }
        guard let mr = mergeRequest ?? value("CI_MERGE_REQUEST_IID", env).flatMap({ Int($0) }) else {
            throw CostGateError("no merge request: pass --merge-request IID (GitLab sets CI_MERGE_REQUEST_IID in merge request pipelines)")
        }
        let token = try token("GITLAB_TOKEN", env, hint: "give a project or personal access token with the api scope (CI_JOB_TOKEN cannot write notes), as a masked CI/CD variable")
        let api = apiURL ?? value("CI_API_V4_URL", env) ?? "https://gitlab.com/api/v4"
        return GitLabForge(apiURL: api, project: project, mergeRequest: mr, token: token, transport: transport)
    }
}
