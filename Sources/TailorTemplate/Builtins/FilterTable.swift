/// A filter: `value|name(args)`. Receives the value, the call's arguments and
/// the runtime (autoescape state, other filters and tests).
public typealias Filter = @Sendable (Value, Arguments, Runtime) throws -> Value

/// A test: `value is name(args)`.
public typealias Test = @Sendable (Value, Arguments, Runtime) throws -> Bool

/// The built-in filters every environment starts with: Jinja 3.1's list,
/// with Jinja's argument names and defaults.
enum BuiltinFilters {
    static let table: [String: Filter] = [
        "abs": NumberFilters.abs,
        "attr": DataFilters.attr,
        "batch": SequenceFilters.batch,
        "capitalize": StringFilters.capitalize,
        "center": StringFilters.center,
        "count": SequenceFilters.length,
        "d": DataFilters.default,
        "default": DataFilters.default,
        "dictsort": DataFilters.dictsort,
        "e": MarkupFilters.escape,
        "escape": MarkupFilters.escape,
        "filesizeformat": NumberFilters.filesizeformat,
        "first": SequenceFilters.first,
        "float": NumberFilters.float,
        "forceescape": MarkupFilters.forceescape,
        "format": StringFilters.format,
        "groupby": DataFilters.groupby,
        "indent": MarkupFilters.indent,
        "int": NumberFilters.int,
        "items": DataFilters.items,
        "join": SequenceFilters.join,
        "last": SequenceFilters.last,
        "length": SequenceFilters.length,
        "list": SequenceFilters.list,
        "lower": StringFilters.lower,
        "map": SequenceFilters.map,
        "max": SequenceFilters.extreme("max", largest: true),
        "min": SequenceFilters.extreme("min", largest: false),
        "pprint": DataFilters.pprint,
        "random": SequenceFilters.random,
        "reject": SequenceFilters.selecting(keep: false, byAttribute: false),
        "rejectattr": SequenceFilters.selecting(keep: false, byAttribute: true),
        "replace": StringFilters.replace,
        "reverse": SequenceFilters.reverse,
        "round": NumberFilters.round,
        "safe": MarkupFilters.safe,
        "select": SequenceFilters.selecting(keep: true, byAttribute: false),
        "selectattr": SequenceFilters.selecting(keep: true, byAttribute: true),
        "slice": SequenceFilters.slice,
        "sort": SequenceFilters.sort,
        "string": StringFilters.string,
        "striptags": MarkupFilters.striptags,
        "sum": SequenceFilters.sum,
        "title": StringFilters.title,
        "tojson": DataFilters.tojson,
        "trim": StringFilters.trim,
        "truncate": StringFilters.truncate,
        "unique": SequenceFilters.unique,
        "upper": StringFilters.upper,
        "urlencode": StringFilters.urlencode,
        "urlize": MarkupFilters.urlize,
        "wordcount": StringFilters.wordcount,
        "wordwrap": StringFilters.wordwrap,
        "xmlattr": MarkupFilters.xmlattr,
    ]
}

/// The built-in tests every environment starts with, including the operator
/// aliases (`==`, `<`...) that `select('>=', 5)` uses.
enum BuiltinTests {
    typealias T = BuiltinTestFunctions

    static let table: [String: Test] = {
        var table: [String: Test] = [
            "odd": T.odd,
            "even": T.even,
            "divisibleby": T.divisibleby,
            "defined": T.defined,
            "undefined": T.undefined,
            "filter": T.filter,
            "test": T.test,
            "none": T.kind("none") { $0.isNone },
            "boolean": T.kind("boolean") { if case .bool = $0 { return true } else { return false } },
            "false": T.kind("false") { if case .bool(false) = $0 { return true } else { return false } },
            "true": T.kind("true") { if case .bool(true) = $0 { return true } else { return false } },
            "integer": T.kind("integer") { if case .int = $0 { return true } else { return false } },
            "float": T.kind("float") { if case .float = $0 { return true } else { return false } },
            "lower": T.lower,
            "upper": T.upper,
            "string": T.kind("string") { $0.isString },
            "mapping": T.kind("mapping") { if case .dict = $0 { return true } else { return false } },
            "number": T.kind("number") { $0.isNumber },
            "sequence": T.sequence,
            "iterable": T.iterable,
            "callable": T.callable,
            "sameas": T.sameas,
            "escaped": T.escaped,
            "in": T.in,
        ]
        let comparisons: [(names: [String], symbol: String)] = [
            (["==", "eq", "equalto"], "=="), (["!=", "ne"], "!="),
            ([">", "gt", "greaterthan"], ">"), ([">=", "ge"], ">="),
            (["<", "lt", "lessthan"], "<"), (["<=", "le"], "<="),
        ]
        for (names, symbol) in comparisons {
            for name in names { table[name] = T.comparison(name, symbol) }
        }
        return table
    }()
}
