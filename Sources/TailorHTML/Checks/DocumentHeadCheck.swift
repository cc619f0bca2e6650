import Foundation

/// The two things every message's document needs: a `<title>` (shown by
/// some clients and in the browser view, read first by screen readers) and a
/// `lang` on `<html>` (screen readers pick their voice from it).
struct DocumentHeadCheck: EmailCheck {
    var rules: [Rule] { [.missingTitle, .missingLang] }

    func run(_ body: CheckedBody, _ sink: inout FindingSink) {
        let titles = body.elements(named: "title")
        if let title = titles.first {
            if title.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                sink.report(.missingTitle, "<title> is empty", at: body.offset(of: title))
            }
        } else {
            sink.report(.missingTitle, "the document has no <title>", at: nil, help: "add <title> to <head>")
        }
        let root = body.document.root
        let lang = root?.attribute("lang") ?? root?.attribute("xml:lang")
        if lang?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            let written = body.scan.tags.first { $0.name == "html" && !$0.isEnd }
            sink.report(
                .missingLang, lang == nil ? "<html> has no lang attribute" : "<html> has an empty lang attribute",
                at: written?.offset, help: "add lang=\"en\" (or the recipient's language) to <html>")
        }
    }
}
