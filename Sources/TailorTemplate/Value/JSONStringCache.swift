/// String values a ``JSONRecordReader`` has made, found again by their bytes,
/// so that a value repeated across records (a country, a tier, a product's
/// id, name, URL and image URL in every recipient who is recommended it) is
/// made once and then shared, instead of validated, copied (and, when long,
/// allocated and freed) per record.
///
/// Two direct-mapped, bounded tables: one for strings of up to 15 bytes,
/// keyed by the bytes themselves (two words and a count, so a look-up never
/// reads the stored string), and one for longer strings, keyed by a digest
/// and confirmed by comparing bytes. A string whose slot holds another
/// replaces it. A string is only ever returned for exactly its own bytes, so
/// every value is the one made from the input.
final class JSONStringCache {
    /// Strings of fewer UTF-8 bytes fit in two words (and a small string).
    static let shortest = 16
    /// Longer strings are made each time: they rarely repeat, and comparing
    /// them costs more.
    static let longest = 512
    static let slotBits = 12

    /// A short string, at the words of its bytes (zero past `count`).
    fileprivate struct ShortSlot {
        var low: UInt64
        var high: UInt64
        var count: Int
        var string: String
    }

    fileprivate struct LongSlot {
        var digest: UInt64
        var string: String
    }

    /// The slots, which the cache owns: a parser holds this plain view
    /// (while its ``JSONKeyCache`` keeps the cache alive), so a look-up costs
    /// no retain and release of the cache.
    let table: Table

    init() {
        // Empty strings are never looked up, so the empty slots match nothing.
        let shortSlots = UnsafeMutablePointer<ShortSlot>.allocate(capacity: 1 << JSONStringCache.slotBits)
        shortSlots.initialize(repeating: ShortSlot(low: 0, high: 0, count: 0, string: ""), count: 1 << JSONStringCache.slotBits)
        let longSlots = UnsafeMutablePointer<LongSlot>.allocate(capacity: 1 << JSONStringCache.slotBits)
        longSlots.initialize(repeating: LongSlot(digest: 0, string: ""), count: 1 << JSONStringCache.slotBits)
        table = Table(shortSlots: shortSlots, longSlots: longSlots)
    }

    deinit {
        table.shortSlots.deinitialize(count: 1 << JSONStringCache.slotBits)
        table.shortSlots.deallocate()
        table.longSlots.deinitialize(count: 1 << JSONStringCache.slotBits)
        table.longSlots.deallocate()
    }
}

extension JSONStringCache {
    struct Table {
        fileprivate let shortSlots: UnsafeMutablePointer<ShortSlot>
        fileprivate let longSlots: UnsafeMutablePointer<LongSlot>

        /// The string whose UTF-8 is `raw` (well-formed), `readable` being how
        /// many bytes may be read from its start (at least `raw.count`): one made
        /// for the same bytes before, if its slot still holds it, or a new one,
        /// kept.
        @inline(__always)
        func string(_ raw: UnsafeBufferPointer<UInt8>, readable: Int) -> String {
            let n = raw.count
            guard n > 0, let base = raw.baseAddress else { return "" }
            if n < JSONStringCache.shortest { return shortString(UnsafeRawPointer(base), n, readable: readable) }
            if n <= JSONStringCache.longest { return longString(UnsafeRawPointer(base), n) }
            return String(decoding: raw, as: UTF8.self)
        }

        /// 1...15 bytes, as the two words that hold them: the first eight (or
        /// fewer, zero-padded) and, past eight, the last eight, overlapping.
        private func shortString(_ base: UnsafeRawPointer, _ n: Int, readable: Int) -> String {
            var low: UInt64 = 0
            var high: UInt64 = 0
            if n >= 8 {
                low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
                high = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self))
            } else if readable >= 8 {
                let word = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
                low = word & ((1 &<< UInt64(n &* 8)) &- 1)
            } else {
                for i in 0..<n { low |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) &<< UInt64(i &* 8) }
            }
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = (low ^ UInt64(truncatingIfNeeded: n)) &* multiplier
            hash = (hash ^ (hash &>> 29) ^ high) &* multiplier
            let slot = shortSlots + Int(truncatingIfNeeded: hash &>> (64 - UInt64(JSONStringCache.slotBits)))
            if slot.pointee.low == low, slot.pointee.high == high, slot.pointee.count == n {
                return slot.pointee.string
            }
            let made = String(decoding: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: n), as: UTF8.self)
            slot.pointee = ShortSlot(low: low, high: high, count: n, string: made)
            return made
        }

        /// 16...512 bytes, by a digest of every word, confirmed byte for byte.
        private func longString(_ base: UnsafeRawPointer, _ n: Int) -> String {
            let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
            var hash = UInt64(truncatingIfNeeded: n) &* multiplier
            var i = 0
            while n &- i > 8 {
                hash = (hash ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
                hash = hash &<< 29 | hash &>> 35
                i &+= 8
            }
            // The last eight bytes, overlapping the words before.
            hash = (hash ^ base.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) &* multiplier
            hash ^= hash &>> 32
            let slot = longSlots + Int(truncatingIfNeeded: hash &>> (64 - UInt64(JSONStringCache.slotBits)))
            if slot.pointee.digest == hash {
                let same = slot.pointee.string.utf8.withContiguousStorageIfAvailable { stored in
                    stored.count == n && Self.bytesEqual(UnsafeRawPointer(stored.baseAddress!), base, n)
                }
                if same == true { return slot.pointee.string }
            }
            let made = String(decoding: UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: n), as: UTF8.self)
            slot.pointee = LongSlot(digest: hash, string: made)
            return made
        }

        /// Whether `count` (at least 8) bytes at `a` and `b` are equal, a word at
        /// a time, the last word overlapping the ones before.
        @inline(__always)
        private static func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
            var i = 0
            while count &- i > 8 {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i &+= 8
            }
            return a.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
                == b.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
        }
    }
}
