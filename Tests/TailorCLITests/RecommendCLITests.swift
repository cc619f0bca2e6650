import Foundation
import Testing

/// `tailor recommend`, offline against the sample workspace and small hand-made files.
@Suite struct RecommendCLITests {
    static let root = SegmentsCLITests.root

    @Test func anAbandonedCartRecipientSlotBySlot() throws {
        let result = try tailor(["recommend", "--recipient", "R0000006"], in: Self.root)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        for line in [
            "Recipient R0000006: segment abandoned_cart",
            "History: 1 in the cart, 1 viewed, 0 bought",
            "email.html\n  block 1: using 'cart' limit 3 → 1 of 3 (partial)",
            "    slot 1  P00233  Signature Rosé Table Lamp  $16.99  cart: in the cart since 2026-01-11T15:38:33Z, not bought",
            "  block 2: using 'also_bought', 'affinity', 'bestsellers' limit 4 min 2 → 4 of 4 (full)",
            "affinity: best seller #1 in home (8 sales), the recipient's category #1 (engagement score 3)",
            "    passed over: P00257 (also_bought: out of stock)",
            "email.txt\n  block 1: using 'cart' limit 3",
        ] {
            #expect(result.stdout.contains(line), "missing: \(line)")
        }
        // A re-run prints the same picks.
        #expect(try tailor(["recommend", "--recipient", "R0000006"], in: Self.root).stdout == result.stdout)
    }

    /// A campaign of its own: no segments file, a tiny catalog, and a block that skips.
    @Test func skipsAndTheElseAreShown() throws {
        let folder = try workspace([
            "camp/campaign.yml": """
                name: t
                from: "A <a@x.io>"
                subject: Hi
                html: email.html
                unsubscribe: {url: "https://x.io/u"}
                data: {profiles: ../p.csv, events: ../e.jsonl, catalog: ../catalog.csv}
                """,
            "camp/email.html": """
                {% recommend p using 'cart' limit 2 min 2 %}{{ p.name }}{% else %}no cart{% endrecommend %}
                {% recommend p using 'viewed', 'bestsellers' limit 3 min 3 skip %}{{ p.name }}{% endrecommend %}
                """,
            "p.csv": "recipient_id,email\nR1,a@x.io\n",
            "e.jsonl": """
                {"recipient_id":"R1","type":"added_to_cart","product_id":"P2","ts":"2026-01-10T10:00:00Z"}
                {"recipient_id":"R2","type":"purchased","product_id":"P1","ts":"2026-01-10T10:00:00Z"}

                """,
            "catalog.csv": "id,name,category,price,in_stock\nP1,Mug,kitchen,9,true\nP2,Cup,kitchen,3,yes\nP3,Bowl,kitchen,4,maybe\n",
        ])
        let result = try tailor(["recommend", "--recipient", "R1", "--campaign", "camp"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("warning: ../catalog.csv:4: product 'P3': in_stock 'maybe' is not true or false")
            || result.stderr.contains("catalog.csv:4: product 'P3': in_stock 'maybe' is not true or false"), "\(result.stderr)")
        for line in [
            "block 1: using 'cart' limit 2 min 2 → 1 of 2 (short): fewer than min 2, the block renders its else",
            "block 2: using 'viewed', 'bestsellers' limit 3 min 3 skip → 1 of 3 (skipped): fewer than min 3, the recipient is skipped",
            "    slot 1  P1  Mug  $9.00  bestsellers: best seller #1 overall (1 sale)",
            "  → the recipient is skipped: recommendation block 2 (using 'viewed', 'bestsellers' limit 3 min 3 skip) found 1 product, fewer than min 3",
        ] {
            #expect(result.stdout.contains(line), "missing: \(line)\n\(result.stdout)")
        }
    }

    @Test(arguments: [
        (["recommend", "--recipient", "NOPE"], 3, "error: recipient 'NOPE' is not among the profiles of"),
        (["recommend", "--recipient", "R0000001", "--catalog", "missing.csv"], 3, "error: cannot read catalog file missing.csv: no such file"),
        (["recommend"], 2, "Error: Missing expected argument '--recipient <id>'"),
    ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let result = try tailor(arguments, in: Self.root)
        #expect(result.status == status)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }
}
