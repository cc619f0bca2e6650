import HTTPTypes
import Hummingbird
import NIOCore
import TailorTemplate

/// Responses with a body the service wrote itself.
enum JSONResponse {
    /// `value` as compact JSON with a trailing newline.
    static func make(_ value: Value, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var bytes: [UInt8] = []
        JSONValueWriter.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return bytesResponse(bytes, status: status, headers: fields)
    }

    static func error(_ error: ServiceError) -> Response {
        make(error.body, status: error.status)
    }

    static func bytesResponse(_ bytes: [UInt8], status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentLength] = String(bytes.count)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// An ordered JSON object from pairs.
    static func object(_ pairs: [(String, Value)]) -> Value {
        var dict = Dict()
        for (key, value) in pairs { dict[.string(key)] = value }
        return .dict(dict)
    }
}
