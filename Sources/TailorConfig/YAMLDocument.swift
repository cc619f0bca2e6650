import Foundation
import Yams

/// A YAML settings file parsed with positions: every node knows its line and
/// column, so a wrong value is reported where it is written.
///
/// ```swift
/// let doc = try YAMLDocument(path: "segments/segments.yml")
/// for entry in try doc.root.mapping(allowed: ["segments", "rfm"], in: "the segments file") { ... }
/// ```
public struct YAMLDocument: Sendable {
    public let path: String
    let lines: [Substring]
    /// The top-level node; an empty file is an empty mapping.
    public private(set) var root: YAMLNode!

    /// Reads and parses `path`; unreadable files and YAML syntax errors throw.
    public init(path: String) throws(ConfigError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ConfigError(file: path, message: exists ? "cannot read the file" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, message: "the file is not valid UTF-8")
        }
        try self.init(text: text, path: path)
    }

    /// Parses `text`, naming it `path` in errors.
    public init(text: String, path: String) throws(ConfigError) {
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.describe(error, path: path, lines: lines)
        } catch {
            throw ConfigError(file: path, message: "invalid YAML: \(error)")
        }
        let document = Box(path: path, lines: lines)
        root = YAMLNode(node: node ?? .mapping(Node.Mapping([])), document: document)
    }

    private static func describe(_ error: YamlError, path: String, lines: [Substring]) -> ConfigError {
        func at(_ problem: String, _ mark: Mark) -> ConfigError {
            ConfigError(
                file: path, message: "invalid YAML: \(problem)", line: mark.line, column: mark.column,
                sourceLine: lines.indices.contains(mark.line - 1) ? String(lines[mark.line - 1]) : nil)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return at(problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at("the key '\(duplicates.joined(separator: "', '"))' appears twice", context.mark)
        default:
            return ConfigError(file: path, message: "invalid YAML: \(error)")
        }
    }

    /// What nodes need to build errors: the file name and its lines.
    final class Box: Sendable {
        let path: String
        let lines: [Substring]
        init(path: String, lines: [Substring]) {
            self.path = path
            self.lines = lines
        }
    }
}

/// One node of a ``YAMLDocument``: a scalar, mapping or sequence, with its
/// position, and typed accessors that fail with a ``ConfigError`` pointing at it.
public struct YAMLNode: @unchecked Sendable {
    let node: Node
    let document: YAMLDocument.Box

    public var line: Int { node.mark?.line ?? 0 }
    public var column: Int { node.mark?.column ?? 0 }
    public var path: String { document.path }

    /// An error located at this node.
    public func error(_ message: String, help: String? = nil) -> ConfigError {
        ConfigError(
            file: document.path, message: message, line: line, column: column,
            sourceLine: document.lines.indices.contains(line - 1) ? String(document.lines[line - 1]) : nil,
            help: help)
    }

    /// A key and its value in a mapping.
    public struct Entry: Sendable {
        public var key: String
        public var keyNode: YAMLNode
        public var value: YAMLNode
    }

