/// A filter: `value|name(args)`. Receives the value, the call's arguments and
/// the runtime (autoescape state, other filters and tests).
public typealias Filter = @Sendable (Value, Arguments, Runtime) throws -> Value

/// A filter as the environment keeps it. In a dictionary (or an array) a bare
/// closure is stored in its most general calling convention, so every call of
/// one taken back out would go through two reabstraction thunks (values passed
/// indirectly, copied in and out); as a struct's field it keeps its own.
struct FilterFunction: Sendable {
    let apply: Filter

    init(_ apply: @escaping Filter) {
        self.apply = apply
    }
}

/// A test: `value is name(args)`.
public typealias Test = @Sendable (Value, Arguments, Runtime) throws -> Bool

/// The built-in filters every environment starts with: Jinja 3.1's list,
/// with Jinja's argument names and defaults.
enum BuiltinFilters {
    static let table: [String: FilterFunction] = [
        "abs": .init(NumberFilters.abs),
        "attr": .init(DataFilters.attr),
        "batch": .init(SequenceFilters.batch),
        "capitalize": .init(StringFilters.capitalize),
        "center": .init(StringFilters.center),
        "count": .init(SequenceFilters.length),
        "d": .init(DataFilters.default),
        "default": .init(DataFilters.default),
        "dictsort": .init(DataFilters.dictsort),
        "e": .init(MarkupFilters.escape),
        "escape": .init(MarkupFilters.escape),
        "filesizeformat": .init(NumberFilters.filesizeformat),
        "first": .init(SequenceFilters.first),
        "float": .init(NumberFilters.float),
        "forceescape": .init(MarkupFilters.forceescape),
        "format": .init(StringFilters.format),
        "groupby": .init(DataFilters.groupby),
        "indent": .init(MarkupFilters.indent),
        "int": .init(NumberFilters.int),
        "items": .init(DataFilters.items),
        "join": .init(SequenceFilters.join),
        "last": .init(SequenceFilters.last),
        "length": .init(SequenceFilters.length),
        "list": .init(SequenceFilters.list),
        "lower": .init(StringFilters.lower),
        "map": .init(SequenceFilters.map),
        "max": .init(SequenceFilters.extreme("max", largest: true)),
        "min": .init(SequenceFilters.extreme("min", largest: false)),
        "pprint": .init(DataFilters.pprint),
        "random": .init(SequenceFilters.random),
        "reject": .init(SequenceFilters.selecting(keep: false, byAttribute: false)),
        "rejectattr": .init(SequenceFilters.selecting(keep: false, byAttribute: true)),
        "replace": .init(StringFilters.replace),
        "reverse": .init(SequenceFilters.reverse),
        "round": .init(NumberFilters.round),
        "safe": .init(MarkupFilters.safe),
        "select": .init(SequenceFilters.selecting(keep: true, byAttribute: false)),
        "selectattr": .init(SequenceFilters.selecting(keep: true, byAttribute: true)),
        "slice": .init(SequenceFilters.slice),
        "sort": .init(SequenceFilters.sort),
        "string": .init(StringFilters.string),
        "striptags": .init(MarkupFilters.striptags),
        "sum": .init(SequenceFilters.sum),
        "title": .init(StringFilters.title),
        "tojson": .init(DataFilters.tojson),
        "trim": .init(StringFilters.trim),
        "truncate": .init(StringFilters.truncate),
        "unique": .init(SequenceFilters.unique),
        "upper": .init(StringFilters.upper),
        "urlencode": .init(StringFilters.urlencode),
        "urlize": .init(MarkupFilters.urlize),
        "wordcount": .init(StringFilters.wordcount),
        "wordwrap": .init(StringFilters.wordwrap),
        "xmlattr": .init(MarkupFilters.xmlattr),
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
