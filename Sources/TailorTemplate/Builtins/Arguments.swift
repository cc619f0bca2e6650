/// The arguments of a call: positional values, then keywords in source order.
public struct Arguments: Sendable {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    public static let empty = Arguments()

    public var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }

    /// The keyword argument `name`, if given.
    public func keyword(_ name: String) -> Value? {
        keywords.first { $0.name == name }?.value
    }

    /// Binds the arguments to declared parameter names, Python style: positional
    /// first, then keywords by name. Returns one slot per parameter (nil when not
    /// given). Too many positional arguments, unknown keywords and a parameter
    /// given twice are `TypeError`s naming `function`; so is a missing one among
    /// the first `required` parameters.
    ///
    /// ```swift
    /// let a = try args.bind("truncate", ["length", "killwords", "end", "leeway"])
    /// let length = a[0]?.intValue ?? 255
    /// ```
    public func bind(_ function: String, _ parameters: [String], required: Int = 0) throws -> [Value?] {
        guard positional.count <= parameters.count else {
            throw TemplateError(
                .type,
                "\(function)() takes \(parameters.count == 0 ? "no" : "at most \(parameters.count)") arguments (\(positional.count) given)")
        }
        if parameters.isEmpty && keywords.isEmpty { return [] }
        // Appended one by one: `Array(repeating: nil, count:)` copies the
        // `nil` through Optional's generic value witness for every slot.
        var slots: [Value?] = []
        slots.reserveCapacity(parameters.count)
        for i in parameters.indices { slots.append(i < positional.count ? positional[i] : nil) }
        for (name, value) in keywords {
            guard let i = parameters.firstIndex(of: name) else {
                throw TemplateError(.type, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            if slots[i] != nil {
                throw TemplateError(.type, "\(function)() got multiple values for argument '\(name)'")
            }
            slots[i] = value
        }
        for i in 0..<min(required, parameters.count) where slots[i] == nil {
            throw TemplateError(.type, "\(function)() missing required argument '\(parameters[i])'")
        }
        return slots
    }
}
