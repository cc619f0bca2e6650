import Foundation
import TailorData
import TailorSegments
import TailorTemplate
import Testing

/// The sample's segments computed a second way, straight from the files with
/// Foundation's date and JSON parsers and no code of TailorSegments, to check
/// what `tailor segments` prints.
struct IndependentSample {
    struct Person {
        var id: String
        var fields: [String: String]
        var events: [(type: String, product: String, at: Date)] = []
        func number(_ name: String) -> Double? { fields[name].flatMap { Double($0) } }
        func date(_ name: String) -> Date? { fields[name].flatMap { IndependentSample.day.date(from: $0) } }
    }

    static let day: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    let now = ISO8601DateFormatter().date(from: "2026-01-15T09:00:00Z")!
    var today: Date { IndependentSample.day.date(from: "2026-01-15")! }
    var people: [Person] = []
    var members: [String: Set<String>] = [:]  // id -> segments
    var rfmScore: [String: Double] = [:]

    static let priority = [
        "abandoned_cart", "champions", "vip", "high_value", "top_predicted", "new", "loyal", "dormant", "browsing",
        "likely_to_churn", "bargain_hunters", "trend_setters", "home_makers", "engaged", "engaged_europe",
    ]

    init() throws {
        // Profiles: the first 300 records are good; the 5 after them are deliberately bad.
        let reader = try CSVReader(path: samplePath("data/profiles.csv"))
        let header = reader.next()!.fields
        for record in reader.prefix(300) {
            var fields: [String: String] = [:]
            for (k, v) in zip(header, record.fields) where !v.isEmpty { fields[k] = v }
            people.append(Person(id: fields["recipient_id"]!, fields: fields))
        }
        var index: [String: Int] = [:]
        for (i, p) in people.enumerated() { index[p.id] = i }
        let iso = ISO8601DateFormatter()
        for line in try String(contentsOfFile: samplePath("data/events.jsonl"), encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard let i = index[object["recipient_id"] as! String], ["viewed", "added_to_cart", "purchased"].contains(object["type"] as! String)
            else { continue }
            people[i].events.append((object["type"] as! String, object["product_id"] as! String, iso.date(from: object["ts"] as! String)!))
        }
        func external(_ file: String) throws -> [(String, String)] {
            try String(contentsOfFile: samplePath("segments/" + file), encoding: .utf8).split(separator: "\n").dropFirst().map {
                let parts = $0.split(separator: ",")
                return (String(parts[0]), String(parts[1]))
            }
        }
        let assigned = try external("clusters.csv") + external("propensity.csv")

        // RFM: quintile score = 1 + 5 * (values below) / (values), over those who have the value.
        func scores(_ value: (Person) -> Double?) -> [String: Int] {
            let all = people.compactMap(value)
            var out: [String: Int] = [:]
            for p in people {
                guard let v = value(p) else { out[p.id] = 1; continue }
                out[p.id] = 1 + 5 * all.filter { $0 < v }.count / all.count
            }
            return out
        }
        let r = scores { $0.date("last_purchase_date")?.timeIntervalSince1970 }
        let f = scores { $0.number("order_count") }
        let m = scores { $0.number("total_spent") }
        let predicted = people.compactMap { $0.number("predicted_value") }.sorted(by: >)
        let cut = predicted[Int((Double(predicted.count) * 0.10).rounded(.up)) - 1]
        let europe: Set<String> = ["DE", "FR", "ES", "PL", "NL", "SE", "IE", "GB", "GR"]

        for p in people {
            var s = Set<String>()
            let spent = p.number("total_spent")!, orders = p.number("order_count")!, opened = p.number("opened_last_90d")!
            let last = p.date("last_purchase_date"), signup = p.date("signup_date")!
            let score = ((0.4 * Double(r[p.id]!) + 0.3 * Double(f[p.id]!) + 0.3 * Double(m[p.id]!)) * 100).rounded() / 100
            rfmScore[p.id] = score
            // Abandoned cart: the latest add of a product, 30 minutes to 7 days ago, no purchase of it since.
            var latestAdd: [String: Date] = [:]
            for e in p.events where e.type == "added_to_cart" { latestAdd[e.product] = max(latestAdd[e.product] ?? e.at, e.at) }
            let abandoned = latestAdd.contains { product, added in
                !p.events.contains { $0.type == "purchased" && $0.product == product && $0.at >= added }
                    && added <= now.addingTimeInterval(-30 * 60) && added >= now.addingTimeInterval(-7 * 86_400)
            }
            if abandoned { s.insert("abandoned_cart") }
            if score >= 4.5 { s.insert("champions") }
            if spent >= 1500 {
                s.insert("high_value")
                if p.fields["loyalty_tier"] == "platinum" { s.insert("vip") }
            }
            if let v = p.number("predicted_value"), v >= cut { s.insert("top_predicted") }
            if signup >= today.addingTimeInterval(-30 * 86_400) { s.insert("new") }
            if orders >= 5, let last, last >= today.addingTimeInterval(-120 * 86_400) { s.insert("loyal") }
            if (last == nil || last! < today.addingTimeInterval(-180 * 86_400)) && signup < today.addingTimeInterval(-180 * 86_400)
                && opened <= 1
            {
                s.insert("dormant")
            }
            var views: [String: Int] = [:]
            for e in p.events where e.type == "viewed" && e.at >= now.addingTimeInterval(-60 * 86_400) { views[e.product, default: 0] += 1 }
            if views.values.contains(where: { $0 >= 3 }) { s.insert("browsing") }
            for (id, segment) in assigned where id == p.id && IndependentSample.priority.contains(segment) { s.insert(segment) }
            if opened >= 5 {
                s.insert("engaged")
                if europe.contains(p.fields["country"]!) { s.insert("engaged_europe") }
            }
            members[p.id] = s
        }
    }

