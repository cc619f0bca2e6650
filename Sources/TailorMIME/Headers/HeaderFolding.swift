/// Writes one header field as physical lines of at most 78 characters.
///
/// RFC 5322 2.1.1:
///
/// > Each line of characters MUST be no more than 998 characters, and SHOULD be no
/// > more than 78 characters, excluding the CRLF.
///
/// and 2.2.3:
///
/// > Unfolding is accomplished by simply removing any CRLF that is immediately
/// > followed by WSP.
///
/// So a fold goes only in front of a space that is already part of the value, and
/// every continuation line starts with that space followed by something else: no line
/// is white space only. Encoded-words are cut to the room left on their line.
///
/// ```swift
/// var folder = HeaderFolder(name: "Subject")
/// folder.appendUnstructured("Your spring picks, Zoë")
/// folder.rendered   // "Subject: Your spring picks, =?utf-8?q?Zo=C3=AB?="
/// ```
struct HeaderFolder {
    /// The limit RFC 5322 recommends for every line.
    static let softLimit = 78
    /// The limit RFC 5322 imposes.
    static let hardLimit = 998

    let name: String
    /// The field so far, `name:` first, lines separated by CRLF.
    private(set) var bytes: [UInt8]
    /// Where the current line starts in `bytes`.
    private var lineStart = 0
    /// The longest line before the current one.
    private var longestLine = 0
    private var lineHasContent = false

    init(name: String) {
        self.name = name
        bytes = Array(name.utf8)
        bytes.append(UInt8(ascii: ":"))
    }

    private var lineLength: Int { bytes.count - lineStart }

    /// The field as it goes into a message, without the final CRLF.
    var rendered: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The field with its folds removed (RFC 5322 2.2.3 unfolding).
    var unfolded: String {
        var out = bytes
        out.removeAll { $0 == 0x0d || $0 == 0x0a }
        return String(decoding: out, as: UTF8.self)
    }

    /// Throws when a line still exceeds the hard limit (a single atom that long).
    func checkedBytes() throws(MIMEError) -> [UInt8] {
        guard max(longestLine, lineLength) <= Self.hardLimit else { throw .headerLineTooLong(header: name) }
        return bytes
    }

    /// ``checkedBytes()`` as text.
    func checkedRendered() throws(MIMEError) -> String {
        String(decoding: try checkedBytes(), as: UTF8.self)
    }

    /// Appends an atom that must not be split, preceded by one space; folds first when
    /// it would overflow the line (unless the line has nothing on it yet).
    mutating func appendAtom(_ atom: String) {
        var atom = atom
        atom.withUTF8 { appendAtom($0) }
    }

