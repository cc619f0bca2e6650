/// Who a variant was rendered for: a real recipient of the segment, or a
/// fixture from `segments/previews.yml`.
public enum PreviewSample: Sendable, Equatable {
    /// A recipient from the profiles file, with every segment it matches.
    case recipient(id: String, email: String, segments: [String])
    /// A made-up recipient from the fixtures file, named by its id.
    case fixture(id: String, file: String)
    /// No recipient lands in this variant and there is no fixture for it.
    case none

    /// One line for the gallery, e.g. "R0000042 <ann@example.com>, in vip, high_value".
    public var summary: String {
        switch self {
        case .recipient(let id, let email, let segments):
            let member = segments.isEmpty ? "in no segment" : "in " + segments.joined(separator: ", ")
            return "\(id) <\(email)>, \(member)"
        case .fixture(let id, let file):
            return "fixture \(id) from \(file)"
        case .none:
            return "no recipient lands here, and there is no fixture for it"
        }
    }
}
