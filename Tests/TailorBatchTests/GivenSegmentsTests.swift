import TailorData
import TailorSegments
import TailorTemplate
import Testing

@testable import TailorBatch

/// Segments that come with the profile lead, trimmed and without repeats;
/// the rules' segments follow; without given ones the rules decide.
@Suite struct GivenSegmentsTests {
    static let rules = Assignment(
        segment: "high_value", segments: ["high_value", "loyal"], context: ["segment": "high_value"], ruleFailures: [])

    @Test(arguments: [
        // (given attributes, primary, all segments)
        ([:], "high_value", ["high_value", "loyal"]),
        (["segment": "vip"], "vip", ["vip", "high_value", "loyal"]),
        (["segment": "  loyal\t"], "loyal", ["loyal", "high_value"]),
        (["segments": " a , b;c|a ,, "], "a", ["a", "b", "c", "high_value", "loyal"]),
        (["segment": "b", "segments": ["a", "b", " ", "Zoë "]], "b", ["b", "a", "Zoë", "high_value", "loyal"]),
        (["segment": "   "], "high_value", ["high_value", "loyal"]),
        (["segment": 7], "high_value", ["high_value", "loyal"]),
    ] as [([String: Value], String, [String])])
    func merged(_ attributes: [String: Value], _ primary: String, _ all: [String]) {
        let profile = Profile(id: "R1", email: "r1@example.com", attributes: attributes, line: 2)
        let merged = GivenSegments.merge(profile, Self.rules)
        #expect(merged.segment == primary)
        #expect(merged.segments == all)
        #expect(merged.context["segment"] == .string(primary))
    }
}
