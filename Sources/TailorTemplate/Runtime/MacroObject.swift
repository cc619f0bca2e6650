/// A macro (or a call block's `caller`) bound to where it was defined: the
/// locals it closes over and the template variables it sees.
final class MacroObject: ValueObject, @unchecked Sendable {
    let macro: CompiledMacro
    let closure: [(id: Int, value: Value)]
    let context: TemplateContext

    init(_ macro: CompiledMacro, closure: [(id: Int, value: Value)], context: TemplateContext) {
        self.macro = macro
        self.closure = closure
        self.context = context
    }

    var typeName: String { "Macro" }
    var isCallable: Bool { true }
    var reprString: String { "<Macro '\(macro.name)'>" }

    func attribute(_ name: String) -> Value? {
        switch name {
        case "name": return .string(macro.name)
        case "arguments": return .tuple(macro.parameters.map { .string($0) })
        case "caller": return .bool(macro.usesCaller)
        case "catch_kwargs": return .bool(macro.usesKwargs)
        case "catch_varargs": return .bool(macro.usesVarargs)
        default: return nil
        }
    }

    func call(_ arguments: Arguments, in rt: Runtime) throws -> Value {
        rt.captured(try rt.capture { try render(arguments, in: rt) })
    }

    /// Runs the macro body with its output going straight to the runtime's
    /// current buffer: what `{{ macro(...) }}` does without a capture.
    func render(_ arguments: Arguments, in rt: Runtime) throws {
        try rt.enterNested()
        let savedContext = rt.context
        let savedBoundary = rt.boundary
        let savedScope = rt.scopeStart
        let savedFrames = rt.blockFrames
        let base = rt.locals.count
        defer {
            rt.locals.truncate(to: base)
            rt.context = savedContext
            rt.boundary = savedBoundary
            rt.scopeStart = savedScope
            rt.blockFrames = savedFrames
            rt.depth -= 1
        }
        rt.context = context
        if macro.name != "caller" { rt.locals.append(macro.nameID, .object(self)) }
        rt.locals.append(contentsOf: closure)
        rt.boundary = base
        rt.scopeStart = rt.locals.count
        rt.blockFrames = []

        let params = macro.parameters
        let positional = arguments.positional
        if positional.count > params.count && !macro.usesVarargs {
            throw TemplateError(
                .type, "macro '\(macro.name)' takes not more than \(params.count) argument(s)")
        }
        // Only a macro reading `kwargs` collects extra keywords (a Dict allocates).
        var extraKeywords: Dict? = macro.usesKwargs ? Dict() : nil
        var callerValue: Value? = nil
        for (name, value) in arguments.keywords {
            if let i = params.firstIndex(of: name) {
                if i < positional.count {
                    throw TemplateError(.type, "macro '\(macro.name)' got multiple values for argument '\(name)'")
                }
            } else if name == "caller" && macro.usesCaller {
                callerValue = value
            } else if macro.usesKwargs {
                extraKeywords?[.string(name)] = value
            } else {
                throw TemplateError(.type, "macro '\(macro.name)' takes no keyword argument '\(name)'")
            }
        }
        let memoized = macro.memo != nil
        var memoArguments: [Value] = []
        if memoized { memoArguments.reserveCapacity(params.count) }
        for (i, name) in params.enumerated() {
            let value: Value
            if i < positional.count {
                value = positional[i]
            } else if let given = arguments.keywords.last(where: { $0.name == name }) {
                value = given.value
            } else if let defaultValue = macro.defaults[i] {
                value = try defaultValue(rt)
            } else {
                value = rt.undefined(.message("parameter '\(name)' was not provided"))
            }
            rt.locals.append(macro.parameterIDs[i], value)
            if memoized { memoArguments.append(value) }
        }
        if macro.usesVarargs {
            rt.locals.append(SymbolTable.Fixed.varargs, .tuple(positional.count > params.count ? Array(positional[params.count...]) : []))
        }
        if let extraKeywords { rt.locals.append(SymbolTable.Fixed.kwargs, .dict(extraKeywords)) }
        if macro.usesCaller {
            rt.locals.append(SymbolTable.Fixed.caller, callerValue ?? rt.undefined(.message("no caller defined")))
        }
        if let memo = macro.memo, rt.resolveToGlobals(memo.globalIDs),
            let key = MacroMemo.Key(memoArguments, autoescape: rt.autoescape)
        {
            let recorder = rt.recorder
            // With a recorder, only an entry that kept its trace can stand in
            // for rendering: the variant must not depend on what was remembered.
            if let entry = memo.lookup(key), recorder == nil || entry.trace != nil {
                if let recorder, let trace = entry.trace {
                    recorder.replay(trace, at: rt.out.count, withMarks: rt.captureDepth == 0)
                }
                try rt.write(entry.bytes)
                return
            }
            let start = rt.out.count
            let decisionStart = recorder?.decisions.count ?? 0
            let markStart = recorder?.marks.count ?? 0
            try macro.body(rt)
            let trace = recorder.map { $0.trace(decisionsFrom: decisionStart, marksFrom: markStart, outputStart: start) }
            memo.store(key, MacroMemo.Entry(bytes: rt.out.bytes(from: start), trace: trace))
            return
        }
        try macro.body(rt)
    }
}

/// What `{% import 'x' as m %}` binds: the template's exported variables and macros.
final class ModuleObject: ValueObject, @unchecked Sendable {
    let name: String
    let context: TemplateContext
    let output: String

    init(name: String, context: TemplateContext, output: String) {
        self.name = name
        self.context = context
        self.output = output
    }

    var typeName: String { "TemplateModule" }
    var displayString: String { output }
    var reprString: String { "<TemplateModule '\(name)'>" }

    func attribute(_ name: String) -> Value? {
        guard !name.hasPrefix("_"), let id = context.root.environment.symbols.existingID(for: name) else {
            return nil
        }
        return context.vars[id]
    }
}

/// `self`: the current template's blocks as callables (`self.title()`).
final class SelfObject: ValueObject, @unchecked Sendable {
    static let shared = SelfObject()
    var typeName: String { "TemplateReference" }
    var reprString: String { "<TemplateReference>" }

    func attribute(_ name: String) -> Value? {
        .object(
            FunctionObject(name) { _, rt in
                guard let id = rt.environment.symbols.existingID(for: name), rt.context.blocks.contains(id) else {
                    throw TemplateError(.undefined, "there is no block named '\(name)'")
                }
                return rt.captured(try rt.capture { try rt.renderBlock(id, name, index: 0) })
            })
    }
}
