/// An insertion-ordered mapping, like a Python 3.7+ `dict`.
///
/// Storage is shared copy-on-write, so passing a dict around (every
/// `profile.address.city` does) costs one reference. Small dicts are searched
/// linearly, comparing string keys directly; larger ones keep a hash index.
public struct Dict: Sendable {
    private final class Storage: @unchecked Sendable {
        var keys: [Value]
        var values: [Value]
        var index: [Value: Int]?
        /// Whether every key is a `.string` of ASCII bytes, no two alike:
        /// then no two keys are equal as Swift strings either, and a name is
        /// found by the first key equal to it (see ``RootVariables``).
        var hasDistinctASCIINames: Bool

        init(keys: [Value] = [], values: [Value] = [], index: [Value: Int]? = nil, hasDistinctASCIINames: Bool = false) {
            self.keys = keys
            self.values = values
            self.index = index
            self.hasDistinctASCIINames = hasDistinctASCIINames
        }

        func copy() -> Storage {
            Storage(keys: keys, values: values, index: index, hasDistinctASCIINames: hasDistinctASCIINames)
        }
    }

    private var storage: Storage
    private static let indexThreshold = 32

    public init() { storage = Storage() }

    public init(_ pairs: [(Value, Value)]) {
        storage = Storage()
        storage.keys.reserveCapacity(pairs.count)
        storage.values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// A dict over keys the caller has already made unique (a JSON object whose
    /// repeated keys were merged), taking both arrays as they are.
    init(uniqueKeys keys: [Value], values: [Value]) {
        storage = Storage(keys: keys, values: values)
        rebuildIndex()
    }

    /// Set by the JSON reader that made the dict; cleared when a key is added.
    /// (Replacing a value or removing a key keeps it true.)
    var hasDistinctASCIINames: Bool {
        get { storage.hasDistinctASCIINames }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            storage.hasDistinctASCIINames = newValue
        }
    }

    /// `body` over the keys and the values, read in place (no copy of
    /// either array, nor of an element).
    @inline(__always)
    func withKeysAndValues<R>(_ body: (UnsafeBufferPointer<Value>, UnsafeBufferPointer<Value>) throws -> R) rethrows -> R {
        let s = storage
        return try s.keys.withUnsafeBufferPointer { keys in try s.values.withUnsafeBufferPointer { try body(keys, $0) } }
    }

    public var keys: [Value] { storage.keys }
    public var values: [Value] { storage.values }
    public var count: Int { storage.keys.count }
    public var isEmpty: Bool { storage.keys.isEmpty }

    /// The position of `key`, if present.
    public func position(of key: Value) -> Int? {
        if let index = storage.index { return index[key] }
        if case .string(let s) = key { return position(ofString: s) }
        let keys = storage.keys
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    private func position(ofString key: String) -> Int? {
        if let index = storage.index { return index[.string(key)] }
        let keys = storage.keys
        let length = key.utf8.count
        for i in keys.indices {
            switch keys[i] {
            case .string(let s), .markup(let s):
                // Comparing lengths first skips most of String's slower comparison.
                if s.utf8.count == length && s == key { return i }
            case .int, .float, .bool, .none, .list, .tuple, .dict, .object, .undefined:
                continue
            }
        }
        return nil
    }

    /// Looks up a string key without building a `Value` first.
    public func value(forString key: String) -> Value? {
        position(ofString: key).map { storage.values[$0] }
    }

    /// Looks up a string key at the position `hint` guesses first, searching
    /// only when the key there is another; the hint learns where it was.
    func value(forString key: String, hint: KeyPositionHint) -> Value? {
        let guess = hint.guess
        let keys = storage.keys
        if guess < keys.count {
            switch keys[guess] {
            case .string(let s), .markup(let s):
                if s.utf8.count == key.utf8.count && s == key { return storage.values[guess] }
            case .int, .float, .bool, .none, .list, .tuple, .dict, .object, .undefined:
                break
            }
        }
        guard let found = position(ofString: key) else { return nil }
        hint.remember(found)
        return storage.values[found]
    }

    /// The value of the key equal to `name` as a Swift string, in a dict
    /// with ``hasDistinctASCIINames``: the position `hint` first, then a
    /// search, which moves the hint. (With distinct ASCII keys at most one
    /// equals any name; for an ASCII name only a key of its length can.)
    func value(forDistinctName name: String, nameIsASCII: Bool, hint: inout Int32) -> Value? {
        let keys = storage.keys
        let guess = Int(hint)
        if guess < keys.count, case .string(let s) = keys[guess], s == name { return storage.values[guess] }
        let length = name.utf8.count
        for i in keys.indices {
            guard case .string(let s) = keys[i] else { continue }
            if nameIsASCII ? (s.utf8.count == length && s == name) : s == name {
                hint = Int32(truncatingIfNeeded: i)
                return storage.values[i]
            }
        }
        return nil
    }

    public subscript(key: Value) -> Value? {
        get { position(of: key).map { storage.values[$0] } }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            let s = storage
            if let i = position(of: key) {
                if let newValue {
                    s.values[i] = newValue
                } else {
                    s.keys.remove(at: i)
                    s.values.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                appendNew(key, newValue)
            }
        }
    }

    /// Appends a key the caller knows is not present (the setter after its
    /// search, or a JSON reader that has ruled out a repeat).
    mutating func appendNew(_ key: Value, _ value: Value) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        s.hasDistinctASCIINames = false
        s.keys.append(key)
        s.values.append(value)
        if s.index != nil {
            s.index![key] = s.keys.count - 1
        } else if s.keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    public subscript(string key: String) -> Value? {
        get { value(forString: key) }
        set { self[.string(key)] = newValue }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: Value, value: Value)] {
        zip(storage.keys, storage.values).map { (key: $0, value: $1) }
    }

    private func rebuildIndex() {
        let s = storage
        guard s.keys.count > Self.indexThreshold else { s.index = nil; return }
        var map = [Value: Int](minimumCapacity: s.keys.count)
        for (i, k) in s.keys.enumerated() { map[k] = i }
        s.index = map
    }
}
