import Synchronization

/// An `include`, `import` or `extends` that names its template with a string
/// literal, remembering the template it found.
///
/// The environment keeps a compiled template for good once it has loaded it,
/// so a literal name always finds the same one; asking the environment every
/// render costs a lock, hashing the name in its cache and the list of
/// candidate names. The site asks once (a missing template or an error is
/// not remembered: the next render asks again).
final class TemplateSite: Sendable {
    private let found = Mutex<Template?>(nil)

    /// A site for `expr` when it is a string literal, else nil.
    static func forLiteral(_ expr: Expr) -> TemplateSite? {
        if case .constant(.string, _) = expr { return TemplateSite() }
        return nil
    }

    var template: Template? {
        found.withLock { $0 }
    }

    func remember(_ template: Template) {
        found.withLock { $0 = template }
    }
}

extension Runtime {
    /// `loadTemplate(name, ignoreMissing:)`, through `site` when there is one.
    func loadTemplate(_ name: Value, ignoreMissing: Bool, site: TemplateSite?) throws -> Template? {
        guard let site else { return try loadTemplate(name, ignoreMissing: ignoreMissing) }
        if let known = site.template { return known }
        let loaded = try loadTemplate(name, ignoreMissing: ignoreMissing)
        if let loaded { site.remember(loaded) }
        return loaded
    }
}
