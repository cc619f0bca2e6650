/// Statements to closures.
extension Compiler {
    func compileStatement(_ stmt: Stmt) throws -> Exec? {
        let source = self.source
        switch stmt {
        case .data(let text, _):
            let bytes = Array(text.utf8)
            return { rt in try rt.write(bytes) }

        case .output(let expr, let span):
            return try compileOutput(stmt, expr, span)

        case .if(let branches, let otherwise, let span):
            conditionalDepth += 1
            defer { conditionalDepth -= 1 }
            let compiled = try branches.map { IfBranch(test: try compile($0.test), body: try compileBody($0.body)) }
            let elseBody = try otherwise.map(compileBody)
            let site = self.site(span)
            if compiled.count == 1 {
                let test = compiled[0].test
                let body = compiled[0].body
                return { rt in
                    try locating(source, span) {
                        if try test(rt).truthy() {
                            rt.recorder?.decide(site, 0)
                            try body(rt)
                        } else {
                            rt.recorder?.decide(site, -1)
                            try elseBody?(rt)
                        }
                    }
                }
            }
            let testInTurn: Exec = { rt in
                try locating(source, span) {
                    for i in compiled.indices where try compiled[i].test(rt).truthy() {
                        rt.recorder?.decide(site, i)
                        try compiled[i].body(rt)
                        return
                    }
                    rt.recorder?.decide(site, -1)
                    try elseBody?(rt)
                }
            }
            return try compileStringChain(
                branches.map(\.test), compiled, otherwise: elseBody, site: site, span: span, testInTurn: testInTurn)
                ?? testInTurn

        case .for(let loop):
            return try compileFor(loop)

        case .set(let target, let value, let span):
            let v = try compile(value)
            let assign = try compileAssignment(target)
            return { rt in try locating(source, span) { try assign(rt, try v(rt)) } }

        case .setBlock(let target, let filters, let body, let span):
            scopeDepth += 1
            let b = try compileBody(body)
            scopeDepth -= 1
            let assign = try compileAssignment(target)
            var pipeline: Eval = { rt in rt.captured(try rt.capture { try b(rt) }) }
            for f in filters { pipeline = try compileFilter(f.name, f.arguments, f.span, input: pipeline) }
            let value = pipeline
            return { rt in try locating(source, span) { try assign(rt, try value(rt)) } }

        case .with(let assignments, let body, let span):
            let values = try assignments.map { (assign: $0.target, value: try compile($0.value)) }
            scopeDepth += 1
            defer { scopeDepth -= 1 }
            let targets = try values.map { try compileAssignment($0.assign) }
            let evals = values.map(\.value)
            let b = try compileBody(body)
            return { rt in
                try locating(source, span) {
                    let computed = try evals.map { try $0(rt) }
                    let saved = rt.pushScope()
                    defer { rt.popScope(saved) }
                    for (assign, value) in zip(targets, computed) { try assign(rt, value) }
                    try b(rt)
                }
            }

        case .macro(let definition):
            let macro = try compileMacro(definition)
            let assign = try compileAssignment(.name(definition.name, definition.span))
            return { rt in
                try assign(rt, .object(MacroObject(macro, closure: rt.visibleLocals(), context: rt.context)))
            }

        case .callBlock(let call, let definition, let span):
            guard case .call(let callee, let args, let callSpan) = call else {
                throw error(.syntax, "expected call", at: span)
            }
            let caller = try compileMacro(definition)
            var withCaller = args
            withCaller.keywords.append(("caller", .name("\u{0}caller", span)))
            let invoke = try compile(.call(callee, withCaller, callSpan))
            return { rt in
                try locating(source, span) {
                    let callerObject = MacroObject(caller, closure: rt.visibleLocals(), context: rt.context)
                    let saved = rt.pushScope()
                    rt.locals.append(SymbolTable.Fixed.pendingCaller, .object(callerObject))
                    let result: Value
                    do {
                        result = try invoke(rt)
                    } catch {
                        rt.popScope(saved)
                        throw error
                    }
                    rt.popScope(saved)
                    try rt.emit(result)
                }
            }

        case .filterBlock(let filters, let body, let span):
            let b = try compileBody(body)
            var pipeline: Eval = { rt in rt.captured(try rt.capture { try b(rt) }) }
            for f in filters { pipeline = try compileFilter(f.name, f.arguments, f.span, input: pipeline) }
            let value = pipeline
            // Like Jinja, the block's filtered result is written as it is, not escaped again.
            return { rt in try locating(source, span) { try rt.write(try value(rt).stringify()) } }

        case .include(let template, let ignoreMissing, let withContext, let span):
            let name = try compile(template)
            let site = TemplateSite.forLiteral(template)
            return { rt in
                try locating(source, span) {
                    guard let found = try rt.loadTemplate(try name(rt), ignoreMissing: ignoreMissing, site: site) else {
                        return
                    }
                    try rt.include(found, withContext: withContext)
                }
            }

        case .import(let template, let alias, let withContext, let span):
            let name = try compile(template)
            let site = TemplateSite.forLiteral(template)
            let assign = try compileAssignment(.name(alias, span))
            return { rt in
                try locating(source, span) {
                    try assign(rt, .object(try rt.importModule(try name(rt), withContext: withContext, site: site)))
                }
            }

        case .fromImport(let template, let names, let withContext, let span):
            let name = try compile(template)
            let site = TemplateSite.forLiteral(template)
            let targets = try names.map { (name: $0.name, assign: try compileAssignment(.name($0.alias, span))) }
            let line = span.line
            return { rt in
                try locating(source, span) {
                    let templateName = try name(rt)
                    let module = try rt.importModule(templateName, withContext: withContext, site: site)
                    for target in targets {
                        // A name the template does not export is undefined, failing where it is used.
                        let value = module.attribute(target.name) ?? rt.undefined(
                            .message(
                                "the template '\(templateName.displayString)' (imported on line \(line)) does not export the requested name '\(target.name)'"
                            ))
                        try target.assign(rt, value)
                    }
                }
            }

        case .extends(let template, let span):
            let name = try compile(template)
            let site = TemplateSite.forLiteral(template)
            return { rt in
                try locating(source, span) {
                    guard rt.pendingParent == nil else {
                        throw TemplateError(.runtime, "extended multiple times: a template may extend only one parent")
                    }
                    rt.pendingParent = try rt.loadTemplate(try name(rt), ignoreMissing: false, site: site)
                    rt.pendingParentOrigin = (source, span)
                }
            }

        case .block(let definition):
            blockDepth += 1
            scopeDepth += 1
            let body = try compileBody(definition.body)
            blockDepth -= 1
            scopeDepth -= 1
            let id = environment.symbols.id(for: definition.name)
            blocks[definition.name] = CompiledBlock(
                name: definition.name, nameID: id, body: body, required: definition.required,
                span: definition.span, source: source)
            let name = definition.name
            let scoped = definition.scoped
            let span = definition.span
            return { rt in
                try locating(source, span) {
                    // After `extends`, the parent decides where blocks render.
                    if rt.pendingParent == nil { try rt.renderBlock(id, name, scoped: scoped) }
                }
            }

        case .autoescape(let expr, let body, let span):
            let e = try compile(expr)
            scopeDepth += 1
            defer { scopeDepth -= 1 }
            let b = try compileBody(body)
            return { rt in
                try locating(source, span) {
                    let saved = rt.autoescape
                    let scope = rt.pushScope()
                    rt.autoescape = try e(rt).truthy()
                    defer {
                        rt.autoescape = saved
                        rt.popScope(scope)
                    }
                    try b(rt)
                }
            }
        }
    }

