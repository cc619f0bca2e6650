import Foundation
import TailorTemplate
import Testing

@testable import TailorHTML

@Suite struct ValidatorTests {
    static let templates = MemoryLoader([
        "layout.html": """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>{% block title %}{% endblock %}</title></head>
            <body>
            {% block content %}{% endblock %}
            <p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>
            </body>
            </html>
            """,
        "email.html": """
            {% extends 'layout.html' %}
            {% block title %}Hi {{ name }}{% endblock %}
            {% block content %}
            <p>Hello {{ name }}, here is your picture: <img src="https://a.example/{{ name }}.png"></p>
            {% if vip %}
              <table><tr><td>VIP
              </tr></table>
            {% endif %}
            {% endblock %}
            """,
    ])

    func render(_ context: [String: Value]) throws -> ([UInt8], RenderRecorder) {
        let env = Environment(loader: Self.templates, options: Options(autoescape: true))
        let recorder = RenderRecorder()
        var html: [UInt8] = []
        try env.template(named: "email.html").render(context, into: &html, recorder: recorder)
        return (html, recorder)
    }

    @Test func findingsPointAtTheTemplateLine() throws {
        let (html, recorder) = try render(["name": "Zoë", "vip": true, "unsubscribe_url": "https://a.example/u"])
        let findings = Validator().validate(html: html, recorder: recorder)
        let located = findings.map { "\($0.rule) \($0.location?.description ?? "-")" }.sorted()
        // The image follows a {{ }} on its line: the column says which part of the line wrote it.
        #expect(located == ["img-alt email.html:4:44", "unclosed-tag email.html:6:14"], "\(findings)")
    }

    @Test func oncePerVariant() throws {
        let validator = Validator()
        let (plain, plainRecorder) = try render(["name": "A", "vip": false, "unsubscribe_url": "https://a.example/u"])
        let (other, otherRecorder) = try render(["name": "B", "vip": false, "unsubscribe_url": "https://a.example/u"])
        let (vip, vipRecorder) = try render(["name": "C", "vip": true, "unsubscribe_url": "https://a.example/u"])
        #expect(validator.validateOnce(html: plain, recorder: plainRecorder) != nil)
        #expect(validator.validateOnce(html: other, recorder: otherRecorder) == nil)
        #expect(validator.validateOnce(html: vip, recorder: vipRecorder)?.contains { $0.rule == "unclosed-tag" } == true)
        #expect(validator.findingsByVariant.count == 2)
    }

    /// Many threads validating different documents at once: each gets exactly
    /// its own findings (libxml2's errors go to a per-parse handler).
    @Test func threadsGetTheirOwnFindings() async throws {
        let bodies: [(html: String, expected: [String])] = [
            (page("<p>clean</p>"), []),
            (page("<p>Hi</b></p>"), ["html-parse"]),
            (page("<blink2>x</blink2><p>a &b</p>"), ["html-entity", "html-unknown-tag"]),
            (page("<img src=\"https://a.example/x.png\"><table><tr><td>x</tr></table>"), ["img-alt", "unclosed-tag"]),
            (page("<p>" + String(repeating: "<i>x</b>", count: 30) + "</p>"), Array(repeating: "html-parse", count: 25) + Array(repeating: "unclosed-tag", count: 25)),
        ]
        let validator = Validator()
        let results = await withTaskGroup(of: (Int, [String], [Int]).self) { group in
            for i in 0..<400 {
                group.addTask {
                    let body = bodies[i % bodies.count]
                    let findings = validator.validate(html: Array(body.html.utf8))
                    return (i % bodies.count, findings.map(\.rule).sorted(), findings.map(\.outputLine))
                }
            }
            var out: [(Int, [String], [Int])] = []
            for await result in group { out.append(result) }
            return out
        }
        #expect(results.count == 400)
        for (index, found, _) in results {
            #expect(found == bodies[index].expected.sorted(), "document \(index)")
        }
        // The same document always gives the same positions.
        let positions = Dictionary(grouping: results, by: \.0).mapValues { Set($0.map { $0.2 }) }
        #expect(positions.values.allSatisfy { $0.count == 1 })
    }
}
