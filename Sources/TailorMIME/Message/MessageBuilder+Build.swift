extension MessageBuilder {
    /// The message for one recipient.
    ///
    /// Its bytes are written once, into an array sized for the worst case: the send's
    /// fixed lines and this recipient's, then the `multipart/alternative` body, whose
    /// parts are encoded in place (``MultipartAlternative/message(head:text:html:boundary:)``).
    public func build(_ content: MessageContent) throws(MIMEError) -> MailMessage {
        for field in content.headers where Self.reservedHeaders.contains(field.name.lowercased()) {
            throw .reservedHeader(field.name)
        }
        try HeaderField.validateValue(content.subject, header: "Subject")
        let messageID = MessageID(sendID: sendID, recipientID: content.recipientID, suffix: messageIDSuffix)
        var unsubscribe: ListUnsubscribe?
        if let url = content.unsubscribeURL, !url.isEmpty {
            unsubscribe = try ListUnsubscribe(url: url, mailto: content.unsubscribeMailto)
        } else if requireUnsubscribe {
            throw .invalidUnsubscribe("", reason: "an https unsubscribe URL is required (RFC 8058)")
        }
        let html = Preheader.insert(content.preheader ?? "", into: content.html)
        let text = LongTextLines.limited(content.text)

        var logical = [dateField, try HeaderField(name: "Message-ID", value: messageID.value)]
        var unsubscribeLines: [UInt8] = []
        if let unsubscribe {
            unsubscribeLines = try unsubscribe.renderedLines()
            logical.append(try HeaderField(name: "List-Unsubscribe", value: unsubscribe.value))
            logical.append(try HeaderField(name: "List-Unsubscribe-Post", value: ListUnsubscribe.postValue))
        }
        logical += headers
        var contentLines: [UInt8] = []
        for field in content.headers {
            contentLines += try Self.unstructuredLine(field)
            logical.append(field)
        }
        let head = [
            fromLine, try Self.addressLine("To", content.to), replyToLine,
            try Self.unstructuredLine(HeaderField(name: "Subject", value: content.subject)), dateLine,
            Array("Message-ID: \(messageID.value)\r\nMIME-Version: 1.0\r\n".utf8), unsubscribeLines, campaignLines,
            contentLines,
        ]
        let boundary = MultipartBoundary.candidate(sendID: sendID, recipientID: content.recipientID, salt: 0)
        let bytes =
            MultipartAlternative.message(head: head, text: text, html: html, boundary: boundary)
            ?? Self.saltedMessage(head: head, text: text, html: html, sendID: sendID, recipientID: content.recipientID)
        return MailMessage(
            recipientID: content.recipientID, from: from, to: content.to, replyTo: replyTo,
            subject: content.subject, html: html, text: text, messageID: messageID.value,
            date: dateField.value, sendDate: sendDate, headers: logical, bytes: bytes,
            sha256: SHA256Hasher.hex(of: bytes))
    }

    /// The message when the first boundary occurs in a part (it cannot, see
    /// ``MultipartBoundary``): parts encoded apart, a salted boundary, then copied in.
    static func saltedMessage(
        head: [[UInt8]], text: String, html: String, sendID: String, recipientID: String
    ) -> [UInt8] {
        let multipart = MultipartAlternative(text: text, html: html, sendID: sendID, recipientID: recipientID)
        let sections = head + [Array("\(multipart.contentTypeField)\r\n\r\n".utf8)]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sections.reduce(multipart.bodyCount) { $0 + $1.count })
        for section in sections { bytes += section }
        multipart.append(to: &bytes)
        return bytes
    }

    /// An address field, folded, ending with CRLF.
    static func addressLine(_ name: String, _ address: MailAddress) throws(MIMEError) -> [UInt8] {
        var folder = HeaderFolder(name: name)
        address.append(to: &folder)
        return try folder.checkedBytes() + [0x0d, 0x0a]
    }

    /// An unstructured field, encoded and folded, ending with CRLF.
    static func unstructuredLine(_ field: HeaderField) throws(MIMEError) -> [UInt8] {
        try HeaderFolding.unstructuredBytes(field) + [0x0d, 0x0a]
    }
}
