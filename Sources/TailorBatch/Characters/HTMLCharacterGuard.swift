import TailorData
import TailorTemplate

/// Refuses a message whose HTML body holds a character HTML forbids
/// (``HTMLCharacterScan``): a control character or noncharacter, most often
/// pasted into a profile field. Validating one message per variant cannot see
/// it, since it comes with one recipient's data, so a send scans every HTML
/// body; the message is failed, with the reason in the manifest:
///
/// ```
/// profile attribute 'first_name' holds U+0001, a control character the HTML body cannot carry
/// (HTML parsers reject it): remove it from the data
/// ```
///
/// When no profile value holds it, the reason gives the template line that
/// wrote it, else its line in the body. `--validate off` turns the check off
/// with the rest of validation.
struct HTMLCharacterGuard: Sendable {
    /// Why the message of `parts` must not go out, or nil. `recorder` is the
    /// HTML render's, when it was recorded.
    ///
    /// The preheader is scanned too: it is put into the HTML body after the
    /// render (``Preheader``), and its finalize drops control characters but
    /// not noncharacters such as `U+FFFE`.
    func refusal(_ parts: RenderedParts, profile: Profile, recorder: RenderRecorder?) -> String? {
        guard let hit = HTMLCharacterScan.first(in: parts.html) else {
            return parts.preheader.flatMap { preheaderRefusal($0, profile: profile) }
        }
        let what = Self.describe(hit.scalar)
        if let (path, _) = ProfileValueSearch.holder(of: String(hit.scalar), in: profile.attributes, shownIn: parts.html) {
            return "profile attribute '\(path)' holds \(what): remove it from the data"
        }
        if let recorder, let location = recorder.location(ofOutputOffset: hit.offset) {
            return "the HTML body holds \(what), written at \(location): remove it from the template or the data it prints"
        }
        let line = TemplateSyntaxGuard.line(of: hit.offset, in: parts.html)
        return "the HTML body holds \(what) at line \(line): remove it from the template or the data it prints"
    }

    /// Why the preheader, which goes into the HTML body, cannot, or nil.
    private func preheaderRefusal(_ preheader: String, profile: Profile) -> String? {
        guard let hit = HTMLCharacterScan.first(in: preheader) else { return nil }
        let what = Self.describe(hit.scalar)
        if let (path, _) = ProfileValueSearch.holder(of: String(hit.scalar), in: profile.attributes, shownIn: preheader) {
            return "profile attribute '\(path)' holds \(what), in the preheader: remove it from the data"
        }
        return "the preheader holds \(what): remove it from the campaign's preheader or the data it prints"
    }

    /// `U+FFFE, a noncharacter the HTML body cannot carry (HTML parsers reject it)`.
    private static func describe(_ scalar: Unicode.Scalar) -> String {
        "U+" + hex(scalar) + ", " + kind(of: scalar) + " the HTML body cannot carry (HTML parsers reject it)"
    }

    /// `0001`, `FDD0`, `1FFFE`: at least four uppercase hex digits.
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func kind(of scalar: Unicode.Scalar) -> String {
        scalar.value < 0xa0 ? "a control character" : "a noncharacter"
    }
}
