/// The global functions every template sees: `range`, `dict`, `lipsum`,
/// `cycler`, `joiner` and `namespace`.
enum BuiltinFunctions {
    static let globals: [String: Value] = [
        "range": .object(FunctionObject("range", GlobalFunctions.range)),
        "dict": .object(FunctionObject("dict", GlobalFunctions.dict)),
        "lipsum": .object(FunctionObject("lipsum", GlobalFunctions.lipsum)),
        "cycler": .object(FunctionObject("cycler", GlobalFunctions.cycler)),
        "joiner": .object(FunctionObject("joiner", GlobalFunctions.joiner)),
        "namespace": .object(FunctionObject("namespace", GlobalFunctions.namespace)),
    ]
}

/// The bodies of the global functions.
enum GlobalFunctions {
    /// `range(stop)` / `range(start, stop, step=1)`: a lazy integer sequence.
    static func range(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        guard args.keywords.isEmpty else { throw TemplateError(.type, "range() takes no keyword arguments") }
        let count = args.positional.count
        guard count >= 1 else { throw TemplateError(.type, "range expected at least 1 argument, got 0") }
        guard count <= 3 else { throw TemplateError(.type, "range expected at most 3 arguments, got \(count)") }
        let numbers = try args.positional.map { value -> Int in
            try value.checkStrict()
            if case .undefined(let u) = value { throw u.error }
            guard let i = value.intValue else {
                throw TemplateError(.type, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
            return i
        }
        let (start, stop, step) = count == 1 ? (0, numbers[0], 1) : (numbers[0], numbers[1], count == 3 ? numbers[2] : 1)
        guard step != 0 else { throw TemplateError(.value, "range() arg 3 must not be zero") }
        // Refused when made, like Jinja's sandbox does: a range is materialized
        // wherever it is used (looped over, tested, indexed).
        let range = RangeObject(start: start, stop: stop, step: step)
        try ValueLimits.checkItems(range.count, range.reprString)
        return .object(range)
    }

    /// `dict(a=1, b=2)`, `dict(pairs)`, `dict(mapping, c=3)`.
    static func dict(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        .dict(try dictArguments("dict", args))
    }

    /// Python's `dict(*args, **kwargs)`: at most one mapping or iterable of
    /// pairs, then the keywords.
    static func dictArguments(_ name: String, _ args: Arguments) throws -> Dict {
        guard args.positional.count <= 1 else {
            throw TemplateError(.type, "\(name) expected at most 1 argument, got \(args.positional.count)")
        }
        var result = Dict()
        if let source = args.positional.first {
            if case .dict(let d) = source {
                result = d
            } else {
                for (i, pair) in try source.iterate().enumerated() {
                    let kv = try pair.iterate()
                    guard kv.count == 2 else {
                        throw TemplateError(
                            .value,
                            "dictionary update sequence element #\(i) has length \(kv.count); 2 is required")
                    }
                    try kv[0].checkHashable()
                    result[kv[0]] = kv[1]
                }
            }
        }
        for (key, value) in args.keywords { result[string: key] = value }
        return result
    }

    /// `lipsum(n=5, html=True, min=20, max=100)`: `n` paragraphs of placeholder text.
    static func lipsum(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("generate_lorem_ipsum", ["n", "html", "min", "max"])
        let (count, maxWords) = (try Param.int(a[0], 5), try Param.int(a[3], 100))
        // About eight bytes a word.
        try ValueLimits.checkBytes(8 * max(count, 0), times: maxWords, "lipsum(n=\(count), max=\(maxWords))")
        let minWords = try Param.int(a[2], 20)
        let paragraphs = runtime.withRandom {
            LoremIpsum.paragraphs(count: count, minWords: minWords, maxWords: maxWords, using: &$0)
        }
        guard try Param.bool(a[1], true) else { return .string(paragraphs.joined(separator: "\n\n")) }
        return .markup(paragraphs.map { "<p>\(Escaping.escapeHTML($0))</p>" }.joined(separator: "\n"))
    }

    /// `cycler('odd', 'even')`: `next()` returns the items in turn.
    static func cycler(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        guard args.keywords.isEmpty else {
            throw TemplateError(.type, "Cycler.__init__() got an unexpected keyword argument '\(args.keywords[0].name)'")
        }
        guard !args.positional.isEmpty else { throw TemplateError(.runtime, "at least one item has to be provided") }
        return .object(CyclerObject(args.positional))
    }

    /// `joiner(sep=', ')`: a callable giving `''` the first time, `sep` after.
    static func joiner(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        let a = try args.bind("Joiner.__init__", ["sep"])
        return .object(JoinerObject(separator: a[0] ?? .string(", ")))
    }

    /// `namespace(rows=0)`: an object whose attributes `{% set ns.rows = ... %}` can assign.
    static func namespace(_ args: Arguments, _ runtime: Runtime) throws -> Value {
        .object(NamespaceObject(try dictArguments("namespace", args)))
    }
}

/// The value of `range(...)`: iterable, sized, printing as `range(0, 5)`.
final class RangeObject: ValueObject {
    let start: Int
    let stop: Int
    let step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "range" }

    /// `len(range(...))`, without building the elements.

    var count: Int {
        // Wide enough for range(-2**63, 2**63 - 1); a count past Int.max is clamped.
        let (start, stop, step) = (Int128(start), Int128(stop), Int128(step))
        let n = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0)
        return n > Int128(Int.max) ? Int.max : Int(n)
    }

