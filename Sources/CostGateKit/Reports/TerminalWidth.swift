import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// How wide the table may be: `$COLUMNS` when it is a number, else 80 when standard output is a terminal;
/// nil (no wrapping) when the report goes to a pipe or a file.
public enum TerminalWidth {
    public static func forStandardOutput() -> Int? {
        if let text = FileIO.environment("COLUMNS"), let n = Int(text.trimmingSpaces()), n > 0 { return max(n, 40) }
        return isatty(1) == 1 ? 80 : nil
    }
}
