import Foundation
import TailorData

extension SegmentReport {
    /// The report as `tailor segments` prints it.
    public var text: String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let t = totals
        line("Segments of \(segmentsFile) over \(profilesFile), as of \(CivilDate.isoString(ofSeconds: asOf))")
        line("Recipients: \(t.rows) rows read, \(t.recipients) assigned, \(t.badRows.count) bad row\(t.badRows.count == 1 ? "" : "s") skipped")
        if let eventsFile {
            let mode = t.joinMode == .aligned ? "joined in file order" : "joined by recipient id"
            line("Events: \(t.events) read from \(eventsFile) (\(mode)), \(t.eventBadRows.count) bad line\(t.eventBadRows.count == 1 ? "" : "s"), \(t.unmatchedEvents) for recipients not in the profiles\(t.unmatchedExamples.isEmpty ? "" : " (" + t.unmatchedExamples.joined(separator: ", ") + ")")")
        }
        if t.externalRows > 0 || t.externalBadRows.count > 0 {
            line("External assignments: \(t.externalRows) read, \(t.externalBadRows.count) bad row\(t.externalBadRows.count == 1 ? "" : "s"), \(t.externalUnmatched) for recipients not in the profiles")
        }
        line()
        line("Sizes, in priority order (primary: recipients for whom it is the first match)")
        let width = max(12, (rows.map(\.name.count) + [defaultSegment.count + 10]).max()!)
        line("  " + pad("priority", 8) + "  " + pad("segment", width) + "  " + lpad("members", 8) + "  " + lpad("primary", 8) + "  " + lpad("share", 6))
        let total = max(1, t.recipients)
        for row in rows {
            let share = String(format: "%.1f%%", 100 * Double(row.primary) / Double(total))
            line("  " + pad(row.priority.map(String.init) ?? "-", 8) + "  " + pad(row.name, width) + "  " + lpad(String(row.members), 8)
                + "  " + lpad(String(row.primary), 8) + "  " + lpad(share, 6))
        }
        let share = String(format: "%.1f%%", 100 * Double(defaultCount) / Double(total))
        line("  " + pad("-", 8) + "  " + pad(defaultSegment + " (no match)", width) + "  " + lpad("", 8) + "  " + lpad(String(defaultCount), 8) + "  " + lpad(share, 6))

        line()
        line("Nesting (within)")
        func tree(_ parent: String?, _ indent: String) {
            let children = rows.filter { $0.parent == parent }
            for (i, child) in children.enumerated() {
                let last = i == children.count - 1
                let branch = parent == nil ? "  " : indent + (last ? "└─ " : "├─ ")
                line(branch + child.name + " (\(child.members))")
                tree(child.name, parent == nil ? "  " : indent + (last ? "   " : "│  "))
            }
        }
        tree(nil, "")

        line()
        line("Overlaps (recipients in both; the diagonal is the size)")
        let short = rows.map { String($0.name.prefix(10)) }
        let cell = max(6, short.map(\.count).max() ?? 6)
        line("  " + pad("", width) + short.map { "  " + lpad($0, cell) }.joined())
        for (i, row) in rows.enumerated() {
            line("  " + pad(row.name, width) + overlaps[i].map { "  " + lpad(String($0), cell) }.joined())
        }

        if let matrix {
            line()
            line("\(matrix.attribute) by primary segment")
            let labelWidth = max(matrix.attribute.count, matrix.rows.map(\.label.count).max() ?? 0)
            let heads = matrix.columns.map { String($0.prefix(10)) }
            let w = max(6, heads.map(\.count).max() ?? 6)
            line("  " + pad(matrix.attribute, labelWidth) + heads.map { "  " + lpad($0, w) }.joined() + "  " + lpad("total", w))
            for row in matrix.rows {
                line("  " + pad(row.label, labelWidth) + row.counts.map { "  " + lpad(String($0), w) }.joined()
                    + "  " + lpad(String(row.counts.reduce(0, +)), w))
            }
        }

        let failing = rows.filter { $0.ruleFailures > 0 }
        if !failing.isEmpty {
            line()
            line("Rules that failed (those recipients count as not matching)")
            for row in failing {
                line("  \(row.name): \(row.ruleFailures) recipient\(row.ruleFailures == 1 ? "" : "s"), first \(row.firstFailure ?? "")")
            }
        }
        for (title, log) in [("Bad rows in the profiles", t.badRows), ("Bad lines in the events", t.eventBadRows),
                             ("Bad rows in the external assignments", externalBadRows)] where log.count > 0 {
            line()
            line("\(title): \(log.count)")
            for row in log.rows { line("  \(row)") }
            if log.omitted > 0 { line("  … and \(log.omitted) more") }
        }
        return out
    }

    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
}
