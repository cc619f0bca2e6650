import Foundation
import Synchronization
import TailorBatch

/// `tailor render`'s progress line on standard error, rewritten in place at
/// most four times a second; only when standard error is a terminal, so logs
/// and pipes get the summary alone.
final class ProgressReporter: Sendable {
    private struct State {
        var line = ProgressLine()
        var lastDraw = 0.0
        var drawn = false
    }

    private let state = Mutex(State())

    /// A reporter when standard error is a terminal, else nil. The profiles
    /// file's lines are counted on a background thread for the ETA.
    static func forStandardError(profiles: String) -> ProgressReporter? {
        guard isatty(2) != 0 else { return nil }
        let reporter = ProgressReporter()
        Thread.detachNewThread {
            let total = LineCount.of(profiles)
            reporter.state.withLock { $0.line.totalLines = total }
        }
        return reporter
    }

    /// Redraws the line for `summary` (rate-limited).
    func update(_ summary: RenderSummary) {
        let now = Date().timeIntervalSinceReferenceDate
        let text: String? = state.withLock { state in
            guard now - state.lastDraw >= 0.25 else { return nil }
            state.lastDraw = now
            state.drawn = true
            return state.line.text(summary)
        }
        if let text { StandardStream.error.write("\r" + text + "\u{1B}[K") }
    }

    /// Clears the line before the summary is printed.
    func end() {
        if state.withLock({ $0.drawn }) { StandardStream.error.write("\r\u{1B}[K") }
    }
}
