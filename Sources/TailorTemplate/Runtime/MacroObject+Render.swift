/// Running a macro's body: entering its frame, binding its parameters, and
/// the remembered output of a pure macro.
extension MacroObject {
    /// Runs the macro body with its output going straight to the runtime's
    /// current buffer: what `{{ macro(...) }}` does without a capture.
    func render(_ arguments: Arguments, in rt: Runtime) throws {
        try inFrame(rt) { paramStart in
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
            for (i, name) in params.enumerated() {
                let value: Value
                if i < positional.count {
                    value = positional[i]
                } else if let given = arguments.keywords.last(where: { $0.name == name }) {
                    value = given.value
                } else {
                    value = try defaultValue(i, in: rt)
                }
                rt.locals.append(macro.parameterIDs[i], value)
            }
            if macro.usesVarargs {
                rt.locals.append(
                    SymbolTable.Fixed.varargs, .tuple(positional.count > params.count ? Array(positional[params.count...]) : []))
            }
            if let extraKeywords { rt.locals.append(SymbolTable.Fixed.kwargs, .dict(extraKeywords)) }
            if macro.usesCaller {
                rt.locals.append(SymbolTable.Fixed.caller, callerValue ?? rt.undefined(.message("no caller defined")))
            }
            try runBody(paramStart: paramStart, in: rt)
        }
    }

    /// Whether ``render(arguments:positional:keywordIDs:in:)`` binds a call
    /// with `positional` positional arguments and these keywords: each keyword
    /// names a parameter after the positional ones, once, and the macro reads
    /// neither `varargs`, `kwargs` nor `caller`. Anything else (errors
    /// included) goes through ``render(_:in:)``.
    func bindsDirectly(positional: Int, keywordIDs: [Int]) -> Bool {
        let ids = macro.parameterIDs
        guard !macro.usesVarargs, !macro.usesKwargs, !macro.usesCaller, positional <= ids.count else { return false }
        for (j, id) in keywordIDs.enumerated() {
            guard let i = ids.firstIndex(of: id), i >= positional else { return false }
            for k in 0..<j where keywordIDs[k] == id { return false }
        }
        return true
    }

    /// Renders a call whose arguments the caller has evaluated into
    /// `arguments` (positional ones, then one per keyword in `keywordIDs`);
    /// binds them by symbol, with no ``Arguments`` built and no names
    /// compared. Only when ``bindsDirectly(positional:keywordIDs:)`` said so.
    func render(arguments: UnsafeBufferPointer<Value>, positional: Int, keywordIDs: [Int], in rt: Runtime) throws {
        try inFrame(rt) { paramStart in
            let ids = macro.parameterIDs
            for i in ids.indices {
                let value: Value
                if i < positional {
                    value = arguments[i]
                } else if let j = keywordIDs.lastIndex(of: ids[i]) {
                    value = arguments[positional + j]
                } else {
                    value = try defaultValue(i, in: rt)
                }
                rt.locals.append(ids[i], value)
            }
            try runBody(paramStart: paramStart, in: rt)
        }
    }

    /// The value of parameter `i` when the call gave none.
    private func defaultValue(_ i: Int, in rt: Runtime) throws -> Value {
        if let defaultValue = macro.defaults[i] { return try defaultValue(rt) }
        return rt.undefined(.message("parameter '\(macro.parameters[i])' was not provided"))
    }

    /// Runs `bind` then the body in the macro's frame: its context, its
    /// closure and its parameters visible, the caller's locals not; restores
    /// the caller's frame after. `bind` is given where the parameters start.
    @inline(__always)
    private func inFrame(_ rt: Runtime, _ bind: (Int) throws -> Void) throws {
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
        if !closure.isEmpty { rt.locals.append(contentsOf: closure) }
        rt.boundary = base
        rt.scopeStart = rt.locals.count
        if !savedFrames.isEmpty { rt.blockFrames = [] }
        try bind(rt.locals.count)
    }

    /// Runs the body with the parameters bound from `paramStart`: through
    /// the memo when the macro is pure and no global it reads is shadowed.
    private func runBody(paramStart: Int, in rt: Runtime) throws {
        guard let memo = macro.memo, rt.resolveToGlobals(memo.globalIDs) else {
            return try macro.body(rt)
        }
        let count = macro.parameterIDs.count
        let autoescape = rt.autoescape
        let recorder = rt.recorder
        // Looked up with the arguments read in place on the locals stack; an
        // array of them is made only for a new entry.
        let found: (fingerprint: UInt64, entry: MacroMemo.Entry?)? = rt.locals.withValues(from: paramStart, count: count) {
            arguments in
            guard let fingerprint = MacroMemo.Key.fingerprint(arguments, autoescape: autoescape) else { return nil }
            return (fingerprint, memo.lookup(fingerprint, arguments, autoescape: autoescape))
        }
        guard let found else { return try macro.body(rt) }
        // With a recorder, only an entry that kept its trace can stand in
        // for rendering: the variant must not depend on what was remembered.
        if let entry = found.entry, recorder == nil || entry.trace != nil {
            if let recorder, let trace = entry.trace {
                recorder.replay(trace, at: rt.out.count, withMarks: rt.captureDepth == 0)
            }
            try rt.write(entry.bytes)
            return
        }
        let key = MacroMemo.Key(
            fingerprint: found.fingerprint, autoescape: autoescape,
            arguments: rt.locals.withValues(from: paramStart, count: count) { Array($0) })
        let start = rt.out.count
        let decisionStart = recorder?.decisions.count ?? 0
        let markStart = recorder?.marks.count ?? 0
        try macro.body(rt)
        let trace = recorder.map { $0.trace(decisionsFrom: decisionStart, marksFrom: markStart, outputStart: start) }
        memo.store(key, MacroMemo.Entry(bytes: rt.out.bytes(from: start), trace: trace))
    }
}
