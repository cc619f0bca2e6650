import Foundation
import Synchronization

/// Variable names as small integers, assigned when templates compile, so a
/// render compares and indexes integers instead of hashing strings. One table
/// per environment: every template of an environment agrees on the numbers,
/// which lets includes and macros share scopes across templates.
final class SymbolTable: @unchecked Sendable {
    /// Names the runtime itself binds; their numbers are fixed.
    enum Fixed {
        static let loop = 0
        static let varargs = 1
        static let kwargs = 2
        static let caller = 3
        /// The `caller` a `{% call %}` block passes, hidden from templates.
        static let pendingCaller = 4
        static let names = ["loop", "varargs", "kwargs", "caller", "\u{0}caller"]
    }

    private let lock = NSLock()
    private var ids: [String: Int] = [:]
    private var names: [String] = []
    /// `names.count`, readable without the lock: a render checks it to know
    /// whether what it took before is still every symbol.
    private let published = Atomic<Int>(0)
    /// Per symbol: whether some compiled template binds it as a local or a
    /// template variable (a `set`, a loop target, a macro or its parameters,
    /// an import). One that none binds can only be a render variable or a
    /// global, so a lookup need not search the locals and template variables.
    private var bound: [Bool] = []
    /// Bumped each time a symbol becomes bound, readable without the lock:
    /// a render holding flags taken at one version knows they still hold.
    private let bindings = Atomic<Int>(0)

    init() {
        for name in Fixed.names { markBound(id(for: name)) }
    }

    /// Records that a template binds `id` (before any render can run the binding).
    func markBound(_ id: Int) {
        lock.lock()
        defer { lock.unlock() }
        if id < bound.count && bound[id] { return }
        if id >= bound.count { bound += Array(repeating: false, count: id + 1 - bound.count) }
        bound[id] = true
        bindings.add(1, ordering: .releasing)
    }

    /// The version of the bound flags: it changes whenever a symbol becomes bound.
    var bindingVersion: Int {
        @inline(__always) get { bindings.load(ordering: .acquiring) }
    }

    /// Per symbol (as many as there are now), whether none binds it, and the
    /// version those flags are of.
    func neverBound() -> (flags: [Bool], version: Int) {
        lock.lock()
        defer { lock.unlock() }
        let flags = names.indices.map { $0 >= bound.count || !bound[$0] }
        return (flags, bindings.load(ordering: .acquiring))
    }

    /// The number of `name`, assigning the next one if it has none.
    func id(for name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        names.append(name)
        ids[name] = names.count - 1
        published.store(names.count, ordering: .releasing)
        return names.count - 1
    }

    /// The number of `name` if some template has used it.
    func existingID(for name: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return ids[name]
    }

    /// The name of a number.
    func name(of id: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[id]
    }

    /// Every name by number, as the table stands: a render takes this once
    /// instead of the lock for each name it resolves.
    var allNames: [String] {
        lock.lock()
        defer { lock.unlock() }
        return names
    }

    /// How many symbols there are: at least every one assigned before the call.
    var count: Int {
        published.load(ordering: .acquiring)
    }
}
