import Testing

@testable import TailorTemplate

/// `batch` with literal arguments binds them at compile time; with the size
/// read from the context it takes the filter. Both must agree, errors included.
@Suite struct BatchFastPathTests {
    static let cases: [(literal: String, general: String, json: String)] = [
        ("{{ xs|batch(2) }}", "{{ xs|batch(n) }}", #"{"xs": [1, 2, 3], "n": 2}"#),
        ("{{ xs|batch(2, 'x') }}", "{{ xs|batch(n, 'x') }}", #"{"xs": [1, 2, 3], "n": 2}"#),
        ("{{ xs|batch(2, fill_with=none) }}", "{{ xs|batch(n, fill_with=none) }}", #"{"xs": [1, 2, 3], "n": 2}"#),
        ("{{ xs|batch(0) }}", "{{ xs|batch(n) }}", #"{"xs": [1, 2, 3], "n": 0}"#),
        ("{{ xs|batch(-1, 0) }}", "{{ xs|batch(n, 0) }}", #"{"xs": [1, 2], "n": -1}"#),
        ("{{ s|batch(2) }}", "{{ s|batch(n) }}", #"{"s": "abc", "n": 2}"#),
        ("{{ d|batch(1) }}", "{{ d|batch(n) }}", #"{"d": {"a": 1, "b": 2}, "n": 1}"#),
        ("{{ missing|batch(2) }}", "{{ missing|batch(n) }}", #"{"n": 2}"#),
        ("{{ 5|batch(2) }}", "{{ 5|batch(n) }}", #"{"n": 2}"#),
        ("{{ xs|batch(100000000, 0) }}", "{{ xs|batch(n, 0) }}", #"{"xs": [1], "n": 100000000}"#),
        (
            "{% for row in xs|batch(2) %}<{% for p in row %}{{ p }}{% endfor %}>{% endfor %}",
            "{% for row in xs|batch(n) %}<{% for p in row %}{{ p }}{% endfor %}>{% endfor %}",
            #"{"xs": [1, 2, 3, 4, 5], "n": 2}"#
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func literalBatchMatchesTheFilter(_ index: Int) throws {
        let c = Self.cases[index]
        for options in [Options(), Options(undefined: .strict)] {
            let a = Result { try render(c.literal, c.json, options: options) }
            let b = Result { try render(c.general, c.json, options: options) }
            switch (a, b) {
            case (.success(let x), .success(let y)):
                #expect(x == y, "\(c.literal)")
            case (.failure(let x as TemplateError), .failure(let y as TemplateError)):
                #expect(x.message == y.message && x.line == y.line, "\(c.literal)")
            default:
                Issue.record("\(c.literal): \(a) vs \(b)")
            }
        }
    }
}
