/// Python's `pprint.pformat(value)`, which Jinja2's `pprint` filter returns:
/// the `repr` with dict keys sorted, and a value whose `repr` does not fit in
/// 80 columns laid out over several lines.
///
/// A dict, list or tuple too wide for its place puts one item per line,
/// indented under its opening bracket; a string too wide is cut after the
/// spaces between words into adjacent literals (in parentheses at the top
/// level, as Python prints them). Everything else, `Markup` included, stays
/// on one line however long. The columns are counted in Unicode scalars, as
/// Python's `len` counts a `str`.
struct PrettyPrinter {
    static let width = 80

    private var out = ""

    static func format(_ value: Value) -> String {
        var printer = PrettyPrinter()
        printer.format(value, indent: 0, allowance: 0, level: 0)
        return printer.out
    }

    /// Writes `value` starting at column `indent`, keeping `allowance`
    /// columns free after it for the closing brackets and commas that follow.
    private mutating func format(_ value: Value, indent: Int, allowance: Int, level: Int) {
        let rep = value.prettyRepr
        if Self.columns(rep) > Self.width - indent - allowance {
            switch value {
            case .dict(let d):
                dict(d, indent: indent, allowance: allowance, level: level + 1)
                return
            case .list(let items):
                out += "["
                sequence(items, indent: indent, allowance: allowance + 1, level: level + 1)
                out += "]"
                return
            case .tuple(let items):
                let end = items.count == 1 ? ",)" : ")"
                out += "("
                sequence(items, indent: indent, allowance: allowance + end.count, level: level + 1)
                out += end
                return
            case .string(let s):
                string(s, indent: indent, allowance: allowance, level: level + 1)
                return
            default:
                break
            }
        }
        out += rep
    }

    private mutating func dict(_ d: Dict, indent: Int, allowance: Int, level: Int) {
        out += "{"
        let pairs = Value.sortedPairs(d)
        let indent = indent + 1
        for (i, pair) in pairs.enumerated() {
            let last = i == pairs.count - 1
            let key = pair.key.prettyRepr
            out += key
            out += ": "
            format(pair.value, indent: indent + Self.columns(key) + 2, allowance: last ? allowance + 1 : 1, level: level)
            if !last { newline(",", indent) }
        }
        out += "}"
    }

    private mutating func sequence(_ items: [Value], indent: Int, allowance: Int, level: Int) {
        let indent = indent + 1
        for (i, item) in items.enumerated() {
            if i > 0 { newline(",", indent) }
            format(item, indent: indent, allowance: i == items.count - 1 ? allowance : 1, level: level)
        }
    }

    /// A string's lines, each cut after the spaces that end a word wherever
    /// the literal would pass the margin.
    private mutating func string(_ s: String, indent: Int, allowance: Int, level: Int) {
        let topLevel = level == 1
        let indent = topLevel ? indent + 1 : indent
        let allowance = topLevel ? allowance + 1 : allowance
        let lines = PyString.splitlines(s, keepends: true)
        var chunks: [String] = []
        for (i, line) in lines.enumerated() {
            let lastLine = i == lines.count - 1
            let rep = Value.string(line).repr
            if Self.columns(rep) <= Self.width - indent - (lastLine ? allowance : 0) {
                chunks.append(rep)
                continue
            }
            let words = Self.wordsWithTheirSpaces(line)
            var current = ""
            for (j, word) in words.enumerated() {
                let candidate = current + word
                let margin = Self.width - indent - (lastLine && j == words.count - 1 ? allowance : 0)
                if Self.columns(Value.string(candidate).repr) > margin {
                    if !current.isEmpty { chunks.append(Value.string(current).repr) }
                    current = word
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(Value.string(current).repr) }
        }
        if chunks.count <= 1 {
            out += Value.string(s).repr
            return
        }
        if topLevel { out += "(" }
        for (i, chunk) in chunks.enumerated() {
            if i > 0 { newline("", indent) }
            out += chunk
        }
        if topLevel { out += ")" }
    }

    private mutating func newline(_ before: String, _ indent: Int) {
        out += before
        out += "\n"
        out += String(repeating: " ", count: indent)
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match: each
    /// run of non-spaces with the spaces after it.
    static func wordsWithTheirSpaces(_ line: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var inSpaces = false
        for c in line.unicodeScalars {
            let space = PyString.isSpace(c)
            if !space && inSpaces {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
            inSpaces = space
            current.append(c)
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    static func columns(_ s: String) -> Int { s.unicodeScalars.count }
}

extension Value {
    /// `repr` with dict keys sorted: what `pprint` prints for a value that fits.
    var prettyRepr: String {
        switch self {
        case .undefined: return "Undefined"
        case .list(let a): return "[" + a.map(\.prettyRepr).joined(separator: ", ") + "]"
        case .tuple(let a):
            if a.count == 1 { return "(" + a[0].prettyRepr + ",)" }
            return "(" + a.map(\.prettyRepr).joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + Value.sortedPairs(d).map { "\($0.key.prettyRepr): \($0.value.prettyRepr)" }.joined(separator: ", ")
                + "}"
        default: return repr
        }
    }

    /// A dict's pairs in the order `pprint` prints them: by key, or as
    /// inserted when the keys cannot be compared (a number beside a string).
    static func sortedPairs(_ d: Dict) -> [(key: Value, value: Value)] {
        let pairs = d.pairs
        let indices = pairs.indices.map { Value.int($0) }
        let order = (try? PySort.sorted(indices) { pairs[$0.intValue!].key }) ?? indices
        return order.map { i in let p = pairs[i.intValue!]; return (key: p.key, value: p.value) }
    }
}
