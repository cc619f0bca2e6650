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

    init() {
        for name in Fixed.names { _ = id(for: name) }
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
