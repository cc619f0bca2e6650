import Foundation

/// Templates from one or more folders, searched in order, never escaping them.
///
/// Names use `/` as separator. `..` segments, absolute names, backslashes and
/// symbolic links that resolve outside the folder are refused with an error,
/// like Jinja's `split_template_path`.
public struct FileSystemLoader: TemplateLoader {
    public let roots: [String]

    public init(roots: [String]) {
        self.roots = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
    }

    public init(root: String) {
        self.init(roots: [root])
    }

    /// The checked path segments of a template name.
    static func segments(of name: String) throws -> [String] {
        if name.hasPrefix("/") || name.contains("\\") || name.contains("\0") {
            throw TemplateError(
                .notFound, "template name '\(name)' is not allowed: names are relative to the templates folder")
        }
        var parts: [String] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                throw TemplateError(
                    .notFound, "template name '\(name)' is not allowed: '..' would leave the templates folder")
            }
            if part != "." { parts.append(String(part)) }
        }
        guard !parts.isEmpty else { throw TemplateError(.notFound, "empty template name") }
        return parts
    }

    public func source(named name: String) throws -> String? {
        let parts = try Self.segments(of: name)
        for root in roots {
            let path = ([root] + parts).joined(separator: "/")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                throw TemplateError(
                    .notFound, "template '\(name)' resolves outside the templates folder (a symbolic link)")
            }
            guard let data = FileManager.default.contents(atPath: resolved) else {
                throw TemplateError(.io, "cannot read template '\(name)' at \(resolved)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(.io, "template '\(name)' is not valid UTF-8")
            }
            return text
        }
        return nil
    }
}
