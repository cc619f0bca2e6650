import ArgumentParser
import Foundation
import TailorConfig
import TailorData
import TailorTemplate

/// Writes errors to standard error in one format: `error: message`, then the
/// location and the offending line with a caret when there is one.
enum ErrorPrinter {
    /// Prints `error` and returns the exit status it calls for.
    @discardableResult
    static func report(_ error: any Error) -> ExitCode {
        switch error {
        case let error as TemplateError:
            write(error.description)
            return .templateFailed
        case let error as InputError:
            write(error.description)
            return .unreadableInput
        case let error as ConfigError:
            write(error.description)
            return .unreadableInput
        case let error as DataFileError:
            write(error.description)
            return .unreadableInput
        case let error as ExitCode:
            return error
        default:
            write("error: \(error)")
            return .templateFailed
        }
    }

    /// Whether ``report(_:)`` has its own display and exit status for `error`:
    /// template, input-file, `campaign.yml` and data-file errors.
    static func knows(_ error: any Error) -> Bool {
        error is TemplateError || error is InputError || error is ConfigError || error is DataFileError
    }

    /// Writes one message and a line break to standard error.
    static func write(_ message: String) {
        var bytes = Array(message.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        StandardStream.error.write(bytes)
    }
}

/// An input file that could not be read or parsed, with where and why.
struct InputError: Error, CustomStringConvertible {
    /// What the file is for, e.g. "data file".
    var role: String
    var path: String
    var reason: String
    /// A JSON syntax error inside the file, shown with its line and a caret.
    var location: (line: Int, column: Int, text: String?)?

    init(role: String, path: String, reason: String) {
        self.role = role
        self.path = path
        self.reason = reason
    }

    /// A JSON error in `bytes`, read from `path`.
    init(role: String, path: String, json error: JSONReadError, in bytes: [UInt8]) {
        self.init(role: role, path: path, reason: "invalid JSON: \(error.message)")
        location = (error.line, error.column, Self.lineText(error.line, in: bytes))
    }

    var description: String {
        guard let location else { return "error: cannot read \(role) '\(path)': \(reason)" }
        // The same caret display as template errors.
        var shown = TemplateError(.value, "\(role) '\(path)': \(reason)")
        shown.templateName = path
        shown.line = location.line
        shown.column = location.column
        shown.sourceLine = location.text
        return shown.description
    }

    /// The text of a 1-based line, cut to a readable width.
    static func lineText(_ line: Int, in bytes: [UInt8]) -> String? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        var text = String(decoding: lines[line - 1], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
