import Foundation

/// How many chunks may be between the reader and the writer at once: the
/// reader acquires a slot per chunk, the writer releases it once the chunk is
/// on disk. This bounds the messages held in memory however far rendering
/// runs ahead of a slow chunk.
final class InFlightLimit: @unchecked Sendable {
    private var free: Int
    private var cancelled = false
    private let condition = NSCondition()

    init(_ slots: Int) {
        free = slots
    }

    /// Waits for a free slot; false when the run was cancelled.
    func acquire() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while free == 0 && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        free -= 1
        return true
    }

    func release() {
        condition.lock()
        free += 1
        condition.signal()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
