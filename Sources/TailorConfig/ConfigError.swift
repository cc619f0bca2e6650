/// A mistake in a settings file (`segments.yml`, `campaign.yml`), with the
/// file, line and column, the offending line, and what to do about it.
///
/// ```
/// error: unknown key 'prority' in segment 'loyal'
///   --> segments/segments.yml:14:5
///    |
/// 14 |     prority: 3
///    |     ^
///   help: did you mean 'priority'?
/// ```
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    /// 1-based; 0 when the error is about the whole file.
    public var line: Int
    public var column: Int
    public var sourceLine: String?
    public var help: String?

    public init(file: String, message: String, line: Int = 0, column: Int = 0, sourceLine: String? = nil, help: String? = nil) {
        self.file = file
        self.message = message
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        self.help = help
    }

    /// `file:line:column`, or the file alone.
    public var location: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public var description: String {
        var out = "error: \(message)\n  --> \(location)"
        if line > 0, let sourceLine {
            let number = String(line)
            let pad = String(repeating: " ", count: number.count)
            out += "\n \(pad) |\n \(number) | \(sourceLine)\n \(pad) | "
            out += String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        if let help { out += "\n  help: \(help)" }
        return out
    }
}

/// Suggestions for misspelt names.
public enum Spelling {
    /// The candidate closest to `word` within two edits, if any.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= 2, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
