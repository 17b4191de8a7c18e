import FoundationEssentials
import ArgumentParser
import CostGateKit

/// `costgate comment github|gitlab`: the markdown report as a pull- or merge-request comment, updated in place.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Post the markdown report (--format markdown) on a pull or merge request, and update it on the next run.",
        discussion: """
        The comment is found again by the hidden marker the markdown report starts with. The token comes from \
        the environment only (GITHUB_TOKEN, GITLAB_TOKEN). Without write permission (HTTP 403, as for a pull \
        request from a fork) one line says so and the exit code is 0. Requests are sent with curl.
        """,
        subcommands: [GitHub.self, GitLab.self]
    )

    struct Common: ParsableArguments {
        @Option(help: "The markdown report to post (costgate check --format markdown --out FILE); - for standard input.")
        var path: String

        @Option(help: "update (edit the earlier comment, the default), new, delete-and-new or hide-and-new.")
        var behavior: String = CommentBehavior.update.rawValue

        @Option(name: .customLong("api-url"), help: "The API's base URL (GitHub Enterprise, a self-managed GitLab, a test server).")
        var apiURL: String?

        func validate() throws {
            guard CommentBehavior(rawValue: behavior) != nil else {
                throw ValidationError("unknown --behavior '\(behavior)'; use one of \(CommentBehavior.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func body() throws -> String {
            if path != "-" && !FileIO.exists(path) { throw CostGateError("comment file not found", at: SourceLocation(file: path)) }
            let bytes = try FileIO.read(path)
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else {
                throw CostGateError("the comment is empty; write it with --format markdown --out FILE", at: SourceLocation(file: path))
            }
            return text
        }

        func post(to forge: any Forge) throws {
            let line = try PullRequestComment.post(try body(), to: forge, behavior: CommentBehavior(rawValue: behavior)!)
            Platform.print(line + "\n")
        }
    }

    struct GitHub: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "github", abstract: "Comment on a GitHub pull request (token: GITHUB_TOKEN).")
        @OptionGroup var common: Common
        @Option(help: "OWNER/NAME (default: GITHUB_REPOSITORY).") var repo: String?
        @Option(name: .customLong("pull-request"), help: "The pull request's number (default: the workflow event's).") var pullRequest: Int?

        func run() throws {
            try common.post(to: try CommentEnvironment.github(apiURL: common.apiURL, repository: repo, number: pullRequest))
        }
    }

    struct GitLab: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gitlab", abstract: "Comment on a GitLab merge request (token: GITLAB_TOKEN, api scope).")
        @OptionGroup var common: Common
        @Option(help: "The project's id or GROUP/PROJECT path (default: CI_PROJECT_ID).") var repo: String?
        @Option(name: .customLong("merge-request"), help: "The merge request's IID (default: CI_MERGE_REQUEST_IID).") var mergeRequest: Int?

        func run() throws {
            try common.post(to: try CommentEnvironment.gitlab(apiURL: common.apiURL, project: repo, mergeRequest: mergeRequest))
        }
    }
}
