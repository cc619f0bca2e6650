/// Runs of output known at compile time: static text and the statements
/// whose output depends only on globals (``PrerenderedText``), side by side.
///
/// `href="{{ campaign.shop_url }}/?utm_campaign={{ campaign.id|urlencode }}"`
/// is five pieces, each its own closure with its own write and, for the
/// folded outputs, its own check that no variable shadows `campaign`. As a
/// run it is one closure: one check of the globals the run reads, then one
/// write of the run's bytes rendered for the current autoescape state.
/// When a global is shadowed here, or a recorder wants each piece's
/// position, the pieces run one by one exactly as they would have alone.
struct TextRun {
    /// The pieces so far, each as it would run alone.
    private var pieces: [CompiledStmt] = []
    /// The run's output without and with autoescaping.
    private var raw: [UInt8] = []
    private var escaped: [UInt8] = []
    /// The globals the folded pieces read.
    private var globalIDs: [Int] = []
    private var hasFolded = false

    /// Static text waiting to become a piece (adjacent text is one piece).
    private var pendingText: [UInt8] = []
    private var pendingSpan = Span.unknown
    let source: SourceFile

    init(source: SourceFile) {
        self.source = source
    }

    mutating func appendText(_ text: String, _ span: Span) {
        if pendingText.isEmpty { pendingSpan = span }
        pendingText.append(contentsOf: text.utf8)
    }

    /// Adds a folded statement: `text` is its output, `exec` runs it alone.
    mutating func appendFolded(_ text: PrerenderedText, _ exec: @escaping Exec) {
        closeText()
        pieces.append(CompiledStmt(run: exec))
        raw.append(contentsOf: text.raw)
        escaped.append(contentsOf: text.escaped)
        for id in text.globalIDs where !globalIDs.contains(id) { globalIDs.append(id) }
        hasFolded = true
    }

    /// The run's text when it is nothing but static text (no folded pieces),
    /// taken out of the run, for the statement after it to write first.
    mutating func takeLoneText() -> (bytes: [UInt8], span: Span)? {
        guard !hasFolded, pieces.isEmpty, !pendingText.isEmpty else { return nil }
        defer { self = TextRun(source: source) }
        return (pendingText, pendingSpan)
    }

    /// Ends the run, adding what it compiles to (if anything) to `out`.
    mutating func flush(into out: inout [CompiledStmt]) {
        closeText()
        defer { self = TextRun(source: source) }
        guard hasFolded else {
            out.append(contentsOf: pieces)
            return
        }
        let (raw, escaped, ids) = (self.raw, self.escaped, globalIDs)
        let alone = Compiler.sequence(pieces[...])
        out.append(
            CompiledStmt { rt in
                if rt.recorder == nil, rt.resolveToGlobals(ids) {
                    // Not `rt.write(rt.autoescape ? escaped : raw)`: the
                    // chosen array would be retained and released.
                    if rt.autoescape {
                        try rt.write(escaped)
                    } else {
                        try rt.write(raw)
                    }
                } else {
                    try alone(rt)
                }
            })
    }

    /// Makes the pending static text a piece of its own.
    private mutating func closeText() {
        guard !pendingText.isEmpty else { return }
        let (bytes, span, source) = (pendingText, pendingSpan, source)
        pieces.append(
            CompiledStmt { rt in
                rt.mark(source, span, isStatic: true)
                try rt.write(bytes)
            })
        raw.append(contentsOf: bytes)
        escaped.append(contentsOf: bytes)
        pendingText = []
    }
}
