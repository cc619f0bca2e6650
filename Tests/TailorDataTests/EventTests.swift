import TailorData
import TailorTemplate
import Testing

@Suite struct EventTests {
    static let t0 = 1_768_467_600  // 2026-01-15T09:00:00Z

    func event(_ type: EventType, _ product: String, minutesAgo: Int, id: String = "R1") -> Event {
        Event(recipientId: id, type: type, productId: product, timestamp: Self.t0 - minutesAgo * 60)
    }

    @Test(arguments: [
        (#"{"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"2026-01-15T09:00:00Z"}"#, nil as String?),
        (#"{"recipient":"R1","type":"purchased","product_id":"P1","timestamp":"2026-01-15"}"#, nil),
        (#"{"type":"viewed","product_id":"P1","ts":"2026-01-15T09:00:00Z"}"#, "1: missing 'recipient_id'"),
        (#"{"recipient_id":"R1","product_id":"P1","ts":"2026-01-15T09:00:00Z"}"#, "1: missing 'type'"),
        (#"{"recipient_id":"R1","type":"clicked","product_id":"P1","ts":"2026-01-15T09:00:00Z"}"#,
         "1: unknown event type 'clicked' (expected viewed, added_to_cart or purchased)"),
        (#"{"recipient_id":"R1","type":"viewed","ts":"2026-01-15T09:00:00Z"}"#, "1: missing 'product_id'"),
        (#"{"recipient_id":"R1","type":"viewed","product_id":"P1"}"#, "1: missing 'ts'"),
        (#"{"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"noon"}"#,
         "1: 'ts': 'noon' is not a timestamp (write YYYY-MM-DDTHH:MM:SSZ)"),
        (#"{"recipient_id":"R1""#, "1: invalid JSON at column 21: unexpected end of input, expected ',' or '}' in an object"),
    ])
    func readsAndChecksLines(line: String, bad: String?) throws {
        let items = Array(try EventReader(path: try temporaryFile("e.jsonl", line + "\n")))
        #expect(items.count == 1)
        switch items.first {
        case .event(let e)?: #expect(bad == nil && e.recipientId == "R1")
        case .bad(let row)?: #expect("\(row.line): \(row.reason)" == bad)
        case nil: Issue.record("nothing read")
        }
    }

    @Test func derivedValues() {
        let history = EventHistory([
            event(.viewed, "P1", minutesAgo: 300), event(.addedToCart, "P1", minutesAgo: 290),
            event(.viewed, "P2", minutesAgo: 200), event(.addedToCart, "P2", minutesAgo: 190),
            event(.purchased, "P2", minutesAgo: 100), event(.addedToCart, "P3", minutesAgo: 10),
            event(.viewed, "P1", minutesAgo: 5),
        ])
        #expect(history.cart == ["P3", "P1"])
        #expect(history.viewed == ["P1", "P2"])
        #expect(history.purchased == ["P2"])
        #expect(history.lastActivity == Self.t0 - 300)
        // P3 was added 10 minutes ago: not abandoned yet with a 30-minute wait.
        #expect(history.abandonedCart(now: Self.t0, wait: 30 * 60, lookback: 7 * 86_400) == ["P1"])
        #expect(history.abandonedCart(now: Self.t0, wait: 5 * 60, lookback: 7 * 86_400) == ["P3", "P1"])
        #expect(history.abandonedCart(now: Self.t0, wait: 30 * 60, lookback: 60 * 60).isEmpty)
        #expect(history.viewCounts(since: 0) == ["P1": 2, "P2": 1])
        let context = history.contextValues
        #expect(context["cart"]?.arrayValue?.count == 2)
        #expect(context["last_activity"]?.displayString == "2026-01-15T08:55:00Z")
        #expect(EventHistory.empty.contextValues["last_activity"] == nil)
    }

    @Test func addedAgainAfterPurchaseIsInTheCart() {
        let history = EventHistory([
            event(.addedToCart, "P1", minutesAgo: 300), event(.purchased, "P1", minutesAgo: 200),
            event(.addedToCart, "P1", minutesAgo: 100),
        ])
        #expect(history.cart == ["P1"])
    }

    static let events = """
        {"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"2026-01-15T08:00:00Z"}
        {"recipient_id":"R1","type":"viewed","product_id":"P2","ts":"2026-01-15T08:30:00Z"}
        {"recipient_id":"R3","type":"viewed","product_id":"P3","ts":"2026-01-15T08:00:00Z"}
        {"recipient_id":"R3","type":"oops","product_id":"P3","ts":"2026-01-15T08:00:00Z"}

        """

    @Test(arguments: [EventJoin.Mode.aligned, .indexed])
    func joinsInProfileOrder(mode: EventJoin.Mode) throws {
        let join = try EventJoin(path: try temporaryFile("e.jsonl", Self.events), mode: mode)
        #expect(join.history(for: "R1").viewed == ["P2", "P1"])
        #expect(join.history(for: "R2").events.isEmpty)
        #expect(join.history(for: "R3").viewed == ["P3"])
        join.finish()
        #expect(join.unmatched == 0)
        #expect(join.eventCount == 3)
        #expect(join.badRows.rows.map(\.description).last?.hasSuffix(":4: unknown event type 'oops' (expected viewed, added_to_cart or purchased)") == true)
    }

    @Test func alignedNoticesEventsOutOfOrder() throws {
        // Profiles R3 then R1, events R1 then R3: R1's events are passed by (as a stranger's,
        // while the ids seemed to ascend), then R1 comes: the file is not in profile order.
        let join = try EventJoin(path: try temporaryFile("e.jsonl", Self.events), mode: .aligned)
        #expect(join.history(for: "R3").events.count == 1)
        #expect(join.isAligned)
        #expect(join.history(for: "R1").events.isEmpty)
        join.finish()
        #expect(!join.isAligned)
        #expect(join.outOfOrder == 2)
    }

    @Test func alignedSkipsStrangersWhenIdsAscend() throws {
        let events = """
            {"recipient_id":"R0","type":"viewed","product_id":"P0","ts":"2026-01-15T08:00:00Z"}
            {"recipient_id":"R1","type":"viewed","product_id":"P1","ts":"2026-01-15T08:00:00Z"}
            {"recipient_id":"R2","type":"viewed","product_id":"P2","ts":"2026-01-15T08:00:00Z"}
            {"recipient_id":"R4","type":"viewed","product_id":"P4","ts":"2026-01-15T08:00:00Z"}
            {"recipient_id":"R9","type":"viewed","product_id":"P9","ts":"2026-01-15T08:00:00Z"}

            """
        let join = try EventJoin(path: try temporaryFile("e.jsonl", events), mode: .aligned)
        #expect(join.history(for: "R1").viewed == ["P1"])  // R0 is nobody: passed by
        #expect(join.history(for: "R3").events.isEmpty)  // R2 is nobody either
        #expect(join.history(for: "R4").viewed == ["P4"])
        join.finish()  // R9 comes after the last profile
        #expect(join.isAligned)
        #expect(join.unmatched == 3)
        #expect(join.unmatchedExamples == ["R0", "R2", "R9"])
    }

    @Test func indexedReportsUnknownRecipients() throws {
        let join = try EventJoin(path: try temporaryFile("e.jsonl", Self.events), mode: .indexed)
        _ = join.history(for: "R1")
        join.finish()
        #expect(join.unmatched == 1)
        #expect(join.unmatchedExamples == ["R3"])
    }
}
