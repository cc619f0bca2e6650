/// Why a JSON text could not be read, and where.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based line of the offending character.
    public var line: Int
    /// 1-based column, counted in Unicode scalars from the start of the line.
    public var column: Int
    /// Byte offset from the start of the input.
    public var offset: Int

    public init(_ message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    init(_ message: String, in buffer: UnsafeBufferPointer<UInt8>, at offset: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, buffer.count)
        for i in 0..<end where buffer[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Count scalars, not bytes: UTF-8 continuation bytes do not start a column.
        var column = 1
        for i in lineStart..<end where buffer[i] & 0xC0 != 0x80 { column += 1 }
        self.init(message, line: line, column: column, offset: offset)
    }

    /// `line:column: message`, ready to follow a file name.
    public var description: String { "\(line):\(column): \(message)" }
}
