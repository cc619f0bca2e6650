public import TailorTemplate

/// The `recommend` global, and the compile-time check of its calls.
///
/// ```jinja
/// {% recommend item using 'cart', 'affinity', 'bestsellers' limit 4 min 3 skip %}…{% else %}…{% endrecommend %}
/// {% set picks = recommend('affinity', limit=4) %}
/// ```
///
/// Arguments: strategy names (at least one), then `limit` (default 4), `min`
/// (default 0), `short` (`'else'`, the default: fewer than `min` picks give an
/// empty list so the block's `else` renders; `'skip'`: the recipient is
/// skipped with the reason) and `block` (set by the tag). Unknown strategies
/// and bad constant arguments are compile-time errors at the call.
extension Recommender {
    static let keywords: Set<String> = ["limit", "min", "short", "block"]

    /// Adds `recommend` and its call check to `env`. Call before compiling templates.
    public func register(in env: Environment) {
        env.addGlobal("recommend", .object(FunctionObject("recommend") { [self] arguments, runtime in
            try call(arguments, runtime)
        }))
        let names = strategies.keys.sorted()
        let maxLimit = options.maxLimit
        env.addCallCheck("recommend") { positional, keywords in
            Self.check(positional: positional, keywords: keywords, strategies: names, maxLimit: maxLimit)
        }
    }

    /// What is wrong with a call's constant arguments, nil when nothing is.
    static func check(positional: [Value?], keywords: [String: Value?], strategies: [String], maxLimit: Int) -> String? {
        if positional.isEmpty {
            return "recommend needs at least one strategy, like recommend('bestsellers', limit=4)"
        }
        for argument in positional {
            guard let argument else { continue }
            guard case .string(let name) = argument else {
                return "a strategy is named by a string like 'bestsellers', not \(argument.repr)"
            }
            if !strategies.contains(name) {
                return "unknown recommendation strategy '\(name)' (known: \(strategies.joined(separator: ", ")))"
            }
        }
        for name in keywords.keys.sorted() where !Self.keywords.contains(name) {
            return "recommend got an unexpected keyword argument '\(name)' (it takes limit, min and short)"
        }
        var limit: Int?
        if case let value?? = keywords["limit"] {
            guard let n = exactInt(value), n >= 0, n <= maxLimit else {
                return "limit must be a whole number from 0 to \(maxLimit), not \(value.repr)"
            }
            limit = n
        }
        if case let value?? = keywords["min"] {
            guard let n = exactInt(value), n >= 0 else { return "min must be a whole number of at least 0, not \(value.repr)" }
            if let limit, n > limit { return "min \(n) is more than limit \(limit): the block could never fill" }
        }
        if case let value?? = keywords["short"], value.stringValue != "skip" && value.stringValue != "else" {
            return "short must be 'skip' or 'else', not \(value.repr)"
        }
        return nil
    }

    private static func exactInt(_ value: Value) -> Int? {
        if case .int(let n) = value { return n }
        return nil
    }

    /// One call at render time.
    func call(_ arguments: Arguments, _ runtime: Runtime) throws -> Value {
        var chosen: [any Strategy] = []
        for argument in arguments.positional {
            guard case .string(let name) = argument else {
                throw TemplateError(.type, "a strategy is named by a string like 'bestsellers', not \(argument.repr)")
            }
            guard let strategy = strategies[name] else {
                throw TemplateError(
                    .value, "unknown recommendation strategy '\(name)'",
                    help: "known strategies: \(strategies.keys.sorted().joined(separator: ", "))")
            }
            chosen.append(strategy)
        }
        guard !chosen.isEmpty else {
            throw TemplateError(.type, "recommend needs at least one strategy, like recommend('bestsellers', limit=4)")
        }
        var limit = options.defaultLimit, minimum = 0, skip = false
        var block: Int?
        for (name, value) in arguments.keywords {
            switch name {
            case "limit":
                guard case .int(let n) = value, n >= 0, n <= options.maxLimit else {
                    throw TemplateError(.value, "limit must be a whole number from 0 to \(options.maxLimit), not \(value.repr)")
                }
                limit = n
            case "min":
                guard case .int(let n) = value, n >= 0 else {
                    throw TemplateError(.value, "min must be a whole number of at least 0, not \(value.repr)")
                }
                minimum = n
            case "short":
                guard let word = value.stringValue, word == "skip" || word == "else" else {
                    throw TemplateError(.value, "short must be 'skip' or 'else', not \(value.repr)")
                }
                skip = word == "skip"
            case "block":
                block = value.intValue
            default:
                throw TemplateError(.type, "recommend got an unexpected keyword argument '\(name)' (it takes limit, min and short)")
            }
        }
        guard case .object(let object)? = runtime.variable(Self.contextKey), let session = object as? RecommendationSession else {
            throw TemplateError(
                .runtime, "recommend has no recipient to recommend for",
                help: "the render pipeline must put Recommender.session(...) in the context under '\(Self.contextKey)'")
        }
        let result = session.pick(FallbackChain(chosen, limit: limit), minimum: minimum, skipWhenShort: skip, block: block, in: runtime)
        switch result.outcome {
        case .skipped:
            let which = block.map { "recommendation block \($0)" } ?? "recommend()"
            throw TemplateError(
                .skipped,
                "\(which) (\(result.signature)) found \(result.picks.count) product\(result.picks.count == 1 ? "" : "s"), fewer than min \(minimum)")
        case .short:
            return .list([])
        case .full, .partial:
            return .list(result.picks.map { value(of: $0.product, strategy: $0.strategy) })
        }
    }
}
