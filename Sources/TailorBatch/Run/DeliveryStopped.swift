import TailorMIME

/// A delivering send that stops because the SMTP server took none of a
/// chunk's messages, each tried until it gave up on transient failures (a
/// refused connection, 4yz replies).
///
/// Going on would mark every later recipient failed, each after the whole
/// back-off, and `--resume` keeps failed recipients failed. Stopping before the
/// chunk is written leaves the manifest ending at the last chunk that went out,
/// so the same command with `--resume` delivers the rest once the server is back.
/// A chunk where some messages went through, or where the server refused
/// messages for good (5yz), is written as usual: those are per-recipient outcomes.
public struct DeliveryStopped: Error, Sendable, CustomStringConvertible {
    /// How many messages the chunk tried to deliver.
    public let messages: Int
    /// The first message's last failure.
    public let reason: String

    /// Stopped when `outcomes` is not empty and every one gave up; nil otherwise.
    init?(_ outcomes: some Collection<DeliveryOutcome>) {
        guard let first = outcomes.first, outcomes.allSatisfy(\.gaveUp) else { return nil }
        messages = outcomes.count
        reason = first.reply
    }

    public var description: String {
        "delivery stopped: the SMTP server accepted none of the last \(messages) message\(messages == 1 ? "" : "s") "
            + "(\(reason)); those and the rest are not in the manifest. When the server takes mail again, run the "
            + "same command with --resume"
    }
}
