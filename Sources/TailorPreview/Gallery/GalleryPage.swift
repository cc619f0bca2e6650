import Foundation

/// The gallery's `index.html`: one self-contained page (inline CSS, SVG and a
/// few lines of inline script, nothing fetched) that works from `file://`.
///
/// Each variant is a `<section data-variant="slug">` with a desktop (600 px)
/// and a mobile (375 px) `<iframe srcdoc>`; the iframes are sandboxed (the
/// email's own scripts never run) but same-origin, so the page's script can
/// mark each frame `data-rendered="yes"` once its document has a body, and
/// `<body data-frames-rendered>` counts them: what the browser test reads.
///
/// ```swift
/// let html = GalleryPage(gallery).html
/// ```
public struct GalleryPage: Sendable {
    public let gallery: PreviewGallery
    /// For `--serve`: add a script that polls `version` and reloads on change.
    public var liveReload: LiveReload?

    /// How an open page learns that the gallery changed.
    public struct LiveReload: Sendable {
        /// The path polled, answering the current version as text.
        public var versionPath: String
        /// The version the page shows.
        public var version: String
        public init(versionPath: String = "/version", version: String) {
            self.versionPath = versionPath
            self.version = version
        }
    }

    public init(_ gallery: PreviewGallery, liveReload: LiveReload? = nil) {
        self.gallery = gallery
        self.liveReload = liveReload
    }

    /// The whole page.
    public var html: String {
        let frames = gallery.variants.filter { $0.message != nil }.count * 2
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(gallery.campaign)): preview of every variant</title>
            <style>\(Self.style)</style>
            </head>
            <body data-campaign="\(HTMLText.escape(gallery.campaign))" data-variants="\(gallery.variants.count)" \
            data-frames-total="\(frames)" data-frames-rendered="0">
            <header class="top">
            <h1>\(HTMLText.escape(gallery.campaign))</h1>
            <p class="meta">\(headline)</p>
            </header>

            """
        out += navigation
        if gallery.recipient == nil { out += chart }
        out += coverage
        for variant in gallery.variants { out += section(variant) }
        out += "<script>\(Self.frameScript)</script>\n"
        if let liveReload { out += "<script>\(Self.reloadScript(liveReload))</script>\n" }
        out += "</body>\n</html>\n"
        return out
    }

    /// The line under the title: what was previewed, from what, and when.
    private var headline: String {
        let when = ISO8601DateFormatter().string(from: gallery.generated)
        let what = gallery.recipient.map { "what recipient \(HTMLText.escape($0)) gets" }
            ?? "\(gallery.variants.count) variants: one per segment the templates branch on, and the default"
        return "\(what) · \(gallery.coverage.recipients) recipients in \(HTMLText.escape(gallery.profilesPath))"
            + " · made \(when) by <code>tailor preview \(HTMLText.escape(gallery.campaignFolder))</code>"
    }

    /// Links to each variant.
    private var navigation: String {
        var out = "<nav class=\"variants\">"
        for variant in gallery.variants {
            let mark = variant.message == nil ? " class=\"bad\"" : ""
            out += "<a href=\"#v-\(variant.slug)\"\(mark)>\(HTMLText.escape(label(variant)))</a>"
        }
        return out + "</nav>\n"
    }

    /// "vip", or "default (everyone_else)".
    func label(_ variant: PreviewVariant) -> String {
        variant.isDefault ? "default (\(variant.segment))" : variant.segment
    }
}
