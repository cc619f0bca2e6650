/// The built-in tests: `value is name(args)`.
enum BuiltinTestFunctions {
    /// Binds the one required argument of a comparison test.
    private static func operand(_ name: String, _ args: Arguments) throws -> Value {
        try args.bind(name, ["other"], required: 1)[0]!
    }

    /// `{{ 3 is odd }}`.
    static func odd(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("odd", [])
        return try Value.binary(.modulo, value, .int(2)) == .int(1)
    }

    /// `{{ 4 is even }}`.
    static func even(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("even", [])
        return try Value.binary(.modulo, value, .int(2)) == .int(0)
    }

    /// `{% if i is divisibleby 3 %}`.
    static func divisibleby(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        let num = try args.bind("divisibleby", ["num"], required: 1)[0]!
        return try Value.binary(.modulo, value, num) == .int(0)
    }

    /// `{% if user.nickname is defined %}`: true for anything but an undefined value.
    static func defined(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("defined", [])
        return !value.isUndefined
    }

    static func undefined(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("undefined", [])
        return value.isUndefined
    }

    /// `{{ 'upper' is filter }}`: whether the environment has a filter of that name.
    static func filter(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("filter", [])
        try value.checkHashable()
        return value.stringValue.map { runtime.environment.filterTable[$0] != nil } ?? false
    }

    /// `{{ 'odd' is test }}`: whether the environment has a test of that name.
    static func test(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("test", [])
        try value.checkHashable()
        return value.stringValue.map { runtime.environment.tests[$0] != nil } ?? false
    }

    /// A test of the value's type alone (`none`, `boolean`, `string`, `number`...).
    static func kind(_ name: String, _ predicate: @escaping @Sendable (Value) -> Bool) -> Test {
        { value, args, _ in
            _ = try args.bind(name, [])
            return predicate(value)
        }
    }

    /// `{{ 'abc' is lower }}` / `is upper`: Python's `str.islower()` / `isupper()` of `str(value)`.
    static func lower(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("lower", [])
        return PyString.isLowerString(try value.stringify())
    }

    static func upper(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("upper", [])
        return PyString.isUpperString(try value.stringify())
    }

    /// `{{ items is sequence }}`: sized and indexable (strings, lists, dicts, ranges).
    static func sequence(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("sequence", [])
        switch value {
        case .string, .markup, .list, .tuple, .dict: return true
        case .undefined(let u): return !u.strict
        case .object(let o): return o.sequence != nil
        default: return false
        }
    }

    /// `{{ items is iterable }}`.
    static func iterable(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("iterable", [])
        switch value {
        case .string, .markup, .list, .tuple, .dict: return true
        case .undefined(let u):
            if u.strict { throw u.error }
            return true
        case .object(let o): return o.sequence != nil
        default: return false
        }
    }

    /// `{{ caller is callable }}`.
    static func callable(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("callable", [])
        switch value {
        case .object(let o): return o.isCallable
        case .undefined: return true
        default: return false
        }
    }

    /// `{{ x is sameas(y) }}`: Python's `is`. Values that Python keeps as single
    /// objects (`None`, booleans, small integers, equal strings) are the same;
    /// host objects are the same when they are one instance.
    static func sameas(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        let other = try operand("sameas", args)
        switch (value, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b && (-5...256).contains(a)
        case (.string(let a), .string(let b)), (.markup(let a), .markup(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    /// `{{ x is escaped }}`: whether the value is `Markup`.
    static func escaped(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        _ = try args.bind("escaped", [])
        return value.isMarkup
    }

    /// `{{ 'vip' is in tags }}`.
    static func `in`(_ value: Value, _ args: Arguments, _ runtime: Runtime) throws -> Bool {
        let seq = try args.bind("in", ["seq"], required: 1)[0]!
        return try Value.contains(seq, value)
    }

    /// The comparison tests `eq`, `ne`, `lt`, `le`, `gt`, `ge` and their aliases.
    static func comparison(_ name: String, _ symbol: String) -> Test {
        { value, args, _ in
            let other = try operand(name, args)
            switch symbol {
            case "==":
                try value.checkStrict()
                try other.checkStrict()
                return value == other
            case "!=":
                try value.checkStrict()
                try other.checkStrict()
                return value != other
            default:
                let order = try Value.compare(value, other, symbol)
                switch symbol {
                case "<": return order < 0
                case "<=": return order <= 0
                case ">": return order > 0
                default: return order >= 0
                }
            }
        }
    }
}
