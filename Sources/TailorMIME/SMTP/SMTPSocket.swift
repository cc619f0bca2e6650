import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One TCP connection to an SMTP server, owning its file descriptor: CRLF lines in,
/// bytes out, with a timeout on every read and write.
final class SMTPSocket {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    /// Connects to `host:port`, trying each address the name resolves to.
    init(host: String, port: Int, timeout: Double) throws(SMTPError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .connectionFailed("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let info = candidate {
            let s = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if s >= 0 {
                Self.setTimeouts(s, timeout)
                if connect(s, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = s
                    break
                }
                lastError = String(cString: strerror(errno))
                close(s)
            } else {
                lastError = String(cString: strerror(errno))
            }
            candidate = info.pointee.ai_next
        }
        guard connected >= 0 else { throw .connectionFailed("\(host):\(port): \(lastError)") }
        fd = connected
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Closes the connection now.
    func shutdown() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    private static func setTimeouts(_ s: Int32, _ seconds: Double) {
        var tv = timeval()
        tv.tv_sec = .init(seconds.rounded(.down))
        tv.tv_usec = .init((seconds - seconds.rounded(.down)) * 1_000_000)
        setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(s, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Sends all of `bytes`.
    func send(_ bytes: [UInt8]) throws(SMTPError) {
        guard fd >= 0 else { throw .connectionLost("connection closed") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw -> Int in
                #if os(Linux)
                    Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(fd, raw.baseAddress, raw.count, 0)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout }
                throw .connectionLost(String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// Sends a command line, adding CRLF.
    func send(line: String) throws(SMTPError) {
        try send(Array((line + "\r\n").utf8))
    }

    /// Reads one line, without its CRLF.
    func readLine() throws(SMTPError) -> String {
        while true {
            if let lf = buffer[bufferStart...].firstIndex(of: 0x0a) {
                var end = lf
                if end > bufferStart, buffer[end - 1] == 0x0d { end -= 1 }
                let line = String(decoding: buffer[bufferStart..<end], as: UTF8.self)
                bufferStart = lf + 1
                if bufferStart > 65_536 {
                    buffer.removeFirst(bufferStart)
                    bufferStart = 0
                }
                return line
            }
            guard buffer.count - bufferStart < 1 << 20 else { throw .protocolViolation("reply line too long") }
            var chunk = [UInt8](repeating: 0, count: 16_384)
            let n = chunk.withUnsafeMutableBytes { raw in recv(fd, raw.baseAddress, raw.count, 0) }
            if n == 0 { throw .connectionLost("server closed the connection") }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout }
                throw .connectionLost(String(cString: strerror(errno)))
            }
            buffer += chunk[0..<n]
        }
    }

    /// Reads one complete reply.
    func readReply() throws(SMTPError) -> SMTPReply {
        var parser = SMTPReplyParser()
        while true {
            if let reply = try parser.feed(try readLine()) { return reply }
        }
    }
}