    // MARK: - Assignment

    /// Compiles where a `set`, `for`, `with` or macro stores its value. At the
    /// top level names become template variables (exported to importers);
    /// inside loops, blocks and macros they are locals of that scope.
    func compileAssignment(_ target: AssignTarget) throws -> @Sendable (Runtime, Value) throws -> Void {
        switch target {
        case .name(let name, _):
            let id = environment.symbols.id(for: name)
            environment.symbols.markBound(id)
            if scopeDepth == 0 {
                return { rt, value in rt.context.vars[id] = value }
            }
            return { rt, value in rt.assignLocal(id, value) }
        case .tuple(let targets, _):
            let assigns = try targets.map(compileAssignment)
            return { rt, value in
                let items = try value.iterate()
                guard items.count == assigns.count else {
                    if items.count > assigns.count {
                        throw TemplateError(.value, "too many values to unpack (expected \(assigns.count))")
                    }
                    throw TemplateError(
                        .value, "not enough values to unpack (expected \(assigns.count), got \(items.count))")
                }
                for (assign, item) in zip(assigns, items) { try assign(rt, item) }
            }
        case .namespaceAttribute(let name, let attribute, _):
            let id = environment.symbols.id(for: name)
            return { rt, value in
                guard case .object(let object) = rt.lookup(id) ?? .none,
                    let namespace = object as? NamespaceObject
                else {
                    throw TemplateError(.runtime, "cannot assign attribute on non-namespace object '\(name)'")
                }
                namespace.attributes[.string(attribute)] = value
            }
        }
    }