    /// ``appendAtom(_:)`` for the atom's UTF-8.
    mutating func appendAtom(_ atom: UnsafeBufferPointer<UInt8>) {
        precondition(!atom.isEmpty, "empty atoms would make white-space-only lines")
        if lineHasContent, lineLength + 1 + atom.count > Self.softLimit {
            longestLine = max(longestLine, lineLength)
            bytes.append(0x0d)
            bytes.append(0x0a)
            lineStart = bytes.count
        }
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: atom)
        lineHasContent = true
    }

    /// Appends `text` as encoded-words, each sized to fit the line it lands on.
    mutating func appendEncoded(_ text: String) {
        let encoding = EncodedWord.preferredEncoding(for: text)
        var room = Self.softLimit - lineLength - 1
        // Below this, not even one 4-byte character fits in a word: start a new line.
        if room < 24 && lineHasContent { room = Self.softLimit - 1 }
        let words = EncodedWord.encode(
            text, firstCapacity: max(room, 24), capacity: Self.softLimit - 1, encoding: encoding)
        for word in words { appendAtom(word) }
    }

    /// Appends an unstructured value (RFC 5322 3.2.5), such as a Subject.
    ///
    /// Leading and trailing words that are plain printable ASCII stay readable; the
    /// stretch from the first word that needs encoding to the last one is encoded as
    /// a whole, spaces included, so that RFC 2047 6.2 (white space between adjacent
    /// encoded-words is dropped) cannot lose a space. A plain word is one made only of
    /// printable ASCII, without `=?`, no longer than a line can hold.
    mutating func appendUnstructured(_ value: String) {
        var value = value
        let words = Self.words(value)
        value.withUTF8 { utf8 in
            let isPlain = { (word: Range<Int>) in Self.isPlainWord(UnsafeBufferPointer(rebasing: utf8[word])) }
            guard var first = words.firstIndex(where: { !isPlain($0) }),
                var last = words.lastIndex(where: { !isPlain($0) })
            else {
                for word in words { appendAtom(UnsafeBufferPointer(rebasing: utf8[word])) }
                return
            }
            // An encoded-word needs at least one character (RFC 2047 2: 1*<...>): a lone
            // empty word (from a doubled, leading or trailing space) takes in a neighbour.
            if first == last, words[first].isEmpty {
                if last + 1 < words.count { last += 1 } else if first > 0 { first -= 1 }
            }
            for word in words[..<first] { appendAtom(UnsafeBufferPointer(rebasing: utf8[word])) }
            // The words from first to last with the single spaces between them.
            appendEncoded(String(decoding: utf8[words[first].lowerBound..<words[last].upperBound], as: UTF8.self))
            for word in words[(last + 1)...] { appendAtom(UnsafeBufferPointer(rebasing: utf8[word])) }
        }
    }

    /// The words between single spaces, as ranges of the value's UTF-8.
    ///
    /// As `split(separator: " ")` on characters: in non-ASCII text, a space is a
    /// separator only when it is a character by itself (a combining mark after it, or a
    /// prepended mark before it, makes it part of another).
    static func words(_ value: String) -> [Range<Int>] {
        var utf8 = value
        return utf8.withUTF8 { bytes in
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            var words: [Range<Int>] = []
            words.reserveCapacity(bytes.count / 4 + 1)
            var start = 0
            for i in 0..<bytes.count where bytes[i] == UInt8(ascii: " ") {
                guard ascii || isCharacter(value, from: i, to: i + 1) else { continue }
                words.append(start..<i)
                start = i + 1
            }
            words.append(start..<bytes.count)
            return words
        }
    }

    /// Whether the UTF-8 offsets `start` and `end` of `text` are both character boundaries.
    private static func isCharacter(_ text: String, from start: Int, to end: Int) -> Bool {
        let utf8 = text.utf8
        func isBoundary(_ offset: Int) -> Bool {
            utf8.index(utf8.startIndex, offsetBy: offset).samePosition(in: text) != nil
        }
        return isBoundary(start) && isBoundary(end)
    }

    /// A word that can appear as itself in a header.
    static func isPlainWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !word.isEmpty, word.count <= softLimit - 2 else { return false }
        var previous: UInt8 = 0
        for byte in word {
            guard byte >= 0x21, byte <= 0x7e, !(previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) else {
                return false
            }
            previous = byte
        }
        return true
    }
}

/// Formats a header field with folding, for callers outside the builder.
public enum HeaderFolding {
    /// `name: value` as an unstructured field, encoded and folded, without final CRLF.
    public static func unstructured(_ field: HeaderField) throws(MIMEError) -> String {
        String(decoding: try unstructuredBytes(field), as: UTF8.self)
    }

    /// ``unstructured(_:)`` as bytes, for the message builder.
    static func unstructuredBytes(_ field: HeaderField) throws(MIMEError) -> [UInt8] {
        var folder = HeaderFolder(name: field.name)
        if !field.value.isEmpty { folder.appendUnstructured(field.value) }
        return try folder.checkedBytes()
    }

    /// The value of an unstructured field encoded but not folded, for API bodies that
    /// take header values as strings (RFC 2047 words joined by single spaces).
    public static func encodedValue(_ value: String) -> String {
        var folder = HeaderFolder(name: "X")
        if value.isEmpty { return "" }
        folder.appendUnstructured(value)
        return String(folder.unfolded.dropFirst(3))  // "X: "
    }
}
