extension JSONParser {
    // MARK: Strings

    /// Reads a string starting at its opening quote.
    mutating func parseString() throws(Failure) -> String {
        // Most strings are plain ASCII up to the closing quote: read those
        // here; anything else is scanned again from the opening quote.
        let open = position
        position += 1
        skipPlainBytes()
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<position])
            position += 1
            if let strings { return strings.string(raw, readable: bytes.count - (open + 1)) }
            return String(decoding: raw, as: UTF8.self)
        }
        position = open
        if let range = try scanString() {
            let raw = UnsafeBufferPointer(rebasing: bytes[range])
            if let strings { return strings.string(raw, readable: bytes.count - range.lowerBound) }
            return String(decoding: raw, as: UTF8.self)
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Reads an object key with a digest of its decoded bytes, and its name.
    /// With a cache, the key comes from it (and the name is left empty: the
    /// cache has it).
    mutating func parseKey() throws(Failure) -> (JSONKey, name: String) {
        if let range = try scanString() {
            return makeKey(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        return scratch.withUnsafeBufferPointer { makeKey($0) }
    }

    @inline(__always) func makeKey(_ raw: UnsafeBufferPointer<UInt8>) -> (JSONKey, name: String) {
        if let cache { return (cache.key(raw, digest: Self.digest(raw)), "") }
        return (JSONKey(digest: Self.digest(raw)), String(decoding: raw, as: UTF8.self))
    }

    /// Reads a string from its opening quote to past its closing one. When it
    /// has no escapes its bytes are the string, and their range comes back;
    /// otherwise it is decoded into `scratch` and the result is nil.
    mutating func scanString() throws(Failure) -> Range<Int>? {
        let open = position
        position += 1
        let start = position
        while true {
            skipPlainBytes()
            guard position < bytes.count else {
                throw Failure(message: "unterminated string", offset: open)
            }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return start..<(position - 1)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacter(b) }
            try skipUTF8Sequence()
        }
        // Escapes: copy what we have, then decode the rest into the scratch buffer.
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            let run = position
            skipPlainBytes()
            if position > run { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position])) }
            guard position < bytes.count else {
                throw Failure(message: "unterminated string", offset: open)
            }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return nil
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape()
            } else if b < 0x20 {
                throw controlCharacter(b)
            } else {
                let from = position
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<position]))
            }
        }
    }

    /// Steps over printable ASCII other than `"` and `\`: the bytes a string
    /// copies as they are. Eight bytes at a time while eight remain.
    @inline(__always) mutating func skipPlainBytes() {
        let end = bytes.count
        var at = position
        defer { position = at }
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while end &- at >= 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let special = Self.specialBytes(in: word)
                if special != 0 {
                    at &+= special.trailingZeroBitCount &>> 3
                    return
                }
                at &+= 8
            }
        }
        while at < end {
            let b = bytes[at]
            guard b >= 0x20, b < 0x80, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") else { return }
            at &+= 1
        }
    }

    /// The high bit of each byte of `word` (first byte lowest) that is a quote,
    /// a backslash, a control character or not ASCII. Bytes above the lowest
    /// one marked may be marked wrongly (a borrow), so only the lowest counts.
    @inline(__always) static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let isQuote = (quote &- ones) & ~quote
        let isBackslash = (backslash &- ones) & ~backslash
        let isControl = (word &- ones &* 0x20) & ~word
        return (isQuote | isBackslash | isControl | word) & (ones &* 0x80)
    }

    /// A digest of a decoded key's UTF-8, eight bytes at a time: equal keys,
    /// however they were escaped, have equal digests.
    static func digest(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let n = raw.count
        var hash = UInt64(truncatingIfNeeded: n) &* multiplier
        guard let base = raw.baseAddress else { return hash }
        var i = 0
        while n - i >= 8 {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
            hash = (hash ^ word) &* multiplier
            hash = hash << 29 | hash >> 35
            i += 8
        }
        var tail: UInt64 = 0
        while i < n {
            tail = tail << 8 | UInt64(base[i])
            i += 1
        }
        return (hash ^ tail) &* multiplier
    }

    func controlCharacter(_ b: UInt8) -> Failure {
        let name: String
        switch b {
        case 0x0A: name = "a line break (write \\n)"
        case 0x0D: name = "a carriage return (write \\r)"
        case 0x09: name = "a tab (write \\t)"
        default: name = "control character U+\(hex4(UInt32(b))) (write \\u\(hex4(UInt32(b))))"
        }
        return Failure(message: "\(name) inside a string; control characters must be escaped", offset: position)
    }

    /// Decodes one backslash escape at `position` into `scratch`.
    mutating func parseEscape() throws(Failure) {
        let start = position
        guard position + 1 < bytes.count else {
            throw Failure(message: "unterminated escape at the end of input", offset: start)
        }
        let c = bytes[position + 1]
        position += 2
        switch c {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw Failure(
                        message: "lone surrogate \\u\(hex4(scalar)) in string: a high surrogate needs a low one after it",
                        offset: start)
                }
                let lowStart = position
                position += 2
                let low = try hexQuad(escapeAt: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw Failure(
                        message: "lone surrogate \\u\(hex4(scalar)) in string: \\u\(hex4(low)) is not a low surrogate",
                        offset: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw Failure(
                    message: "lone surrogate \\u\(hex4(scalar)) in string: a low surrogate without a high one",
                    offset: start)
            }
            appendUTF8(scalar)
        default:
            throw Failure(message: "invalid escape '\\\(describeEscaped(c))' in string", offset: start)
        }
    }

    /// Reads the four hex digits after `\u` at `position`.
    mutating func hexQuad(escapeAt start: Int) throws(Failure) -> UInt32 {
        guard bytes.count - position >= 4 else {
            throw Failure(message: "incomplete \\u escape: expected four hex digits", offset: start)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default:
                throw Failure(message: "invalid \\u escape: expected four hex digits", offset: start)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF).
    mutating func skipUTF8Sequence() throws(Failure) {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw Failure(message: "invalid UTF-8 byte 0x\(hex2(lead))", offset: position)
        }
        guard bytes.count - position >= length else {
            throw Failure(message: "truncated UTF-8 sequence", offset: position)
        }
        let second = bytes[position + 1]
        guard second >= low && second <= high else {
            throw Failure(message: "invalid UTF-8 sequence", offset: position)
        }
        for i in 2..<max(length, 2) where bytes[position + i] & 0xC0 != 0x80 {
            throw Failure(message: "invalid UTF-8 sequence", offset: position)
        }
        position += length
    }
}