    // MARK: - Macros and loops

    /// `{{ expr }}`: notes where the output comes from (for a recorder), then
    /// prints the value; one that depends only on globals writes bytes
    /// rendered at compile time.
    func compileOutput(_ stmt: Stmt, _ expr: Expr, _ span: Span) throws -> Exec {
        try compileOutputPiece(stmt, expr, span).exec
    }

    /// `compileOutput`, and the output rendered at compile time when it
    /// depends only on globals (for a ``TextRun``).
    func compileOutputPiece(_ stmt: Stmt, _ expr: Expr, _ span: Span) throws -> (exec: Exec, folded: PrerenderedText?) {
        let source = self.source
        if case .call(let callee, let args, _) = expr,
            let direct = try compileDirectMacroCall(callee, args, expr, markedAt: span)
        {
            return (direct, nil)
        }
        let e = try compile(expr)
        let print: Exec = { rt in try locating(source, span) { try rt.emit(try e(rt)) } }
        if let text = prerenderedText(stmt, print) {
            let exec: Exec = { rt in
                rt.mark(source, span, isStatic: false)
                try text.write(in: rt, otherwise: print)
            }
            return (exec, text)
        }
        if let direct = try compileFixedPointOutput(expr, markedAt: span) {
            return (direct, nil)
        }
        if let direct = try compileURLEncodeOutput(expr, markedAt: span) {
            return (direct, nil)
        }
        // `{{ name }}`: looked up here, without a closure call for the name.
        if case .name(let name, _) = expr, name != "self", name != "super" {
            let id = environment.symbols.id(for: name)
            let exec: Exec = { rt in
                rt.mark(source, span, isStatic: false)
                try locating(source, span) { try rt.emit(rt.lookup(id) ?? rt.undefined(.name(name))) }
            }
            return (exec, nil)
        }
        let exec: Exec = { rt in
            rt.mark(source, span, isStatic: false)
            try locating(source, span) { try rt.emit(try e(rt)) }
        }
        return (exec, nil)
    }

