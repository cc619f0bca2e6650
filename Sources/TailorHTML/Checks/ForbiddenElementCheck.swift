/// Elements mail clients strip or refuse: scripts never run in mail, forms
/// are disabled or flagged as phishing by Gmail and Outlook, and frames and
/// plugins are removed.
struct ForbiddenElementCheck: EmailCheck {
    var rules: [Rule] { [.forbiddenElement] }

    static let elements: [(name: String, why: String)] = [
        ("script", "mail clients never run scripts, and spam filters score them"),
        ("form", "most clients disable forms, and some warn the reader of phishing"),
        ("iframe", "mail clients remove frames"),
        ("object", "mail clients remove plugins"),
        ("embed", "mail clients remove plugins"),
        ("applet", "mail clients remove plugins"),
    ]

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        for (node, name) in body.elements {
            guard let entry = Self.elements.first(where: { $0.name == name }) else { continue }
            sink.report(.forbiddenElement, "<\(name)> in an email: \(entry.why)", at: body.offset(of: node))
        }
    }
}
