import Testing

@testable import TailorMIME

@Suite struct JSONTextTests {
    @Test(arguments: [
        ("plain-id_0042", #""plain-id_0042""#), ("", #""""#), ("a\"b\\c", #""a\"b\\c""#), ("tab\there\n", #""tab\there\n""#),
        ("\r\n", #""\r\n""#), ("\u{1}\u{1f}\u{7f}", #""\u0001\u001f\u007f""#), ("€ Zoë 🎉", "\"€ Zoë 🎉\""),
        ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#), ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""), ("x\u{E2}", "\"x\u{E2}\""),
    ])
    func strings(_ value: String, _ expected: String) {
        #expect(JSONText.string(value).serialized == expected)
    }

    @Test func objectsKeepTheirOrder() {
        let json = JSONText.object([("b", .int(-1)), ("a", .array([.bool(true), .null, .optional(nil), .string("\"")]))])
        #expect(json.serialized == #"{"b":-1,"a":[true,null,null,"\""]}"#)
    }
}
