import Foundation

/// Where rendering threads leave finished chunks in whatever order they finish,
/// and the writer takes them back in sequence order. It holds at most as many
/// chunks as the reader lets into the pipeline (``InFlightLimit``).
final class ReorderBuffer<Element>: @unchecked Sendable {
    private var waiting: [Int: Element] = [:]
    private var finished = false
    private var cancelled = false
    private let condition = NSCondition()

    /// Leaves chunk `sequence`.
    func put(_ sequence: Int, _ element: Element) {
        condition.lock()
        waiting[sequence] = element
        condition.broadcast()
        condition.unlock()
    }

    /// Chunk `sequence`, waiting for it; nil when every chunk has been taken
    /// (after ``finish()``) or the run was cancelled.
    func take(_ sequence: Int) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while waiting[sequence] == nil && !cancelled && !(finished && waiting.isEmpty) { condition.wait() }
        guard !cancelled else { return nil }
        return waiting.removeValue(forKey: sequence)
    }

    /// Every chunk has been put: a `take` beyond the last returns nil.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
