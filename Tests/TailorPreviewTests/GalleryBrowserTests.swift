import Foundation
import Testing
import TailorPreview

/// The sample's gallery, opened in a real headless browser from `file://`.
@Suite(.enabled(if: chromiumPath != nil, "chromium is not installed (apt-get install chromium)"))
struct GalleryBrowserTests {
    @Test func everyVariantsFramesRenderFromFile() throws {
        let out = try temporaryFolder("gallery")
        let gallery = try PreviewBuilder(PreviewSettings(campaignFolder: sampleCampaign)).build()
        let index = try GalleryWriter(directory: out).write(gallery)

        let dom = try chromium(["--dump-dom"], url: index)
        let slugs = gallery.variants.map(\.slug)
        #expect(attributeValues("data-variant", in: dom).filter { !$0.isEmpty }.count >= slugs.count)
        #expect(attributeValues("data-frames-total", in: dom) == ["\(slugs.count * 2)"])
        #expect(attributeValues("data-frames-rendered", in: dom) == ["\(slugs.count * 2)"])
        // Each variant's desktop and mobile frame has a document with content.
        for slug in slugs {
            for kind in ["desktop", "mobile"] {
                let tag = dom.components(separatedBy: "<iframe data-frame=\"\(kind)\" data-variant=\"\(slug)\"").dropFirst().first
                let attributes = tag.map { String($0.prefix { $0 != ">" }) } ?? ""
                #expect(attributes.contains("data-rendered=\"yes\""), "\(slug) \(kind) frame did not render")
            }
        }

        let shot = out.appendingPathComponent("gallery.png")
        _ = try chromium(["--window-size=1280,1800", "--screenshot=\(shot.path)"], url: index)
        let png = try Data(contentsOf: shot)
        #expect(png.count > 10_000)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func aTemplateErrorPageShowsFileLineAndSource() throws {
        let out = try temporaryFolder("error-page")
        let problem = PreviewProblem(
            message: "unexpected 'endfor', expected 'endif'", file: "email.html", line: 12, column: 3,
            sourceLine: "{% endfor %}")
        let page = out.appendingPathComponent("error.html")
        try Data(ErrorPage(problem, campaignFolder: "templates/x").html.utf8).write(to: page)
        let dom = try chromium(["--dump-dom"], url: page)
        #expect(dom.contains("email.html:12:3"))
        #expect(dom.contains("12 | {% endfor %}"))
        #expect(dom.contains("unexpected 'endfor', expected 'endif'"))
    }
}
