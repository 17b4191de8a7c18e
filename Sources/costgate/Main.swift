import ArgumentParser
import CostGateKit

/// The executable: flags in, `CostGateKit` does the work, `Platform` writes and exits.
@main
struct Main {
    static func main() {
        do {
            var command = try Costgate.parseAsRoot()
            try command.run()
        } catch let error as CostGateError {
            Platform.fail(error.description)
        } catch let code as ExitCode {
            Platform.exit(code.rawValue)
        } catch {
            if Costgate.exitCode(for: error) == .success { Platform.print(Costgate.fullMessage(for: error) + "\n"); Platform.exit(0) }
            let message = Costgate.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            Platform.fail("\(message) (see `costgate --help`)")
        }
    }
}

struct Costgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costgate",
        abstract: "Puts cloud cost into code review: prices Terraform plans and Kubernetes manifests offline against versioned price books.",
        discussion: """
        Exit codes: 0 success (check: no error-level finding); 1 check found at least one error-level finding \
        (a budget, tagging rule or guardrail broken; warnings never fail); 2 bad input, usage or configuration \
        (one line: costgate: error: FILE:LINE:COL: …).
        """,
        version: "0.1.0",
        subcommands: [EstimateCommand.self, DiffCommand.self, CheckCommand.self, InitCommand.self, PriceBookCommand.self, UsageCommand.self, TypesCommand.self,
                      CommentCommand.self]
    )
}
