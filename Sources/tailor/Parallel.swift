import Foundation
import Synchronization

/// Runs work on a fixed number of threads with large stacks (deeply nested
/// templates recurse), and hands out indexes to whichever thread is free.
enum Parallel {
    /// Threads get this much stack; the main thread's default is 8 MiB.
    static let stackSize = 64 << 20

    /// The number of cores, the default for `--jobs`.
    static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Calls `body(worker)` once on each of `workers` threads and waits for all.
    static func run(workers: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for worker in 0..<max(1, workers) {
            group.enter()
            let thread = Thread {
                body(worker)
                group.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }

    /// Calls `body(index)` for every index in `0..<count`, spread over `workers`
    /// threads, each index once, in no particular order.
    static func forEach(_ count: Int, workers: Int, _ body: @escaping @Sendable (_ index: Int, _ worker: Int) -> Void) {
        let next = Counter()
        run(workers: min(workers, max(count, 1))) { worker in
            while true {
                let index = next.take()
                guard index < count else { return }
                body(index, worker)
            }
        }
    }
}

/// A shared, thread-safe counter handing out 0, 1, 2, ...
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int {
        value.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}

/// A value shared between threads, reached only under its lock.
final class Locked<State: Sendable>: Sendable {
    private let mutex: Mutex<State>

    init(_ state: State) {
        mutex = Mutex(state)
    }

    func withLock<R>(_ body: (inout State) -> R) -> R {
        mutex.withLock { body(&$0) }
    }
}

/// Monotonic nanoseconds, for timing phases.
enum Stopwatch {
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
