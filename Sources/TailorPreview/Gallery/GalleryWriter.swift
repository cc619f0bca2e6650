public import Foundation
import TailorMIME

/// Writes a gallery into a folder: `index.html`, and per variant
/// `<slug>.html` (the HTML part), `<slug>.txt` (the text part) and
/// `<slug>.eml` (the whole message). Files of variants that no longer exist
/// are left alone; `index.html` links only the current ones.
public struct GalleryWriter: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// Writes every file; returns the path of `index.html`.
    @discardableResult
    public func write(_ gallery: PreviewGallery, liveReload: GalleryPage.LiveReload? = nil) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for variant in gallery.variants {
            guard let message = variant.message else { continue }
            try write(message.html, to: "\(variant.slug).html")
            try write(message.text, to: "\(variant.slug).txt")
            try Data(message.bytes).write(to: directory.appendingPathComponent("\(variant.slug).eml"), options: .atomic)
        }
        return try write(GalleryPage(gallery, liveReload: liveReload).html, to: "index.html")
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: .atomic)
        return url
    }
}