    /// The integers, built when the range is iterated.
    var sequence: [Value]? { (0..<count).map { .int(start &+ $0 &* step) } }

    var reprString: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        default: return nil
        }
    }
}

/// `cycler(...)`: `next()`, `reset()` and `current`.
final class CyclerObject: ValueObject, @unchecked Sendable {
    let items: [Value]
    /// The index of `current`.
    var position = 0

    init(_ items: [Value]) { self.items = items }

    var typeName: String { "Cycler" }
    var reprString: String { "<Cycler object>" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "current": return items[position]
        case "items": return .tuple(items)
        case "pos": return .int(position)
        case "next":
            return .object(
                FunctionObject("next") { [self] args, _ in
                    _ = try args.bind("next", [])
                    let value = items[position]
                    position = (position + 1) % items.count
                    return value
                })
        case "reset":
            return .object(
                FunctionObject("reset") { [self] args, _ in
                    _ = try args.bind("reset", [])
                    position = 0
                    return .none
                })
        default:
            return nil
        }
    }
}

/// `joiner(sep)`: call it before each item to get the separator.
final class JoinerObject: ValueObject, @unchecked Sendable {
    let separator: Value
    /// Whether it has been called once.
    var used = false

    init(separator: Value) { self.separator = separator }

    var typeName: String { "Joiner" }
    var isCallable: Bool { true }
    var reprString: String { "<Joiner object>" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "sep": return separator
        case "used": return .bool(used)
        default: return nil
        }
    }

    func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value {
        _ = try arguments.bind("Joiner.__call__", [])
        if used { return separator }
        used = true
        return .string("")
    }
}

/// `namespace(...)`: a bag of attributes that templates may assign with
/// `{% set ns.name = value %}` (the renderer writes into ``attributes``).
/// Prints like Jinja's: `<Namespace {'rows': 3}>`.
public final class NamespaceObject: ValueObject, @unchecked Sendable {
    /// The attributes, in assignment order.
    var attributes: Dict

    init(_ attributes: Dict = Dict()) { self.attributes = attributes }

    public var typeName: String { "Namespace" }
    public var reprString: String { "<Namespace \(Value.dict(attributes).repr)>" }

    public func attribute(_ name: String) -> Value? { attributes[string: name] }
}

