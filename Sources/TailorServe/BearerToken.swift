import TailorMIME

/// The token every request but `/healthz` must carry as `Authorization: Bearer <token>`.
///
/// Both sides are hashed with SHA-256 and the digests compared byte for byte
/// without stopping at the first difference, so neither the time taken nor
/// an early exit tells an attacker how much of a guess was right, or how long
/// the token is.
struct BearerToken: Sendable {
    private let digest: [UInt8]

    init(_ token: String) {
        digest = Self.hash(token)
    }

    /// Whether an `Authorization` header value carries the token.
    func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let prefix = "bearer "
        guard authorization.count > prefix.count, authorization.prefix(prefix.count).lowercased() == prefix else {
            return false
        }
        let offered = String(authorization.dropFirst(prefix.count)).trimmingWhitespace
        return Self.constantTimeEqual(Self.hash(offered), digest)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    private static func hash(_ text: String) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update("tailor.bearer\u{0}")
        hasher.update(text)
        return hasher.finalize()
    }
}
