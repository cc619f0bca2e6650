/// A 64-bit digest of plain data, consistent with `Value.isIdentical(to:)`:
/// identical values give the same fingerprint; `1` and `1.0`, `str` and `Markup`,
/// lists and tuples mostly differ. Dicts contribute their values in order.
///
/// Not for anything adversarial: it only spreads memo keys, and a memo hit is
/// confirmed by comparing the values themselves. A string contributes its length
/// and its first and last eight bytes, which makes it many times cheaper than
/// `Hasher` over the same values.
struct MemoFingerprint {
    private(set) var value: UInt64

    init(seed: UInt64) { value = seed }

    /// Mixes `value` in; false when it is not plain data (an object, an undefined).
    mutating func add(_ item: Value) -> Bool {
        switch item {
        case .none: mix(1)
        case .bool(let b): mix(b ? 2 : 3)
        case .int(let i): mix(4); mix(UInt64(bitPattern: Int64(i)))
        case .float(let d): mix(5); mix(d.bitPattern)
        case .string(let s): mix(6); add(s)
        case .markup(let s): mix(7); add(s)
        case .list(let items), .tuple(let items):
            if case .tuple = item { mix(8) } else { mix(9) }
            mix(UInt64(items.count))
            // Elements read in place: a subscript would copy each (a retain
            // and a release of its payload).
            let plain = items.withUnsafeBufferPointer { items in
                for i in items.indices where !add(items[i]) { return false }
                return true
            }
            guard plain else { return false }
        case .dict(let d):
            mix(10)
            mix(UInt64(d.count))
            // Keys are the same across calls (a product's fields): checked to be
            // plain data, not mixed in. A hit still compares keys exactly.
            let plain = d.withKeysAndValues { keys, values in
                for i in keys.indices {
                    switch keys[i] {
                    case .undefined, .object: return false
                    default: break
                    }
                    guard add(values[i]) else { return false }
                }
                return true
            }
            guard plain else { return false }
        case .undefined, .object:
            return false
        }
        return true
    }

    /// Mixes a string's length and its first and last eight bytes: enough to
    /// spread memo keys, at a cost that does not grow with the string.
    /// The string is read in place when its UTF-8 is contiguous (a native
    /// string), without the copy that `withUTF8` needs.
    private mutating func add(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ add(utf8: $0) }) == nil {
            var string = string
            string.withUTF8 { add(utf8: $0) }
        }
    }

    private mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        mix(UInt64(bytes.count))
        guard let base = bytes.baseAddress else { return }
        if bytes.count >= 8 {
            mix(UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
            mix(UnsafeRawPointer(base + (bytes.count - 8)).loadUnaligned(as: UInt64.self))
        } else {
            var word: UInt64 = 0
            for i in 0..<bytes.count { word |= UInt64(bytes[i]) << (8 * UInt64(i)) }
            mix(word)
        }
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        let product = (value ^ word).multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        value = product.high ^ product.low
    }
}
