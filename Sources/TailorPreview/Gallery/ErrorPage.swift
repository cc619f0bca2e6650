/// The page `--serve` shows while the campaign does not build: an error
/// panel with the file, line and source line, reloading itself once the
/// error is fixed.
public struct ErrorPage: Sendable {
    public let problem: PreviewProblem
    public let campaignFolder: String
    public var liveReload: GalleryPage.LiveReload?

    public init(_ problem: PreviewProblem, campaignFolder: String, liveReload: GalleryPage.LiveReload? = nil) {
        self.problem = problem
        self.campaignFolder = campaignFolder
        self.liveReload = liveReload
    }

    /// The whole page.
    public var html: String {
        var source = ""
        if let line = problem.sourceLine {
            let number = problem.line > 0 ? "\(problem.line) | " : ""
            let caret = problem.column > 0
                ? "\n" + String(repeating: " ", count: number.count + problem.column - 1) + "^" : ""
            source = "<pre class=\"source\" data-source>\(HTMLText.escape(number + line + caret))</pre>"
        }
        let help = problem.help.map { "<p class=\"help\">help: \(HTMLText.escape($0))</p>" } ?? ""
        var out = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>error: \(HTMLText.escape(campaignFolder))</title>
            <style>\(GalleryPage.style)</style></head>
            <body data-error="yes">
            <section class="error-panel" data-file="\(HTMLText.escape(problem.file ?? ""))" data-line="\(problem.line)">
            <h2>\(HTMLText.escape(campaignFolder)) does not build</h2>
            <p><code data-location>\(HTMLText.escape(problem.location ?? "(no file)"))</code></p>
            <p class="problem" data-message>\(HTMLText.escape(problem.message))</p>
            \(source)\(help)
            <p class="meta">The gallery comes back by itself once the file is fixed.</p>
            </section>

            """
        if let liveReload { out += "<script>\(GalleryPage.reloadScript(liveReload))</script>\n" }
        return out + "</body>\n</html>\n"
    }
}
