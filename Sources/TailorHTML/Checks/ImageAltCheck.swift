/// Images without `alt`: most clients block images until asked, and show the
/// alt text meanwhile; screen readers read it. `alt=""` marks a decorative
/// image and passes.
struct ImageAltCheck: EmailCheck {
    var rules: [Rule] { [.imageAlt] }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        for image in body.elements(named: "img") where image.attribute("alt") == nil {
            let source = image.attribute("src").map { " (\(Self.shortened($0)))" } ?? ""
            sink.report(
                .imageAlt, "<img>\(source) has no alt attribute", at: body.offset(of: image),
                help: "describe the image in alt=\"...\", or write alt=\"\" when it is decoration")
        }
    }

    static func shortened(_ url: String) -> String {
        url.count > 60 ? String(url.prefix(57)) + "..." : url
    }
}
