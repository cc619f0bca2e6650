/// The variables a render was given: a Swift dictionary, or a decoded JSON
/// object (``JSONRecordReader/readRecord(_:)``) used as it is.
///
/// A JSON Lines context read as a ``Dict`` needs no dictionary built, hashed
/// and freed per recipient, and its names are found by comparing keys at
/// positions remembered from the last render (confirmed before use). A dict
/// is used as it is only when its keys are distinct ASCII strings, so that it
/// answers every name as `dict.stringKeyed` would; any other is converted.
enum RootVariables {
    case dictionary([String: Value])
    /// A dict with ``Dict/hasDistinctASCIINames``.
    case record(Dict)

    static let empty = RootVariables.dictionary([:])

    /// `dict`'s string-keyed members, used in place when its keys allow.
    init(_ dict: Dict) {
        self = dict.hasDistinctASCIINames ? .record(dict) : .dictionary(dict.stringKeyed)
    }

    var isEmpty: Bool {
        switch self {
        case .dictionary(let values): return values.isEmpty
        case .record(let dict): return dict.isEmpty
        }
    }

    /// The variable `name`; `hint` is where a record's key was last found.
    @inline(__always)
    func value(named name: String, nameIsASCII: Bool, hint: inout Int32) -> Value? {
        switch self {
        case .dictionary(let values): return values[name]
        case .record(let dict): return dict.value(forDistinctName: name, nameIsASCII: nameIsASCII, hint: &hint)
        }
    }

    /// The variable `name`, for lookups by name outside a render's symbols.
    func value(named name: String) -> Value? {
        var hint: Int32 = 0
        return value(named: name, nameIsASCII: name.utf8.allSatisfy { $0 < 0x80 }, hint: &hint)
    }
}
