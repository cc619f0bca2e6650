/// Which rendered HTML bodies a send validates (`--validate`).
///
/// A variant is the structural variant of the HTML body, as `tailor check`
/// and `tailor preview` name it (`RenderRecorder.variant`): the path a render
/// took through the templates' conditionals, segment blocks and loops, loop
/// counts included. Recipients of one variant get the same markup with
/// different values in it.
public enum ValidationMode: String, Sendable, CaseIterable {
    /// The first recipient of each variant, in input order; its findings
    /// stand for every recipient of the variant.
    case variant
    /// Every recipient, each on its own findings.
    case every
    /// None.
    case off
}
