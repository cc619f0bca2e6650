/// A template's source text with its name, and line lookup for error display.
public struct SourceFile: Sendable {
    public let name: String
    public let text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String? {
        guard line > 0 else { return nil }
        var current = 1
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "\n" || text[i] == "\r\n" {
                if current == line { return String(text[start..<i]) }
                current += 1
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        return current == line ? String(text[start...]) : nil
    }
}

/// A position in a template: 1-based line and column (in characters), and the
/// UTF-8 offset.
public struct Span: Sendable, Equatable, CustomStringConvertible {
    public var line: UInt32
    public var column: UInt32
    public var offset: UInt32

    public init(line: Int, column: Int, offset: Int) {
        self.line = UInt32(line)
        self.column = UInt32(column)
        self.offset = UInt32(offset)
    }

    public static let unknown = Span(line: 0, column: 0, offset: 0)

    public var description: String { "\(line):\(column)" }
}
