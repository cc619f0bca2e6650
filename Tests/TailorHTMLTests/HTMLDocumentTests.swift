import Testing

@testable import TailorHTML

@Suite struct HTMLDocumentTests {
    @Test func parsesAndCollectsDiagnostics() throws {
        let document = try HTMLDocument(html: "<html><body><p>Hi <b>there</p><foo>x</foo></body></html>")
        #expect(document.body?.children.first?.name == "p")
        #expect(!document.diagnostics.isEmpty)
        #expect(document.diagnostics.allSatisfy { $0.line >= 1 })
    }

    @Test func cleanDocumentHasNoDiagnostics() throws {
        let document = try HTMLDocument(
            html: "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>ok</p></body></html>")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }

    @Test func attributesAndContent() throws {
        let document = try HTMLDocument(html: "<p><a href=\"https://x.example/?a=1&amp;b=2\" title='T'>go &amp; see</a></p>")
        let link = try #require(document.elements(named: "a").first)
        #expect(link.attribute("href") == "https://x.example/?a=1&b=2")
        #expect(link.attribute("missing") == nil)
        #expect(link.attributes.map(\.name) == ["href", "title"])
        #expect(link.content == "go & see")
    }

    @Test func diagnosticsStayWithTheirDocumentAcrossThreads() async throws {
        // Each parse has its own handler: broken and clean documents parsed at once
        // never see each other's messages.
        let clean = "<!DOCTYPE html><html><head><title>t</title></head><body><p>ok</p></body></html>"
        let broken = "<html><body><p>Hi <b>there</p><foo>x</foo></body></html>"
        let results = await withTaskGroup(of: (Bool, Int).self) { group in
            for i in 0..<40 {
                group.addTask {
                    let isBroken = i % 2 == 0
                    let document = try? HTMLDocument(html: isBroken ? broken : clean)
                    return (isBroken, document?.diagnostics.count ?? -1)
                }
            }
            var all: [(Bool, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        let brokenCounts = Set(results.filter(\.0).map(\.1))
        #expect(results.filter { !$0.0 }.allSatisfy { $0.1 == 0 })
        #expect(brokenCounts.count == 1 && brokenCounts.first! > 0)
    }
}
