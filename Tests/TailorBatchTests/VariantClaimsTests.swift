import Testing
@testable import TailorBatch
import TailorHTML

/// The rendering threads' claims on a variant, and the writer's ledger: the
/// findings that count are the first recipient's in input order, whatever
/// order the threads reached the variant in.
@Suite struct VariantClaimsTests {
    @Test func aRecipientValidatesUnlessAnEarlierOneOfItsVariantHas() {
        let claims = VariantClaims()
        // Chunk 1 reaches the variant before chunk 0 does.
        #expect(claims.claim("a", at: InputOrder(chunk: 1, item: 0)))
        #expect(claims.claim("a", at: InputOrder(chunk: 0, item: 3)))
        #expect(!claims.claim("a", at: InputOrder(chunk: 0, item: 5)))
        #expect(!claims.claim("a", at: InputOrder(chunk: 1, item: 1)))
        #expect(claims.claim("b", at: InputOrder(chunk: 2, item: 0)))
    }

    @Test func theLedgerKeepsTheFirstRecipientsFindingsInInputOrder() {
        let ledger = ValidationLedger(mode: .variant, htmlTemplate: "email.html", file: "validation.jsonl", kept: .init())
        let error = Finding(rule: .unclosedTag, message: "<td> is not closed before </tr>", outputOffset: 10)
        let warning = Finding(rule: .imageAlt, message: "<img> has no alt attribute", outputOffset: 20)
        // R1 validated; R2 of the same variant arrives with findings of its
        // own (its thread claimed first) and is judged by R1's.
        let first = ledger.judge(RecipientValidation(variant: "v", findings: [error]), recipientID: "R1")
        let second = ledger.judge(RecipientValidation(variant: "v", findings: [warning]), recipientID: "R2")
        let third = ledger.judge(RecipientValidation(variant: "v", findings: nil), recipientID: "R3")
        #expect(first.records.map(\.recipientID) == ["R1"])
        #expect(first.records.first?.manifestLine == 1)
        #expect(second.records.isEmpty && third.records.isEmpty)
        #expect(first.failure != nil && second.failure == first.failure && third.failure == first.failure)
        #expect(first.failure?.contains("validated on recipient R1") == true)
        let other = ledger.judge(RecipientValidation(variant: "w", findings: [warning]), recipientID: "R4")
        #expect(other.failure == nil && other.records.first?.manifestLine == 4)
        #expect(ledger.judge(nil, recipientID: "R5").records.isEmpty)
        #expect(ledger.totals.bodies == 2 && ledger.totals.errors == 1 && ledger.totals.warnings == 1)
    }

    @Test(arguments: [
        ("{\"manifest_line\":3,\"recipient\":\"R3\",\"variant\":\"v\",\"rule\":\"img-alt\",\"severity\":\"warning\",\"file\":\"email.html\",\"line\":6,\"column\":26,\"message\":\"m\"}", true),
        ("{\"manifest_line\":3,\"recipient\":\"R3\",\"variant\":\"v\",\"rule\":\"img-alt\",\"severity\":\"loud\",\"file\":\"email.html\",\"message\":\"m\"}", false),
        ("{\"recipient\":\"R3\",\"variant\":\"v\",\"rule\":\"img-alt\",\"severity\":\"warning\",\"file\":\"email.html\",\"message\":\"m\"}", false),
        ("{\"manifest_line\":3,\"recipient\":\"R3\",\"variant\":\"v\",\"rule\":\"img-alt\",\"severity\":\"warn", false),
        ("not json", false),
    ])
    func findingLinesReadBackAsWritten(line: String, valid: Bool) {
        let record = FindingRecord.parse(Array(line.utf8))
        #expect((record != nil) == valid)
        if let record { #expect(record.jsonLine == line) }
    }
}
