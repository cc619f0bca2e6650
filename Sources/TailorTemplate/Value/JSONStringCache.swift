/// Long string values a ``JSONRecordReader`` has made, found again by their
/// bytes, so that a value repeated across records (a product's name, URL and
/// image URL in every recipient who is recommended it) is made once and then
/// shared, instead of validated, allocated, copied and freed per record.
///
/// Only strings too long to be small strings are kept: a shorter one is made
/// in place without allocating, for less than a look-up would cost. The
/// table is direct-mapped and bounded: a string whose slot holds another
/// replaces it. A string is only ever returned for exactly its own bytes, so
/// every value is the one made from the input.
final class JSONStringCache {
    /// Strings of fewer UTF-8 bytes fit in a small string.
    static let shortest = 16
    /// Longer strings are made each time: they rarely repeat, and comparing
    /// them costs more.
    static let longest = 512
    static let slotBits = 12

    private struct Slot {
        var digest: UInt64
        var string: String
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 1 << Self.slotBits)
        slots.initialize(repeating: Slot(digest: 0, string: ""), count: 1 << Self.slotBits)
    }

    deinit {
        slots.deinitialize(count: 1 << Self.slotBits)
        slots.deallocate()
    }

    /// The string whose UTF-8 is `raw` (well-formed, at least ``shortest``
    /// bytes): the one made for the same bytes before, if its slot still
    /// holds it, or a new one, kept.
    func string(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let n = raw.count
        guard n >= Self.shortest, n <= Self.longest, let base = raw.baseAddress else {
            return String(decoding: raw, as: UTF8.self)
        }
        let digest = Self.digest(UnsafeRawPointer(base), n)
        let slot = slots + Int(truncatingIfNeeded: digest &>> (64 - UInt64(Self.slotBits)))
        if slot.pointee.digest == digest {
            let same = slot.pointee.string.utf8.withContiguousStorageIfAvailable { stored in
                stored.count == n && JSONKeyCache.bytesEqual(UnsafeRawPointer(stored.baseAddress!), UnsafeRawPointer(base), n)
            }
            if same == true { return slot.pointee.string }
        }
        let made = String(decoding: raw, as: UTF8.self)
        slot.pointee = Slot(digest: digest, string: made)
        return made
    }

    /// ``JSONParser/digest(_:)`` of the bytes: every word counts, since
    /// strings that repeat in records often differ in a few bytes only
    /// (`https://cdn.example.com/img/P00307-600x600.jpg` and its neighbours).
    @inline(__always)
    private static func digest(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
        let digest = JSONParser.digest(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
        return digest ^ (digest &>> 32)
    }
}
