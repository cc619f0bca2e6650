import Foundation

/// One `.eml` file per recipient, named by ``SafeFileName``, the bytes exactly as built.
final class EMLWriter: MessageWriter {
    private let directory: URL
    private var names = UsedNames()

    init(directory: URL) {
        self.directory = directory
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        let name = try names.claim(message.recipientID) + ".eml"
        try AtomicFile.write(message.bytes, to: directory, name: name)
        return name
    }

    func finish() throws(MIMEError) {}
}
