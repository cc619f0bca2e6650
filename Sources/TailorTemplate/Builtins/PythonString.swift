/// Python's `str` algorithms on Unicode scalars, shared by the string filters
/// and the `str` methods templates call (`name.strip().title()`).
///
/// Lengths and positions count Unicode scalars, as Python counts code points.
enum PyString {
    typealias Scalars = [Unicode.Scalar]

    // MARK: Character classes

    /// `str.isspace()` for one code point (the set `str.split()` splits on).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            return true
        default:
            return false
        }
    }

    /// A code point that ends a line for `str.splitlines()`.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `str.isalpha()` for one code point: a letter category.
    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `str.isdecimal()`: decimal digits of any script.
    static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal
    }

    /// `str.isdigit()`: decimals plus digits such as `²`.
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal || c.properties.numericType == .digit
    }

    /// `str.isnumeric()`: any numeric value, such as `½`.
    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType != nil
    }

    /// `str.isalnum()`.
    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        isAlpha(c) || isNumeric(c)
    }

    /// A regex `\w` character: letters, digits and the underscore.
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        c == "_" || isAlnum(c)
    }

    /// Case properties of one code point.
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    static func isLower(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
    static func isTitle(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .titlecaseLetter }
    static func isCased(_ c: Unicode.Scalar) -> Bool { isUpper(c) || isLower(c) || isTitle(c) }

    // MARK: Case

    /// Full case mapping, as Python's `upper()` and `lower()` (`ß` becomes `SS`).
    static func upper(_ s: String) -> String { s.uppercased() }
    static func lower(_ s: String) -> String { s.lowercased() }

    /// One code point's case mapping.
    private static func mapped(_ c: Unicode.Scalar, _ mapping: (Unicode.Scalar.Properties) -> String) -> String {
        mapping(c.properties)
    }

    /// `str.capitalize()`: the first character title-cased, the rest lower-cased.
    static func capitalize(_ s: String) -> String {
        var out = ""
        for (i, c) in s.unicodeScalars.enumerated() {
            out += i == 0 ? c.properties.titlecaseMapping : c.properties.lowercaseMapping
        }
        return out
    }

    /// `str.title()`: a cased character after an uncased one is title-cased,
    /// other cased characters are lower-cased.
    static func title(_ s: String) -> String {
        var out = ""
        var previousCased = false
        for c in s.unicodeScalars {
            if isCased(c) {
                out += previousCased ? c.properties.lowercaseMapping : c.properties.titlecaseMapping
                previousCased = true
            } else {
                out.unicodeScalars.append(c)
                previousCased = false
            }
        }
        return out
    }

    /// `str.swapcase()`.
    static func swapcase(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if isUpper(c) {
                out += c.properties.lowercaseMapping
            } else if isLower(c) {
                out += c.properties.uppercaseMapping
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `str.isupper()`: some cased character, none lower-case.
    static func isUpperString(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if isLower(c) || isTitle(c) { return false }
            if isUpper(c) { cased = true }
        }
        return cased
    }

    /// `str.islower()`: some cased character, none upper-case.
    static func isLowerString(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if isUpper(c) || isTitle(c) { return false }
            if isLower(c) { cased = true }
        }
        return cased
    }

    /// `str.istitle()`.
    static func isTitleString(_ s: String) -> Bool {
        var cased = false
        var previousCased = false
        for c in s.unicodeScalars {
            if isUpper(c) || isTitle(c) {
                if previousCased { return false }
                previousCased = true
                cased = true
            } else if isLower(c) {
                if !previousCased { return false }
                previousCased = true
                cased = true
            } else {
                previousCased = false
            }
        }
        return cased
    }

    /// Whether every code point satisfies `predicate` (false when empty), as
    /// `isdigit`, `isalpha` and friends are defined.
    static func all(_ s: String, _ predicate: (Unicode.Scalar) -> Bool) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(predicate)
    }

    // MARK: Strip and split

    /// `str.strip(chars)`; `chars == nil` strips whitespace.
    static func strip(_ s: String, _ chars: String?, leading: Bool = true, trailing: Bool = true) -> String {
        let view = s.unicodeScalars
        let set = chars.map { Array($0.unicodeScalars) }
        @inline(__always) func strips(_ c: Unicode.Scalar) -> Bool { set.map { $0.contains(c) } ?? isSpace(c) }
        var start = view.startIndex
        var end = view.endIndex
        if leading { while start < end && strips(view[start]) { start = view.index(after: start) } }
        if trailing {
            while end > start {
                let previous = view.index(before: end)
                guard strips(view[previous]) else { break }
                end = previous
            }
        }
        if start == view.startIndex && end == view.endIndex { return s }
        return String(view[start..<end])
    }

    /// A string from a run of code points.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// `str.split(sep, maxsplit)`; `sep == nil` splits on runs of whitespace.
    static func split(_ s: String, _ sep: String?, _ maxsplit: Int = -1) throws -> [String] {
        let scalars = Array(s.unicodeScalars)
        guard let sep else {
            var parts: [String] = []
            var i = 0
            var splits = 0
            while i < scalars.count {
                while i < scalars.count && isSpace(scalars[i]) { i += 1 }
                if i == scalars.count { break }
                if maxsplit >= 0 && splits == maxsplit {
                    parts.append(string(scalars[i...]))
                    return parts
                }
                let start = i
                while i < scalars.count && !isSpace(scalars[i]) { i += 1 }
                parts.append(string(scalars[start..<i]))
                splits += 1
            }
            return parts
        }
        let needle = Array(sep.unicodeScalars)
        guard !needle.isEmpty else { throw TemplateError(.value, "empty separator") }
        var parts: [String] = []
        var start = 0
        var i = 0
        while i + needle.count <= scalars.count {
            if maxsplit >= 0 && parts.count == maxsplit { break }
            if scalars[i..<(i + needle.count)].elementsEqual(needle) {
                parts.append(string(scalars[start..<i]))
                i += needle.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(string(scalars[start...]))
        return parts
    }

    /// `str.rsplit(sep, maxsplit)`.
    static func rsplit(_ s: String, _ sep: String?, _ maxsplit: Int = -1) throws -> [String] {
        if maxsplit < 0 { return try split(s, sep, maxsplit) }
        let reversed = string(s.unicodeScalars.reversed())
        let reversedSep = sep.map { string($0.unicodeScalars.reversed()) }
        return try split(reversed, reversedSep, maxsplit).reversed().map { string($0.unicodeScalars.reversed()) }
    }

    /// `str.splitlines(keepends)`.
    static func splitlines(_ s: String, keepends: Bool = false) -> [String] {
        let scalars = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isLineBreak(c) {
                var end = i + 1
                if c == "\r" && end < scalars.count && scalars[end] == "\n" { end += 1 }
                lines.append(string(scalars[start..<(keepends ? end : i)]))
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < scalars.count { lines.append(string(scalars[start...])) }
        return lines
    }

    // MARK: Search and replace

    /// The scalar offset of the first occurrence of `needle` in `hay[from..<to]`.
    static func find(_ hay: Scalars, _ needle: Scalars, from: Int = 0, to: Int? = nil, reverse: Bool = false) -> Int? {
        let end = min(to ?? hay.count, hay.count)
        let start = max(0, from)
        guard end - start >= needle.count else { return nil }
        let candidates = Array(start...(end - needle.count))
        for i in reverse ? candidates.reversed() : candidates {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// `str.count(sub)`: non-overlapping occurrences.
    static func count(_ hay: Scalars, _ needle: Scalars, from: Int = 0, to: Int? = nil) -> Int {
        let end = min(to ?? hay.count, hay.count)
        let start = max(0, from)
        guard end >= start else { return 0 }
        if needle.isEmpty { return end - start + 1 }
        var n = 0
        var i = start
        while i + needle.count <= end {
            if hay[i..<(i + needle.count)].elementsEqual(needle) {
                n += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return n
    }

    /// `str.replace(old, new, count)`; an empty `old` inserts `new` between characters.
    static func replace(_ s: String, _ old: String, _ new: String, _ count: Int = -1) -> String {
        let hay = Array(s.unicodeScalars)
        let needle = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        var done = 0
        if needle.isEmpty {
            for c in hay {
                if count < 0 || done < count {
                    out.append(contentsOf: new.unicodeScalars)
                    done += 1
                }
                out.append(c)
            }
            if count < 0 || done < count { out.append(contentsOf: new.unicodeScalars) }
            return String(out)
        }
        var i = 0
        while i < hay.count {
            if (count < 0 || done < count) && i + needle.count <= hay.count
                && hay[i..<(i + needle.count)].elementsEqual(needle)
            {
                out.append(contentsOf: new.unicodeScalars)
                i += needle.count
                done += 1
            } else {
                out.append(hay[i])
                i += 1
            }
        }
        return String(out)
    }

    // MARK: Padding

    /// `str.center(width, fill)`, with Python's choice of the extra space's side.
    static func center(_ s: String, _ width: Int, _ fill: Unicode.Scalar = " ") -> String {
        let length = s.unicodeScalars.count
        guard width > length else { return s }
        let pad = width - length
        let left = pad / 2 + (pad & width & 1)
        return repeated(fill, left) + s + repeated(fill, pad - left)
    }

    /// `str.ljust(width, fill)`.
    static func ljust(_ s: String, _ width: Int, _ fill: Unicode.Scalar = " ") -> String {
        s + repeated(fill, width - s.unicodeScalars.count)
    }

    /// `str.rjust(width, fill)`.
    static func rjust(_ s: String, _ width: Int, _ fill: Unicode.Scalar = " ") -> String {
        repeated(fill, width - s.unicodeScalars.count) + s
    }

    /// `str.zfill(width)`: zeros after any sign.
    static func zfill(_ s: String, _ width: Int) -> String {
        var scalars = Array(s.unicodeScalars)
        let pad = width - scalars.count
        guard pad > 0 else { return s }
        let at = (scalars.first == "+" || scalars.first == "-") ? 1 : 0
        scalars.insert(contentsOf: [Unicode.Scalar](repeating: "0", count: pad), at: at)
        return string(scalars)
    }

    /// `n` copies of `c`, empty when `n` is not positive.
    static func repeated(_ c: Unicode.Scalar, _ n: Int) -> String {
        n > 0 ? String(repeating: String(c), count: n) : ""
    }
}
