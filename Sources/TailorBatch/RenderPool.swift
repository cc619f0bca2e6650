import Foundation

/// A fixed set of rendering threads with large stacks (templates nest
/// includes and macros), running one batch at a time: `map` hands out indices
/// and returns the results in index order, whatever the thread timing.
final class RenderPool: @unchecked Sendable {
    private let threads: Int
    private let condition = NSCondition()
    private var job: ((Int) -> Void)?
    private var count = 0
    private var next = 0
    private var running = 0
    private var generation = 0
    private var started = false

    init(threads: Int) {
        self.threads = threads
    }

    deinit {
        condition.lock()
        job = nil
        generation = -1
        condition.broadcast()
        condition.unlock()
    }

    /// `body(i)` for every `i` in `0..<count`, on the pool's threads.
    func map<T>(_ count: Int, _ body: @escaping (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if threads == 1 || count == 1 { return (0..<count).map(body) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        startIfNeeded()
        condition.lock()
        job = { i in results[i] = body(i) }
        self.count = count
        next = 0
        running = threads
        generation += 1
        condition.broadcast()
        while running > 0 { condition.wait() }
        job = nil
        condition.unlock()
        return results.map { $0! }
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        for _ in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func work() {
        var seen = 0
        condition.lock()
        while true {
            while generation == seen { condition.wait() }
            if generation < 0 {
                condition.unlock()
                return
            }
            seen = generation
            let job = self.job!
            while next < count {
                let i = next
                next += 1
                condition.unlock()
                job(i)
                condition.lock()
            }
            running -= 1
            if running == 0 { condition.broadcast() }
        }
    }
}
