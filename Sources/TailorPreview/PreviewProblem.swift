import Foundation
import TailorConfig
import TailorData
import TailorTemplate

/// An error that stops a preview (a template that does not compile, a bad
/// segments file), in the shape the gallery's error panel shows: the file,
/// line and column, and the source line with a caret.
public struct PreviewProblem: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var file: String?
    public var line: Int
    public var column: Int
    public var sourceLine: String?
    public var help: String?
    /// The error as the command line prints it.
    public var description: String
    /// A template that does not compile or render (exit status 1), rather
    /// than an input that cannot be used (3).
    public var isTemplateError = false

    public init(message: String, file: String? = nil, line: Int = 0, column: Int = 0, sourceLine: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
        description = "error: \(message)"
    }

    /// The problem for any error a preview can meet, keeping its location.
    public init(_ error: any Error) {
        switch error {
        case let error as PreviewProblem:
            self = error
        case let error as TemplateError:
            self.init(
                message: error.message, file: error.templateName, line: error.line, column: error.column,
                sourceLine: error.sourceLine)
            help = error.help
            description = error.description
            isTemplateError = true
        case let error as ConfigError:
            self.init(
                message: error.message, file: error.file, line: error.line, column: error.column,
                sourceLine: error.sourceLine)
            help = error.help
            description = error.description
        case let error as DataFileError:
            self.init(message: "\(error)")
        default:
            self.init(message: "\(error)")
        }
    }

    /// `file:line:column`, or the file alone, or nil.
    public var location: String? {
        guard let file else { return nil }
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }
}
