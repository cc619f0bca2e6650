import Testing

@testable import TailorTemplate

/// `|random` and `lipsum()` choose the same for the same variables, so that a
/// send run twice, or resumed, writes the same bytes (see ``RenderRandom``).
@Suite struct RenderRandomTests {
    static let source = "{{ range(1000)|random }} {{ range(1000)|random }} {{ lipsum(1, false, 5, 9) }}"

    func rendered(_ json: String) throws -> String {
        try render(Self.source, json)
    }

    @Test func theSameVariablesChooseTheSame() throws {
        let first = try rendered(#"{"id": "R1", "cart": [{"sku": "A-1"}]}"#)
        #expect(try rendered(#"{"id": "R1", "cart": [{"sku": "A-1"}]}"#) == first)
        // Key order does not matter: the seed takes the names sorted.
        #expect(try rendered(#"{"cart": [{"sku": "A-1"}], "id": "R1"}"#) == first)
    }

    @Test func otherVariablesChooseOtherwise() throws {
        let outputs = try (0..<20).map { try rendered(#"{"id": "R\#($0)"}"#) }
        #expect(Set(outputs).count == 20)
    }

    @Test func twoDrawsInOneRenderDiffer() throws {
        let draws = try render("{% for _ in range(8) %}{{ range(1000000)|random }},{% endfor %}", #"{"id": "R1"}"#)
            .split(separator: ",")
        #expect(Set(draws).count == 8)
    }

    @Test func aRecordAndADictionaryOfTheSameValuesChooseTheSame() throws {
        let json = #"{"id": "R7", "n": 3, "tags": ["a", "b"]}"#
        let template = try makeEnvironment().template(source: Self.source, name: "main")
        let record = try JSONRecordReader().readRecord(Array(json.utf8))
        var fromRecord: [UInt8] = []
        try template.render(record, into: &fromRecord)
        #expect(String(decoding: fromRecord, as: UTF8.self) == (try template.render(context(json))))
    }

    @Test func hostObjectsCountByTheirTypeOnly() {
        let a = RenderRandom.seed(for: .dictionary(["id": "R1", "f": .object(SelfObject.shared)]))
        let b = RenderRandom.seed(for: .dictionary(["id": "R1", "f": .object(SelfObject.shared)]))
        #expect(a == b)
        #expect(a != RenderRandom.seed(for: .dictionary(["id": "R1"])))
    }

    @Test func anEmptySequenceHasNoItem() throws {
        #expect(try render("[{{ []|random }}]") == "[]")
    }
}
