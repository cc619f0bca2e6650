import ArgumentParser
import Foundation
import TailorTemplate

/// `tailor template render FILE`: one template, one JSON context, to stdout.
struct TemplateRender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one template with a JSON context to standard output.",
        discussion: """
            The template is rendered with the object in the --data file as its \
            context (an empty context without it) and the result is written to \
            standard output exactly, with no newline added.

            Templates it includes, imports or extends are looked up by name in the \
            template's own folder, then in each --search-path folder in order. Names \
            never leave those folders: '..', absolute names and symbolic links that \
            point outside are refused.

            Errors go to standard error with the template name, line and column and \
            the offending line. Exit status: 0 rendered, 1 the template failed to \
            compile or render, 2 usage error, 3 the template or data file could not \
            be read or is not valid UTF-8 or JSON.

            Examples:
              tailor template render email.html --data ada.json
              tailor template render welcome.txt --data profile.json --strict
              tailor template render spring/email.html --search-path templates --autoescape
              echo '{"first_name": "Ada"}' | tailor template render hello.txt --data -
            """
    )

    @Argument(help: ArgumentHelp("The template file ('-' reads standard input).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("A JSON file with the context object ('-' reads standard input).", valueName: "json-file"))
    var data: String?

    @Option(
        name: .customLong("search-path"),
        help: ArgumentHelp(
            "A folder to look up included, imported and extended templates in, after the template's own folder. Repeatable.",
            valueName: "dir"))
    var searchPaths: [String] = []

    @OptionGroup(title: "Engine options")
    var engine: EngineOptions

    func validate() throws {
        if file == "-" && data == "-" {
            throw ValidationError("The template and --data cannot both come from standard input.")
        }
        for path in searchPaths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--search-path '\(path)' is not a folder.")
            }
        }
    }

    func run() throws {
        let source: String
        var context: [String: Value] = [:]
        do {
            source = try InputFiles.text(of: file, role: "template")
            if let data { context = try InputFiles.context(from: data) }
        } catch {
            throw ErrorPrinter.report(error)
        }

        let folder = file == "-" ? "." : (file as NSString).deletingLastPathComponent
        let loader = FileSystemLoader(roots: [folder.isEmpty ? "." : folder] + searchPaths)
        let environment = Environment(loader: loader, options: engine.options)
        let output: String
        do {
            let template = try environment.template(source: source, name: file == "-" ? "<stdin>" : file)
            output = try template.render(context)
        } catch {
            throw ErrorPrinter.report(error)
        }
        StandardStream.output.write(output)
    }
}
