import CostGateKit
#if canImport(Glibc)
import Glibc
#endif

/// The one place the executable touches the process: standard output and error, files, the
/// environment, and exit.
enum Platform {
    /// Renders every report straight into its place (files atomically: each into a temporary file, all put in
    /// place only when every one is complete, none after an error), appends the step summary, and exits with the run's status — without freeing what the run built, which for a large
    /// plan would take a quarter of the time.
    static func emit(_ result: PipelineResult) throws -> Never {
        for w in result.warnings { FileIO.write("costgate: warning: \(Limits.escapingControls(w))\n", fd: 2) }
        var sinks: [OutputSink] = []
        do {
            for output in result.outputs {
                let sink = try output.file.map { try OutputSink.file($0) } ?? .standardOutput()
                sinks.append(sink)
                try output.write(to: sink)
            }
            if let summary = result.stepSummary { try FileIO.append(summary.text, to: summary.path) }
            for sink in sinks { try sink.finish() }
        } catch {
            for sink in sinks { sink.abandon() }
            throw error
        }
        withExtendedLifetime(result) { Glibc.exit(result.status) }
    }

    static func print(_ text: String) { FileIO.write(text, fd: 1) }

    static func write(_ text: String, to path: String) throws { try FileIO.writeAtomically(text, to: path) }

    static func environment(_ name: String) -> String? { FileIO.environment(name) }

    static func terminalWidth() -> Int? { TerminalWidth.forStandardOutput() }

    /// One line on standard error, exit 2.
    static func fail(_ message: String) -> Never {
        FileIO.write("costgate: error: \(Limits.escapingControls(message))\n", fd: 2)
        Glibc.exit(2)
    }

    static func exit(_ status: Int32) -> Never { Glibc.exit(status) }
}
