/// A compiled `for` loop: binds each item, runs the body, exposes `loop`, and
/// runs again for `loop(children)` in recursive loops.
final class LoopRunner: Sendable {
    let assign: @Sendable (Runtime, Value) throws -> Void
    /// The symbol of a loop over one name (`for p in ...`), other than
    /// `loop`: each iteration's scope then holds only `loop`, so the item is
    /// pushed without the assignment's search of the scope.
    let targetID: Int?
    let condition: Eval?
    let body: Exec
    let otherwise: Exec?
    /// Whether the body can see `loop` (see `Compiler.bodyNeedsLoopObject`):
    /// when not, no `LoopObject` is made and nothing but the item is bound.
    let bindsLoop: Bool
    /// Identifies the loop in a `RenderRecorder`'s decisions.
    let site: UInt64

    init(
        assign: @escaping @Sendable (Runtime, Value) throws -> Void, targetID: Int?, condition: Eval?,
        body: @escaping Exec, otherwise: Exec?, bindsLoop: Bool = true, site: UInt64
    ) {
        self.site = site
        self.bindsLoop = bindsLoop
        self.assign = assign
        self.targetID = targetID == SymbolTable.Fixed.loop ? nil : targetID
        self.condition = condition
        self.body = body
        self.otherwise = otherwise
    }

    func run(_ rt: Runtime, _ iterable: Value, depth: Int) throws {
        var items = try iterable.iterate()
        if let condition {
            let saved = rt.pushScope()
            defer { rt.popScope(saved) }
            var kept: [Value] = []
            for item in items {
                try assign(rt, item)
                if try condition(rt).truthy() { kept.append(item) }
            }
            items = kept
        }
        rt.recorder?.decide(site, items.count)
        if items.isEmpty {
            try otherwise?(rt)
            return
        }
        let saved = rt.pushScope()
        defer { rt.popScope(saved) }
        guard bindsLoop else { return try runWithoutLoop(rt, items) }
        let loop = LoopObject(items: items, depth: depth, runner: self)
        rt.locals.append(SymbolTable.Fixed.loop, .object(loop))
        let base = rt.locals.count
        for (i, item) in items.enumerated() {
            // Each iteration starts afresh: what the body set does not carry over.
            rt.locals.truncate(to: base)
            loop.index0 = i
            if let targetID {
                rt.locals.append(targetID, item)
            } else {
                try assign(rt, item)
            }
            try body(rt)
        }
    }

    /// The iterations of a body that never reads `loop`, in a scope already
    /// pushed: the item is the first local of each iteration.
    private func runWithoutLoop(_ rt: Runtime, _ items: [Value]) throws {
        let base = rt.locals.count
        try items.withUnsafeBufferPointer { items in
            for i in items.indices {
                rt.locals.truncate(to: base)
                if let targetID {
                    rt.locals.append(targetID, items[i])
                } else {
                    try assign(rt, items[i])
                }
                try body(rt)
            }
        }
    }
}

/// The `loop` variable inside a `for` body.
final class LoopObject: ValueObject, @unchecked Sendable {
    let items: [Value]
    let depth: Int
    let runner: LoopRunner
    var index0 = 0
    /// What `loop.changed()` last saw.
    private var lastChanged: [Value]? = nil

    init(items: [Value], depth: Int, runner: LoopRunner) {
        self.items = items
        self.depth = depth
        self.runner = runner
    }

    var typeName: String { "LoopContext" }
    var isCallable: Bool { true }
    var reprString: String { "<LoopContext \(index0 + 1)/\(items.count)>" }

    func attribute(_ name: String) -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(depth)
        case "depth0": return .int(depth - 1)
        case "previtem":
            return index0 > 0
                ? items[index0 - 1] : .undefined(Undefined(.message("there is no previous item"), strict: false))
        case "nextitem":
            return index0 + 1 < length
                ? items[index0 + 1] : .undefined(Undefined(.message("there is no next item"), strict: false))
        case "cycle":
            return .object(
                FunctionObject("cycle") { [self] args, _ in
                    guard !args.positional.isEmpty else {
                        throw TemplateError(.type, "no items for cycling given")
                    }
                    return args.positional[self.index0 % args.positional.count]
                })
        case "changed":
            return .object(
                FunctionObject("changed") { [self] args, _ in
                    if let last = self.lastChanged, last == args.positional { return .bool(false) }
                    self.lastChanged = args.positional
                    return .bool(true)
                })
        default: return nil
        }
    }

    /// `loop(children)` in a recursive loop: renders the loop body over `children`.
    func call(_ arguments: Arguments, in runtime: Runtime) throws -> Value {
        guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
            throw TemplateError(.type, "loop() takes exactly one argument, the items to loop over")
        }
        try runtime.enterNested()
        defer { runtime.depth -= 1 }
        let text = try runtime.capture { try runner.run(runtime, arguments.positional[0], depth: depth + 1) }
        return runtime.captured(text)
    }
}
