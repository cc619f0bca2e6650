public import TailorData
public import TailorTemplate

/// What a rendered message is checked for before it may go out, whatever
/// sends it (a batch, `tailor serve`, `tailor check`'s sample): template
/// syntax the recipient would see (``TemplateSyntaxGuard``) and characters
/// its HTML cannot carry (``HTMLCharacterGuard``). Both come with one
/// recipient's data, so every message is checked.
///
/// ```swift
/// let guards = MessageGuards(renderer: renderer, templateSyntax: true, htmlCharacters: true)
/// renderer.render(profile, assignment, guards: guards)  // .failed(..., reason: "profile attribute 'first_name' holds ...")
/// ```
public struct MessageGuards: Sendable {
    private let syntax: TemplateSyntaxGuard?
    private let characters: HTMLCharacterGuard?

    /// `templateSyntax` false is `--allow-template-syntax`; `htmlCharacters`
    /// false is `--validate off`.
    public init(renderer: RecipientRenderer, templateSyntax: Bool, htmlCharacters: Bool) {
        syntax = templateSyntax ? TemplateSyntaxGuard(renderer: renderer) : nil
        characters = htmlCharacters ? HTMLCharacterGuard() : nil
    }

    /// Why the message of `parts` must not go out, or nil. `recorder` is the
    /// HTML render's, when it was recorded.
    public func refusal(_ parts: RenderedParts, profile: Profile, recorder: RenderRecorder? = nil) -> String? {
        syntax?.refusal(parts, profile: profile, recorder: recorder)
            ?? characters?.refusal(parts, profile: profile, recorder: recorder)
    }
}
