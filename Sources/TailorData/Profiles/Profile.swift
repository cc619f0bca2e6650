public import TailorTemplate

/// One recipient as read from a profiles file: id, address and every other
/// column as a typed template value.
///
/// Empty cells are left out of ``attributes``, so a template sees them as
/// undefined (`{{ city|default('your city') }}`), never as an empty string.
/// A JSON `null` is kept, as `none` (Jinja's `None`), as Jinja's own JSON
/// loading would give it.
public struct Profile: Sendable {
    /// The recipient id (the `recipient_id` column unless configured otherwise).
    public var id: String
    /// The checked email address.
    public var email: String
    /// Every non-empty column, typed (see ``CellTyping``), including the id and email.
    public var attributes: [String: Value]
    /// The line the record starts on, for messages.
    public var line: Int

    public init(id: String, email: String, attributes: [String: Value], line: Int) {
        self.id = id
        self.email = email
        self.attributes = attributes
        self.line = line
    }
}

/// A record that could not become a ``Profile``: where it is and why.
/// Bad rows are counted and reported, never silently dropped.
public struct BadRow: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    /// The row's recipient id when it has one (so its events can be accounted for).
    public var recipientId: String?
    /// Whether the row repeats an id an earlier row has (whose events it is not).
    public var isDuplicate: Bool

    public init(file: String, line: Int, reason: String, recipientId: String? = nil, isDuplicate: Bool = false) {
        self.file = file
        self.line = line
        self.reason = reason
        self.recipientId = recipientId
        self.isDuplicate = isDuplicate
    }

    /// `data/profiles.csv:12: duplicate recipient id 'R7' (first on line 9)`.
    public var description: String { "\(file):\(line): \(reason)" }
}
