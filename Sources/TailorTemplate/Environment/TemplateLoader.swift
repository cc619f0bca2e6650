/// Finds template sources by name.
public protocol TemplateLoader: Sendable {
    /// The source of `name`, or nil when there is no such template.
    /// Names that try to leave the loader's root throw.
    func source(named name: String) throws -> String?
}

/// Templates held in memory, for tests and the conformance runner.
public struct MemoryLoader: TemplateLoader {
    public let templates: [String: String]

    public init(_ templates: [String: String]) {
        self.templates = templates
    }

    public func source(named name: String) throws -> String? {
        templates[name]
    }
}
