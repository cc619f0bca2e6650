/// Python's `str.format`: `'{0}-{1}'.format(a, b)`, `'Hi {name}!'.format(name=n)`,
/// `'{:,.2f}'.format(total)`.
///
/// Fields are automatic (`{}`), numbered (`{0}`) or named (`{name}`), may
/// reach into values (`{0.name}`, `{0[key]}`), convert (`!r`, `!s`, `!a`) and
/// take a format spec from the mini-language (``FormatSpec``), including
/// nested fields (`{:{width}}`).
enum StrFormat {
    /// Formats `template` with the call's arguments. With `escaping` (a
    /// `Markup` receiver) each field's text is HTML-escaped unless its value is `Markup`.
    static func format(_ template: String, _ args: Arguments, _ runtime: Runtime, escaping: Bool = false) throws
        -> String
    {
        var state = State(args: args, runtime: runtime, escaping: escaping)
        return try state.render(Array(template.unicodeScalars), depth: 0)
    }

    /// The arguments and the field-numbering mode of one `format` call.
    private struct State {
        let args: Arguments
        let runtime: Runtime
        let escaping: Bool
        /// The next automatic field number; nil once a field is numbered by hand.
        var autoIndex: Int? = 0
        var manual = false

        init(args: Arguments, runtime: Runtime, escaping: Bool) {
            self.args = args
            self.runtime = runtime
            self.escaping = escaping
        }

        /// Renders literal text with `{{`/`}}` escapes and replacement fields.
        mutating func render(_ s: [Unicode.Scalar], depth: Int) throws -> String {
            guard depth < 2 else { throw TemplateError(.value, "Max string recursion exceeded") }
            var out = ""
            var i = 0
            while i < s.count {
                let c = s[i]
                if c == "}" {
                    guard i + 1 < s.count, s[i + 1] == "}" else {
                        throw TemplateError(.value, "Single '}' encountered in format string")
                    }
                    out += "}"
                    i += 2
                } else if c == "{" {
                    if i + 1 < s.count && s[i + 1] == "{" {
                        out += "{"
                        i += 2
                        continue
                    }
                    guard i + 1 < s.count else { throw TemplateError(.value, "Single '{' encountered in format string") }
                    var nesting = 1
                    var j = i + 1
                    while j < s.count {
                        if s[j] == "{" { nesting += 1 } else if s[j] == "}" { nesting -= 1 }
                        if nesting == 0 { break }
                        j += 1
                    }
                    guard j < s.count else { throw TemplateError(.value, "expected '}' before end of string") }
                    out += try field(Array(s[(i + 1)..<j]), depth: depth)
                    i = j + 1
                } else {
                    out.unicodeScalars.append(c)
                    i += 1
                }
            }
            return out
        }

        /// One replacement field, without its braces.
        mutating func field(_ body: [Unicode.Scalar], depth: Int) throws -> String {
            // Split `name!conversion:spec`; brackets in the name may hold `!` and `:`.
            var nameEnd = 0
            var inBracket = false
            while nameEnd < body.count {
                let c = body[nameEnd]
                if c == "[" { inBracket = true } else if c == "]" { inBracket = false }
                if !inBracket && (c == "!" || c == ":") { break }
                nameEnd += 1
            }
            let name = Array(body[..<nameEnd])
            var conversion: Unicode.Scalar?
            var specStart = nameEnd
            if nameEnd < body.count && body[nameEnd] == "!" {
                guard nameEnd + 1 < body.count else {
                    throw TemplateError(.value, "end of string while looking for conversion specifier")
                }
                conversion = body[nameEnd + 1]
                specStart = nameEnd + 2
                if specStart < body.count && body[specStart] != ":" {
                    throw TemplateError(.value, "expected ':' after conversion specifier")
                }
            }
            var spec = specStart < body.count ? Array(body[(specStart + 1)...]) : []
            if spec.contains("{") {
                spec = Array(try render(spec, depth: depth + 1).unicodeScalars)
            }
            var value = try resolve(name)
            switch conversion {
            case nil: break
            case "s": value = .string(try value.stringify())
            case "r": value = .string(value.repr)
            case "a": value = .string(PercentFormat.asciiRepr(value.repr))
            case let other?: throw TemplateError(.value, "Unknown conversion specifier \(other)")
            }
            if escaping, value.isMarkup {
                guard spec.isEmpty else { throw TemplateError(.value, "Markup values do not take a format spec") }
                return try value.stringify()
            }
            let text = try FormatSpec(PyString.string(spec)).apply(to: value)
            return escaping ? Escaping.escapeHTML(text) : text
        }

