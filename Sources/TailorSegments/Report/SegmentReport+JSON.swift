import TailorData
import TailorTemplate

extension SegmentReport {
    /// The report as one JSON object (`tailor segments --json`).
    public var json: String {
        func rowsValue(_ log: BadRowLog) -> Value {
            ["count": .int(log.count),
             "rows": .list(log.rows.map { ["file": .string($0.file), "line": .int($0.line), "reason": .string($0.reason)] })]
        }
        var segments: [Value] = []
        for (i, row) in rows.enumerated() {
            var d: Value = [
                "name": .string(row.name), "members": .int(row.members), "primary": .int(row.primary),
                "priority": row.priority.map(Value.int) ?? .none, "within": row.parent.map(Value.string) ?? .none,
                "rule_failures": .int(row.ruleFailures), "description": row.description.map(Value.string) ?? .none,
            ]
            if case .dict(var dict) = d {
                var overlap = Dict()
                for (j, other) in rows.enumerated() { overlap[.string(other.name)] = .int(overlaps[i][j]) }
                dict[.string("overlaps")] = .dict(overlap)
                d = .dict(dict)
            }
            segments.append(d)
        }
        var root: [(String, Value)] = [
            ("segments_file", .string(segmentsFile)), ("profiles_file", .string(profilesFile)),
            ("events_file", eventsFile.map(Value.string) ?? .none),
            ("as_of", .string(CivilDate.isoString(ofSeconds: asOf))),
            ("rows", .int(totals.rows)), ("recipients", .int(totals.recipients)), ("passes", .int(passes)),
            ("segments", .list(segments)),
            ("default", ["name": .string(defaultSegment), "primary": .int(defaultCount)]),
            ("bad_rows", rowsValue(totals.badRows)),
            ("events", ["read": .int(totals.events), "unmatched": .int(totals.unmatchedEvents), "bad_lines": rowsValue(totals.eventBadRows)]),
            ("external", ["read": .int(totals.externalRows), "unmatched": .int(totals.externalUnmatched), "bad_rows": rowsValue(externalBadRows)]),
        ]
        if let matrix {
            root.append(("matrix", [
                "attribute": .string(matrix.attribute),
                "columns": .list(matrix.columns.map(Value.string)),
                "rows": .list(matrix.rows.map { ["label": .string($0.label), "counts": .list($0.counts.map(Value.int))] }),
            ]))
        }
        var dict = Dict()
        for (k, v) in root { dict[.string(k)] = v }
        return JSONValueWriter.string(.dict(dict))
    }
}
