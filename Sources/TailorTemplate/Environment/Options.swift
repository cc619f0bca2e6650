/// How an environment lexes templates and treats undefined values; the same
/// switches Jinja's `Environment` takes.
public struct Options: Sendable, Equatable {
    /// What using an undefined value does.
    public enum UndefinedBehavior: String, Sendable {
        /// Jinja's default: prints as empty, fails only on misuse (`x.y` of an undefined `x`).
        case lenient
        /// Fails on any use beyond `is defined` and `default`.
        case strict
    }

    /// HTML-escape `{{ }}` output unless it is marked safe.
    public var autoescape: Bool = false
    /// Remove the first newline after a block tag.
    public var trimBlocks: Bool = false
    /// Strip spaces and tabs from the start of a line up to a block tag.
    public var lstripBlocks: Bool = false
    /// Keep a single trailing newline at the end of the source.
    public var keepTrailingNewline: Bool = false
    public var undefined: UndefinedBehavior = .lenient
    /// Deepest nesting of includes, imports, extends and macro calls.
    public var maxRecursionDepth: Int = 64
    /// Largest output one render may produce, in bytes.
    public var maxOutputBytes: Int = 64 << 20

    public init(
        autoescape: Bool = false, trimBlocks: Bool = false, lstripBlocks: Bool = false,
        keepTrailingNewline: Bool = false, undefined: UndefinedBehavior = .lenient
    ) {
        self.autoescape = autoescape
        self.trimBlocks = trimBlocks
        self.lstripBlocks = lstripBlocks
        self.keepTrailingNewline = keepTrailingNewline
        self.undefined = undefined
    }
}
