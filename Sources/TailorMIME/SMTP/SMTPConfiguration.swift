/// Where and how `--deliver smtp://HOST:PORT` submits messages.
public struct SMTPConfiguration: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The name sent with EHLO.
    public var heloName = "localhost"
    /// Seconds to wait for each reply or write.
    public var timeout: Double = 30
    /// Tries per message, the first included, before a 4xx reply becomes a failure.
    public var maxAttempts = 5
    /// Seconds before the first retry round; doubled each round up to ``maxBackoff``.
    public var initialBackoff: Double = 1
    /// The longest wait between retry rounds.
    public var maxBackoff: Double = 60
    /// Whether to pipeline MAIL, RCPT and DATA when the server offers PIPELINING.
    public var pipelining = true
    /// The envelope sender (`MAIL FROM`); the message's From address when nil.
    public var envelopeFrom: String?

    /// A configuration for `host:port`.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `smtp://HOST:PORT` (port 25 when omitted; IPv6 in brackets).
    public init(url: String) throws(SMTPError) {
        guard url.lowercased().hasPrefix("smtp://") else { throw .invalidURL(url) }
        var rest = Substring(url.dropFirst(7))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidURL(url) }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw .invalidURL(url) }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, !host.contains("/"), !host.contains("@") else { throw .invalidURL(url) }
        var port = 25
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else { throw .invalidURL(url) }
            port = value
        }
        self.init(host: String(host), port: port)
    }

    /// The wait before retry round `round` (1 for the first retry).
    func backoff(round: Int) -> Double {
        var delay = initialBackoff
        for _ in 1..<max(1, round) { delay *= 2 }
        return min(delay, maxBackoff)
    }
}

/// One message to submit: the envelope and the bytes.
public struct SMTPEnvelope: Sendable {
    /// The recipient's id, carried to the outcome.
    public var recipientID: String
    /// `MAIL FROM` address.
    public var mailFrom: String
    /// `RCPT TO` address.
    public var rcptTo: String
    /// The message, CRLF line ends.
    public var data: [UInt8]

    /// An envelope from its parts.
    public init(recipientID: String, mailFrom: String, rcptTo: String, data: [UInt8]) {
        self.recipientID = recipientID
        self.mailFrom = mailFrom
        self.rcptTo = rcptTo
        self.data = data
    }

    /// The envelope of a built message: From to To.
    public init(_ message: MailMessage, envelopeFrom: String? = nil) {
        self.init(
            recipientID: message.recipientID, mailFrom: envelopeFrom ?? message.from.address,
            rcptTo: message.to.address, data: message.bytes)
    }
}

/// What became of one message.
public struct DeliveryOutcome: Sendable, Equatable {
    /// The recipient's id.
    public var recipientID: String
    /// Whether the server accepted the message.
    public var delivered: Bool
    /// How many times it was tried.
    public var attempts: Int
    /// The last reply, or the connection error.
    public var reply: String
    /// Whether it failed because every attempt met a transient failure (a 4yz
    /// reply, a refused or dropped connection), not a 5yz refusal of it.
    public var gaveUp = false

    /// The manifest status: delivered or failed.
    public var status: ManifestEntry.Status { delivered ? .delivered : .failed }
}
