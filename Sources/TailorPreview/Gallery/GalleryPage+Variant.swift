import TailorMIME

extension GalleryPage {
    /// One variant: heading, sample, inbox line, the two frames, size, findings, text part.
    func section(_ variant: PreviewVariant) -> String {
        let status: String
        switch variant.outcome {
        case .rendered: status = "rendered"
        case .skipped: status = "skipped"
        case .failed: status = "failed"
        case .empty: status = "empty"
        }
        var out = """
            <section class="variant" id="v-\(variant.slug)" data-variant="\(variant.slug)" \
            data-segment="\(HTMLText.escape(variant.segment))" data-status="\(status)">
            <h2>\(HTMLText.escape(label(variant)))</h2>
            <p class="meta">\(counts(variant))</p>
            <p class="sample">Rendered for \(HTMLText.escape(variant.sample.summary))</p>

            """
        switch variant.outcome {
        case .rendered(let message):
            out += inboxLine(message, preheader: variant.preheader)
            out += frames(variant, message)
            out += sizeMeter(message)
            out += findings(variant)
            out += files(variant)
            out += "<details class=\"text\" open><summary>Text part</summary><pre>\(HTMLText.escape(message.text))</pre></details>\n"
        case .skipped(let reason):
            out += "<p class=\"problem\">The template skips this recipient: \(HTMLText.escape(reason))</p>\n"
        case .failed(let reason):
            out += "<p class=\"problem\">This variant fails to render: <code>\(HTMLText.escape(reason))</code></p>\n"
        case .empty:
            out += "<p class=\"problem\">Nothing to show: add a fixture for '\(HTMLText.escape(variant.segment))' "
                + "to segments/previews.yml.</p>\n"
        }
        return out + "</section>\n"
    }

    private func counts(_ variant: PreviewVariant) -> String {
        var parts = ["\(variant.recipients) recipient\(variant.recipients == 1 ? "" : "s") get this variant"]
        if !variant.isDefault && variant.members != variant.recipients {
            parts.append("\(variant.members) in the segment at all")
        }
        if variant.isDefault {
            let fallers = gallery.coverage.withoutBranch.filter { $0.name != gallery.defaultSegment && $0.primary > 0 }
            if !fallers.isEmpty {
                parts.append("including " + fallers.map { "\($0.name) (\($0.primary))" }.joined(separator: ", "))
            }
        }
        if let structure = variant.structure { parts.append("structure <code>\(HTMLText.escape(structure))</code>") }
        return parts.joined(separator: " · ")
    }

    /// The message as an inbox list shows it: sender, subject, preheader.
    private func inboxLine(_ message: MailMessage, preheader: String?) -> String {
        let sender = message.from.name.isEmpty ? message.from.address : message.from.name
        return """
            <div class="inbox"><span class="from">\(HTMLText.escape(sender))</span>\
            <span class="subject" data-subject>\(HTMLText.escape(message.subject))</span>\
            <span class="preheader"> – \(HTMLText.escape(preheader ?? ""))</span></div>

            """
    }

    /// The HTML in a desktop and a mobile frame.
    private func frames(_ variant: PreviewVariant, _ message: MailMessage) -> String {
        let doc = HTMLText.escape(message.html)
        func frame(_ kind: String, _ width: Int) -> String {
            """
            <figure class="frame \(kind)"><figcaption>\(kind) · \(width) px</figcaption>\
            <iframe data-frame="\(kind)" data-variant="\(variant.slug)" width="\(width)" height="640" \
            sandbox="allow-same-origin allow-popups" title="\(HTMLText.escape(label(variant))), \(kind)" \
            srcdoc="\(doc)"></iframe></figure>
            """
        }
        return "<div class=\"frames\">\(frame("desktop", 600))\(frame("mobile", 375))</div>\n"
    }

    /// The encoded message's size against Gmail's clipping limit.
    private func sizeMeter(_ message: MailMessage) -> String {
        let limit = PreviewGallery.gmailClipBytes
        let percent = min(100, Int((Double(message.size) / Double(limit) * 100).rounded()))
        let over = message.size > limit
        let verdict = over ? "over the limit: Gmail clips this message" : "\(HTMLText.size(limit - message.size)) to spare"
        return """
            <p class="size\(over ? " over" : "")" data-bytes="\(message.size)">\
            <meter min="0" max="\(limit)" high="\(limit * 9 / 10)" value="\(message.size)"></meter> \
            \(HTMLText.size(message.size)) of Gmail's 102 KB clipping limit (\(percent)%, message source as sent): \(verdict). \
            HTML \(HTMLText.size(message.html.utf8.count)), text \(HTMLText.size(message.text.utf8.count)).</p>

            """
    }

    /// The validator's findings with their template lines, or that none ran.
    private func findings(_ variant: PreviewVariant) -> String {
        guard let findings = variant.findings else {
            return "<p class=\"findings none\" data-validation=\"not-run\">Validation: not run.</p>\n"
        }
        if findings.isEmpty {
            return "<p class=\"findings clean\" data-validation=\"0\">Validation: no findings.</p>\n"
        }
        var out = "<ul class=\"findings\" data-validation=\"\(findings.count)\">"
        for finding in findings {
            let at = finding.templateLocation.map { " <code>\(HTMLText.escape($0))</code>" } ?? ""
            let check = finding.check.map { " [\(HTMLText.escape($0))]" } ?? ""
            out += "<li class=\"\(finding.severity.rawValue)\">\(finding.severity.rawValue)\(check):\(at) "
                + "\(HTMLText.escape(finding.message))</li>"
        }
        return out + "</ul>\n"
    }

    /// Links to the variant's files beside the page.
    private func files(_ variant: PreviewVariant) -> String {
        let s = variant.slug
        return "<p class=\"files\">Files: <a href=\"\(s).html\">\(s).html</a> · <a href=\"\(s).txt\">\(s).txt</a>"
            + " · <a href=\"\(s).eml\">\(s).eml</a></p>\n"
    }
}
