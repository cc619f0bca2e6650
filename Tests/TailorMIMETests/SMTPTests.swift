import TailorTestSupport
import Foundation
import Testing

@testable import TailorMIME

@Suite struct SMTPUnitTests {
    @Test(arguments: [
        ("a.\r\n.b\r\n..c\r\n", "a.\r\n..b\r\n...c\r\n.\r\n"),
        (".", "..\r\n.\r\n"),
        ("x", "x\r\n.\r\n"),
        ("line\r\n", "line\r\n.\r\n"),
    ])
    func dotStuffing(_ input: String, _ expected: String) {
        #expect(String(decoding: DotStuffing.encode(Array(input.utf8)), as: UTF8.self) == expected)
    }

    @Test func multiLineReplies() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed("250-sink.example") == nil)
        #expect(try parser.feed("250-PIPELINING") == nil)
        let reply = try #require(try parser.feed("250 SIZE 1000"))
        #expect(reply.code == 250 && reply.lines == ["sink.example", "PIPELINING", "SIZE 1000"])
        #expect(try parser.feed("451 4.3.0 try later")?.isTransient == true)
        #expect(throws: SMTPError.self) { try parser.feed("oops") }
        _ = try? parser.feed("250-a")
        #expect(throws: SMTPError.self) { try parser.feed("251 b") }
    }

    @Test(arguments: [
        ("smtp://127.0.0.1:2525", "127.0.0.1", 2525),
        ("smtp://mail.example.com", "mail.example.com", 25),
        ("SMTP://[::1]:587/", "::1", 587),
    ])
    func urls(_ url: String, _ host: String, _ port: Int) throws {
        let configuration = try SMTPConfiguration(url: url)
        #expect(configuration.host == host && configuration.port == port)
    }

    @Test(arguments: ["http://x:25", "smtp://", "smtp://host:0", "smtp://host:99999", "smtp://user@host:25", "smtp://h:x"])
    func badURLs(_ url: String) {
        #expect(throws: SMTPError.invalidURL(url)) { try SMTPConfiguration(url: url) }
    }

    @Test func backoffDoublesUpToTheCap() {
        var configuration = SMTPConfiguration(host: "h", port: 1)
        configuration.initialBackoff = 1
        configuration.maxBackoff = 5
        #expect((1...5).map { configuration.backoff(round: $0) } == [1, 2, 4, 5, 5])
    }

    @Test func unreachableServerFailsEveryMessage() throws {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: 1)
        configuration.maxAttempts = 2
        configuration.initialBackoff = 0.01
        let messages = try Fixtures.messages().prefix(3)
        let outcomes = SMTPDelivery(configuration: configuration).deliver(messages.map { SMTPEnvelope($0) })
        #expect(outcomes.map(\.delivered) == [false, false, false])
        #expect(outcomes.allSatisfy { $0.attempts == 2 && $0.reply.contains("gave up after 2 attempts") })
    }
}

/// Delivery to `../shared/tools/smtp-sink` on loopback.
@Suite(.enabled(if: SharedTools.available, "\(SharedTools.unavailableReason ?? "")"), .serialized)
struct SMTPSinkTests {
    func configuration(_ sink: SMTPSink, pipelining: Bool = true) -> SMTPConfiguration {
        var configuration = SMTPConfiguration(host: "127.0.0.1", port: sink.port)
        configuration.initialBackoff = 0.05
        configuration.maxAttempts = 4
        configuration.timeout = 10
        configuration.pipelining = pipelining
        return configuration
    }

    /// Fixture messages, two of them to addresses the sink rejects.
    func messages() throws -> (deliverable: [MailMessage], rejected: [MailMessage]) {
        let builder = try Fixtures.builder()
        var deliverable: [MailMessage] = []
        var rejected: [MailMessage] = []
        for (i, person) in Fixtures.people.enumerated() {
            var content = try Fixtures.content(for: person)
            if i == 2 || i == 5 {
                content.to = try MailAddress(name: person.name, address: "reject-\(i)@example.com")
                rejected.append(try builder.build(content))
            } else {
                deliverable.append(try builder.build(content))
            }
        }
        return (deliverable, rejected)
    }

    @Test(arguments: [true, false])
    func everyDeliverableMessageArrivesOnceThroughTempFailures(pipelining: Bool) throws {
        let (deliverable, rejected) = try messages()
        let sink = try SMTPSink([
            "--fail-every", "2", "--reject-rcpt", "^reject-", "--max-messages", "\(deliverable.count)",
            "--timeout", "60",
        ])
        defer { sink.stop() }
        #expect(sink.port > 0)
        let all = deliverable + rejected
        let outcomes = SMTPDelivery(configuration: configuration(sink, pipelining: pipelining))
            .deliver(all.map { SMTPEnvelope($0) })
        #expect(outcomes.map(\.recipientID) == all.map(\.recipientID))
        for (outcome, message) in zip(outcomes, all) {
            let shouldArrive = deliverable.contains { $0.recipientID == message.recipientID }
            #expect(outcome.delivered == shouldArrive, "\(outcome)")
            if !shouldArrive {
                #expect(outcome.reply.hasPrefix("550"), "\(outcome)")
                #expect(outcome.status == .failed)
            }
        }
        #expect(outcomes.contains { $0.attempts > 1 }, "--fail-every 2 must have forced retries")
        sink.process.waitUntilExit()
        #expect(sink.process.terminationStatus == 0)

        let accepted = try sink.events().filter { $0["event"] as? String == "accepted" }
        let recipients = accepted.flatMap { $0["rcpt_tos"] as? [String] ?? [] }
        #expect(recipients.sorted() == deliverable.map(\.to.address).sorted(), "each exactly once")
        // The stored bytes are the built bytes, after dot-unstuffing.
        for event in accepted {
            let file = try #require(event["file"] as? String)
            let stored = try Data(contentsOf: sink.messages.appendingPathComponent(file))
            let rcpt = try #require((event["rcpt_tos"] as? [String])?.first)
            let message = try #require(deliverable.first { $0.to.address == rcpt })
            #expect(Array(stored) == message.bytes)
        }
        let check = SharedTools.run([SharedTools.checkEML.path, "--require-unsubscribe", "-j", "1", sink.messages.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func tempFailureBeyondMaxAttemptsIsAFailure() throws {
        // The sink answers 451 to every second DATA: with one attempt allowed, the
        // second message fails and says why; the others still go through.
        let sink = try SMTPSink(["--fail-every", "2", "--max-messages", "2", "--timeout", "30"])
        defer { sink.stop() }
        try #require(sink.port > 0)
        var configuration = configuration(sink)
        configuration.maxAttempts = 1
        let messages = try Fixtures.messages().prefix(3)
        let outcomes = SMTPDelivery(configuration: configuration).deliver(messages.map { SMTPEnvelope($0) })
        #expect(outcomes.map(\.delivered) == [true, false, true])
        #expect(outcomes[1].attempts == 1)
        #expect(outcomes[1].reply.hasPrefix("gave up after 1 attempt: 451"), "\(outcomes[1])")
    }
}
