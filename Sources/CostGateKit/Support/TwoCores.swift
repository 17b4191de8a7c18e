import Dispatch

/// Work over a long list in two halves, one per core; a short list in one pass on this thread.
enum TwoCores {
    static func run(_ count: Int, from minimum: Int = 2_000, _ body: (_ range: Range<Int>, _ half: Int) -> Void) {
        guard count >= minimum else {
            body(0..<count, 0)
            return
        }
        let mid = count / 2
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: 2) { half in body(half == 0 ? 0..<mid : mid..<count, half) }
        }
    }
}
