import Synchronization

/// Remembered output of a pure macro: one whose body reads only its parameters
/// and environment globals, through pure operations. Product cards and buttons
/// are called with the same arguments across thousands of recipients, so their
/// output is rendered once per distinct argument list and then copied.
///
/// Shared by every render of the template, across threads, and bounded: once
/// full it stops remembering. A miss costs a hash of the arguments, small
/// beside rendering the body.
final class MacroMemo: Sendable {
    /// Globals the body reads; a render where any is shadowed bypasses the memo.
    let globalIDs: [Int]

    private struct Key: Hashable {
        let autoescape: Bool
        let arguments: [Value]

        static func == (a: Key, b: Key) -> Bool {
            a.autoescape == b.autoescape && a.arguments.count == b.arguments.count
                && zip(a.arguments, b.arguments).allSatisfy { $0.isIdentical(to: $1) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(autoescape)
            for argument in arguments { argument.hashIdentity(into: &hasher) }
        }
    }

    private let entries = Mutex([Key: [UInt8]]())
    private static let maxEntries = 4096

    init(globalIDs: [Int]) {
        self.globalIDs = globalIDs
    }

    /// The bytes rendered before for these arguments, or nil.
    func lookup(_ arguments: [Value], autoescape: Bool) -> [UInt8]? {
        let key = Key(autoescape: autoescape, arguments: arguments)
        return entries.withLock { $0[key] }
    }

    func store(_ arguments: [Value], autoescape: Bool, output: [UInt8]) {
        let key = Key(autoescape: autoescape, arguments: arguments)
        entries.withLock { entries in
            guard entries.count < Self.maxEntries else { return }
            entries[key] = output
        }
    }

    /// Whether arguments of this shape can be keys: plain data only.
    static func isKeyable(_ value: Value) -> Bool {
        switch value {
        case .none, .bool, .int, .float, .string, .markup: return true
        case .list(let items), .tuple(let items): return items.allSatisfy(isKeyable)
        case .dict(let d): return d.keys.allSatisfy(isKeyable) && d.values.allSatisfy(isKeyable)
        case .undefined, .object: return false
        }
    }
}

extension Value {
    /// Equality that also tells apart what prints differently: `1` and `1.0`,
    /// `True` and `1`, `str` and `Markup`, dict key order.
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)), (.markup(let a), .markup(let b)): return a == b
        case (.list(let a), .list(let b)), (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.dict(let a), .dict(let b)):
            return a.count == b.count && zip(a.keys, b.keys).allSatisfy { $0.isIdentical(to: $1) }
                && zip(a.values, b.values).allSatisfy { $0.isIdentical(to: $1) }
        default: return false
        }
    }

    /// A hash consistent with `isIdentical`.
    func hashIdentity(into hasher: inout Hasher) {
        switch self {
        case .none: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .float(let d): hasher.combine(3); hasher.combine(d.bitPattern)
        case .string(let s): hasher.combine(4); hasher.combine(s)
        case .markup(let s): hasher.combine(5); hasher.combine(s)
        case .list(let items), .tuple(let items):
            hasher.combine(6)
            hasher.combine(items.count)
            for item in items { item.hashIdentity(into: &hasher) }
        case .dict(let d):
            hasher.combine(7)
            hasher.combine(d.count)
            for (k, v) in zip(d.keys, d.values) {
                k.hashIdentity(into: &hasher)
                v.hashIdentity(into: &hasher)
            }
        case .undefined, .object: hasher.combine(8)
        }
    }
}
