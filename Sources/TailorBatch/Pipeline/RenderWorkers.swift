import Foundation
import TailorData
import TailorSegments

/// The rendering threads: each takes the next chunk from the reader, renders
/// its recipients and leaves the result for the writer. Threads get large
/// stacks (templates nest includes and macros).
final class RenderWorkers: @unchecked Sendable {
    private let group = DispatchGroup()

    /// Starts `count` threads rendering chunks from `queue` into `output`;
    /// when the queue is drained the last one finishes `output`.
    init(
        count: Int, renderer: SendRenderer, queue: BoundedQueue<Chunk>, output: ReorderBuffer<RenderedChunk>
    ) {
        let live = Counter(count)
        for _ in 0..<max(1, count) {
            group.enter()
            let thread = Thread { [group] in
                while let chunk = queue.pop() {
                    output.put(chunk.sequence, Self.render(chunk, renderer))
                }
                if live.decrement() == 0 { output.finish() }
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// Waits until every thread has stopped.
    func wait() { group.wait() }

    static func render(_ chunk: Chunk, _ renderer: SendRenderer) -> RenderedChunk {
        var results: [RenderedChunk.Result] = []
        results.reserveCapacity(chunk.items.count)
        for (index, item) in chunk.items.enumerated() {
            switch item {
            case .recipient(let profile, let assignment):
                let order = InputOrder(chunk: chunk.sequence, item: index)
                do {
                    let merged = try GivenSegments.merge(profile, assignment)
                    results.append(.outcome(renderer.render(profile, merged, at: order)))
                } catch {
                    let failed = RenderOutcome.failed(recipientID: profile.id, segment: nil, reason: error.reason)
                    results.append(.outcome(RenderedRecipient(outcome: failed)))
                }
            case .bad(let row):
                let failed = RenderOutcome.failed(recipientID: row.recipientId ?? "", segment: nil, reason: row.description)
                results.append(.outcome(RenderedRecipient(outcome: failed)))
            case .resumed(let entry):
                results.append(.resumed(entry))
            }
        }
        return RenderedChunk(sequence: chunk.sequence, results: results, lastLine: chunk.lastLine)
    }
}

/// A count shared by threads.
final class Counter: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()

    init(_ value: Int) { self.value = value }

    /// Subtracts one; the new value.
    func decrement() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value -= 1
        return value
    }
}
