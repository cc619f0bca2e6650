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
    struct Key: Hashable, Sendable {
        let fingerprint: UInt64
        let autoescape: Bool
        let arguments: [Value]

        /// Nil when an argument is not plain data (an object, an undefined).
        init?(_ arguments: [Value], autoescape: Bool) {
            var print = MemoFingerprint(seed: autoescape ? 0x9E37_79B9_7F4A_7C15 : 0xC2B2_AE3D_27D4_EB4F)
            for argument in arguments {
                guard print.add(argument) else { return nil }
            }
            fingerprint = print.value
            self.autoescape = autoescape
            self.arguments = arguments
        }

        static func == (a: Key, b: Key) -> Bool {
            a.fingerprint == b.fingerprint && a.autoescape == b.autoescape && a.arguments.count == b.arguments.count
                && zip(a.arguments, b.arguments).allSatisfy { $0.isIdentical(to: $1) }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
        }
    }

    /// A remembered output, with what a recorder saw while it was rendered
    /// (nil when no recorder was attached then).
    struct Entry: Sendable {
        let bytes: [UInt8]
        let trace: RenderRecorder.Trace?
    }

    private let entries = Mutex([Key: Entry]())
    private static let maxEntries = 4096

    init(globalIDs: [Int]) {
        self.globalIDs = globalIDs
    }

    /// The output rendered before for these arguments, or nil.
    func lookup(_ key: Key) -> Entry? {
        entries.withLock { $0[key] }
    }

    /// Remembers an output; an entry with a trace replaces one without.
    func store(_ key: Key, _ entry: Entry) {
        entries.withLock { entries in
            if let existing = entries[key] {
                if existing.trace == nil && entry.trace != nil { entries[key] = entry }
                return
            }
            guard entries.count < Self.maxEntries else { return }
            entries[key] = entry
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
}
