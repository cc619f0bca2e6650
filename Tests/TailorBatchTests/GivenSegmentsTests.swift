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
        (["segment": 7], "7", ["7", "high_value", "loyal"]),
        (["segment": .none, "segments": .none], "high_value", ["high_value", "loyal"]),
        (["segments": 3], "3", ["3", "high_value", "loyal"]),
        (["segments": [2, .none, "vip", 2]], "2", ["2", "vip", "high_value", "loyal"]),
        (["segments": []], "high_value", ["high_value", "loyal"]),
    ] as [([String: Value], String, [String])])
    func merged(_ attributes: [String: Value], _ primary: String, _ all: [String]) throws {
        let profile = Profile(id: "R1", email: "r1@example.com", attributes: attributes, line: 2)
        let merged = try GivenSegments.merge(profile, Self.rules)
        #expect(merged.segment == primary)
        #expect(merged.segments == all)
        #expect(merged.context["segment"] == .string(primary))
    }

    /// A value that names no segment fails the recipient, naming the attribute
    /// and the value, instead of sending it the rules' variant.
    @Test(arguments: [
        (["segment": true], "profile attribute 'segment' is True (a boolean)"),
        (["segment": 2.5], "profile attribute 'segment' is 2.5 (a number)"),
        (["segment": ["a"]], "profile attribute 'segment' is ['a'] (an array)"),
        (["segments": ["a", false]], "item 2 of profile attribute 'segments' is False (a boolean)"),
        (["segments": ["a", ["b"]]], "item 2 of profile attribute 'segments' is ['b'] (an array)"),
        (["segments": .dict(Dict())], "profile attribute 'segments' is {} (dict)"),
    ] as [([String: Value], String)])
    func unusable(_ attributes: [String: Value], _ start: String) {
        let profile = Profile(id: "R1", email: "r1@example.com", attributes: attributes, line: 2)
        #expect {
            _ = try GivenSegments.merge(profile, Self.rules)
        } throws: { error in
            guard let unusable = error as? GivenSegments.Unusable else { return false }
            return unusable.reason.hasPrefix(start) && unusable.reason.hasSuffix("write the segment's name as a string (or an integer id)")
        }
    }
}
