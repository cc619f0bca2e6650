/// The state of one render: the environment, the variables in scope, the
/// output buffer and its capture stack, inheritance state and the limits.
/// Filters, tests and host objects receive it to reach other filters, the
/// autoescape state and callables.
///
/// A runtime belongs to one render on one thread; templates themselves are
/// immutable and shared.
public final class Runtime {
    public let environment: Environment
    /// Whether `{{ }}` output is escaped at this point of the render.
    public internal(set) var autoescape: Bool
    let strict: Bool

    /// Where rendered bytes go; captures (block `set`, macro bodies, `caller()`)
    /// write on at its end and take their bytes back off.
    var out: OutputBuffer
    /// The most bytes one output (the render's, or a capture's) may hold.
    var outputLimit: Int {
        didSet { limitEnd = Self.offset(outputStart, plus: outputLimit) }
    }
    /// Where the current output (the render's, or the innermost capture's)
    /// starts in `out`: the caller's bytes count towards the render's limit.
    private var outputStart = 0
    /// The offset in `out` past which the current output is over its limit.
    private var limitEnd: Int

    /// Local variables of the enclosing loops, `with` blocks and macro calls,
    /// innermost last. Lookups scan down to `boundary`.
    var locals = Locals()
    /// Lowest index of `locals` visible from here (a macro body sees only its
    /// own locals and its closure).
    var boundary = 0
    /// Start of the innermost scope: assignments replace or add from here up.
    var scopeStart = 0

    /// Template-level variables, blocks and the root context of this template.
    var context: TemplateContext
    /// Set by `{% extends %}` while a template's top level runs.
    var pendingParent: Template?
    /// Where that `{% extends %}` is, to locate errors of rendering the parent.
    var pendingParentOrigin: (SourceFile, Span)?
    /// The block being rendered and its position in the inheritance chain, for `super()`.
    var blockFrames: [(id: Int, name: String, index: Int)] = []
    /// Records positions and decisions when a caller asked for them.
    var recorder: RenderRecorder?
    /// Captures in progress (block `set`, macro values): their bytes are not the output's yet.
    var captureDepth = 0
    /// The render's random choices, seeded from its variables on first use
    /// (see ``RenderRandom``).
    var random: RenderRandom?

    /// Notes that the output from here on comes from `span`.
    @inline(__always)
    func mark(_ source: SourceFile, _ span: Span, isStatic: Bool) {
        if let recorder, captureDepth == 0 { recorder.mark(out.count, source, span, isStatic: isStatic) }
    }

    /// Modules imported during this render, by template name. A render
    /// imports a module or two: a list to scan, not a table to hash and allocate.
    var modules: [(name: String, module: ModuleObject)] = []
    /// How deep includes, imports, blocks and macro calls are nested.
    var depth = 0

    init(environment: Environment, root: RootVariables = .empty) {
        self.environment = environment
        self.autoescape = environment.options.autoescape
        self.strict = environment.options.undefined == .strict
        self.out = OutputBuffer()
        self.outputLimit = environment.options.maxOutputBytes
        self.limitEnd = environment.options.maxOutputBytes
        self.context = TemplateContext(root: RootContext(root, environment: environment), parent: nil)
        contexts.append(context)
        locals.reserveCapacity(16)
    }

    /// Every template context this render made. A macro holds its context and
    /// the context holds the macro (as a template variable): `finish()` breaks
    /// those cycles so nothing of a render outlives it.
    private var contexts: [TemplateContext] = []

    func track(_ context: TemplateContext) -> TemplateContext {
        contexts.append(context)
        return context
    }

    /// Ends the render: releases what it made. The runtime's own storage
    /// (the locals stack, the list of contexts) keeps its capacity for a
    /// next render through ``RuntimePool``.
    func finish() {
        for context in contexts {
            context.vars = SymbolMap()
            context.blocks = BlockTable()
        }
        contexts.removeAll(keepingCapacity: true)
        modules.removeAll(keepingCapacity: true)
        locals.removeAll()
        blockFrames.removeAll(keepingCapacity: true)
        pendingParent = nil
        pendingParentOrigin = nil
        recorder = nil
    }

    /// Lets go of the finished render's variables (the caller's data), so
    /// that a runtime waiting in a pool holds none of them.
    func dropRootValues() {
        if context.parent == nil, isKnownUniquelyReferenced(&context), isKnownUniquelyReferenced(&context.root) {
            context.root.reuse(for: .empty)
        }
    }

