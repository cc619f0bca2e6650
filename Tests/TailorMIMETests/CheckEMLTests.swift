import TailorTestSupport
import Foundation
import TailorHTML
import Testing

@testable import TailorMIME

/// The fixtures judged by `../shared/tools/check-eml`, the independent checker.
@Suite(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"))
struct CheckEMLTests {
    @Test func emlFilesPass() throws {
        let dir = TestFolder.make("check-eml")
        defer { SharedTools.keepOrRemove(dir) }
        let writer = try OutputFormat.eml.makeWriter(directory: dir)
        let messages = try Fixtures.messages()
        for message in messages { _ = try writer.write(message) }
        try writer.finish()
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-j", "1", dir.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(messages.count) passed, 0 failed") || result.stderr.contains("\(messages.count) passed, 0 failed"),
            "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("warning:"), "\(result.stdout)")
    }

    @Test func textDerivedFromHTMLPasses() throws {
        let dir = TestFolder.make("check-derived")
        defer { SharedTools.keepOrRemove(dir) }
        let builder = try Fixtures.builder()
        let writer = try OutputFormat.eml.makeWriter(directory: dir)
        for person in Fixtures.people {
            var content = try Fixtures.content(for: person)
            content.text = HTMLToText.convert(Preheader.insert(content.preheader ?? "", into: content.html))
            #expect(content.text.contains("Unsubscribe (https://shop.example.com/u/"))
            #expect(!content.text.contains("Three picks for spring"), "hidden preheader left out")
            _ = try writer.write(try builder.build(content))
        }
        try writer.finish()
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-j", "1", dir.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func mboxPasses() throws {
        let dir = TestFolder.make("check-mbox")
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try OutputFormat.mbox.makeWriter(directory: dir)
        let messages = try Fixtures.messages()
        for message in messages { _ = try writer.write(message) }
        try writer.finish()
        let mbox = dir.appendingPathComponent("messages.mbox").path
        let result = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "--mbox", "-j", "1", mbox])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("\(messages.count) passed, 0 failed"), "\(result.stdout)\(result.stderr)")
    }

    @Test func mboxrdQuotedLinesComeBack() throws {
        // A message whose raw bytes hold `From ` lines: the checker unescapes them and
        // still sees a valid message.
        let dir = TestFolder.make("check-mbox-from")
        defer { try? FileManager.default.removeItem(at: dir) }
        let writer = try OutputFormat.mbox.makeWriter(directory: dir)
        let message = try Fixtures.messages()[0]
        var patched = message.raw
        let textBody = try #require(patched.range(of: "Content-Transfer-Encoding: quoted-printable\r\n\r\n"))
        patched.insert(contentsOf: "From the top\r\n>From quoted\r\n", at: textBody.upperBound)
        let forged = MailMessage(
            recipientID: message.recipientID, from: message.from, to: message.to, replyTo: message.replyTo,
            subject: message.subject, html: message.html, text: message.text, messageID: message.messageID,
            date: message.date, sendDate: message.sendDate, headers: message.headers, bytes: Array(patched.utf8),
            sha256: message.sha256)
        _ = try writer.write(forged)
        try writer.finish()
        let text = try String(contentsOf: dir.appendingPathComponent("messages.mbox"), encoding: .utf8)
        #expect(text.contains("\n>From the top\n>>From quoted\n"))
        let result = SharedTools.run([SharedTools.checkEML.path, "--mbox", "-j", "1", dir.appendingPathComponent("messages.mbox").path])
        #expect((result.stdout + result.stderr).contains("1 passed, 0 failed"), "\(result.stdout)\(result.stderr)")
    }
}
