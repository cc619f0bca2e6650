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
    private var lines: [String]
    private var lineHasContent = false

    init(name: String) {
        self.name = name
        self.lines = [name + ":"]
    }

    /// The field as it goes into a message, without the final CRLF.
    var rendered: String {
        lines.joined(separator: "\r\n")
    }

    /// The field with its folds removed (RFC 5322 2.2.3 unfolding).
    var unfolded: String {
        lines.joined()
    }

    /// Throws when a line still exceeds the hard limit (a single atom that long).
    func checkedRendered() throws(MIMEError) -> String {
        for line in lines where line.utf8.count > Self.hardLimit {
            throw .headerLineTooLong(header: name)
        }
        return rendered
    }

    /// Appends an atom that must not be split, preceded by one space; folds first when
    /// it would overflow the line (unless the line has nothing on it yet).
    mutating func appendAtom(_ atom: String) {
        precondition(!atom.isEmpty, "empty atoms would make white-space-only lines")
        let current = lines[lines.count - 1].utf8.count
        if lineHasContent, current + 1 + atom.utf8.count > Self.softLimit {
            lines.append(" " + atom)
        } else {
            lines[lines.count - 1] += " " + atom
        }
        lineHasContent = true
    }

    /// Appends `text` as encoded-words, each sized to fit the line it lands on.
    mutating func appendEncoded(_ text: String) {
        let encoding = EncodedWord.preferredEncoding(for: text)
        var room = Self.softLimit - lines[lines.count - 1].utf8.count - 1
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
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let plain = words.map(Self.isPlainWord)
        guard var first = plain.firstIndex(of: false), var last = plain.lastIndex(of: false) else {
            for word in words { appendAtom(String(word)) }
            return
        }
        // An encoded-word needs at least one character (RFC 2047 2: 1*<...>): a lone
        // empty word (from a doubled, leading or trailing space) takes in a neighbour.
        if first == last, words[first].isEmpty {
            if last + 1 < words.count { last += 1 } else if first > 0 { first -= 1 }
        }
        for word in words[..<first] { appendAtom(String(word)) }
        appendEncoded(words[first...last].joined(separator: " "))
        for word in words[(last + 1)...] { appendAtom(String(word)) }
    }

    /// A word that can appear as itself in a header.
    static func isPlainWord(_ word: Substring) -> Bool {
        guard !word.isEmpty, word.utf8.count <= softLimit - 2, !word.contains("=?") else { return false }
        return word.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7e }
    }
}

/// Formats a header field with folding, for callers outside the builder.
public enum HeaderFolding {
    /// `name: value` as an unstructured field, encoded and folded, without final CRLF.
    public static func unstructured(_ field: HeaderField) throws(MIMEError) -> String {
        var folder = HeaderFolder(name: field.name)
        if field.value.isEmpty {
            return field.name + ":"
        }
        folder.appendUnstructured(field.value)
        return try folder.checkedRendered()
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
