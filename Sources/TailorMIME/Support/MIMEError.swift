/// Why a message, or one of its parts, could not be built or written.
///
/// Every case names the header, address or limit at fault, so the render command can
/// report it against the recipient and carry on with the next one.
public enum MIMEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A header value holds a CR or LF, which would start a new header line.
    case headerInjection(header: String)
    /// A header value holds a control character other than TAB.
    case controlCharacter(header: String, scalar: UInt32)
    /// A header name is empty or holds characters outside RFC 5322 `ftext`.
    case invalidHeaderName(String)
    /// An extra header would replace one the builder writes itself.
    case reservedHeader(String)
    /// An address that does not parse or is not a plain ASCII `addr-spec`.
    case invalidAddress(header: String, address: String, reason: String)
    /// A `List-Unsubscribe` URI that RFC 8058 does not accept.
    case invalidUnsubscribe(String, reason: String)
    /// A Message-ID domain that is not a `dot-atom`.
    case invalidMessageIDDomain(String)
    /// A header whose folded form still has a line over 998 characters.
    case headerLineTooLong(header: String)
    /// A documented limit of an output format was exceeded.
    case limitExceeded(format: String, limit: String)
    /// Two messages for the same recipient id in one output.
    case duplicateRecipient(String)
    /// Writing an output file failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .headerInjection(let header):
            return "header '\(header)': value contains CR or LF (header injection refused)"
        case .controlCharacter(let header, let scalar):
            let hex = String(scalar, radix: 16, uppercase: true)
            return "header '\(header)': value contains control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)"
        case .invalidHeaderName(let name):
            return "invalid header name '\(name)': RFC 5322 allows printable ASCII except ':'"
        case .reservedHeader(let name):
            return "header '\(name)' is written by tailor and cannot be set as an extra header"
        case .invalidAddress(let header, let address, let reason):
            return "header '\(header)': invalid address '\(address)': \(reason)"
        case .invalidUnsubscribe(let uri, let reason):
            return "List-Unsubscribe: '\(uri)': \(reason)"
        case .invalidMessageIDDomain(let domain):
            return "Message-ID domain '\(domain)' is not a valid domain name"
        case .headerLineTooLong(let header):
            return "header '\(header)': a line would exceed 998 characters (RFC 5322 2.1.1)"
        case .limitExceeded(let format, let limit):
            return "\(format): \(limit)"
        case .duplicateRecipient(let id):
            return "recipient id '\(id)' occurs twice in one output"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