    func primary(_ id: String) -> String {
        IndependentSample.priority.first { members[id]!.contains($0) } ?? "everyone_else"
    }
}

@Suite struct SampleSegmentsTests {
    static let expected = Result { try IndependentSample() }

    /// Runs the library exactly as `tailor segments` does.
    func runSample() throws -> (report: SegmentReport, assignments: [String: Assignment]) {
        let file = try SegmentsFile.load(path: samplePath("segments/segments.yml"))
        let run = SegmentRun(profiles: samplePath("data/profiles.csv"), events: samplePath("data/events.jsonl"), segments: file)
        let assigner = try run.prepare()
        var builder = SegmentReportBuilder(file: file, by: file.reportBy)
        var assignments: [String: Assignment] = [:]
        let totals = try run.assignEach(assigner) { outcome in
            builder.add(outcome)
            if case .assigned(let p, let a) = outcome { assignments[p.id] = a }
        }
        return (builder.finish(totals: totals, run: run), assignments)
    }

    @Test func everyRecipientMatchesTheIndependentComputation() throws {
        let expected = try Self.expected.get()
        let (report, assignments) = try runSample()
        #expect(assignments.count == expected.people.count)
        for p in expected.people {
            let a = try #require(assignments[p.id])
            #expect(Set(a.segments) == expected.members[p.id]!, "\(p.id)")
            #expect(a.segment == expected.primary(p.id), "\(p.id)")
            #expect(a.context["rfm_score"]?.doubleValue == expected.rfmScore[p.id], "\(p.id)")
        }
        for row in report.rows {
            #expect(row.members == expected.members.values.filter { $0.contains(row.name) }.count, "\(row.name)")
            #expect(row.primary == expected.people.filter { expected.primary($0.id) == row.name }.count, "\(row.name)")
            #expect(row.ruleFailures == 0)
        }
        #expect(report.defaultCount == expected.people.filter { expected.primary($0.id) == "everyone_else" }.count)
    }