        /// The value a field name designates: an argument, then `.attr` and `[key]` steps.
        mutating func resolve(_ name: [Unicode.Scalar]) throws -> Value {
            var i = 0
            while i < name.count && name[i] != "." && name[i] != "[" { i += 1 }
            let first = PyString.string(name[..<i])
            var value: Value
            if first.isEmpty {
                guard let index = autoIndex else {
                    throw TemplateError(
                        .value, "cannot switch from manual field specification to automatic field numbering")
                }
                autoIndex = index + 1
                value = try positional(index)
            } else if first.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }), let index = Int(first) {
                if autoIndex != nil && autoIndex != 0 {
                    throw TemplateError(
                        .value, "cannot switch from automatic field numbering to manual field specification")
                }
                autoIndex = nil
                value = try positional(index)
            } else {
                guard let v = args.keyword(first) else { throw TemplateError(.key, Value.pythonStringRepr(first)) }
                value = v
            }
            while i < name.count {
                if name[i] == "." {
                    var j = i + 1
                    while j < name.count && name[j] != "." && name[j] != "[" { j += 1 }
                    let attribute = PyString.string(name[(i + 1)..<j])
                    guard !attribute.isEmpty else { throw TemplateError(.value, "Empty attribute in format string") }
                    value = try self.attribute(value, attribute)
                    i = j
                } else {
                    var j = i + 1
                    while j < name.count && name[j] != "]" { j += 1 }
                    guard j < name.count else { throw TemplateError(.value, "Missing ']' in format string") }
                    let key = PyString.string(name[(i + 1)..<j])
                    guard !key.isEmpty else { throw TemplateError(.value, "Empty attribute in format string") }
                    value = try item(value, key)
                    i = j + 1
                    if i < name.count && name[i] != "." && name[i] != "[" {
                        throw TemplateError(.value, "Only '.' or '[' may follow ']' in format field specifier")
                    }
                }
            }
            return value
        }

        /// A positional argument by number.
        func positional(_ index: Int) throws -> Value {
            guard index < args.positional.count else {
                throw TemplateError(.index, "Replacement index \(index) out of range for positional args tuple")
            }
            return args.positional[index]
        }

        /// `{0.name}`: an object attribute (dict keys are not attributes).
        func attribute(_ value: Value, _ name: String) throws -> Value {
            if case .object(let o) = value, let v = o.attribute(name) { return v }
            if case .undefined(let u) = value { throw u.error }
            if let method = PythonMethods.bound(value, name) { return method }
            throw TemplateError(.attribute, "'\(value.typeName)' object has no attribute '\(name)'")
        }

        /// `{0[key]}`: digits index lists and strings; other keys look up dicts.
        func item(_ value: Value, _ key: String) throws -> Value {
            let index = key.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }) ? Int(key) : nil
            switch value {
            case .dict(let d):
                let k: Value = index.map(Value.int) ?? .string(key)
                guard let v = d[k] else { throw TemplateError(.key, k.repr) }
                return v
            case .list(let items), .tuple(let items):
                guard let index else {
                    throw TemplateError(.type, "\(value.typeName) indices must be integers or slices, not str")
                }
                guard index < items.count else { throw TemplateError(.index, "\(value.typeName) index out of range") }
                return items[index]
            case .string(let s), .markup(let s):
                guard let index else { throw TemplateError(.type, "string indices must be integers, not 'str'") }
                let scalars = Array(s.unicodeScalars)
                guard index < scalars.count else { throw TemplateError(.index, "string index out of range") }
                return .string(String(scalars[index]))
            case .object(let o):
                if let v = o.attribute(key) { return v }
                if let index, let items = o.sequence, index < items.count { return items[index] }
                throw TemplateError(.key, Value.pythonStringRepr(key))
            case .undefined(let u):
                throw u.error
            default:
                throw TemplateError(.type, "'\(value.typeName)' object is not subscriptable")
            }
        }
    }
}
