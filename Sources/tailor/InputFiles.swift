import Foundation
import TailorTemplate

/// Reading the files a command is given, with errors that say which file and why.
enum InputFiles {
    /// The bytes of `path`, or of standard input when `path` is `-`.
    static func bytes(of path: String, role: String) throws(InputError) -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw InputError(role: role, path: path, reason: "no such file")
        }
        guard !isFolder.boolValue else {
            throw InputError(role: role, path: path, reason: "it is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(role: role, path: path, reason: "permission denied or unreadable")
        }
        return Array(data)
    }

    /// The UTF-8 text of `path`.
    static func text(of path: String, role: String) throws(InputError) -> String {
        let bytes = try bytes(of: path, role: role)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(role: role, path: path, reason: "not valid UTF-8")
        }
        return text
    }

    /// A JSON object from `path`, as a render context.
    static func context(from path: String, role: String = "data file") throws(InputError) -> [String: Value] {
        let value = try json(from: path, role: role)
        guard case .dict(let object) = value else {
            throw InputError(
                role: role, path: path,
                reason: "the context must be a JSON object ({...}), not \(JSONValueReader.describe(value))")
        }
        return object.stringKeyed
    }

    /// Any JSON value from `path`.
    static func json(from path: String, role: String) throws(InputError) -> Value {
        let bytes = try bytes(of: path, role: role)
        do throws(JSONReadError) {
            return try JSONValueReader().read(bytes)
        } catch {
            throw InputError(role: role, path: path, json: error, in: bytes)
        }
    }
}