    /// Makes a finished runtime ready to render with `root` as its variables,
    /// in the state `init(environment:root:)` leaves a new one in. The main
    /// template context and its root context are used again when nothing
    /// from the last render still holds them (a host that kept a macro would
    /// keep its context); otherwise they are made anew.
    func prepare(root: RootVariables) {
        autoescape = environment.options.autoescape
        outputStart = 0
        outputLimit = environment.options.maxOutputBytes
        boundary = 0
        scopeStart = 0
        captureDepth = 0
        depth = 0
        random = nil
        if context.parent == nil, isKnownUniquelyReferenced(&context), isKnownUniquelyReferenced(&context.root) {
            // `finish()` emptied its variables and blocks.
            context.root.reuse(for: root)
        } else {
            context = TemplateContext(root: RootContext(root, environment: environment), parent: nil)
        }
        contexts.append(context)
    }

    public var strictUndefined: Bool { strict }

    /// A missing value that behaves as the environment's undefined does.
    public func undefined(_ hint: Undefined.Hint) -> Value {
        .undefined(Undefined(hint, strict: strict))
    }

    /// Applies the filter `name` (for filters such as `map` that call others).
    public func filter(_ name: String, _ value: Value, _ arguments: Arguments = .empty) throws -> Value {
        guard let f = environment.filterTable[name]?.apply else {
            throw TemplateError(.unknownFilter, "no filter named '\(name)'")
        }
        return try f(value, arguments, self)
    }

    /// Applies the test `name` (for `select`, `reject` and friends).
    public func test(_ name: String, _ value: Value, _ arguments: Arguments = .empty) throws -> Bool {
        guard let t = environment.tests[name] else {
            throw TemplateError(.unknownTest, "no test named '\(name)'")
        }
        return try t(value, arguments, self)
    }

    /// Calls a callable value (a macro, `caller`, a global function).
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        switch callee {
        case .object(let o): return try o.call(arguments, in: self)
        case .undefined(let u): throw u.error
        default: throw TemplateError(.type, "'\(callee.typeName)' object is not callable")
        }
    }

    // MARK: - Variables

    /// The value `name` has at this point of the render (locals, template
    /// variables, context, globals), for host functions that read the context.
    public func variable(_ name: String) -> Value? {
        guard let id = environment.symbols.existingID(for: name) else {
            return context.root.values.value(named: name) ?? environment.globals[name]
        }
        return lookup(id)
    }

    /// Looks a name up: locals (innermost first), template variables, the
    /// render context, then the environment's globals. A name no template
    /// binds (a recipient's field, a global) goes to the context directly.
    @inline(__always)
    func lookup(_ id: Int) -> Value? {
        if !isNeverBound(id) {
            if let v = locals.find(id, downTo: boundary) { return v }
            if let v = context.variable(id) { return v }
        }
        return context.root.value(id)
    }

    /// Per symbol, whether no compiled template binds it (see
    /// ``SymbolTable/markBound(_:)``), as of `neverBoundVersion`.
    private var neverBound: [Bool] = []
    private var neverBoundVersion = -1

    /// Whether no local or template variable can be named `id`: true only
    /// when the flags taken from the symbol table are still current.
    @inline(__always)
    func isNeverBound(_ id: Int) -> Bool {
        guard id < neverBound.count, neverBound[id] else {
            // A symbol newer than the flags: take them again once it is in the table.
            if id >= neverBound.count && id < environment.symbols.count { refreshNeverBound() }
            return false
        }
        if environment.symbols.bindingVersion == neverBoundVersion { return true }
        refreshNeverBound()
        return false
    }

    @inline(never)
    private func refreshNeverBound() {
        (neverBound, neverBoundVersion) = environment.symbols.neverBound()
    }

    /// Assigns in the innermost scope.
    @inline(__always)
    func assignLocal(_ id: Int, _ value: Value) {
        locals.assign(id, value, downTo: scopeStart)
    }

    /// Enters a new scope for a loop or `with` body; returns what `popScope` needs.
    @inline(__always)
    func pushScope() -> (count: Int, scopeStart: Int) {
        let saved = (locals.count, scopeStart)
        scopeStart = locals.count
        return saved
    }

    @inline(__always)
    func popScope(_ saved: (count: Int, scopeStart: Int)) {
        locals.truncate(to: saved.count)
        scopeStart = saved.scopeStart
    }

    // MARK: - Output

    @inline(__always)
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        out.append(bytes)
        if out.count > limitEnd { throw outputTooLarge() }
    }

    @inline(__always)
    func write(_ bytes: [UInt8]) throws {
        bytes.withUnsafeBufferPointer { out.append($0) }
        if out.count > limitEnd { throw outputTooLarge() }
    }

    /// Appends a string's UTF-8 from its contiguous storage: about half the
    /// instructions of appending its `utf8` view, which copies through
    /// `_StringGuts.copyUTF8(into:)` and retains the string on the way.
    ///
    /// Read in place (`withContiguousStorageIfAvailable` borrows the string;
    /// `withUTF8` needs a mutable copy, a retain and a release); a string
    /// without contiguous UTF-8 (bridged) is made contiguous first.
    @inline(__always)
    func write(_ text: String) throws {
        if text.utf8.withContiguousStorageIfAvailable({ out.append($0) }) == nil {
            var text = text
            text.withUTF8 { out.append($0) }
        }
        if out.count > limitEnd { throw outputTooLarge() }
    }

    @inline(__always)
    func writeEscaped(_ text: String) throws {
        out.appendEscaped(text)
        if out.count > limitEnd { throw outputTooLarge() }
    }

    /// `start + length`, or `Int.max` past it (an unlimited output).
    private static func offset(_ start: Int, plus length: Int) -> Int {
        let (sum, overflow) = start.addingReportingOverflow(length)
        return overflow ? (length > 0 ? Int.max : Int.min) : sum
    }

    private func outputTooLarge() -> TemplateError {
        TemplateError(
            .limit, "the output is larger than \(outputLimit) bytes",
            help: "check for a loop that repeats more than intended")
    }

    /// Runs `body` as a capture and returns what it wrote.
    func capture(_ body: () throws -> Void) throws -> String {
        try redirectingOutput { start in
            try body()
            return out.string(from: start)
        }
    }

    /// Runs `body` as a capture whose output is dropped.
    func discardingOutput(_ body: () throws -> Void) throws {
        try redirectingOutput { _ in try body() }
    }

    /// Runs `body` as a capture: its output, written on at the end of `out`
    /// from the offset `body` is given, is a new output with its own limit,
    /// and is taken back off `out` afterwards.
    private func redirectingOutput<T>(_ body: (Int) throws -> T) throws -> T {
        let start = out.count
        let (savedStart, savedEnd) = (outputStart, limitEnd)
        outputStart = start
        limitEnd = Self.offset(start, plus: outputLimit)
        captureDepth += 1
        defer {
            captureDepth -= 1
            out.truncate(to: start)
            (outputStart, limitEnd) = (savedStart, savedEnd)
        }
        return try body(start)
    }

    /// Captured output as a value: `Markup` when autoescaping, like Jinja's macros.
    func captured(_ text: String) -> Value {
        autoescape ? .markup(text) : .string(text)
    }

    /// Enters a nested include, import, block or macro call, failing past the limit.
    @inline(__always)
    func enterNested() throws {
        depth += 1
        if depth > environment.options.maxRecursionDepth {
            throw TemplateError(
                .recursion,
                "maximum recursion depth exceeded: more than \(environment.options.maxRecursionDepth) nested includes, imports or macro calls",
                help: "check for a template that includes or extends itself, or a macro that calls itself without end")
        }
    }
}

