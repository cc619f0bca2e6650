/// The same `id` on two elements: anchors jump to the first, and CSS or
/// accessibility relations (`aria-labelledby`) pick the wrong one.
struct DuplicateIDCheck: EmailCheck {
    var rules: [Rule] { [.duplicateID] }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        var first: [String: Int] = [:]
        for (node, _) in body.elements {
            guard let id = node.attribute("id"), !id.isEmpty else { continue }
            let offset = body.offset(of: node)
            if let earlier = first[id] {
                let line = body.lines.position(of: earlier).line
                sink.report(.duplicateID, "id \"\(id)\" is used again (first on output line \(line))", at: offset)
            } else {
                first[id] = offset ?? 0
            }
        }
    }
}
