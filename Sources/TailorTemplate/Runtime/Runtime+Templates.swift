/// Rendering whole templates: the top level with inheritance, blocks and
/// `super()`, includes and imports.
extension Runtime {
    /// Loads a template by name (or the first found of a list of names).
    func loadTemplate(_ name: Value, ignoreMissing: Bool) throws -> Template? {
        let names: [Value]
        switch name {
        case .list(let items), .tuple(let items): names = items
        case .object(let o as TemplateObject): return o.template
        default: names = [name]
        }
        for candidate in names {
            if case .object(let o as TemplateObject) = candidate { return o.template }
            guard let text = candidate.stringValue else {
                try candidate.checkStrict()
                if case .undefined(let u) = candidate { throw u.error }
                throw TemplateError(.type, "a template name must be a string, not '\(candidate.typeName)'")
            }
            do {
                if let template = try environment.loadTemplate(text) { return template }
            } catch let error as TemplateError where error.kind == .notFound && ignoreMissing {
                continue  // a refused name is a missing template, as in Jinja
            }
        }
        if ignoreMissing { return nil }
        let list = names.map(\.displayString)
        if list.count == 1 {
            throw TemplateError(.notFound, "template '\(list[0])' not found")
        }
        throw TemplateError(.notFound, "none of the templates given were found: \(list.joined(separator: ", "))")
    }

    /// Runs a template's top level in the current context. After `{% extends %}`
    /// the rest of the top level runs without output, then the parent renders
    /// with this template's blocks in front of its own.
    func renderRoot(_ template: Template) throws {
        let program = template.program
        context.blocks.append(contentsOf: program.blocks)
        let savedParent = pendingParent
        pendingParent = nil
        defer { pendingParent = savedParent }
        let body = program.body
        var i = body.startIndex
        if let straight = program.straight {
            do {
                try straight(self)
                i = body.endIndex
            } catch let stop as TopLevelStop {
                // A macro from another template ran `{% extends %}`: go on as the loop below would.
                i = stop.next
            }
        } else {
            while i < body.endIndex && pendingParent == nil {
                try body[i].run(self)
                i += 1
            }
        }
        if i < body.endIndex {
            // After `{% extends %}` the rest runs for what it defines; its output is dropped.
            try discardingOutput {
                while i < body.endIndex {
                    try body[i].run(self)
                    i += 1
                }
            }
        }
        if let parent = pendingParent {
            let origin = pendingParentOrigin
            pendingParent = nil
            do {
                try enterNested()
                defer { depth -= 1 }
                try renderRoot(parent)
            } catch let error as TemplateError {
                guard let (source, span) = origin else { throw error }
                throw error.located(in: source, at: span)
            }
        }
    }

    /// Renders the most derived definition of a block (or the one at `index` for
    /// `super()`). Unless the block statement is `scoped`, the block does not see
    /// the locals around it; overrides and `super()` see what it sees.
    func renderBlock(_ id: Int, _ name: String, index: Int = 0, scoped: Bool = false) throws {
        guard let block = context.blocks.definition(id, at: index) else {
            throw TemplateError(.runtime, "there is no block named '\(name)'")
        }
        if block.required {
            throw TemplateError(.runtime, "required block '\(name)' not found: a template extending this one must define it")
        }
        try enterNested()
        let savedBoundary = boundary
        let savedScope = scopeStart
        let count = locals.count
        blockFrames.append((id, name, index))
        defer {
            blockFrames.removeLast()
            locals.truncate(to: count)
            boundary = savedBoundary
            scopeStart = savedScope
            depth -= 1
        }
        if !scoped { boundary = count }
        scopeStart = count
        try block.body(self)
    }

    /// `super()`: the parent's version of the block being rendered.
    func renderSuperBlock() throws -> Value {
        guard let frame = blockFrames.last else {
            throw TemplateError(.runtime, "super() is only available inside a block")
        }
        guard context.blocks.definition(frame.id, at: frame.index + 1) != nil else {
            throw TemplateError(.runtime, "there is no parent block called '\(frame.name)'")
        }
        return captured(try capture { try renderBlock(frame.id, frame.name, index: frame.index + 1, scoped: true) })
    }

    /// Saves what a nested template changes, runs `body`, and restores it.
    private func nested<T>(context newContext: TemplateContext, _ body: () throws -> T) throws -> T {
        try enterNested()
        let savedContext = context
        let savedBoundary = boundary
        let savedScope = scopeStart
        let savedFrames = blockFrames
        let savedParent = pendingParent
        let savedAutoescape = autoescape
        let count = locals.count
        defer {
            autoescape = savedAutoescape
            context = savedContext
            boundary = savedBoundary
            scopeStart = savedScope
            blockFrames = savedFrames
            pendingParent = savedParent
            locals.truncate(to: count)
            depth -= 1
        }
        context = newContext
        boundary = count
        scopeStart = count
        blockFrames = []
        pendingParent = nil
        autoescape = environment.options.autoescape
        return try body()
    }

    /// A context for a template included or imported `with context`: it sees the
    /// current locals and template variables, and keeps its own.
    private func childContext() -> TemplateContext {
        let snapshot = track(TemplateContext(root: context.root, parent: context))
        for (id, value) in visibleLocals() where id != SymbolTable.Fixed.loop { snapshot.vars[id] = value }
        return track(TemplateContext(root: context.root, parent: snapshot))
    }

    /// `{% include %}`: renders the template here, with or without the current context.
    func include(_ template: Template, withContext: Bool) throws {
        let ctx = withContext ? childContext() : track(TemplateContext(root: RootContext(.empty, environment: environment), parent: nil))
        try nested(context: ctx) { try renderRoot(template) }
    }

    /// `{% import %}`: runs the template's top level and returns its exports.
    /// Without context a module is made once per render and shared.
    func importModule(_ name: Value, withContext: Bool, site: TemplateSite? = nil) throws -> ModuleObject {
        let key = name.displayString
        if !withContext, let cached = modules.first(where: { $0.name == key }) { return cached.module }
        guard let template = try loadTemplate(name, ignoreMissing: false, site: site) else {
            throw TemplateError(.notFound, "template '\(key)' not found")
        }
        let ctx = withContext ? childContext() : track(TemplateContext(root: RootContext(.empty, environment: environment), parent: nil))
        let output = try nested(context: ctx) { try capture { try renderRoot(template) } }
        let module = ModuleObject(name: template.name, context: ctx, output: output)
        if !withContext { modules.append((key, module)) }
        return module
    }
}

/// A compiled template passed as a value (`{% include tmpl %}` with a template object).
final class TemplateObject: ValueObject, @unchecked Sendable {
    let template: Template
    init(_ template: Template) { self.template = template }
    var typeName: String { "Template" }
    var reprString: String { "<Template '\(template.name)'>" }
}
