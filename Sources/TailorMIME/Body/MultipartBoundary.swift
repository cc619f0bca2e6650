import Foundation

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
/// content; they are a 128-bit non-cryptographic hash of the send and recipient ids
/// (FNV-1a in two lanes, each finished with MurmurHash3's 64-bit mixer), the same on
/// every run. The parts are still searched, and the hash salted, as a second guard.
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
        var low = Lane(basis: 0xcbf2_9ce4_8422_2325)
        var high = Lane(basis: 0x6c62_272e_07bb_0142)
        for part in ["tailor.boundary", String(salt), sendID, recipientID] {
            low.feed(part)
            high.feed(part)
        }
        return prefix + hex(low.value) + hex(high.value)
    }

    /// Whether `needle` (two bytes or more) occurs in `haystack`, byte for byte.
    ///
    /// `memchr` finds each place the needle's second byte (`_`, rare in encoded text)
    /// could stand, and only there is the whole needle compared.
    static func occurs(_ needle: String, in haystack: [UInt8]) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            haystack.withUnsafeBufferPointer { h in
                guard n.count >= 2, h.count >= n.count, let base = h.baseAddress else { return false }
                let lastStart = h.count - n.count
                var from = 1
                while from <= lastStart + 1, let hit = memchr(base + from, Int32(n[1]), lastStart + 2 - from) {
                    let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
                    if memcmp(base + start, n.baseAddress!, n.count) == 0 { return true }
                    from = start + 2
                }
                return false
            }
        }
    }

    /// One 64-bit FNV-1a lane; fields are fed with a NUL after each.
    private struct Lane {
        var state: UInt64

        init(basis: UInt64) { state = basis }

        mutating func feed(_ field: String) {
            for byte in field.utf8 { mix(byte) }
            mix(0)
        }

        @inline(__always) private mutating func mix(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }

        /// The state through MurmurHash3's `fmix64`, so every input bit reaches every output bit.
        var value: UInt64 {
            var k = state
            k ^= k >> 33
            k &*= 0xff51_afd7_ed55_8ccd
            k ^= k >> 33
            k &*= 0xc4ce_b9fe_1a85_ec53
            k ^= k >> 33
            return k
        }
    }

    /// 16 lowercase hex digits.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
