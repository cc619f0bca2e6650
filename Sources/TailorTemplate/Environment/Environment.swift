import Foundation
import Synchronization

/// Shared configuration and registries for a family of templates: options,
/// loader, filters, tests and globals, plus the cache of compiled templates.
///
/// Register filters and globals before the first template is compiled; after
/// that an environment is read-only and safe to use from many threads.
///
/// ```swift
/// let env = Environment(loader: FileSystemLoader(root: "templates"), options: Options(autoescape: true))
/// let html = try env.template(named: "spring/email.html").render(["first_name": "Ada"])
/// ```
public final class Environment: @unchecked Sendable {
    public let options: Options
    public let loader: (any TemplateLoader)?
    /// The filters by name (see ``FilterFunction`` for why they are wrapped).
    private(set) var filterTable: [String: FilterFunction]
    public var filters: [String: Filter] { filterTable.mapValues(\.apply) }
    public private(set) var tests: [String: Test]
    public private(set) var globals: [String: Value]

    let symbols = SymbolTable()
    /// Runtimes of finished renders, for the next ones.
    let runtimes = RuntimePool()
    let cacheLock = NSLock()
    var cache: [String: Template] = [:]

    public init(loader: (any TemplateLoader)? = nil, options: Options = Options()) {
        self.loader = loader
        self.options = options
        self.filterTable = BuiltinFilters.table
        self.tests = BuiltinTests.table
        self.globals = BuiltinFunctions.globals
    }

    /// Built-in filters an `addFilter` call replaced (they are no longer pure).
    private(set) var replacedFilters: Set<String> = []

    /// Adds or replaces a filter (`value|name`).
    public func addFilter(_ name: String, _ filter: @escaping Filter) {
        if BuiltinFilters.table[name] != nil { replacedFilters.insert(name) }
        filterTable[name] = FilterFunction(filter)
    }

    /// Adds or replaces a test (`value is name`).
    public func addTest(_ name: String, _ test: @escaping Test) {
        tests[name] = test
    }

    /// Checks run at compile time on calls to a global function, by name.
    public typealias CallCheck = @Sendable (_ positional: [Value?], _ keywords: [String: Value?]) -> String?
    private(set) var callChecks: [String: CallCheck] = [:]

    /// Checks every call to the global `name` at compile time: the check gets
    /// the constant arguments (nil where an argument is not a constant) and
    /// returns a message to reject the template with, pointing at the call.
    /// `recommend` uses it to reject unknown strategy names before any send.
    public func addCallCheck(_ name: String, _ check: @escaping CallCheck) {
        callChecks[name] = check
    }

    /// Applied to every `{{ }}` value before it is printed, like Jinja's
    /// `Environment(finalize=...)`. Set it before compiling templates.
    public var finalize: (@Sendable (Value) -> Value)?

    /// Adds or replaces a global every template sees.
    public func addGlobal(_ name: String, _ value: Value) {
        globals[name] = value
        symbolGlobals.withLock { $0 = nil }
    }

    /// The names of the symbols, whether each is ASCII, and the global each
    /// names (nil for none), by symbol; nil when a global was added since it was made. Every render
    /// takes it, so it is behind a `Mutex` (a few atomic instructions) and
    /// checked against the symbol count without the symbol table's lock.
    private let symbolGlobals = Mutex<SymbolGlobals?>(nil)

    /// Every symbol's name and the global it names, so a render looks globals
    /// up by number instead of hashing names. Made again when templates have
    /// brought new symbols since.
    func globalsBySymbol() -> SymbolGlobals {
        let count = symbols.count
        return symbolGlobals.withLock { symbolGlobals in
            if let made = symbolGlobals, made.names.count == count { return made }
            let names = symbols.allNames
            let made = SymbolGlobals(
                names: names, namesAreASCII: names.map { $0.utf8.allSatisfy { $0 < 0x80 } },
                globals: names.map { globals[$0] })
            symbolGlobals = made
            return made
        }
    }
}

/// Per symbol: its name, whether the name is ASCII (a root record compares
/// lengths first only then), and the global it names.
struct SymbolGlobals: Sendable {
    var names: [String] = []
    var namesAreASCII: [Bool] = []
    var globals: [Value?] = []
}
