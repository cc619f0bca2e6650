/// An insertion-ordered mapping, like a Python 3.7+ `dict`.
///
/// Small dicts (the common case: a profile, a product) are searched linearly;
/// larger ones keep a hash index beside the ordered storage.
public struct Dict: Sendable {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [Value: Int]? = nil

    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: [(Value, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, if present.
    public func position(of key: Value) -> Int? {
        if let index { return index[key] }
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    /// Looks up a string key without building a `Value` first.
    public func value(forString key: String) -> Value? {
        if let index { return index[.string(key)].map { values[$0] } }
        for i in keys.indices {
            switch keys[i] {
            case .string(let s), .markup(let s):
                if s == key { return values[i] }
            default: continue
            }
        }
        return nil
    }

    public subscript(key: Value) -> Value? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil {
                    index![key] = keys.count - 1
                } else if keys.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    public subscript(string key: String) -> Value? {
        get { value(forString: key) }
        set { self[.string(key)] = newValue }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: Value, value: Value)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else { index = nil; return }
        var map = [Value: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { map[k] = i }
        index = map
    }
}
