import Foundation

/// A few threads of its own that render, so CPU-bound template work never
/// occupies the server's event loops or Swift's cooperative pool: a slow
/// render holds one of these threads, and `/healthz`, `/metrics` and other
/// requests carry on.
///
/// ```swift
/// let threads = RenderThreads(count: 4)
/// let outcome = await threads.run { renderer.render(profile, assignment) }
/// ```
final class RenderThreads: @unchecked Sendable {
    let count: Int
    /// Guards `pending`, `head` and `stopped`, and wakes idle threads.
    private let wake = NSCondition()
    private var pending: [@Sendable () -> Void] = []
    private var head = 0
    private var stopped = false

    init(count: Int) {
        self.count = max(1, count)
        for i in 0..<self.count {
            let thread = Thread { [self] in self.work() }
            thread.name = "tailor-render-\(i)"
            thread.start()
        }
    }

    /// Runs `body` on a render thread and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: body()) }
        }
    }

    /// Lets the threads end once the queued work is done.
    func stop() {
        wake.lock()
        stopped = true
        wake.broadcast()
        wake.unlock()
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        wake.lock()
        pending.append(job)
        wake.signal()
        wake.unlock()
    }

    private func work() {
        while true {
            wake.lock()
            while head == pending.count && !stopped { wake.wait() }
            if head == pending.count {  // stopped, nothing left
                wake.unlock()
                return
            }
            let job = pending[head]
            head += 1
            // Under steady load the queue never empties, so the consumed front
            // is dropped once it is most of the array (else it grows forever).
            if head == pending.count {
                pending.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 256 && head * 2 >= pending.count {
                pending.removeFirst(head)
                head = 0
            }
            wake.unlock()
            job()
        }
    }
}
