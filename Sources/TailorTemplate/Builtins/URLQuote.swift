/// Percent-encoding as Python's `urllib.parse.quote` does it.
///
/// Jinja's `urlencode` runs on every recipient id, email address and product
/// id in a link, and most of them need no quoting at all. Whether a byte is
/// kept is one bit of a 256-bit set made once per call, so the scan that
/// finds that out (and the copy when something needs quoting) costs a few
/// instructions a byte, and a string that needs nothing comes back as it is.
enum URLQuote {
    /// Quotes UTF-8 bytes, keeping letters, digits, `_.-~` and `safe`; in
    /// query mode `/` is quoted too and spaces become `+`.
    static func quote(_ s: String, safe: String = "", forQuery: Bool = false) -> String {
        var kept = KeptBytes.unreserved
        if !forQuery {
            for b in safe.utf8 { kept.insert(b) }
        }
        return quote(s, kept, spaceAsPlus: forQuery)
    }

    /// `quote(s, safe: "/")`: what `urlencode` does to a string.
    static func quotePath(_ s: String) -> String {
        quote(s, KeptBytes.unreservedAndSlash, spaceAsPlus: false)
    }

    /// `body` over the UTF-8 of `quotePath(s)`: the string's own bytes when
    /// nothing needs quoting, else the quoted bytes in a temporary buffer;
    /// for printing a quoted value without making a string of it.
    static func withQuotedPath<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let kept = KeptBytes.unreservedAndSlash
        return try withUTF8(of: s) { bytes in
            let first = firstQuoted(bytes, kept)
            if first == bytes.count { return try body(bytes) }
            let length = quotedLength(bytes, from: first, kept, spaceAsPlus: false)
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
                let written = encode(bytes, from: first, kept, spaceAsPlus: false, into: out.baseAddress!)
                return try body(UnsafeBufferPointer(start: out.baseAddress, count: written))
            }
        }
    }

    @inline(__always)
    private static func quote(_ s: String, _ kept: KeptBytes, spaceAsPlus: Bool) -> String {
        withUTF8(of: s) { bytes in
            let first = firstQuoted(bytes, kept)
            if first == bytes.count { return s }
            let length = quotedLength(bytes, from: first, kept, spaceAsPlus: spaceAsPlus)
            return String(unsafeUninitializedCapacity: length) { out in
                encode(bytes, from: first, kept, spaceAsPlus: spaceAsPlus, into: out.baseAddress!)
            }
        }
    }

    /// The index of the first byte that is not kept, or the count.
    @inline(__always)
    private static func firstQuoted(_ bytes: UnsafeBufferPointer<UInt8>, _ kept: KeptBytes) -> Int {
        var first = 0
        while first < bytes.count && kept.contains(bytes[first]) { first += 1 }
        return first
    }

    /// The length of the quoted bytes, the first `first` being kept.
    @inline(__always)
    private static func quotedLength(
        _ bytes: UnsafeBufferPointer<UInt8>, from first: Int, _ kept: KeptBytes, spaceAsPlus: Bool
    ) -> Int {
        var length = bytes.count
        for i in first..<bytes.count where !kept.contains(bytes[i]) && !(spaceAsPlus && bytes[i] == 0x20) {
            length += 2
        }
        return length
    }

    /// Writes the quoted bytes to `to` (room for ``quotedLength``); returns how many.
    @inline(__always)
    private static func encode(
        _ bytes: UnsafeBufferPointer<UInt8>, from first: Int, _ kept: KeptBytes, spaceAsPlus: Bool,
        into to: UnsafeMutablePointer<UInt8>
    ) -> Int {
        guard let from = bytes.baseAddress else { return 0 }
        to.update(from: from, count: first)
        var j = first
        for i in first..<bytes.count {
            let b = from[i]
            if kept.contains(b) {
                to[j] = b
                j &+= 1
            } else if spaceAsPlus && b == 0x20 {
                to[j] = 0x2B
                j &+= 1
            } else {
                to[j] = 0x25
                to[j &+ 1] = hexDigit(b >> 4)
                to[j &+ 2] = hexDigit(b & 0x0F)
                j &+= 3
            }
        }
        return j
    }

    /// The upper-case hex digit of `nibble` (0–15).
    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 &+ nibble : 0x37 &+ nibble
    }

    /// `body` over the string's UTF-8, read in place when it is contiguous
    /// (a native string) instead of through `withUTF8`'s mutable copy.
    @inline(__always)
    private static func withUTF8<R>(of s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        return try copy.withUTF8(body)
    }
}

/// A set of bytes as four 64-bit words, for ``URLQuote``.
struct KeptBytes {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// Letters, digits and `_.-~`: what `quote` never quotes. (Computed,
    /// not stored: a constant the optimizer folds, with no lazy global to check.)
    static var unreserved: KeptBytes {
        KeptBytes(words: (lowUnreserved, highUnreserved, 0, 0))
    }

    /// `unreserved` and `/`, what `urlencode` keeps in a string.
    static var unreservedAndSlash: KeptBytes {
        KeptBytes(words: (lowUnreserved | (1 << 0x2F), highUnreserved, 0, 0))
    }

    /// Digits, `-` and `.` among bytes 0–63.
    private static var lowUnreserved: UInt64 { (0x3FF << 0x30) | (1 << 0x2D) | (1 << 0x2E) }
    /// Letters, `_` and `~` among bytes 64–127.
    private static var highUnreserved: UInt64 {
        (0x3FF_FFFF << (0x41 - 64)) | (0x3FF_FFFF << (0x61 - 64)) | (1 << (0x5F - 64)) | (1 << (0x7E - 64))
    }

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    mutating func insert(_ b: UInt8) {
        let bit: UInt64 = 1 << UInt64(b & 63)
        switch b >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        let word: UInt64
        switch b >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return (word >> UInt64(b & 63)) & 1 != 0
    }
}