    /// The entries of a mapping, in file order. With `allowed`, any other key
    /// is an error naming `context` (with a suggestion for a misspelling).
    public func mapping(allowed: [String]? = nil, in context: String) throws(ConfigError) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
            throw error("\(context) must be a mapping of keys to values, not \(kind)")
        }
        var entries: [Entry] = []
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, document: document)
            guard case .scalar(let scalar) = key else { throw keyNode.error("keys in \(context) must be plain names") }
            if let allowed, !allowed.contains(scalar.string) {
                let suggestion = Spelling.suggestion(for: scalar.string, among: allowed)
                throw keyNode.error(
                    "unknown key '\(scalar.string)' in \(context)",
                    help: suggestion.map { "did you mean '\($0)'?" }
                        ?? "the keys allowed here are: \(allowed.joined(separator: ", "))")
            }
            entries.append(Entry(key: scalar.string, keyNode: keyNode, value: YAMLNode(node: value, document: document)))
        }
        return entries
    }

    /// The items of a sequence; a single scalar counts as a sequence of one.
    public func sequence(in context: String) throws(ConfigError) -> [YAMLNode] {
        switch node {
        case .sequence(let items): return items.map { YAMLNode(node: $0, document: document) }
        case .scalar: return [self]
        default: throw error("\(context) must be a list, not \(kind)")
        }
    }

    /// The text of a scalar.
    public func string(_ context: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(context) must be text, not \(kind)") }
        return scalar.string
    }

    /// Whether the scalar was written in quotes (so `"5"` is text, not a number).
    public var isQuoted: Bool {
        if case .scalar(let scalar) = node { return scalar.style == .singleQuoted || scalar.style == .doubleQuoted }
        return false
    }

    public func int(_ context: String) throws(ConfigError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw error("\(context) must be a whole number, not \(shown)")
        }
        return value
    }

    public func double(_ context: String) throws(ConfigError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw error("\(context) must be a number, not \(shown)")
        }
        return value
    }

    public func bool(_ context: String) throws(ConfigError) -> Bool {
        guard case .scalar(let scalar) = node else { throw error("\(context) must be true or false, not \(kind)") }
        switch scalar.string {
        case "true", "True", "yes": return true
        case "false", "False", "no": return false
        default: throw error("\(context) must be true or false, not \(shown)")
        }
    }

    /// Where a position inside a scalar's text (1-based line and column of the
    /// parsed value) is in the file, following quotes, block scalars (`|`, `>`)
    /// and plain scalars folded over several lines. For messages about an
    /// expression written in YAML.
    public func filePosition(line: Int, column: Int) -> (line: Int, column: Int) {
        let position = rawFilePosition(line: line, column: column)
        // Past the end of the text (a trailing line break): the end of the last line instead.
        if position.line > self.line, let text = sourceLine(position.line),
            text.trimmingCharacters(in: .whitespaces).isEmpty, let previous = sourceLine(position.line - 1)
        {
            return (position.line - 1, previous.count + 1)
        }
        return position
    }

    private func rawFilePosition(line: Int, column: Int) -> (line: Int, column: Int) {
        guard case .scalar(let scalar) = node else { return (self.line, self.column) }
        let lines = document.lines
        func text(_ number: Int) -> Substring { lines.indices.contains(number - 1) ? lines[number - 1] : "" }
        func indent(_ s: Substring) -> Int { s.prefix { $0 == " " }.count }
        switch scalar.style {
        case .literal:
            let first = self.line + 1
            return (first + line - 1, indent(text(first)) + column)
        case .folded:
            let first = self.line + 1
            let margin = indent(text(first))
            var remaining = column - 1
            var number = first
            while number < first + 200, number <= lines.count {
                let content = text(number).dropFirst(margin)
                if remaining <= content.count { return (number, margin + remaining + 1) }
                remaining -= content.count + 1
                number += 1
            }
            return (self.line, self.column)
        default:
            // Plain or quoted: the first line starts at the node, later lines are folded in.
            let opening = isQuoted ? 1 : 0
            let firstLength = text(self.line).count - (self.column - 1) - opening
            var remaining = column - 1
            if line <= 1, remaining <= max(firstLength, 0) || firstLength <= 0 {
                return (self.line, self.column + opening + remaining)
            }
            remaining -= firstLength + 1
            var number = self.line + 1
            while number < self.line + 200, number <= lines.count {
                let raw = text(number)
                let margin = indent(raw)
                let content = raw.dropFirst(margin)
                if remaining <= content.count { return (number, margin + remaining + 1) }
                remaining -= content.count + 1
                number += 1
            }
            return (self.line, self.column + opening + column - 1)
        }
    }

    /// The text of a 1-based line of the file.
    public func sourceLine(_ number: Int) -> String? {
        document.lines.indices.contains(number - 1) ? String(document.lines[number - 1]) : nil
    }

    /// Whether the node is a scalar (text, number, boolean).
    public var isScalar: Bool {
        if case .scalar = node { return true }
        return false
    }

    /// "a mapping", "a list", "text".
    public var kind: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return "text"
        case .alias: return "an alias"
        }
    }

    private var shown: String {
        if case .scalar(let scalar) = node { return "'\(scalar.string)'" }
        return kind
    }

    /// The node as plain data: strings, numbers, booleans, lists, mappings (for `vars:`).
    public var plain: PlainValue {
        switch node {
        case .scalar(let scalar):
            if isQuoted { return .string(scalar.string) }
            let s = scalar.string
            if let i = Int(s) { return .int(i) }
            if let d = Double(s), s.contains(".") { return .double(d) }
            switch s {
            case "true", "True": return .bool(true)
            case "false", "False": return .bool(false)
            case "~", "null", "": return .null
            default: return .string(s)
            }
        case .sequence(let items): return .list(items.map { YAMLNode(node: $0, document: document).plain })
        case .mapping(let mapping):
            return .mapping(mapping.map { (key, value) in
                (key.string ?? "", YAMLNode(node: value, document: document).plain)
            })
        case .alias: return .null
        }
    }
}

/// YAML data with no positions, for free-form settings such as a campaign's `vars`.
public indirect enum PlainValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([PlainValue])
    case mapping([(String, PlainValue)])
}