/// Template-level state shared by a template and the templates it extends:
/// variables set at the top level (exported by imports), the render context,
/// and the inheritance chain of each block.
final class TemplateContext {
    var vars = SymbolMap()
    /// A `var` only so that a pooled runtime can check that nothing else
    /// holds it before using it for another render; never reassigned.
    fileprivate(set) var root: RootContext
    /// For included templates: the includer's context, whose variables they see.
    let parent: TemplateContext?
    /// For each block name, its definitions from the most derived template to the base.
    var blocks = BlockTable()

    /// A template variable here or in the contexts this one sees. The first
    /// level is inlined into every name lookup; without a call there, the
    /// lookup need not retain the context around one.
    @inline(__always)
    func variable(_ id: Int) -> Value? {
        if !vars.isEmpty, let v = vars[id] { return v }
        guard parent != nil else { return nil }
        return parentVariable(id)
    }

    /// `variable(id)` in the contexts this one sees (an include's includer).
    @inline(never)
    private func parentVariable(_ id: Int) -> Value? {
        parent?.variable(id)
    }

    /// Whether `variable(id)` finds something (without copying it); inlined
    /// like `variable(_:)`, for the check that a folded global is not shadowed.
    @inline(__always)
    func hasVariable(_ id: Int) -> Bool {
        if vars.contains(id) { return true }
        guard parent != nil else { return false }
        return parentHasVariable(id)
    }

    @inline(never)
    private func parentHasVariable(_ id: Int) -> Bool {
        parent?.hasVariable(id) ?? false
    }

    init(root: RootContext, parent: TemplateContext?) {
        self.root = root
        self.parent = parent
    }
}
