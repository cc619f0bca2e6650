/// Line wrapping with the rules of Python's `textwrap.wrap` as the `wordwrap`
/// filter calls it: tabs and whitespace kept as they are, whitespace dropped
/// at line ends, long words broken unless told otherwise, and (by default)
/// hyphenated words split after their hyphens.
struct TextWrapper {
    var width: Int
    var breakLongWords = true
    var breakOnHyphens = true

    private typealias Chunk = [Unicode.Scalar]

    /// The lines of one paragraph (text without line breaks).
    func wrap(_ text: String) throws -> [String] {
        guard width > 0 else { throw TemplateError(.value, "invalid width \(width) (must be > 0)") }
        var chunks = Array(split(Array(text.unicodeScalars)).reversed())
        var lines: [String] = []
        while !chunks.isEmpty {
            var line: [Chunk] = []
            var length = 0
            if isBlank(chunks.last!) && !lines.isEmpty { chunks.removeLast() }
            while let next = chunks.last, length + next.count <= width {
                line.append(chunks.removeLast())
                length += next.count
            }
            if let next = chunks.last, next.count > width {
                breakLongWord(&chunks, &line, length)
            }
            if let last = line.last, isBlank(last) { line.removeLast() }
            if !line.isEmpty { lines.append(PyString.string(line.joined())) }
        }
        return lines
    }

    /// A whitespace-only chunk, dropped at line starts and ends.
    private func isBlank(_ chunk: Chunk) -> Bool {
        chunk.allSatisfy(PyString.isSpace)
    }

    /// Puts as much of an over-long word on the line as fits (preferring
    /// to break after a hyphen), or the whole word on an empty line.
    private func breakLongWord(_ chunks: inout [Chunk], _ line: inout [Chunk], _ length: Int) {
        let spaceLeft = width < 1 ? 1 : width - length
        if breakLongWords {
            let chunk = chunks.removeLast()
            var end = spaceLeft
            if breakOnHyphens && chunk.count > spaceLeft,
                let hyphen = chunk[..<spaceLeft].lastIndex(of: "-"), hyphen > 0,
                chunk[..<hyphen].contains(where: { $0 != "-" })
            {
                end = hyphen + 1
            }
            line.append(Array(chunk[..<end]))
            chunks.append(Array(chunk[end...]))
        } else if line.isEmpty {
            line.append(chunks.removeLast())
        }
    }

    // MARK: Chunks

    /// The six characters `textwrap` treats as whitespace.
    private static func isWrapSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\u{0B}" || c == "\u{0C}" || c == "\r"
    }

    /// A word character that is not a digit (`[^\d\W]`).
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        PyString.isWord(c) && !PyString.isDecimal(c)
    }

    /// Characters that may precede an em-dash.
    private static func isWordPunct(_ c: Unicode.Scalar) -> Bool {
        PyString.isWord(c) || "!\"'&.,?".unicodeScalars.contains(c)
    }

    /// Splits text into whitespace runs and words; words may split further
    /// after hyphens between letters and around em-dashes (`--`).
    private func split(_ s: [Unicode.Scalar]) -> [Chunk] {
        var chunks: [Chunk] = []
        var i = 0
        while i < s.count {
            let start = i
            if Self.isWrapSpace(s[i]) {
                while i < s.count && Self.isWrapSpace(s[i]) { i += 1 }
            } else if breakOnHyphens {
                i = wordEnd(s, from: start)
            } else {
                while i < s.count && !Self.isWrapSpace(s[i]) { i += 1 }
            }
            chunks.append(Array(s[start..<i]))
        }
        return chunks
    }

    /// Whether `s[at...]` is two or more hyphens followed by a word character;
    /// returns the index after the hyphens.
    private func emDash(_ s: [Unicode.Scalar], at: Int) -> Int? {
        var j = at
        while j < s.count && s[j] == "-" { j += 1 }
        guard j - at >= 2, j < s.count, PyString.isWord(s[j]) else { return nil }
        return j
    }

    /// Whether `s[i]` exists and is a letter.
    private func letter(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i >= 0 && i < s.count && Self.isLetter(s[i])
    }

    /// Where the word chunk starting at `start` ends: at whitespace, after a
    /// hyphen between letters (`state-` `of-` `the-art`) or before an em-dash.
    private func wordEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
        // An em-dash between words is a chunk of its own.
        if start > 0, Self.isWordPunct(s[start - 1]), let end = emDash(s, at: start) { return end }
        var j = start + 1
        while true {
            if j >= s.count || Self.isWrapSpace(s[j]) { return j }
            if s[j] == "-" {
                let hyphenAfterLetters =
                    (letter(s, j - 2) && letter(s, j - 1))
                    || (letter(s, j - 3) && s[j - 2] == "-" && letter(s, j - 1))
                let followedByWord =
                    letter(s, j + 1) && (letter(s, j + 2) || (j + 2 < s.count && s[j + 2] == "-" && letter(s, j + 3)))
                if hyphenAfterLetters && followedByWord { return j + 1 }
                if Self.isWordPunct(s[j - 1]), emDash(s, at: j) != nil { return j }
            }
            j += 1
        }
    }
}