    /// `{{ name(args) }}` where `name` turns out to be a macro: the body writes
    /// straight into the output instead of into a captured string that is then
    /// copied. Anything else called this way prints its result as usual.
    func compileDirectMacroCall(_ callee: Expr, _ args: CallArguments, _ whole: Expr, markedAt span: Span) throws
        -> Exec?
    {
        guard case .name(let name, _) = callee, name != "super", name != "self" else { return nil }
        let source = self.source
        let c = try compile(callee)
        let a = try compileArguments(args)
        let general = try compile(whole)
        // Without `*args` and `**kwargs` the arguments are evaluated into a
        // buffer on the stack and bound by symbol (see `MacroObject.render(arguments:...)`).
        guard args.starArgs == nil, args.starKwargs == nil else {
            return { rt in
                rt.mark(source, span, isStatic: false)
                try locating(source, whole.span) {
                    if case .object(let object) = try c(rt), let macro = object as? MacroObject {
                        try macro.render(try a(rt), in: rt)
                    } else {
                        try rt.emit(try general(rt))
                    }
                }
            }
        }
        let evals = try (args.positional + args.keywords.map(\.value)).map { CompiledExpr(eval: try compile($0)) }
        let positional = args.positional.count
        let keywordIDs = args.keywords.map { environment.symbols.id(for: $0.name) }
        return { rt in
            rt.mark(source, span, isStatic: false)
            try locating(source, whole.span) {
                guard case .object(let object) = try c(rt), let macro = object as? MacroObject else {
                    return try rt.emit(try general(rt))
                }
                guard macro.bindsDirectly(positional: positional, keywordIDs: keywordIDs) else {
                    return try macro.render(try a(rt), in: rt)
                }
                try withUnsafeTemporaryAllocation(of: Value.self, capacity: max(evals.count, 1)) { buffer in
                    let base = buffer.baseAddress!
                    var initialized = 0
                    defer { base.deinitialize(count: initialized) }
                    for i in evals.indices {
                        (base + i).initialize(to: try evals[i].eval(rt))
                        initialized += 1
                    }
                    try macro.render(
                        arguments: UnsafeBufferPointer(start: base, count: initialized), positional: positional,
                        keywordIDs: keywordIDs, in: rt)
                }
            }
        }
    }

    func compileMacro(_ definition: MacroDefinition) throws -> CompiledMacro {
        let savedBlockDepth = blockDepth
        blockDepth = 0
        scopeDepth += 1
        defer {
            blockDepth = savedBlockDepth
            scopeDepth -= 1
        }
        let defaults = try definition.parameters.map { try $0.defaultValue.map(compile) }
        let body = try compileBody(definition.body)
        let used = Stmt.names(in: definition.body)
        let parameterIDs = definition.parameters.map { environment.symbols.id(for: $0.name) }
        let nameID = environment.symbols.id(for: definition.name)
        // A call binds the macro's own name and its parameters in its frame.
        for id in parameterIDs + [nameID] { environment.symbols.markBound(id) }
        let usesSpecials = used.contains("caller") || used.contains("varargs") || used.contains("kwargs")
        return CompiledMacro(
            name: definition.name, nameID: nameID, parameters: definition.parameters.map(\.name),
            parameterIDs: parameterIDs, defaults: defaults, body: body,
            usesCaller: used.contains("caller"), usesVarargs: used.contains("varargs"),
            usesKwargs: used.contains("kwargs"), span: definition.span,
            memo: usesSpecials || definition.name == "caller" ? nil : memoFor(definition))
    }

    private func compileFor(_ loop: ForLoop) throws -> Exec {
        let source = self.source
        let iterable = try compile(loop.iterable)
        let otherwise = try loop.otherwise.map(compileBody)
        scopeDepth += 1
        defer { scopeDepth -= 1 }
        let assign = try compileAssignment(loop.target)
        let condition = try loop.condition.map(compile)
        let body = try compileBody(loop.body)
        var targetID: Int? = nil
        if case .name(let name, _) = loop.target { targetID = environment.symbols.id(for: name) }
        let runner = LoopRunner(
            assign: assign, targetID: targetID, condition: condition, body: body, otherwise: otherwise,
            bindsLoop: loop.recursive || Self.bodyNeedsLoopObject(loop.body), site: site(loop.span))
        return { rt in try locating(source, loop.span) { try runner.run(rt, try iterable(rt), depth: 1) } }
    }
}
