import Testing
@testable import TailorTemplate

/// `{% segment %}` and `{% recommend %}` desugar into `if` and `for`.
@Suite struct EmailTagsTests {
    @Test(arguments: [
        ("{% segment 'vip' %}V{% elsesegment 'new', 'x' %}N{% else %}D{% endsegment %}", "vip", "V"),
        ("{% segment 'vip' %}V{% elsesegment 'new', 'x' %}N{% else %}D{% endsegment %}", "x", "N"),
        ("{% segment 'vip' %}V{% elsesegment 'new', 'x' %}N{% else %}D{% endsegment %}", "other", "D"),
        ("{% segment 'vip' %}V{% endsegment %}", "other", ""),
    ])
    func segmentTag(template: String, segment: String, expected: String) throws {
        let t = try Environment().template(source: template)
        #expect(try t.render(["segment": .string(segment)]) == expected)
    }

    /// A stand-in `recommend` that echoes its arguments as items.
    private func environment() -> Environment {
        let env = Environment()
        env.addGlobal(
            "recommend",
            .object(
                FunctionObject("recommend") { args, _ in
                    let limit = args.keyword("limit")?.intValue ?? 0
                    let names = args.positional.map { $0.displayString }.joined(separator: "+")
                    let short = args.keyword("short")?.displayString ?? "-"
                    let block = args.keyword("block")?.intValue ?? 0
                    return .list((0..<limit).map { .string("\(names):\(short):\(block):\($0)") })
                }))
        env.addCallCheck("recommend") { positional, _ in
            for case .string(let name)? in positional where !["cart", "bestsellers"].contains(name) {
                return "unknown recommendation strategy '\(name)'"
            }
            return nil
        }
        return env
    }

    @Test func recommendLoopsLikeFor() throws {
        let source = """
            {% recommend p using 'cart', 'bestsellers' limit 2 %}[{{ loop.index }} {{ p }}]{% else %}none{% endrecommend %}\
            {% recommend p using 'cart' limit 0 min 3 skip %}x{% else %}none{% endrecommend %}
            """
        let t = try environment().template(source: source)
        #expect(try t.render() == "[1 cart+bestsellers:-:1:0][2 cart+bestsellers:-:1:1]none")
    }

    @Test func unknownStrategyIsACompileErrorAtTheTag() throws {
        let env = environment()
        do {
            _ = try env.template(source: "Hi\n  {% recommend p using 'cart', 'magic' limit 4 %}{% endrecommend %}")
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.kind == .syntax)
            #expect(error.line == 2)
            #expect(error.column == 6)
            #expect(error.message == "unknown recommendation strategy 'magic'")
        }
    }

    @Test(arguments: [
        "{% recommend p using cart limit 4 %}{% endrecommend %}",
        "{% recommend p 'cart' %}{% endrecommend %}",
        "{% recommend p using 'cart' limit 4 %}",
    ])
    func badRecommendTags(template: String) {
        #expect(throws: TemplateError.self) { try environment().template(source: template) }
    }
}
