/// Remembers `Idempotency-Key`s so a retried event never yields two messages.
///
/// - The first request with a key renders; its result is kept for ``ttl``.
/// - The same key with the same body (and campaign) gets that result: the same
///   bytes, rendered once, even when the retry arrives while the first is still
///   rendering (it waits for the same render).
/// - The same key with a different body is a conflict (409).
/// - An error result is not kept, so a retry after a template fix can succeed.
///
/// At most ``capacity`` keys are kept; when full, the oldest is dropped.
///
/// ```swift
/// let store = IdempotencyStore(ttl: .seconds(86_400), capacity: 10_000)
/// switch await store.result(key: "evt-42", digest: digest, render: { await render() }) {
/// case .conflict: ...                       // 409
/// case .result(let result, let replayed): ...
/// }
/// ```
actor IdempotencyStore {
    enum Lookup: Sendable {
        case conflict
        /// `replayed` is true when the result was rendered for an earlier request.
        case result(RenderResult, replayed: Bool)
    }

    private struct Entry {
        var digest: String
        var task: Task<RenderResult, Never>
        var expires: ContinuousClock.Instant
        var serial: UInt64
    }

    let ttl: Duration
    let capacity: Int
    private let clock = ContinuousClock()
    private var entries: [String: Entry] = [:]
    /// Keys in insertion order (with the serial that tells a live entry from a replaced one).
    private var order: [(key: String, serial: UInt64)] = []
    private var head = 0
    private var serial: UInt64 = 0

    init(ttl: Duration, capacity: Int) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
    }

    /// Keys held now.
    var count: Int { entries.count }

    /// The result for `key`: the kept one, a conflict, or a new render.
    func result(key: String, digest: String, render: @escaping @Sendable () async -> RenderResult) async -> Lookup {
        let now = clock.now
        dropExpired(now)
        if let entry = entries[key] {
            guard entry.digest == digest else { return .conflict }
            return .result(await entry.task.value, replayed: true)
        }
        serial += 1
        let mine = serial
        let task = Task { await render() }
        entries[key] = Entry(digest: digest, task: task, expires: now.advanced(by: ttl), serial: mine)
        order.append((key, mine))
        while entries.count > capacity { dropOldest() }
        let result = await task.value
        if case .failure = result, entries[key]?.serial == mine { entries[key] = nil }
        return .result(result, replayed: false)
    }

    private func dropExpired(_ now: ContinuousClock.Instant) {
        while head < order.count {
            let (key, serial) = order[head]
            guard let entry = entries[key], entry.serial == serial else {
                head += 1  // replaced or removed already
                continue
            }
            guard entry.expires <= now else { break }
            entries[key] = nil
            head += 1
        }
        compact()
    }

    private func dropOldest() {
        while head < order.count {
            let (key, serial) = order[head]
            head += 1
            if entries[key]?.serial == serial {
                entries[key] = nil
                break
            }
        }
        compact()
    }

    /// Reclaims the consumed front of `order` once it is most of the array.
    private func compact() {
        if head > 1024 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
