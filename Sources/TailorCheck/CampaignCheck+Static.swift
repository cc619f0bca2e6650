import TailorCampaign
import TailorConfig
import TailorData
import TailorHTML
import TailorSegments

extension CampaignCheck {
    /// Names templates may read that the data does not hold: derived from
    /// events and scores, or set by the send.
    static let derivedNames: Set<String> = ["segment", "segments", "unsubscribe_url"]

    /// Variables read without a guard that no profile column, events-derived
    /// value, score or segment provides: every recipient would fail on them.
    func checkVariables(_ analysis: Analysis, columns: [String], _ segments: SegmentsFile) {
        guard !columns.isEmpty else { return }  // JSONL profiles: no header to know the attributes from
        var provided = Set(columns).union(EventHistory.contextNames).union(Self.derivedNames)
        if segments.rfm != nil { provided.formUnion(["rfm_score", "rfm"]) }
        for name in analysis.required.sorted() where !provided.contains(name) {
            let place = files.firstUse(of: name, in: analysis.templateNames)
            let suggestion = Spelling.suggestion(for: name, among: provided.sorted())
            add(CheckFinding(
                rule: CheckRules.undefinedVariable,
                message: "'\(name)' is read, but no profile column, derived value or set provides it",
                help: suggestion.map { "did you mean '\($0)'? Otherwise write \(name)|default(...) or test '\(name) is defined'" }
                    ?? "add a '\(name)' column, or write \(name)|default(...) or test '\(name) is defined'",
                file: place?.0 ?? files.file(of: campaign.html).path, line: place?.1 ?? 0, column: place?.2 ?? 0), segment: nil)
        }
    }

    /// Segments the templates compare with that the segments file does not define.
    func checkSegmentNames(_ analysis: Analysis, _ segments: SegmentsFile) {
        let defined = Set(segments.segments.map(\.name) + [segments.defaultSegment])
        for name in analysis.segments where !defined.contains(name) {
            let place = files.firstUse(of: "'\(name)'", in: analysis.templateNames) ?? files.firstUse(of: "\"\(name)\"", in: analysis.templateNames)
            let suggestion = Spelling.suggestion(for: name, among: defined.sorted())
            add(CheckFinding(
                rule: CheckRules.unknownSegment, message: "segment '\(name)' is not defined in \(Self.tidy(segments.path))",
                help: suggestion.map { "did you mean '\($0)'?" }, file: place?.0 ?? files.file(of: campaign.html).path,
                line: place?.1 ?? 0, column: place?.2 ?? 0), segment: nil)
        }
    }
}
