/// One message libxml2's HTML parser reported while reading a document.
public struct ParseDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious libxml2 rates it.
    public enum Severity: String, Sendable {
        case warning, error, fatal
    }

    /// The severity.
    public let severity: Severity
    /// libxml2's error code (`xmlParserErrors`).
    public let code: Int
    /// The message, without its trailing newline.
    public let message: String
    /// The 1-based line, 0 when unknown.
    public let line: Int
    /// The 1-based column, 0 when unknown.
    public let column: Int

    public var description: String {
        "\(line):\(column): \(severity.rawValue): \(message)"
    }
}

/// Why a document could not be parsed at all (libxml2 recovers from almost anything).
public enum HTMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parser context could not be created.
    case noContext
    /// The input is larger than libxml2 accepts in one buffer.
    case tooLarge(Int)
    /// The parser returned no document; the diagnostics say why.
    case noDocument([ParseDiagnostic])

    public var description: String {
        switch self {
        case .noContext: return "cannot create an HTML parser context"
        case .tooLarge(let size): return "HTML of \(size) bytes is too large to parse"
        case .noDocument(let diagnostics):
            return "HTML could not be parsed" + (diagnostics.first.map { ": \($0)" } ?? "")
        }
    }
}