    @Test func reportAccountsForEveryRow() throws {
        let (report, _) = try runSample()
        #expect(report.totals.rows == 305)
        #expect(report.totals.recipients == 300)
        #expect(report.totals.badRows.rows.map(\.description) == [
            samplePath("data/profiles.csv") + ":303: invalid email 'not-an-address'",
            samplePath("data/profiles.csv") + ":304: missing email (column 'email' is empty)",
            samplePath("data/profiles.csv") + ":305: column 'signup_date': '2025-02-30' is not a date (write YYYY-MM-DD)",
            samplePath("data/profiles.csv") + ":306: expected 18 fields as in the header, found 15",
            samplePath("data/profiles.csv") + ":307: duplicate recipient id 'R0000005' (first on line 6)",
        ])
        #expect(report.totals.eventBadRows.count == 1)
        #expect(report.totals.unmatchedEvents == 1)
        #expect(report.totals.unmatchedExamples == ["R9999999"])
        #expect(report.externalBadRows.rows.map(\.line) == [196])
        #expect(report.rows.first { $0.name == "vip" }?.parent == "high_value")
        #expect(report.matrix?.rows.map { $0.counts.reduce(0, +) }.reduce(0, +) == 300)
    }

    @Test func sideFilesInAnyOrderGiveTheSameAnswers() throws {
        // The events and the clusters reversed: the joins fall back to an index, the answers stay.
        let events = try String(contentsOfFile: samplePath("data/events.jsonl"), encoding: .utf8)
            .split(separator: "\n").reversed().joined(separator: "\n") + "\n"
        var clusters = try String(contentsOfFile: samplePath("segments/clusters.csv"), encoding: .utf8).split(separator: "\n")
        let header = clusters.removeFirst()
        let folder = try temporaryFolder([
            "events.jsonl": events,
            "segments/clusters.csv": ([header] + clusters.reversed()).joined(separator: "\n") + "\n",
            "segments/propensity.csv": try String(contentsOfFile: samplePath("segments/propensity.csv"), encoding: .utf8),
            "segments/segments.yml": try String(contentsOfFile: samplePath("segments/segments.yml"), encoding: .utf8),
        ])
        let file = try SegmentsFile.load(path: folder + "/segments/segments.yml")
        let run = SegmentRun(profiles: samplePath("data/profiles.csv"), events: folder + "/events.jsonl", segments: file)
        let assigner = try run.prepare()
        #expect(run.joinMode == .indexed)
        #expect(run.externalModes[folder + "/segments/clusters.csv"] == .indexed)
        #expect(run.externalModes[folder + "/segments/propensity.csv"] == nil)
        let (_, expected) = try runSample()
        var seen = 0
        _ = try run.assignEach(assigner) { outcome in
            guard case .assigned(let p, let a) = outcome else { return }
            #expect(a.segments == expected[p.id]?.segments, "\(p.id)")
            seen += 1
        }
        #expect(seen == 300)
    }

    /// Named recipients per kind of segment, checked by hand against the data files.
    @Test(arguments: [
        // Nested: R0000146 spent 3,384.21 (≥ 1,500) and is platinum: vip, within high_value.
        ("R0000146", "vip", true), ("R0000146", "high_value", true),
        // R0000017 spent 2,108.13 but is gold: high_value, not vip.
        ("R0000017", "high_value", true), ("R0000017", "vip", false),
        // Trigger: R0000012 added P00477 on 2026-01-09 07:50, within 7 days and more than 30 minutes
        // before 2026-01-15 09:00, and never bought it (its other adds are older than 7 days).
        ("R0000012", "abandoned_cart", true),
        // R0000006 added P00233 on 2026-01-11 and never bought it.
        ("R0000006", "abandoned_cart", true),
        // R0000147 viewed P00035 three times (2025-12-28, 12-29, 2026-01-09) within 60 days.
        ("R0000147", "browsing", true),
        // RFM: R0000030 bought today, 11 orders, 2,637.01 spent: top quintile in all three, 5.0.
        ("R0000030", "champions", true),
        // R0000004 never bought: 1 in every part, 1.0.
        ("R0000004", "champions", false),
        // Percentile: 292 recipients have predicted_value, the top 10% are 30; the 30th highest
        // is R0000147's 678.81 (in), the 31st R0000032's 673.42 (out).
        ("R0000147", "top_predicted", true), ("R0000032", "top_predicted", false),
        // External: R0000004 is in propensity.csv; R0000003 is a bargain hunter in clusters.csv;
        // R0000010's 'big_spenders' row names no defined segment, its 'home_makers' row counts.
        ("R0000004", "likely_to_churn", true), ("R0000003", "bargain_hunters", true),
        ("R0000010", "home_makers", true), ("R0000003", "likely_to_churn", false),
    ])
    func namedRecipients(id: String, segment: String, member: Bool) throws {
        let (_, assignments) = try runSample()
        let assignment = try #require(assignments[id])
        #expect(assignment.segments.contains(segment) == member, "\(id) in \(assignment.segments)")
    }

    @Test(arguments: [("R0000030", 5.0), ("R0000004", 1.0)])
    func namedRFMScores(id: String, score: Double) throws {
        let (_, assignments) = try runSample()
        #expect(assignments[id]?.context["rfm_score"]?.doubleValue == score)
    }
}
