import Foundation

extension Environment {
    /// The template `name` from the loader, compiled once and cached.
    public func template(named name: String) throws -> Template {
        guard let template = try loadTemplate(name) else {
            throw TemplateError(
                .notFound, "template '\(name)' not found",
                help: loader == nil ? "this environment has no loader" : "check the name and the templates folder")
        }
        return template
    }

    /// Compiles `source` as a template called `name` (not cached).
    public func template(source: String, name: String = "<template>") throws -> Template {
        let file = SourceFile(name: name, text: source)
        return Template(name: name, environment: self, program: try Compiler.compile(file, environment: self))
    }

    /// The template `name`, or nil when the loader has none by that name.
    func loadTemplate(_ name: String) throws -> Template? {
        cacheLock.lock()
        let cached = cache[name]
        cacheLock.unlock()
        if let cached { return cached }
        guard let loader else { return nil }
        guard let text = try loader.source(named: name) else { return nil }
        let template = try self.template(source: text, name: name)
        cacheLock.lock()
        cache[name] = template
        cacheLock.unlock()
        return template
    }
}
