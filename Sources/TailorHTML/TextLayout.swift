/// The output side of ``HTMLToText``: inline text gathered into paragraphs, wrapped,
/// indented under list markers and quote marks, separated by blank lines.
struct TextLayout {
    /// How much space a block boundary asks for before the next text.
    enum Gap: Int, Comparable {
        case none, line, blank
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    /// A marker or quote prefix: `first` on the next line written, `rest` after that.
    struct Prefix {
        var first: String
        var rest: String
        var used = false
    }

    let width: Int
    private(set) var lines: [String] = []
    private var inline = ""
    private var pendingSpace = false
    private var gap = Gap.none
    var prefixes: [Prefix] = []

    init(width: Int) {
        self.width = width
    }

    /// The UTF-8 length of the pending inline text, to mark where a link starts.
    var inlineMark: Int { inline.utf8.count }

    /// The inline text since `mark`, trimmed.
    func inlineText(since mark: Int) -> String {
        String(decoding: inline.utf8.dropFirst(mark), as: UTF8.self).trimmingCharacters(in: " \n")
    }

    /// Adds text, collapsing white space as HTML rendering does.
    mutating func addText(_ text: String) {
        var visible = ""
        visible.unicodeScalars.append(contentsOf: text.unicodeScalars.filter { !Self.invisible.contains($0) })
        for ch in visible {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" || ch == "\u{0C}" || ch == "\u{A0}" {
                if !inline.isEmpty, inline.last != "\n" { pendingSpace = true }
            } else {
                if pendingSpace {
                    inline.append(" ")
                    pendingSpace = false
                }
                inline.append(ch)
            }
        }
    }

    /// Adds a word that is kept whole, preceded by a space.
    mutating func addWord(_ word: String) {
        guard !word.isEmpty else { return }
        if !inline.isEmpty, inline.last != "\n" { pendingSpace = true }
        addText(word)
    }

    /// A `<br>`.
    mutating func lineBreak() {
        pendingSpace = false
        inline.append("\n")
    }

    /// Characters used to pad preheaders and that have no place in plain text.
    static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{2060}", "\u{FEFF}", "\u{034F}", "\u{AD}"]

    /// Ends the current paragraph and asks for at least `gap` before the next one.
    mutating func block(_ gap: Gap) {
        flush()
        self.gap = max(self.gap, gap)
    }

    /// Writes preformatted text: lines kept as they are.
    mutating func addPreformatted(_ text: String) {
        flush()
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        emit(rawLines.map { String($0).trimmingTrailingSpaces() })
    }

    /// Writes the pending inline text, wrapped.
    mutating func flush() {
        let text = inline
        inline = ""
        pendingSpace = false
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: " ") }
        guard paragraphs.contains(where: { !$0.isEmpty }) else { return }
        var wrapped: [String] = []
        let indent = prefixes.reduce(0) { $0 + $1.rest.count }
        for paragraph in paragraphs {
            wrapped += wrap(paragraph, width: max(20, width - indent))
        }
        while wrapped.last?.isEmpty == true { wrapped.removeLast() }
        emit(wrapped)
    }

    /// Appends a line under the last one written, such as a heading's underline.
    mutating func underline(_ character: Character, from index: Int) {
        let longest = lines[index...].map(\.count).max() ?? 0
        guard longest > 0 else { return }
        lines.append(String(repeating: character, count: min(longest, width)))
    }

    /// Writes finished lines with the prefixes and the pending gap.
    private mutating func emit(_ newLines: [String]) {
        guard !newLines.isEmpty else { return }
        if !lines.isEmpty, gap == .blank, lines.last?.isEmpty == false {
            lines.append(prefixes.map(\.rest).joined().trimmingTrailingSpaces())
        }
        gap = .none
        for (i, line) in newLines.enumerated() {
            var prefix = ""
            for j in prefixes.indices {
                if i == 0, !prefixes[j].used {
                    prefix += prefixes[j].first
                    prefixes[j].used = true
                } else {
                    prefix += prefixes[j].rest
                }
            }
            lines.append((prefix + line).trimmingTrailingSpaces())
        }
    }

    /// Greedy wrapping by characters; a word longer than the width gets a line of its own.
    private func wrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                out.append(line)
                line = String(word)
            }
        }
        out.append(line)
        return out
    }

    /// The text: lines joined with LF, trailing blank lines dropped, one final LF.
    var result: String {
        var all = lines
        while all.last?.isEmpty == true { all.removeLast() }
        return all.isEmpty ? "" : all.joined(separator: "\n") + "\n"
    }
}

extension StringProtocol {
    /// Without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }

    /// Without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
