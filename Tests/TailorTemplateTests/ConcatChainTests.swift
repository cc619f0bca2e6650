import Testing

@testable import TailorTemplate

/// `a ~ b ~ c ~ d` is joined in one growing string; the same joins made one
/// `~` at a time (through `set`) must give the same value, markup or not,
/// and fail with the same message.
@Suite struct ConcatChainTests {
    static let values = [
        "undefined", "null", "\"\"", "\"plain & <b>\"", "\"K\u{F6}ln\"", "1", "2.5", "true", "[1, \"x\"]",
        "{\"k\": \"v\"}",
    ]

    static let shapes: [(chain: String, steps: String)] = [
        ("{{ a ~ b ~ c }}", "{% set t = a ~ b %}{{ t ~ c }}"),
        ("{{ a ~ '/' ~ b ~ '?q=' ~ c|urlencode }}", "{% set t = a ~ '/' %}{% set t = t ~ b %}{% set t = t ~ '?q=' %}{{ t ~ c|urlencode }}"),
        ("{{ (a|safe) ~ b ~ c }}", "{% set t = (a|safe) ~ b %}{{ t ~ c }}"),
        ("{{ a ~ (b|safe) ~ c ~ (c|safe) }}", "{% set t = a ~ (b|safe) %}{% set t = t ~ c %}{{ t ~ (c|safe) }}"),
        ("{{ (a ~ b ~ c)|length }}", "{% set t = a ~ b %}{{ (t ~ c)|length }}"),
    ]

    @Test(arguments: values)
    func chainJoinsAsStepByStep(_ a: String) throws {
        for b in ["\"<i>\"", "undefined", "3"] {
            for c in ["\"x y\"", "null", "undefined"] {
                var json = "{"
                for (name, value) in [("a", a), ("b", b), ("c", c)] where value != "undefined" {
                    json += (json == "{" ? "" : ", ") + "\"\(name)\": \(value)"
                }
                json += "}"
                for options in [Options(), Options(autoescape: true), Options(undefined: .strict), Options(autoescape: true, undefined: .strict)] {
                    for shape in Self.shapes {
                        let x = Result { try render(shape.chain, json, options: options) }
                        let y = Result { try render(shape.steps, json, options: options) }
                        switch (x, y) {
                        case (.success(let p), .success(let q)):
                            #expect(p == q, "\(shape.chain) with \(json)")
                        case (.failure(let p as TemplateError), .failure(let q as TemplateError)):
                            #expect(p.message == q.message, "\(shape.chain) with \(json)")
                        default:
                            Issue.record("\(shape.chain) with \(json): \(x) vs \(y)")
                        }
                    }
                }
            }
        }
    }

    @Test func errorIsLocatedAtItsTilde() throws {
        let error = try #require(renderError("{{ 'a' ~ 'b' ~\n x ~ 'c' }}", options: Options(undefined: .strict)))
        #expect(error.message == "'x' is undefined")
        #expect(error.line == 1)
    }
}
