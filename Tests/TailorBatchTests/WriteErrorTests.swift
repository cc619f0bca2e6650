import Foundation
import Testing
import TailorMIME

@testable import TailorBatch

/// A write that fails because of the output (disk full, folder gone) stops
/// the run for `--resume`; one the message itself causes fails that recipient.
@Suite struct WriteErrorTests {
    @Test(arguments: [
        (MIMEError.io(path: "out/a.eml", reason: "cannot write: No space left on device") as any Error, true),
        (BatchIOError(path: "out/messages.mbox.partial", "cannot write", errno: ENOSPC), true),
        (MIMEError.limitExceeded(format: "ses", limit: "40 MB"), false),
        (MIMEError.duplicateRecipient("R1"), false),
        (MIMEError.headerInjection(header: "To"), false),
    ] as [(any Error, Bool)])
    func outputErrorsStopTheRun(error: any Error, stops: Bool) {
        #expect(RenderRun.stopsTheRun(error) == stops)
    }
}
