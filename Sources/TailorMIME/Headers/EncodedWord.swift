/// RFC 2047 encoded-words: non-ASCII text in headers, as UTF-8 in B or Q encoding.
///
/// RFC 2047 2:
///
/// > An 'encoded-word' may not be more than 75 characters long, including
/// > 'charset', 'encoding', 'encoded-text', and delimiters.
///
/// and 5 (3):
///
/// > Each 'encoded-word' MUST represent an integral number of characters.
/// > A multi-octet character may not be split across adjacent 'encoded-word's.
///
/// So text is cut only between Unicode scalars, and each word is sized to the room
/// left on its header line. In Q, only characters RFC 2047 5 (3) allows in a
/// `phrase` stay literal (letters, digits, `!*+-/`), so the same words serve in a
/// display name and in a Subject; a space becomes `_`.
///
/// ```swift
/// EncodedWord.encode("Zoë", capacity: 75)   // ["=?utf-8?q?Zo=C3=AB?="]
/// ```
public enum EncodedWord {
    /// The two encodings of RFC 2047 4.
    public enum Encoding: Sendable {
        /// Base64 (4.1).
        case b
        /// The "Q" variant of quoted-printable (4.2).
        case q
    }

    /// `=?utf-8?X?` plus `?=`.
    static let overhead = 12

    /// Whether `byte` may stay literal in Q encoded-text in a phrase.
    static func isQLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// The encoding that makes `text` shorter; Q on a tie, since it stays readable.
    public static func preferredEncoding(for text: String) -> Encoding {
        var qLength = 0
        var count = 0
        for byte in text.utf8 {
            qLength += Self.qLength(of: byte)
            count += 1
        }
        let bLength = (count + 2) / 3 * 4
        return qLength <= bLength ? .q : .b
    }

    /// Encodes `text` as one or more encoded-words.
    ///
    /// The first word is at most `firstCapacity` characters, the others at most
    /// `capacity` (both capped at 75). Adjacent words are to be separated by folding
    /// white space, which a reader drops (RFC 2047 6.2), so the words decode to
    /// `text` exactly, spaces included.
    public static func encode(
        _ text: String, firstCapacity: Int? = nil, capacity: Int = 75,
        encoding: Encoding? = nil
    ) -> [String] {
        let encoding = encoding ?? preferredEncoding(for: text)
        var words: [String] = []
        var limit = min(75, firstCapacity ?? capacity)
        var utf8 = text
        utf8.withUTF8 { bytes in
            // The word being filled is bytes[start..<i]; wordQLength is its Q-encoded length.
            var start = 0
            var wordQLength = 0
            var i = 0
            while i < bytes.count {
                var end = i + 1
                while end < bytes.count, bytes[end] & 0xc0 == 0x80 { end += 1 }  // one scalar
                var scalarQLength = 0
                for byte in bytes[i..<end] { scalarQLength += qLength(of: byte) }
                let length =
                    switch encoding {
                    case .b: overhead + (end - start + 2) / 3 * 4
                    case .q: overhead + wordQLength + scalarQLength
                    }
                if start < i, length > limit {
                    words.append(word(UnsafeBufferPointer(rebasing: bytes[start..<i]), encoding))
                    start = i
                    wordQLength = 0
                    limit = min(75, capacity)
                }
                wordQLength += scalarQLength
                i = end
            }
            if start < bytes.count || words.isEmpty {
                words.append(word(UnsafeBufferPointer(rebasing: bytes[start...]), encoding))
            }
        }
        return words
    }

    /// How many characters `byte` takes in Q encoded-text: 1, or 3 for `=XX`.
    static func qLength(of byte: UInt8) -> Int {
        (isQLiteral(byte) || byte == UInt8(ascii: " ")) ? 1 : 3
    }

    /// One encoded-word for `bytes`.
    static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: Encoding) -> String {
        switch encoding {
        case .b:
            return "=?utf-8?b?" + Base64.encode(bytes) + "?="
        case .q:
            let hex = Array("0123456789ABCDEF".utf8)
            var out: [UInt8] = Array("=?utf-8?q?".utf8)
            for byte in bytes {
                if isQLiteral(byte) {
                    out.append(byte)
                } else if byte == UInt8(ascii: " ") {
                    out.append(UInt8(ascii: "_"))
                } else {
                    out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
                }
            }
            out += Array("?=".utf8)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Decodes a header value that may hold encoded-words, joining adjacent ones
    /// across white space as RFC 2047 6.2 requires. For tests and for reading
    /// addresses back; returns nil for a malformed word.
    public static func decode(_ value: String) -> String? {
        var out: [UInt8] = []
        var pendingSpace: [UInt8] = []
        var lastWasWord = false
        var unfolded = ""
        unfolded.unicodeScalars.append(contentsOf: value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
        var rest = Substring(unfolded)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let end = rest.dropFirst(2).range(of: "?=", afterQuestionMarks: 2) {
                let token = rest[rest.startIndex..<end.upperBound]
                guard let bytes = decodeWord(String(token)) else { return nil }
                if !lastWasWord { out += pendingSpace }
                pendingSpace = []
                out += bytes
                lastWasWord = true
                rest = rest[end.upperBound...]
            } else if let first = rest.first, first == " " || first == "\t" {
                pendingSpace.append(UInt8(ascii: " "))
                rest = rest.dropFirst()
            } else {
                out += pendingSpace
                pendingSpace = []
                let wordEnd = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? rest.endIndex
                out += Array(rest[rest.startIndex..<wordEnd].utf8)
                rest = rest[wordEnd...]
                lastWasWord = false
            }
        }
        out += pendingSpace
        return String(validating: out, as: UTF8.self)
    }

    private static func decodeWord(_ token: String) -> [UInt8]? {
        let parts = token.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
        switch parts[1].lowercased() {
        case "b":
            return Base64.decode(String(parts[2]))
        case "q":
            var out: [UInt8] = []
            var bytes = Array(parts[2].utf8)[...]
            while let byte = bytes.popFirst() {
                if byte == UInt8(ascii: "_") {
                    out.append(UInt8(ascii: " "))
                } else if byte == UInt8(ascii: "=") {
                    guard bytes.count >= 2,
                        let value = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16)
                    else { return nil }
                    out.append(value)
                    bytes = bytes.dropFirst(2)
                } else {
                    out.append(byte)
                }
            }
            return out
        default:
            return nil
        }
    }
}

extension Substring {
    /// The range of `needle` after skipping `afterQuestionMarks` question marks, as in
    /// `utf-8?q?text?=`: the `?=` that ends an encoded-word, not one inside its header.
    fileprivate func range(of needle: String, afterQuestionMarks: Int) -> Range<Index>? {
        var seen = 0
        var i = startIndex
        while i < endIndex {
            if self[i] == "?" {
                if seen == afterQuestionMarks {
                    let next = index(after: i)
                    if next < endIndex, self[next] == "=" { return i..<index(after: next) }
                    return nil
                }
                seen += 1
            } else if self[i] == " " {
                return nil
            }
            i = index(after: i)
        }
        return nil
    }
}
