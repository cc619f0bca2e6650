import TailorTemplate

/// One case of the conformance corpus as the engine contract gives it: a main
/// template, named templates beside it, a context and Jinja's options.
///
/// ```
/// {"id": "loops/else-01", "template": "{% for x in [] %}{% else %}none{% endfor %}",
///  "templates": {}, "context": {}, "options": {"trim_blocks": true}}
/// ```
struct ConformanceCase {
    var id: String
    var template: String
    var templates: [String: String] = [:]
    var context: [String: Value] = [:]
    var options = Options()
    /// Things that were ignored in the case, worth a note on standard error.
    var notes: [String] = []

    /// A line that is not a case; `id` is set when it could still be read.
    struct Malformed: Error {
        var id: String?
        var message: String
    }

    /// Decodes one line of the input file.
    init(line: [UInt8]) throws(Malformed) {
        let value: Value
        do throws(JSONReadError) {
            value = try JSONValueReader().read(line)
        } catch {
            throw Malformed(id: Self.scanID(line), message: "invalid JSON at column \(error.column): \(error.message)")
        }
        guard case .dict(let object) = value else {
            throw Malformed(id: nil, message: "expected a JSON object, found \(JSONValueReader.describe(value))")
        }
        guard let id = object[string: "id"]?.stringValue else {
            throw Malformed(id: nil, message: "the case has no string 'id'")
        }
        self.id = id
        guard let template = object[string: "template"]?.stringValue else {
            throw Malformed(id: id, message: "the case has no string 'template'")
        }
        self.template = template

        switch object[string: "templates"] {
        case nil, .none?: break
        case .dict(let named)?:
            for (name, source) in zip(named.keys, named.values) {
                guard let name = name.stringValue, let source = source.stringValue else {
                    throw Malformed(id: id, message: "'templates' must map names to template sources (strings)")
                }
                templates[name] = source
            }
        default:
            throw Malformed(id: id, message: "'templates' must be an object")
        }

        switch object[string: "context"] {
        case nil, .none?: break
        case .dict(let dict)?: context = dict.stringKeyed
        default: throw Malformed(id: id, message: "'context' must be an object")
        }

        switch object[string: "options"] {
        case nil, .none?: break
        case .dict(let dict)?: try readOptions(dict)
        default: throw Malformed(id: id, message: "'options' must be an object")
        }
    }

    private mutating func readOptions(_ dict: Dict) throws(Malformed) {
        for (key, value) in zip(dict.keys, dict.values) {
            let name = key.stringValue ?? key.displayString
            func flag() throws(Malformed) -> Bool {
                guard case .bool(let b) = value else {
                    throw Malformed(id: id, message: "option '\(name)' must be true or false")
                }
                return b
            }
            switch name {
            case "autoescape": options.autoescape = try flag()
            case "trim_blocks": options.trimBlocks = try flag()
            case "lstrip_blocks": options.lstripBlocks = try flag()
            case "keep_trailing_newline": options.keepTrailingNewline = try flag()
            case "undefined":
                switch value.stringValue {
                case "default", "lenient": options.undefined = .lenient
                case "strict": options.undefined = .strict
                default:
                    throw Malformed(id: id, message: "option 'undefined' must be \"default\" or \"strict\"")
                }
            default:
                notes.append("unknown option '\(name)' ignored")
            }
        }
    }

    /// A name for the main template that no case template has.
    var mainName: String {
        var name = "<main>"
        var n = 1
        while templates[name] != nil {
            name = "<main-\(n)>"
            n += 1
        }
        return name
    }

    /// Renders the case in a fresh environment and returns its answer line's object.
    func run() -> Value {
        let main = mainName
        var sources = templates
        sources[main] = template
        let environment = Environment(loader: MemoryLoader(sources), options: options)
        do {
            let output = try environment.template(named: main).render(context)
            return Self.answer(id: id, output: output)
        } catch let error as TemplateError {
            var message = "\(error.kind.rawValue): \(error.message)"
            if let name = error.templateName, name != main { message += " (in '\(name)')" }
            return Self.answer(id: id, error: message, line: error.hasLocation ? error.line : nil)
        } catch {
            return Self.answer(id: id, error: "\(error)", line: nil)
        }
    }

    static func answer(id: String, output: String) -> Value {
        .dict(Dict([("id", .string(id)), ("output", .string(output))]))
    }

    static func answer(id: String, error message: String, line: Int?) -> Value {
        var error = Dict([("message", .string(message))])
        if let line { error[string: "line"] = .int(line) }
        return .dict(Dict([("id", .string(id)), ("error", .dict(error))]))
    }

    /// Finds `"id": "..."` in a line that is not valid JSON, so the case can
    /// still be answered.
    static func scanID(_ line: [UInt8]) -> String? {
        let key = Array(#""id""#.utf8)
        var i = 0
        while i + key.count <= line.count {
            defer { i += 1 }
            guard line[i..<(i + key.count)].elementsEqual(key) else { continue }
            var j = i + key.count
            while j < line.count, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
            guard j < line.count, line[j] == UInt8(ascii: ":") else { continue }
            j += 1
            while j < line.count, line[j] == 0x20 || line[j] == 0x09 { j += 1 }
            guard j < line.count, line[j] == UInt8(ascii: "\"") else { continue }
            var end = j + 1
            while end < line.count, line[end] != UInt8(ascii: "\"") {
                end += line[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < line.count else { return nil }
            return (try? JSONValueReader().read(line[j...end]))?.stringValue
        }
        return nil
    }
}
