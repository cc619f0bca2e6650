import Foundation
import TailorCampaign
import TailorData
import TailorMIME
import TailorTemplate

/// Refuses a message that would show template syntax to its recipient.
///
/// tailor never evaluates template syntax that arrives in data: a first name
/// `{{ 7*7 }}` prints as `{{ 7*7 }}`. That is safe, but the recipient would
/// see it, and an ESP that fills its own `{{ }}` merge tags would act on it.
/// So a send scans every part of each message (subject, preheader, `To`, the
/// unsubscribe URL, the extra headers, the HTML and text bodies) by
/// check-eml's rules (``TemplateSyntaxScan``) and fails a recipient whose
/// message holds a token, the way a header with CR or LF is refused:
///
/// ```
/// profile attribute 'first_name' holds template syntax '{{ 7*7 }}' (not evaluated); the message would
/// show it verbatim in the subject: fix the value, or render with --allow-template-syntax
/// ```
///
/// When no profile value holds the token, the reason says where the output
/// got it: the template line that wrote it (from the render's recorder, or a
/// second, recorded render of that part), else the part and its line.
struct TemplateSyntaxGuard: Sendable {
    let renderer: RecipientRenderer

    /// One part of a message as the scan sees it.
    private struct Part {
        var name: PartName
        var text: String
        var placement: TemplateSyntaxScan.Placement
        /// The template that wrote it; nil for text derived from the HTML.
        var template: Template?
    }

    /// Which part: named only when a reason is written.
    private enum PartName: CustomStringConvertible {
        case subject, to, unsubscribeURL, preheader, html, text
        case header(String)

        var description: String {
            switch self {
            case .subject: return "the subject"
            case .to: return "the To header"
            case .unsubscribeURL: return "the unsubscribe URL"
            case .preheader: return "the preheader"
            case .html: return "the HTML body"
            case .text: return "the text part"
            case .header(let name): return "header '\(name)'"
            }
        }
    }

    /// Why the message of `parts` must not go out, or nil when it shows no
    /// template syntax. `recorder` is the HTML render's, when it was recorded.
    func refusal(_ parts: RenderedParts, profile: Profile, recorder: RenderRecorder?) -> String? {
        let templates = renderer.templates
        var all = [
            Part(name: .subject, text: parts.subject, placement: .plain, template: templates.subject),
            Part(name: .to, text: parts.to.description, placement: .plain, template: templates.to),
            Part(name: .unsubscribeURL, text: parts.unsubscribeURL, placement: .plain, template: templates.unsubscribeURL),
        ]
        all.reserveCapacity(5 + parts.headers.count)
        if let preheader = parts.preheader {
            all.append(Part(name: .preheader, text: preheader, placement: .plain, template: templates.preheader))
        }
        for (header, (_, template)) in zip(parts.headers, templates.headers) {
            all.append(Part(name: .header(header.name), text: header.value, placement: .plain, template: template))
        }
        all.append(Part(name: .html, text: parts.html, placement: .html, template: templates.html))
        all.append(Part(name: .text, text: parts.text, placement: .plain, template: parts.textFromTemplate ? templates.text : nil))
        for part in all {
            guard let hit = TemplateSyntaxScan.first(in: part.text, part.placement) else { continue }
            return reason(hit, in: part, parts: parts, profile: profile, recorder: recorder)
        }
        return nil
    }

    private func reason(
        _ hit: TemplateSyntaxScan.Hit, in part: Part, parts: RenderedParts, profile: Profile, recorder: RenderRecorder?
    ) -> String {
        let advice = "fix the value, or render with --allow-template-syntax"
        if let (path, value) = ProfileValueSearch.holder(of: hit.token, in: profile.attributes, shownIn: part.text) {
            return "profile attribute '\(path)' holds template syntax '\(Self.clip(value, around: hit.token))' (not evaluated); "
                + "the message would show it verbatim in \(part.name): \(advice)"
        }
        let place: String
        if part.placement == .html, let recorder, let location = recorder.location(ofOutputOffset: hit.offset) {
            place = "written at \(location)"
        } else if let location = locate(part, parts: parts) {
            place = "written at \(location)"
        } else {
            place = "at line \(Self.line(of: hit.offset, in: part.text)) of the part"
        }
        return "template syntax '\(Self.snippet(part.text, at: hit.offset))' in \(part.name), \(place), is not from a profile "
            + "attribute; the message would show it verbatim: fix the template or the value it prints, or render with "
            + "--allow-template-syntax"
    }

    /// The template line that wrote the part's first token: the part rendered
    /// again, recorded this time, and scanned again.
    private func locate(_ part: Part, parts: RenderedParts) -> RenderRecorder.Location? {
        guard let template = part.template else { return nil }
        let recorder = RenderRecorder()
        var bytes: [UInt8] = []
        guard (try? template.render(renderer.session(for: parts.context), into: &bytes, recorder: recorder)) != nil,
            let hit = bytes.withUnsafeBufferPointer({ TemplateSyntaxScan.first(in: $0, part.placement) })
        else { return nil }
        return recorder.location(ofOutputOffset: hit.offset)
    }

    /// The 1-based line of a byte offset.
    static func line(of offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == 0x0a ? 1 : 0) }
    }

    /// Up to 40 bytes of `text` around the token at `offset`, within its line.
    static func snippet(_ text: String, at offset: Int) -> String {
        let bytes = Array(text.utf8)
        var start = max(0, offset - 12)
        if let newline = bytes[start..<offset].lastIndex(of: 0x0a) { start = newline + 1 }
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = min(bytes.count, offset + 28)
        if let newline = bytes[offset..<end].firstIndex(of: 0x0a) { end = newline }
        while end < bytes.count, end > offset, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return printable(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// A value as the reason quotes it: at most 60 characters, around `token`.
    static func clip(_ value: String, around token: String) -> String {
        guard value.count > 60, let range = value.range(of: token) else { return printable(value) }
        let start = value.index(range.lowerBound, offsetBy: -20, limitedBy: value.startIndex) ?? value.startIndex
        let end = value.index(start, offsetBy: 60, limitedBy: value.endIndex) ?? value.endIndex
        return (start > value.startIndex ? "…" : "") + printable(String(value[start..<end])) + (end < value.endIndex ? "…" : "")
    }

    /// Control characters as spaces, so a reason stays on one line.
    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) })
    }
}
