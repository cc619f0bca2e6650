import Foundation

/// One `.eml` file per recipient, named by ``SafeFileName``, the bytes exactly as built.
final class EMLWriter: MessageWriter {
    /// The output folder's path.
    private let folder: String
    private var names = UsedNames()

    init(directory: URL) {
        folder = directory.path
    }

    func write(_ message: MailMessage) throws(MIMEError) -> String {
        let name = try names.claim(message.recipientID) + ".eml"
        try AtomicFile.write(message.bytes, toFolder: folder, name: name)
        return name
    }

    func finish() throws(MIMEError) {}
}
