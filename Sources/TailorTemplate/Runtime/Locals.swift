/// The local variables of a render as a stack: symbols and values in parallel
/// arrays, so a lookup scans integers without touching (and retaining) values.
struct Locals {
    private(set) var ids: [Int] = []
    private(set) var values: [Value] = []

    var count: Int { ids.count }

    /// Makes room for `count` bindings, so a render's first loops and macro
    /// calls do not regrow the stack from empty one doubling at a time.
    mutating func reserveCapacity(_ count: Int) {
        ids.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    @inline(__always)
    mutating func append(_ id: Int, _ value: Value) {
        ids.append(id)
        values.append(value)
    }

    mutating func append(contentsOf entries: [(id: Int, value: Value)]) {
        for entry in entries { append(entry.id, entry.value) }
    }

    /// `body` over the `count` values from position `start`, read in place.
    @inline(__always)
    func withValues<R>(from start: Int, count: Int, _ body: (UnsafeBufferPointer<Value>) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<start + count])) }
    }

    /// The innermost value bound to `id` at or above `lowest`.
    @inline(__always)
    func find(_ id: Int, downTo lowest: Int) -> Value? {
        var i = ids.count - 1
        while i >= lowest {
            if ids[i] == id { return values[i] }
            i -= 1
        }
        return nil
    }

    /// Whether `id` is bound at or above `lowest` (without copying its value).
    @inline(__always)
    func contains(_ id: Int, downTo lowest: Int) -> Bool {
        var i = ids.count - 1
        while i >= lowest {
            if ids[i] == id { return true }
            i -= 1
        }
        return false
    }

    /// Replaces the binding of `id` at or above `lowest`, or pushes a new one.
    @inline(__always)
    mutating func assign(_ id: Int, _ value: Value, downTo lowest: Int) {
        var i = ids.count - 1
        while i >= lowest {
            if ids[i] == id {
                values[i] = value
                return
            }
            i -= 1
        }
        append(id, value)
    }

    /// Drops every binding above `count`.
    @inline(__always)
    mutating func truncate(to count: Int) {
        // A scope drops a binding or two: `removeLast()` each is far cheaper
        // than `removeSubrange`, which goes through the generic `replaceSubrange`.
        while ids.count > count {
            ids.removeLast()
            values.removeLast()
        }
    }

    /// Drops every binding, keeping the memory for the next render.
    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    /// The bindings from `start` up, for a macro's closure.
    func entries(from start: Int) -> [(id: Int, value: Value)] {
        guard start < ids.count else { return [] }
        return (start..<ids.count).map { (ids[$0], values[$0]) }
    }
}
