extension Runtime {
    /// Writes a `{{ }}` value: printed as Python's `str()`, HTML-escaped when
    /// autoescaping unless it is markup. Undefined prints nothing (or fails when strict).
    @inline(__always)
    func emit(_ value: Value) throws {
        if let finalize = environment.finalize {
            try emitFinal(finalize(value))
        } else {
            try emitFinal(value)
        }
    }

    @inline(__always)
    private func emitFinal(_ value: Value) throws {
        switch value {
        case .string(let s):
            if autoescape { try writeEscaped(s) } else { try write(s) }
        case .markup(let s):
            try write(s)
        case .int(let i):
            try write(String(i))
        case .undefined(let u):
            if u.strict { throw u.error }
        default:
            let text = try value.stringify()
            if autoescape { try writeEscaped(text) } else { try write(text) }
        }
    }

    /// The locals visible here, for a macro's closure.
    func visibleLocals() -> [(id: Int, value: Value)] {
        locals.entries(from: boundary)
    }
}
