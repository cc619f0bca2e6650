/// A server reply: a three-digit code and its text lines.
///
/// RFC 5321 4.2:
///
/// > Reply-line     = *( Reply-code "-" [ textstring ] CRLF )
/// >                  Reply-code [ SP textstring ] CRLF
///
/// and 4.2.1: 2yz is a positive completion, 3yz a positive intermediate reply,
/// 4yz a transient negative completion ("the client SHOULD try again"), 5yz a
/// permanent one ("the SMTP client SHOULD NOT repeat the exact request").
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, such as 250.
    public let code: Int
    /// The text of each line, without code and separator.
    public let lines: [String]

    /// A reply from its parts.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2yz.
    public var isPositive: Bool { (200..<300).contains(code) }
    /// 4yz: worth retrying later.
    public var isTransient: Bool { (400..<500).contains(code) }
    /// 5yz: the recipient has failed.
    public var isPermanent: Bool { (500..<600).contains(code) }

    /// `code text` of the last line, as the manifest records it.
    public var description: String {
        "\(code) \(lines.last ?? "")".trimmingSpaces()
    }
}

/// Accumulates the lines of a possibly multi-line reply.
struct SMTPReplyParser {
    private var code: Int?
    private var lines: [String] = []

    /// Feeds one line without its CRLF; returns the reply when this line ends it.
    mutating func feed(_ line: String) throws(SMTPError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }),
            let value = Int(String(decoding: bytes[0...2], as: UTF8.self))
        else {
            throw .protocolViolation("malformed reply line '\(line)'")
        }
        if let code, code != value { throw .protocolViolation("reply code changed within a reply: '\(line)'") }
        code = value
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") { return nil }
        let reply = SMTPReply(code: value, lines: lines)
        self = SMTPReplyParser()
        return reply
    }
}

/// Why talking to the SMTP server failed (as opposed to a reply refusing a message).
public enum SMTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The URL is not `smtp://host:port`.
    case invalidURL(String)
    /// Resolving or connecting failed.
    case connectionFailed(String)
    /// The server closed the connection or a read or write failed.
    case connectionLost(String)
    /// No reply within the timeout.
    case timeout
    /// The server broke the protocol.
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid SMTP URL '\(url)', expected smtp://HOST:PORT"
        case .connectionFailed(let reason): return "cannot connect: \(reason)"
        case .connectionLost(let reason): return "connection lost: \(reason)"
        case .timeout: return "timed out waiting for the server"
        case .protocolViolation(let reason): return "SMTP protocol error: \(reason)"
        }
    }
}
