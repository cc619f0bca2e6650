import Testing

@testable import TailorTemplate

/// `URLQuote` against a byte-at-a-time reference of Python's `quote`, and
/// the `urlencode` fast path against the filter reached through `map`.
@Suite struct URLQuoteTests {
    /// Python's `urllib.parse.quote(s, safe)` (or `quote_plus` in query mode), spelled out.
    static func reference(_ s: String, safe: String, forQuery: Bool) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~".utf8)
        let kept = forQuery ? unreserved : unreserved.union(safe.utf8)
        var out = ""
        for b in s.utf8 {
            if kept.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else if forQuery && b == 0x20 {
                out += "+"
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out
    }

    static let strings: [String] = [
        "", "R0000001", "P00307", "abandoned_cart", "anna.schafer.1@example.com", "a b", "path/to/x y",
        "~_.-!*'()", "caf\u{E9}", "D\u{FC}sseldorf \u{1F600}", "%", "+&=?#", "/", " ", "\u{0}\u{7F}",
        String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }),
    ]

    @Test(arguments: strings)
    func quoteMatchesReference(_ s: String) {
        #expect(URLQuote.quotePath(s) == Self.reference(s, safe: "/", forQuery: false))
        #expect(URLQuote.quote(s, safe: "/") == Self.reference(s, safe: "/", forQuery: false))
        #expect(URLQuote.quote(s) == Self.reference(s, safe: "", forQuery: false))
        #expect(URLQuote.quote(s, safe: "@:") == Self.reference(s, safe: "@:", forQuery: false))
        #expect(URLQuote.quote(s, forQuery: true) == Self.reference(s, safe: "", forQuery: true))
    }

    /// Inputs as JSON values (`undefined` leaves `v` unset).
    static let inputs = [
        "undefined", "null", "\"\"", "0", "12.5", "true", "\"R0000001\"", "\"anna@example.com\"", "\"a b/c\"",
        "\"K\u{F6}ln & more\"", "{\"a\": \"b c\", \"d\": 1}", "[[\"a\", 1], [\"b/c\", \"d&e\"]]", "[]",
    ]

    /// The same filter registered again counts as replaced, so it takes the
    /// general path: both must print the same, markup and escaping included.
    @Test(arguments: inputs)
    func urlencodeFastPathMatchesGeneralPath(_ input: String) throws {
        let json = input == "undefined" ? "" : #"{"v": \#(input)}"#
        for autoescape in [false, true] {
            let options = Options(autoescape: autoescape)
            for source in ["[{{ v|urlencode }}]", "[{{ (v|safe)|urlencode }}]", "[{{ (v ~ '')|urlencode }}]"] {
                let fast = makeEnvironment(options: options)
                let general = makeEnvironment(options: options)
                general.addFilter("urlencode", StringFilters.urlencode)
                let a = Result { try fast.template(source: source, name: "main").render(context(json)) }
                let b = Result { try general.template(source: source, name: "main").render(context(json)) }
                switch (a, b) {
                case (.success(let x), .success(let y)):
                    #expect(x == y, "\(source), v = \(input), autoescape \(autoescape)")
                case (.failure(let x as TemplateError), .failure(let y as TemplateError)):
                    #expect(x.message == y.message, "\(source), v = \(input)")
                default:
                    Issue.record("\(source), v = \(input): \(a) vs \(b)")
                }
            }
        }
    }

    /// `{{ v|urlencode }}` writes the quoted bytes straight into the output;
    /// `{{ (v|urlencode) if true }}` prints the filter's value. Both must
    /// agree with and without autoescaping, markup and a `finalize`.
    @Test(arguments: inputs)
    func urlencodeOutputMatchesValuePath(_ input: String) throws {
        let json = input == "undefined" ? "" : #"{"v": \#(input)}"#
        for autoescape in [false, true] {
            for finalized in [false, true] {
                let env = makeEnvironment(options: Options(autoescape: autoescape))
                if finalized { env.finalize = { v in v.isNone ? .string("-") : v } }
                for (direct, value) in [
                    ("[{{ v|urlencode }}]", "[{{ (v|urlencode) if true }}]"),
                    ("[{{ (v|safe)|urlencode }}]", "[{{ ((v|safe)|urlencode) if true }}]"),
                ] {
                    let a = Result { try env.template(source: direct, name: "a").render(context(json)) }
                    let b = Result { try env.template(source: value, name: "b").render(context(json)) }
                    switch (a, b) {
                    case (.success(let x), .success(let y)):
                        #expect(x == y, "\(direct), v = \(input), autoescape \(autoescape), finalize \(finalized)")
                    case (.failure(let x as TemplateError), .failure(let y as TemplateError)):
                        #expect(x.message == y.message, "\(direct), v = \(input)")
                    default:
                        Issue.record("\(direct), v = \(input): \(a) vs \(b)")
                    }
                }
            }
        }
    }

    @Test func stringNeedingNoQuotingComesBackAsIs() throws {
        #expect(try render("{{ v|urlencode }}|{{ w|urlencode }}", #"{"v": "R0000001", "w": "a@b c"}"#) == "R0000001|a%40b%20c")
    }
}
