/// Template syntax in the output: `{{`, `{%` or `{#` that reached the
/// recipient, from a value that held template text, a `raw` block, or a
/// template rendered as text twice. Script and style text is not searched
/// (CSS and JSON write braces of their own); `}}` alone is not a sign (nested
/// CSS rules end with it).
///
/// Turn it off in `validation.yml` when the ESP fills its own `{{ }}` merge tags.
struct TemplateSyntaxCheck: EmailCheck {
    var rules: [Rule] { [.templateSyntax] }

    static let openers: [[UInt8]] = [Array("{{".utf8), Array("{%".utf8), Array("{#".utf8)]

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        let bytes = body.bytes
        var i = 0
        while let at = MarkupScan.find(UInt8(ascii: "{"), in: bytes, from: i) {
            i = at + 1
            guard Self.openers.contains(where: { MarkupScan.hasPrefix(bytes, at: at, $0) }), !body.scan.isRawText(at) else {
                continue
            }
            let end = min(bytes.count, at + 40)
            let line = bytes[at..<end].prefix { $0 != 10 }
            sink.report(
                .templateSyntax, "template syntax in the output: '\(String(decoding: line, as: UTF8.self))'", at: at,
                help: "a value held template text, or the template was rendered twice; mark literal braces with {% raw %}")
            i = at + 2
        }
    }
}
