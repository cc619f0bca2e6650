import Foundation

/// Submits messages over one SMTP connection, reused for every message.
///
/// RFC 5321 3.3 names the transaction: `MAIL FROM`, one `RCPT TO` per recipient,
/// `DATA`, the dot-stuffed message and a final `.`. When the server's EHLO reply
/// lists PIPELINING, RFC 2920 3.1 lets the client send the three commands in one
/// write:
///
/// > The EHLO, DATA, VRFY, EXPN, TURN, QUIT, and NOOP commands can only appear as the
/// > last command in a group since their success or failure produces a change of state
/// > which the client SMTP must accommodate.
///
/// and then read the three replies in order. A transaction that fails is reset with
/// `RSET`, leaving the connection usable for the next message.
final class SMTPClient {
    /// How one transaction ended.
    enum Result: Equatable {
        case accepted(SMTPReply)
        case transient(String)
        case permanent(String)
    }

    private let configuration: SMTPConfiguration
    private var socket: SMTPSocket?
    private var extensions: Set<String> = []

    init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    /// Whether the server offered PIPELINING on the current connection.
    var pipelining: Bool { extensions.contains("PIPELINING") && configuration.pipelining }

    /// One transaction; a connection error closes the socket and counts as transient.
    func submit(_ envelope: SMTPEnvelope) -> Result {
        do {
            let socket = try connected()
            return try transaction(envelope, on: socket)
        } catch {
            drop()
            return .transient(error.description)
        }
    }

    /// Ends the session politely.
    func quit() {
        guard let socket else { return }
        _ = try? socket.send(line: "QUIT")
        _ = try? socket.readReply()
        drop()
    }

    private func drop() {
        socket?.shutdown()
        socket = nil
        extensions = []
    }

    private func connected() throws(SMTPError) -> SMTPSocket {
        if let socket { return socket }
        let socket = try SMTPSocket(host: configuration.host, port: configuration.port, timeout: configuration.timeout)
        let greeting = try socket.readReply()
        guard greeting.code == 220 else { throw .protocolViolation("greeting was \(greeting)") }
        try socket.send(line: "EHLO \(configuration.heloName)")
        let ehlo = try socket.readReply()
        if ehlo.isPositive {
            extensions = Set(ehlo.lines.dropFirst().map { $0.split(separator: " ").first.map { $0.uppercased() } ?? "" })
        } else {
            try socket.send(line: "HELO \(configuration.heloName)")
            let helo = try socket.readReply()
            guard helo.isPositive else { throw .protocolViolation("HELO refused: \(helo)") }
            extensions = []
        }
        self.socket = socket
        return socket
    }

    private func transaction(_ envelope: SMTPEnvelope, on socket: SMTPSocket) throws(SMTPError) -> Result {
        for address in [envelope.mailFrom, envelope.rcptTo]
        where address.contains("\r") || address.contains("\n") || address.contains(">") {
            return .permanent("refused to send an address holding CR, LF or '>': \(address)")
        }
        let mail = "MAIL FROM:<\(envelope.mailFrom)>"
            + (extensions.contains("SIZE") ? " SIZE=\(envelope.data.count)" : "")
        let rcpt = "RCPT TO:<\(envelope.rcptTo)>"
        let replies: [SMTPReply]
        if pipelining {
            try socket.send(Array("\(mail)\r\n\(rcpt)\r\nDATA\r\n".utf8))
            replies = [try socket.readReply(), try socket.readReply(), try socket.readReply()]
        } else {
            var collected: [SMTPReply] = []
            for command in [mail, rcpt, "DATA"] {
                try socket.send(line: command)
                let reply = try socket.readReply()
                collected.append(reply)
                let expected = command == "DATA" ? 354 : nil
                if expected.map({ reply.code != $0 }) ?? !reply.isPositive { break }
            }
            replies = collected
        }
        let failed = replies.prefix(2).first { !$0.isPositive }
        let dataReply = replies.count == 3 ? replies[2] : nil
        if failed != nil || dataReply?.code != 354 {
            if dataReply?.code == 354 {
                // DATA was accepted although MAIL or RCPT failed: send an empty body.
                try socket.send(Array(".\r\n".utf8))
                _ = try socket.readReply()
            }
            try reset(socket)
            return classify(failed ?? dataReply ?? replies[replies.count - 1])
        }
        try socket.send(DotStuffing.encode(envelope.data))
        let final = try socket.readReply()
        if !final.isPositive { try reset(socket) }
        return classify(final)
    }

    private func reset(_ socket: SMTPSocket) throws(SMTPError) {
        try socket.send(line: "RSET")
        let reply = try socket.readReply()
        if !reply.isPositive { drop() }
    }

    private func classify(_ reply: SMTPReply) -> Result {
        if reply.isPositive { return .accepted(reply) }
        if reply.isTransient {
            if reply.code == 421 { drop() }
            return .transient(reply.description)
        }
        return .permanent(reply.description)
    }
}
