import TailorTemplate

extension [String: Value] {
    /// The string member `key` of a JSON object read back from a run's own
    /// files (manifest, findings); nil when absent or of another type.
    func string(_ key: String) -> String? {
        if case .string(let s)? = self[key] { return s }
        return nil
    }

    /// The integer member `key`; nil when absent or of another type.
    func int(_ key: String) -> Int? {
        if case .int(let i)? = self[key] { return i }
        return nil
    }
}
