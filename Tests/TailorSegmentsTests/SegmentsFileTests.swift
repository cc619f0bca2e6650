import TailorConfig
import TailorSegments
import Testing

@Suite struct SegmentsFileTests {
    func load(_ yaml: String) throws -> SegmentsFile {
        try SegmentsFile.load(document: YAMLDocument(text: yaml, path: "segments.yml"), now: 1_768_467_600)
    }

    /// (yaml, "line:column: message", help or nil)
    @Test(arguments: [
        ("segments:\n  a: {rule: x > 1}\nrmf: {}\n", "3:1: unknown key 'rmf' in the segments file", "did you mean 'rfm'?" as String?),
        ("segments:\n  a: {rule: x > 1}\nprority: 1\n", "3:1: unknown key 'prority' in the segments file", "the keys allowed here are: as_of, default, report, rfm, segments"),
        ("segments:\n  a:\n    rule: x > 1\n    withn: b\n", "4:5: unknown key 'withn' in segment 'a'", "did you mean 'within'?"),
        ("segments:\n  a:\n    rule: x >\n", "3:14: the rule of segment 'a' is not a valid expression: unexpected end of template, expected an expression", nil),
        ("segments:\n  a:\n    rule: \"x = 1\"\n", "3:14: the rule of segment 'a' is not a valid expression: unexpected '=' after the expression", nil),
        ("segments:\n  a:\n    rule: >-\n      order_count >= 5\n      and last_purchase_date >= today -\n", "5:40: the rule of segment 'a' is not a valid expression: unexpected end of template, expected an expression", nil),
        ("segments:\n  a:\n    rule: |\n      x and\n      (y or\n", "5:12: the rule of segment 'a' is not a valid expression: unexpected end of expression, expected ')'", nil),
        ("segments:\n  a:\n    rule: x and\n      y == = 2\n", "4:12: the rule of segment 'a' is not a valid expression: unexpected '='", nil),
        ("segments:\n  a:\n    rule: x | nosuchfilter\n", "3:13: the rule of segment 'a' is not a valid expression: no filter named 'nosuchfilter'", nil),
        ("segments:\n  a:\n    within: bb\n    rule: x\n  b: {rule: y}\n", "3:13: segment 'a' is within 'bb', which is not defined", "did you mean 'b'?"),
        ("segments:\n  a: {within: b}\n  b: {within: c}\n  c: {within: a}\n", "2:15: segments are nested in a cycle: a within b within c within a", "a segment cannot be within itself; remove one of the 'within:' keys"),
        ("segments:\n  a: {within: a}\n", "2:15: segments are nested in a cycle: a within a", "a segment cannot be within itself; remove one of the 'within:' keys"),
        ("segments:\n  a:\n    trigger: {type: clicked}\n", "3:21: unknown trigger type 'clicked'", "use one of: abandoned_cart, viewed_same_product"),
        ("segments:\n  a:\n    trigger: {type: abandoned_cart, wait: 30}\n", "3:43: wait must be a duration such as minutes(30) or days(7), not int", nil),
        ("segments:\n  a:\n    trigger: {type: abandoned_cart, times: 3}\n", "3:44: 'times' does not apply to a abandoned_cart trigger", nil),
        ("segments:\n  a:\n    trigger: {wait: minutes(5)}\n", "3:14: the trigger of segment 'a' has no 'type:'", "use one of: abandoned_cart, viewed_same_product"),
        ("segments:\n  a: {top_percent: 10}\n", "2:20: segment 'a' has top_percent but no 'of:' naming the number to rank by", "add for example 'of: predicted_value'"),
        ("segments:\n  a: {top_percent: 120, of: x}\n", "2:20: top_percent must be more than 0 and at most 100", nil),
        ("segments:\n  a: {of: x}\n", "2:11: 'of:' in segment 'a' only goes with top_percent", nil),
        ("rfm: {recency: r, frequency: f, monetary: m}\nsegments:\n  a: {top_percent: 5, of: rfm_score}\n", "3:27: top_percent cannot rank by the RFM score, which is itself a ranking", "use a rule such as 'rule: rfm_score >= 4.5' instead"),
        ("segments:\n  a: {description: nothing}\n", "2:3: segment 'a' says nothing about who belongs", "give it a rule, trigger, top_percent, external or within"),
        ("default: a\nsegments:\n  a: {rule: x}\n", "3:3: 'a' is the default segment (for recipients who match none) and cannot also be defined", "rename the segment, or set 'default:' to another name"),
        ("segments:\n  a: {rule: x, priority: first}\n", "2:26: priority of segment 'a' must be a whole number, not 'first'", nil),
        ("segments:\n  a b: {rule: x}\n", "2:3: segment name 'a b' may only hold letters, digits, '_' and '-'", nil),
        ("rfm: {recency: r, frequency: f}\nsegments:\n  a: {rule: x}\n", "1:6: rfm has no 'monetary:'", "name the attribute, e.g. 'monetary: total_spent'"),
        ("rfm: {recency: r, frequency: f, monetary: m, bins: 1}\nsegments:\n  a: {rule: x}\n", "1:52: bins must be between 2 and 100", nil),
        ("rfm: {recency: r, frequency: f, monetary: m, weights: {recency: 1, freq: 1}}\nsegments:\n  a: {rule: x}\n", "1:68: unknown key 'freq' in rfm.weights", "the keys allowed here are: recency, frequency, monetary"),
        ("segments:\n  a: {rule: x}\n  a: {rule: y}\n", "2:3: invalid YAML: the key 'a' appears twice", nil),
        ("segments:\n  a: {rule: x\n", "3:1: invalid YAML: did not find expected ',' or '}'", nil),
        ("segments: []\n", "1:11: segments must be a mapping of keys to values, not a list", nil),
        ("segments: {}\n", "1:11: 'segments:' defines no segment", nil),
        ("as_of: soon\nsegments:\n  a: {rule: x}\n", "1:8: as_of must be a date or timestamp like 2026-01-15T09:00:00Z, not 'soon'", nil),
    ])
    func errors(yaml: String, expected: String, help: String?) throws {
        do {
            let yamlDocument = try YAMLDocument(text: yaml, path: "segments.yml")
            _ = try SegmentsFile.load(document: yamlDocument, now: expected.contains("as_of") ? nil : 1_768_467_600)
            Issue.record("no error for \(yaml)")
        } catch let error as ConfigError {
            #expect("\(error.line):\(error.column): \(error.message)" == expected)
            #expect(error.help == help)
            #expect(error.file == "segments.yml")
        }
    }

