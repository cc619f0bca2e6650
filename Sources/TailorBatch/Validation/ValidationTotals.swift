/// What validation did in a run (resumed recipients included), for the
/// summary line and `run.json`.
///
/// ```json
/// "validation":{"bodies":7,"errors":0,"failed":0,"file":"validation.jsonl","notices":2,"variants":7,"warnings":3}
/// ```
public struct ValidationTotals: Codable, Sendable, Equatable {
    /// The findings file, relative to the output folder.
    public var file: String
    /// Bodies validated: one per variant, or every message with `--validate every`.
    public var bodies = 0
    /// Distinct structural variants among the messages rendered.
    public var variants = 0
    /// Findings written, by severity.
    public var errors = 0
    public var warnings = 0
    public var notices = 0
    /// Recipients whose message validation failed (an error finding).
    public var failed = 0

    public init(file: String) {
        self.file = file
    }
}
