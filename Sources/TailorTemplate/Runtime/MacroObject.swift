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
