/// The `multipart/alternative` boundary of one message: `=_tailor_` and 32 hex digits.
///
/// RFC 2046 5.1.1:
///
/// > the boundary delimiter must not appear inside any of the encapsulated parts [...]
/// > boundary := 0*69<bchars> bcharsnospace
///
/// Both parts are quoted-printable, in which `=` is only ever followed by two hex
/// digits or a line break, never by `_`: a boundary starting `=_` cannot occur in
/// them, whatever the content. So the digits need no cryptographic hash of the
/// content: they hash the send and recipient ids, non-cryptographically (two 64-bit
/// FNV-1a lanes with different offset bases, each finished with MurmurHash3's 64-bit
/// mixer), so the same message gets the same boundary on every run. The parts are
/// still searched, and the hash salted, as a second guard.
///
/// ```swift
/// MultipartBoundary.derive(sendID: "spring-2025", recipientID: "c-0042", avoiding: [encoded])
/// // "=_tailor_…" (32 hex digits)
/// ```
enum MultipartBoundary {
    /// What every boundary starts with.
    static let prefix = "=_tailor_"

    /// The first candidate (by salt) that occurs in none of `parts`.
    static func derive(sendID: String, recipientID: String, avoiding parts: [[UInt8]]) -> String {
        var salt = 0
        while true {
            let candidate = self.candidate(sendID: sendID, recipientID: recipientID, salt: salt)
            if !parts.contains(where: { occurs(candidate, in: $0) }) { return candidate }
            salt += 1
        }
    }

    /// The boundary for one salt.
    static func candidate(sendID: String, recipientID: String, salt: Int) -> String {
        var hash = Hash()
        for field in ["tailor.boundary", String(salt), sendID, recipientID] { hash.feed(field) }
        let lanes = [hash.low.finished, hash.high.finished]
        return String(unsafeUninitializedCapacity: prefix.utf8.count + 32) { out in
            var i = 0
            for byte in prefix.utf8 {
                out[i] = byte
                i += 1
            }
            for lane in lanes {
                for shift in stride(from: 60, through: 0, by: -4) {
                    let nibble = UInt8(truncatingIfNeeded: lane >> UInt64(shift)) & 0x0f
                    out[i] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
                    i += 1
                }
            }
            return i
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte: a scan for its `_`, rare
    /// in encoded text, then a compare.
    static func occurs(_ needle: String, in haystack: [UInt8]) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            haystack.withUnsafeBufferPointer { ByteSearch.firstOffset(of: n, in: $0, anchor: 1) != nil }
        }
    }

    /// Two 64-bit FNV-1a lanes with different offset bases; fields are fed with a NUL
    /// after each.
    private struct Hash {
        var low: UInt64 = 0xcbf2_9ce4_8422_2325
        var high: UInt64 = 0x6c62_272e_07bb_0142

        mutating func feed(_ field: String) {
            for byte in field.utf8 { mix(byte) }
            mix(0)
        }

        @inline(__always) private mutating func mix(_ byte: UInt8) {
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }
}

extension UInt64 {
    /// The value through MurmurHash3's `fmix64`, so every input bit reaches every output bit.
    fileprivate var finished: UInt64 {
        var k = self
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}
