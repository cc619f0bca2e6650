/// One email check: looks at a parsed body and reports what breaks in mail
/// clients. A file per check under `Checks/`; ``Validator`` runs them all.
protocol EmailCheck: Sendable {
    /// The rules this check reports under.
    var rules: [Rule] { get }
    func run(_ body: CheckedBody, _ sink: inout FindingSink)
}

/// What a check sees: the libxml2 tree, the bytes as rendered, their markup
/// scan, and where each element was written.
struct CheckedBody {
    let document: HTMLDocument
    let bytes: [UInt8]
    let scan: MarkupScan
    let lines: OutputLines
    let policy: ValidationPolicy
    /// The recipient's unsubscribe URL, when the caller knows it.
    let unsubscribeURL: String?
    /// Every element in document order, with its name: one walk of the tree
    /// that the checks share.
    let elements: [(node: HTMLNode, name: String)]
    /// Element node to the offset of its start tag.
    private let elementOffsets: [UnsafeMutableRawPointer: Int]

    init(document: HTMLDocument, bytes: [UInt8], policy: ValidationPolicy, unsubscribeURL: String?) {
        self.document = document
        self.bytes = bytes
        self.policy = policy
        self.unsubscribeURL = unsubscribeURL
        let scan = MarkupScan(bytes)
        let lines = OutputLines(bytes)
        self.scan = scan
        self.lines = lines
        var elements: [(node: HTMLNode, name: String)] = []
        document.root?.walk { node in
            if node.kind == .element { elements.append((node, node.name)) }
            return true
        }
        self.elements = elements
        elementOffsets = Self.locate(elements, scan: scan, lines: lines)
    }

    /// The elements named `name`, in document order.
    func elements(named name: String) -> [HTMLNode] {
        elements.compactMap { $0.name == name ? $0.node : nil }
    }

    /// Where `node` (an element) was written; its line's start when the parser
    /// made it up (an implied `<tbody>`) or the scan cannot place it.
    func offset(of node: HTMLNode) -> Int? {
        if let offset = elementOffsets[UnsafeMutableRawPointer(node.pointer)] { return offset }
        return lines.start(ofLine: node.line)
    }

    /// Pairs each element with the start tag of its name on its line, in
    /// order: the n-th `<img>` of line 12 in the tree is the n-th in the bytes.
    private static func locate(
        _ elements: [(node: HTMLNode, name: String)], scan: MarkupScan, lines: OutputLines
    ) -> [UnsafeMutableRawPointer: Int] {
        struct Key: Hashable {
            var name: String
            var line: Int
        }
        var written: [Key: [Int]] = [:]
        for tag in scan.tags where !tag.isEnd {
            written[Key(name: tag.name, line: lines.position(of: tag.offset).line), default: []].append(tag.offset)
        }
        var used: [Key: Int] = [:]
        var out: [UnsafeMutableRawPointer: Int] = [:]
        for (node, name) in elements {
            let key = Key(name: name, line: node.line)
            let index = used[key, default: 0]
            if let offsets = written[key], index < offsets.count {
                out[UnsafeMutableRawPointer(node.pointer)] = offsets[index]
                used[key] = index + 1
            }
        }
        return out
    }
}

/// Collects one body's findings, applying the campaign's severities and
/// capping each rule's count so one repeated mistake cannot flood a report.
struct FindingSink {
    let policy: ValidationPolicy
    private(set) var findings: [Finding] = []
    private var counts: [String: Int] = [:]
    static let perRuleLimit = 25

    init(policy: ValidationPolicy) {
        self.policy = policy
    }

    mutating func report(_ rule: Rule, _ message: String, at offset: Int?, help: String? = nil) {
        guard let severity = policy.severity(of: rule) else { return }
        let count = counts[rule.id, default: 0]
        counts[rule.id] = count + 1
        guard count < Self.perRuleLimit else { return }
        findings.append(Finding(rule: rule, severity: severity, message: message, help: help, outputOffset: offset))
    }
}
