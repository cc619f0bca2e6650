/// Attribute and item access with Jinja's rules: `a.b` tries the attribute,
/// then the item; `a[b]` tries the item, then the attribute. What is missing
/// becomes an undefined value that remembers what was looked up.
extension Runtime {
    /// `value.name`.
    public func attribute(of value: Value, _ name: String) throws -> Value {
        switch value {
        case .dict(let d):
            // Like Python's getattr, a dict's methods come before its keys.
            if Compiler.dictMethodNames.contains(name), let method = PythonMethods.bound(value, name) {
                return method
            }
            if let v = d.value(forString: name) { return v }
        case .object(let o):
            if let v = o.attribute(name) { return v }
        case .undefined(let u):
            throw u.error
        default:
            if let method = PythonMethods.bound(value, name) { return method }
        }
        return undefined(.attribute(owner: "\(value.typeName) object", name: name))
    }

    /// `value[key]`.
    public func item(of value: Value, _ key: Value) throws -> Value {
        switch value {
        case .dict(let d):
            if let v = d[key] { return v }
        case .list(let a), .tuple(let a):
            if let i = key.intValue {
                let index = i < 0 ? a.count + i : i
                if index >= 0 && index < a.count { return a[index] }
                return undefined(.message("\(value.typeName) object has no element \(i)"))
            }
        case .string(let s), .markup(let s):
            if let i = key.intValue {
                let scalars = Array(s.unicodeScalars)
                let index = i < 0 ? scalars.count + i : i
                if index >= 0 && index < scalars.count {
                    let ch = String(scalars[index])
                    if case .markup = value { return .markup(ch) }
                    return .string(ch)
                }
                return undefined(.item(owner: "\(value.typeName) object", key: key.repr))
            }
        case .object(let o):
            if let name = key.stringValue, let v = o.attribute(name) { return v }
            if let items = o.sequence, let i = key.intValue {
                let index = i < 0 ? items.count + i : i
                if index >= 0 && index < items.count { return items[index] }
            }
        case .undefined(let u):
            throw u.error
        default:
            break
        }
        if let name = key.stringValue, case .dict = value {
            return undefined(.attribute(owner: "dict object", name: name))
        }
        return undefined(.item(owner: "\(value.typeName) object", key: key.repr))
    }

    /// Follows a dotted path such as `"address.city"` or `"items.0"`, as the
    /// `attribute=` argument of `map`, `sort` and friends does.
    public func path(of value: Value, _ path: String) throws -> Value {
        var current = value
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            let name = String(part)
            if let i = Int(name) {
                current = try item(of: current, .int(i))
            } else {
                current = try attribute(of: current, name)
            }
        }
        return current
    }
}
