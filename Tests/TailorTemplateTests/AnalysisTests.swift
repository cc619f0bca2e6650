import Foundation
import Testing
@testable import TailorTemplate

/// Static analysis and render recording: what `tailor check` and previews build on.
@Suite struct AnalysisTests {
    @Test func segmentsAndVariablesAcrossTemplates() throws {
        let env = Environment(loader: MemoryLoader([
            "base.html": "<title>{% block title %}{% endblock %}</title>{% include 'footer.html' %}",
            "footer.html": "{{ unsubscribe_url }}{% if nickname is defined %}{{ nickname }}{% endif %}",
            "email.html": """
                {% extends 'base.html' %}{% block title %}{{ first_name|default('you') }}{% endblock %}
                {% if segment == 'vip' %}V{% elif 'new' in segments %}N{% elif segment in ('a', 'b') %}AB{% endif %}
                {% segment 'dormant' %}D{% elsesegment 'vip' %}{% endsegment %}
                {% set total = 0 %}{% for item in cart %}{{ item.name }}{{ total }}{% endfor %}{{ brand }}
                """,
        ]))
        env.addGlobal("brand", "Acme")
        let analysis = try env.template(named: "email.html").analyze()
        #expect(analysis.segments == ["vip", "new", "a", "b", "dormant"])
        #expect(analysis.variables == ["first_name", "cart", "unsubscribe_url", "nickname"])
        #expect(analysis.requiredVariables == ["cart", "unsubscribe_url"])
        #expect(analysis.templates == ["base.html", "footer.html"])
    }

    @Test func recorderMapsOutputToTemplateLines() throws {
        let env = Environment(loader: MemoryLoader([
            "inc.html": "<p>\n  <td>{{ x }}\n</p>",
        ]))
        let t = try env.template(source: "line one\n{% include 'inc.html' %}\n{{ y }}", name: "main.html")
        let recorder = RenderRecorder()
        var out: [UInt8] = []
        try t.render(["x": "X", "y": "Y"], into: &out, recorder: recorder)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text == "line one\n<p>\n  <td>X\n</p>\nY")
        func location(of needle: String) -> String? {
            guard let range = text.range(of: needle) else { return nil }
            return recorder.location(ofOutputOffset: text.utf8.distance(from: text.startIndex, to: range.lowerBound))?.description
        }
        #expect(location(of: "line one") == "main.html:1:1")
        #expect(location(of: "<td>") == "inc.html:2:3")
        #expect(location(of: "X") == "inc.html:2:7")
        #expect(location(of: "</p>") == "inc.html:3:1")
        #expect(location(of: "Y") == "main.html:3:1")
        #expect(recorder.outputOffset(ofLine: 3, column: 3) == text.utf8.count - "<td>X\n</p>\nY".utf8.count)
    }

    @Test func variantsFollowTheBranchesAndLoopCounts() throws {
        let t = try Environment().template(
            source: "{% if segment == 'vip' %}V{% else %}O{% endif %}{% for i in items %}{{ i }}{% endfor %}")
        func variant(_ context: [String: Value]) throws -> String {
            let recorder = RenderRecorder()
            var out: [UInt8] = []
            try t.render(context, into: &out, recorder: recorder)
            return recorder.variant
        }
        let a = try variant(["segment": "vip", "items": [1, 2]])
        #expect(try variant(["segment": "vip", "items": [3, 4]]) == a)
        #expect(try variant(["segment": "new", "items": [1, 2]]) != a)
        #expect(try variant(["segment": "vip", "items": [1]]) != a)
    }
}