    @Test func missingSegmentsKey() {
        #expect(throws: ConfigError(file: "segments.yml", message: "no 'segments:' in the segments file",
            help: "add a 'segments:' mapping of segment names to their definitions")) {
            _ = try load("default: x\n")
        }
    }

    @Test func errorDisplayShowsTheLine() throws {
        do {
            _ = try load("segments:\n  loyal:\n    rule: order_count >= 5\n    prority: 3\n")
        } catch let error as ConfigError {
            #expect(error.description == """
                error: unknown key 'prority' in segment 'loyal'
                  --> segments.yml:4:5
                   |
                 4 |     prority: 3
                   |     ^
                  help: did you mean 'priority'?
                """)
        }
    }

    @Test func priorityAndNesting() throws {
        let file = try load("""
            default: rest
            segments:
              c: {rule: x, within: b}
              b: {rule: y, priority: 2}
              a: {rule: z, priority: 1}
              d: {trigger: {type: viewed_same_product}}
            """)
        #expect(file.namesByPriority == ["a", "b", "c", "d"])
        #expect(file.evaluationOrder.map { file.segments[$0].name } == ["b", "c", "a", "d"])
        #expect(file.segment(named: "d")?.trigger == .viewedSameProduct(times: 3, lookback: 30 * 86_400))
        #expect(file.defaultSegment == "rest")
    }
}
