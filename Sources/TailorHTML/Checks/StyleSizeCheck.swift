/// A `<style>` block over 16 KB: Gmail drops the whole block, so the message
/// loses all its embedded CSS, not just the overflow.
struct StyleSizeCheck: EmailCheck {
    var rules: [Rule] { [.styleSize] }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        for style in body.elements(named: "style") {
            let size = style.content.utf8.count
            guard size > body.policy.styleLimit else { continue }
            sink.report(
                .styleSize, "<style> holds \(size) bytes, over the \(body.policy.styleLimit)-byte limit Gmail drops it at",
                at: body.offset(of: style), help: "inline the styles, or split the block and trim unused rules")
        }
    }
}
