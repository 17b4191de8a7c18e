import FoundationEssentials
import Testing
import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// The loopback stand-in for GitHub's and GitLab's APIs (Tests/FakeForge/fake_forge.py), one per test.
final class FakeForge {
    let port: String
    let log: String
    private let pid: String

    /// nil when python3 or curl is missing (the test then says so and skips).
    init?(seed: Int, token: String) throws {
        guard system("command -v python3 >/dev/null 2>&1 && command -v curl >/dev/null 2>&1") == 0 else { return nil }
        let base = "/tmp/costgate-forge-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        log = base + ".log"
        let script = CLI.root + "/Tests/FakeForge/fake_forge.py"
        let started = system("python3 '\(script)' '\(base).port' '\(log)' --seed \(seed) --token '\(token)' >/dev/null 2>&1 & echo $! > '\(base).pid'")
        guard started == 0 else { return nil }
        pid = String(decoding: try FileIO.read(base + ".pid"), as: UTF8.self).split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        var waited = 0
        while !FileIO.exists(base + ".port") && waited < 200 { usleep(50_000); waited += 1 }
        port = String(decoding: (try? FileIO.read(base + ".port")) ?? [], as: UTF8.self)
        unlink(base + ".pid")
        unlink(base + ".port")
    }

    deinit {
        if !pid.isEmpty { _ = system("kill -9 \(pid) 2>/dev/null") }
        unlink(log)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// What the server holds: requests (method and path), then each thread's costgate comments and count.
    func state() -> [String] {
        String(decoding: (try? FileIO.read(log)) ?? [], as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func requests() -> [String] { state().filter { $0.hasPrefix("request ") } }
    func comments() -> [String] { state().filter { !$0.hasPrefix("request ") } }
}

@Suite(.serialized) struct CommentTests {
    static let token = "ghp_s3cretT0ken-for-the-test"

    func comment(_ platform: String, _ forge: FakeForge, _ body: String, _ extra: [String], token: String? = CommentTests.token) throws -> CLI.Result {
        let file = "/tmp/costgate-comment-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md"
        try FileIO.writeAtomically(body, to: file)
        defer { unlink(file) }
        var env: [String: String] = [:]
        if let token { env[platform == "github" ? "GITHUB_TOKEN" : "GITLAB_TOKEN"] = token }
        return try CLI.run(["comment", platform, "--path", file, "--api-url", forge.url] + extra, environment: env)
    }

    func noToken(_ r: CLI.Result) {
        #expect(!r.stdout.contains(Self.token) && !r.stderr.contains(Self.token))
    }

    @Test func githubCreatesThenUpdatesInPlaceAcrossPages() throws {
        guard let forge = try FakeForge(seed: 150, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let marker = MarkdownReporter.marker
        let first = try comment("github", forge, "\(marker)\n### costgate: monthly cost **$10.00**\n", ["--repo", "acme/infra", "--pull-request", "12"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "costgate: created comment 1151 on acme/infra#12\n")
        let second = try comment("github", forge, "\(marker)\n### costgate: monthly cost **$12.00**\n", ["--repo", "acme/infra", "--pull-request", "12"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout == "costgate: updated comment 1151 on acme/infra#12\n")
        let third = try comment("github", forge, "\(marker)\n### costgate: monthly cost **$12.00**\n", ["--repo", "acme/infra", "--pull-request", "12"])
        #expect(third.stdout == "costgate: comment 1151 on acme/infra#12 is up to date\n")
        // one comment, not two, among the 150 others; found on the second page (Link: rel="next")
        #expect(forge.comments() == [
            "github acme/infra#12 id=1151 minimized=0 \(marker) | ### costgate: monthly cost **$12.00**",
            "github acme/infra#12 comments=151",
        ])
        #expect(forge.requests() == [
            "request GET /repos/acme/infra/issues/12/comments?per_page=100",
            "request GET /repos/acme/infra/issues/12/comments?per_page=100&page=2",
            "request POST /repos/acme/infra/issues/12/comments",
            "request GET /repos/acme/infra/issues/12/comments?per_page=100",
            "request GET /repos/acme/infra/issues/12/comments?per_page=100&page=2",
            "request PATCH /repos/acme/infra/issues/comments/1151",
            "request GET /repos/acme/infra/issues/12/comments?per_page=100",
            "request GET /repos/acme/infra/issues/12/comments?per_page=100&page=2",
        ])
        for r in [first, second, third] { noToken(r) }
    }

    @Test func githubPutsTheMarkerFirstAndTakesTheRepositoryFromTheEnvironment() throws {
        guard let forge = try FakeForge(seed: 0, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let event = "/tmp/costgate-event-\(getpid()).json"
        try FileIO.writeAtomically(#"{"action": "synchronize", "pull_request": {"number": 7}}"#, to: event)
        defer { unlink(event) }
        let file = "/tmp/costgate-comment-env-\(getpid()).md"
        try FileIO.writeAtomically("no marker here\n", to: file)
        defer { unlink(file) }
        let r = try CLI.run(["comment", "github", "--path", file, "--api-url", forge.url],
                            environment: ["GITHUB_TOKEN": Self.token, "GITHUB_REPOSITORY": "acme/web", "GITHUB_EVENT_PATH": event])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "costgate: created comment 1001 on acme/web#7\n")
        #expect(forge.comments() == ["github acme/web#7 id=1001 minimized=0 \(MarkdownReporter.marker) | no marker here", "github acme/web#7 comments=1"])
    }

    @Test func githubForkIsSkippedWithOneLineAndExitZero() throws {
        guard let forge = try FakeForge(seed: 3, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let r = try comment("github", forge, "report\n", ["--repo", "acme/fork-of-infra", "--pull-request", "3"])
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == "costgate: no permission to comment on acme/fork-of-infra#3 (GitHub answered 403 to POST \(forge.url)/repos/acme/fork-of-infra/issues/3/comments: the token cannot write here, as for a pull request from a fork); comment skipped\n")
        noToken(r)
    }

    @Test func githubDeleteAndNewAndHideAndNew() throws {
        guard let forge = try FakeForge(seed: 2, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let pr = ["--repo", "acme/infra", "--pull-request", "4"]
        _ = try comment("github", forge, "one\n", pr + ["--behavior", "new"])
        _ = try comment("github", forge, "two\n", pr + ["--behavior", "new"])
        let deleted = try comment("github", forge, "three\n", pr + ["--behavior", "delete-and-new"])
        #expect(deleted.stdout == "costgate: deleted 2 earlier comments, created comment 1005 on acme/infra#4\n", "\(deleted.stderr)")
        let hidden = try comment("github", forge, "four\n", pr + ["--behavior", "hide-and-new"])
        #expect(hidden.stdout == "costgate: hid 1 earlier comment, created comment 1006 on acme/infra#4\n", "\(hidden.stderr)")
        let m = MarkdownReporter.marker
        #expect(forge.comments() == [
            "github acme/infra#4 id=1005 minimized=1 \(m) | three",
            "github acme/infra#4 id=1006 minimized=0 \(m) | four",
            "github acme/infra#4 comments=4",
        ])
        #expect(forge.requests().contains("request POST /graphql"))
    }

    @Test func gitlabCreatesThenUpdatesInPlaceAcrossPages() throws {
        guard let forge = try FakeForge(seed: 120, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let mr = ["--repo", "acme/platform", "--merge-request", "9"]
        let first = try comment("gitlab", forge, "A\n", mr)
        #expect(first.stdout == "costgate: created comment 1121 on acme/platform!9\n", "\(first.stderr)")
        let second = try comment("gitlab", forge, "B\n", mr)
        #expect(second.stdout == "costgate: updated comment 1121 on acme/platform!9\n", "\(second.stderr)")
        let m = MarkdownReporter.marker
        #expect(forge.comments() == ["gitlab acme/platform!9 id=1121 minimized=0 \(m) | B", "gitlab acme/platform!9 comments=121"])
        let notes = "/projects/acme%2Fplatform/merge_requests/9/notes"
        #expect(forge.requests() == [
            "request GET \(notes)?sort=asc&order_by=created_at&per_page=100&page=1",
            "request GET \(notes)?sort=asc&order_by=created_at&per_page=100&page=2",
            "request POST \(notes)",
            "request GET \(notes)?sort=asc&order_by=created_at&per_page=100&page=1",
            "request GET \(notes)?sort=asc&order_by=created_at&per_page=100&page=2",
            "request PUT \(notes)/1121",
        ])
        // hide-and-new: GitLab has no hidden notes; the earlier one is folded under another marker
        let third = try comment("gitlab", forge, "C\n", mr + ["--behavior", "hide-and-new"])
        #expect(third.stdout == "costgate: hid 1 earlier comment, created comment 1122 on acme/platform!9\n", "\(third.stderr)")
        #expect(forge.comments() == [
            "gitlab acme/platform!9 id=1121 minimized=0 \(PullRequestComment.hiddenMarker) | <details>",
            "gitlab acme/platform!9 id=1122 minimized=0 \(m) | C",
            "gitlab acme/platform!9 comments=122",
        ])
    }

    @Test func gitlabFromTheEnvironmentAndForks() throws {
        guard let forge = try FakeForge(seed: 0, token: Self.token) else { print("skipped: python3 or curl not found"); return }
        let file = "/tmp/costgate-comment-gl-\(getpid()).md"
        try FileIO.writeAtomically("report\n", to: file)
        defer { unlink(file) }
        let env = ["GITLAB_TOKEN": Self.token, "CI_API_V4_URL": forge.url, "CI_MERGE_REQUEST_IID": "5"]
        var e = env; e["CI_PROJECT_ID"] = "42"
        let ok = try CLI.run(["comment", "gitlab", "--path", file], environment: e)
        #expect(ok.stdout == "costgate: created comment 1001 on 42!5\n", "\(ok.stderr)")
        e["CI_PROJECT_ID"] = "someone/fork-of-platform"
        let fork = try CLI.run(["comment", "gitlab", "--path", file], environment: e)
        #expect(fork.status == 0)
        #expect(fork.stdout.hasPrefix("costgate: no permission to comment on someone/fork-of-platform!5 (GitLab answered 403 to POST "))
        #expect(fork.stdout.hasSuffix("; comment skipped\n") && fork.stdout.split(separator: "\n").count == 1)
        noToken(fork)
    }

    @Test func errorsAreOneLineWithoutTheToken() throws {
        guard let forge = try FakeForge(seed: 0, token: "another-token") else { print("skipped: python3 or curl not found"); return }
        let pr = ["--repo", "acme/infra", "--pull-request", "1"]
        let wrong = try comment("github", forge, "x\n", pr)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "costgate: error: GitHub API: GET \(forge.url)/repos/acme/infra/issues/1/comments: HTTP 401 (Bad credentials): check the token\n")
        noToken(wrong)
        let missing = try comment("gitlab", forge, "x\n", ["--repo", "1", "--merge-request", "1"], token: nil)
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("costgate: error: GITLAB_TOKEN is not set: ") && missing.stderr.split(separator: "\n").count == 1)
        let down = try CLI.run(["comment", "github", "--path", "README.md", "--api-url", "http://127.0.0.1:1"] + pr,
                               environment: ["GITHUB_TOKEN": Self.token])
        #expect(down.status == 2)
        #expect(down.stderr.hasPrefix("costgate: error: GitHub API: GET http://127.0.0.1:1/repos/acme/infra/issues/1/comments: curl: (7) "))
        #expect(down.stderr.split(separator: "\n").count == 1)
        noToken(down)
        let behavior = try comment("github", forge, "x\n", pr + ["--behavior", "replace"])
        #expect(behavior.status == 2)
        #expect(behavior.stderr.contains("unknown --behavior 'replace'; use one of update, new, delete-and-new, hide-and-new"))
    }

    /// curl gets the token on standard input (`-K -`), never in its arguments.
    @Test func theTokenIsNotInCurlsArguments() throws {
        let dir = "/tmp/costgate-fakecurl-\(getpid())"
        _ = system("mkdir -p '\(dir)'")
        defer { _ = system("rm -rf '\(dir)'") }
        try FileIO.writeAtomically("#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(dir)/argv'\ncat > '\(dir)/stdin'\necho 'curl: (6) fake curl' >&2\nexit 6\n", to: dir + "/curl")
        _ = system("chmod +x '\(dir)/curl'")
        let r = try CLI.run(["comment", "github", "--path", "README.md", "--repo", "acme/infra", "--pull-request", "1"],
                            environment: ["GITHUB_TOKEN": Self.token, "GITHUB_API_URL": "https://api.github.com", "PATH": dir + ":" + (FileIO.environment("PATH") ?? "/usr/bin:/bin")])
        #expect(r.status == 2)
        #expect(r.stderr == "costgate: error: GitHub API: GET https://api.github.com/repos/acme/infra/issues/1/comments: curl: (6) fake curl\n")
        let argv = String(decoding: try FileIO.read(dir + "/argv"), as: UTF8.self)
        let stdin = String(decoding: try FileIO.read(dir + "/stdin"), as: UTF8.self)
        #expect(argv == "-K\n-\n")
        #expect(stdin.contains("header = \"Authorization: Bearer \(Self.token)\"\n"))
        #expect(stdin.contains("url = \"https://api.github.com/repos/acme/infra/issues/1/comments?per_page=100\"\n"))
    }

    @Test func pagingLinksAndHeaders() {
        let link = #"<https://api.github.com/repositories/1/issues/2/comments?page=2>; rel="next", <https://api.github.com/repositories/1/issues/2/comments?page=5>; rel="last""#
        #expect(GitHubForge.nextLink(link) == "https://api.github.com/repositories/1/issues/2/comments?page=2")
        #expect(GitHubForge.nextLink(#"<https://x/?page=1>; rel="prev""#) == nil)
        #expect(GitHubForge.nextLink(nil) == nil)
    }
}
