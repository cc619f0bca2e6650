import Synchronization

/// Remembered output of a pure macro: one whose body reads only its parameters
/// and environment globals, through pure operations. Product cards and buttons
/// are called with the same arguments across thousands of recipients, so their
/// output is rendered once per distinct argument list and then copied.
///
/// Shared by every render of the template, across threads, and bounded: once
/// full it stops remembering. Arguments are keyed by a ``MemoFingerprint`` taken
/// in one pass over them (a product's dict of a few strings costs a few hundred
/// instructions), then compared exactly on a hit.
final class MacroMemo: Sendable {
    /// Globals the body reads; a render where any is shadowed bypasses the memo.
    let globalIDs: [Int]

    /// The arguments of one call, ready to look up.
    struct Key: Equatable, Sendable {
        let fingerprint: UInt64
        let autoescape: Bool
        let arguments: [Value]

        /// Nil when an argument is not plain data (an object, an undefined).
        init?(_ arguments: [Value], autoescape: Bool) {
            guard let fingerprint = arguments.withUnsafeBufferPointer({ Self.fingerprint($0, autoescape: autoescape) })
            else { return nil }
            self.init(fingerprint: fingerprint, autoescape: autoescape, arguments: arguments)
        }

        init(fingerprint: UInt64, autoescape: Bool, arguments: [Value]) {
            self.fingerprint = fingerprint
            self.autoescape = autoescape
            self.arguments = arguments
        }

        /// The fingerprint of a call's arguments; nil when one is not plain
        /// data (an object, an undefined).
        static func fingerprint(_ arguments: UnsafeBufferPointer<Value>, autoescape: Bool) -> UInt64? {
            var print = MemoFingerprint(seed: autoescape ? 0x9E37_79B9_7F4A_7C15 : 0xC2B2_AE3D_27D4_EB4F)
            for i in arguments.indices {
                guard print.add(arguments[i]) else { return nil }
            }
            return print.value
        }

        /// Whether this key is the one of `arguments` (already known to have its fingerprint).
        func matches(_ arguments: UnsafeBufferPointer<Value>, autoescape: Bool) -> Bool {
            guard self.autoescape == autoescape, self.arguments.count == arguments.count else { return false }
            return self.arguments.withUnsafeBufferPointer { stored in
                for i in stored.indices where !stored[i].isIdentical(to: arguments[i]) { return false }
                return true
            }
        }

        static func == (a: Key, b: Key) -> Bool {
            a.fingerprint == b.fingerprint && a.autoescape == b.autoescape && a.arguments.count == b.arguments.count
                && a.arguments.indices.allSatisfy { a.arguments[$0].isIdentical(to: b.arguments[$0]) }
        }
    }

    /// A remembered output, with what a recorder saw while it was rendered
    /// (nil when no recorder was attached then).
    struct Entry: Sendable {
        let bytes: [UInt8]
        let trace: RenderRecorder.Trace?
    }

    private let entries = Mutex(MemoTable(capacity: maxEntries))
    private static let maxEntries = 4096

    init(globalIDs: [Int]) {
        self.globalIDs = globalIDs
    }

    /// The output rendered before for these arguments, or nil.
    func lookup(_ key: Key) -> Entry? {
        entries.withLock { $0.entry(for: key) }
    }

    /// The output rendered before for `arguments` (whose fingerprint is
    /// given), read in place, or nil.
    func lookup(_ fingerprint: UInt64, _ arguments: UnsafeBufferPointer<Value>, autoescape: Bool) -> Entry? {
        entries.withLock { table in
            table.entry(fingerprint: fingerprint) { $0.matches(arguments, autoescape: autoescape) }
        }
    }

    /// Remembers an output; an entry with a trace replaces one without.
    func store(_ key: Key, _ entry: Entry) {
        entries.withLock { entries in
            if let existing = entries.entry(for: key) {
                if existing.trace == nil && entry.trace != nil { entries.set(entry, for: key) }
                return
            }
            entries.set(entry, for: key)
        }
    }
}

extension Value {
    /// Equality that also tells apart what prints differently: `1` and `1.0`,
    /// `True` and `1`, `str` and `Markup`, dict key order.
    ///
    /// Switches on `self` and then matches `other` case by case: a switch over
    /// the pair `(self, other)` would copy both values first, and this runs on
    /// every memo hit over every field of the arguments.
    func isIdentical(to other: Value) -> Bool {
        switch self {
        case .none:
            if case .none = other { return true }
        case .bool(let a):
            if case .bool(let b) = other { return a == b }
        case .int(let a):
            if case .int(let b) = other { return a == b }
        case .float(let a):
            if case .float(let b) = other { return a.bitPattern == b.bitPattern }
        case .string(let a):
            if case .string(let b) = other { return a == b }
        case .markup(let a):
            if case .markup(let b) = other { return a == b }
        case .list(let a):
            if case .list(let b) = other { return Self.areIdentical(a, b) }
        case .tuple(let a):
            if case .tuple(let b) = other { return Self.areIdentical(a, b) }
        case .dict(let a):
            if case .dict(let b) = other {
                guard a.count == b.count else { return false }
                return a.withKeysAndValues { aKeys, aValues in
                    b.withKeysAndValues { bKeys, bValues in
                        Self.areIdentical(aKeys, bKeys) && Self.areIdentical(aValues, bValues)
                    }
                }
            }
        case .undefined, .object:
            break
        }
        return false
    }

    /// Element-wise `isIdentical`, reading the elements in place. Arrays that
    /// share their storage (the key list of every object of one shape, from a
    /// ``JSONRecordReader``) are identical without a look at the elements.
    private static func areIdentical(_ a: [Value], _ b: [Value]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { areIdentical(a, $0) } }
    }

    /// Element-wise `isIdentical` over elements read in place.
    private static func areIdentical(_ a: UnsafeBufferPointer<Value>, _ b: UnsafeBufferPointer<Value>) -> Bool {
        guard a.count == b.count else { return false }
        if a.baseAddress == b.baseAddress { return true }
        for i in a.indices where !a[i].isIdentical(to: b[i]) { return false }
        return true
    }
}
