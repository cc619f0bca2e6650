public import TailorData
import TailorTemplate

extension Catalog {
    /// The columns a catalog file must have, and other names accepted for them.
    static let requiredColumns: [(name: String, aliases: [String])] = [
        ("id", ["product_id"]), ("name", []), ("category", []), ("price", []), ("in_stock", ["in stock", "instock"]),
    ]
    /// Optional known columns.
    static let optionalColumns: [(name: String, aliases: [String])] = [("url", []), ("image", ["image_url"])]

    /// Reads a catalog CSV (`id,name,category,price,url,image,in_stock`; also
    /// `product_id` and `image_url`). Other columns are kept, typed like
    /// profile cells.
    ///
    /// A row is bad, reported with its line and reason and skipped, when it has
    /// the wrong number of fields, no id, an id seen before, no name or
    /// category, a price that is not a number of at least 0, an `in_stock`
    /// that is not true/false (also 1/0, yes/no), or a `url` or `image` that
    /// is not an absolute http(s) address. A missing file, an empty file or a
    /// header without a required column throws.
    public static func load(path: String, badRowLimit: Int = 1000) throws(DataFileError) -> Catalog {
        let reader = try CSVReader(path: path, role: "catalog")
        guard let header = reader.next() else {
            throw DataFileError(path: path, role: "catalog", reason: "the file is empty: expected a header row")
        }
        if let problem = header.problem {
            throw DataFileError(path: path, role: "catalog", reason: "bad header: \(problem)", line: header.line)
        }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        func column(_ name: String, _ aliases: [String]) -> Int? {
            ([name] + aliases).lazy.compactMap { names.firstIndex(of: $0) }.first
        }
        var required: [Int] = []
        for (name, aliases) in requiredColumns {
            guard let i = column(name, aliases) else {
                throw DataFileError(
                    path: path, role: "catalog",
                    reason: "the header has no '\(name)' column (it needs id, name, category, price and in_stock; it has \(header.fields.joined(separator: ", ")))",
                    line: header.line)
            }
            required.append(i)
        }
        let url = column(optionalColumns[0].name, optionalColumns[0].aliases)
        let image = column(optionalColumns[1].name, optionalColumns[1].aliases)
        let known = Set(required + [url, image].compactMap { $0 })
        let extras = names.indices.filter { !known.contains($0) && !names[$0].isEmpty }

        var products: [Product] = []
        var firstLine: [String: Int] = [:]
        var bad = BadRowLog(limit: badRowLimit)
        while let record = reader.next() {
            func reject(_ reason: String, id: String? = nil) {
                bad.append(BadRow(file: path, line: record.line, reason: reason, recipientId: nil))
            }
            if let problem = record.problem { reject(problem); continue }
            let f = record.fields
            guard f.count == names.count else {
                reject("expected \(names.count) fields as in the header, found \(f.count)")
                continue
            }
            let id = f[required[0]].trimmingSpaces
            guard !id.isEmpty else { reject("missing product id"); continue }
            if let first = firstLine[id] {
                reject("duplicate product id '\(id)' (first on line \(first))")
                continue
            }
            let name = f[required[1]], category = f[required[2]].trimmingSpaces
            guard !name.isEmpty else { reject("product '\(id)': missing name"); continue }
            guard !category.isEmpty else { reject("product '\(id)': missing category"); continue }
            guard let price = Double(f[required[3]].trimmingSpaces), price.isFinite, price >= 0 else {
                reject("product '\(id)': price '\(f[required[3]])' is not a number of at least 0 (write 19.99)")
                continue
            }
            guard let inStock = stockFlag(f[required[4]]) else {
                reject("product '\(id)': in_stock '\(f[required[4]])' is not true or false")
                continue
            }
            let link = url.map { f[$0].trimmingSpaces } ?? "", picture = image.map { f[$0].trimmingSpaces } ?? ""
            if let problem = webAddressProblem(link, column: "url") ?? webAddressProblem(picture, column: "image") {
                reject("product '\(id)': \(problem)")
                continue
            }
            firstLine[id] = record.line
            products.append(Product(
                id: id, name: name, category: category, price: price,
                url: link, image: picture, inStock: inStock,
                extra: extras.compactMap { i in f[i].isEmpty ? nil : (header.fields[i], CellTyping.inferred(f[i])) },
                line: record.line))
        }
        return Catalog(products: products, badRows: bad, path: path)
    }

    /// Why `value` cannot be a product's link or picture in a message, or nil.
    /// Empty is allowed (the column is optional); otherwise the address must
    /// be absolute http(s) with a host, and hold no white space, control
    /// characters, quotes or angle brackets. Every recipient who is shown the
    /// product gets it, while a send validates one message per variant, so a
    /// `javascript:` or relative address would reach most of them unchecked.
    static func webAddressProblem(_ value: String, column: String) -> String? {
        guard !value.isEmpty else { return nil }
        let lower = value.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = value.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = value.dropFirst(7)
        } else {
            return "\(column) '\(value)' is not an absolute http(s) address (write https://shop.example/...)"
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty { return "\(column) '\(value)' has no host name" }
        if let bad = value.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\`".unicodeScalars.contains($0) }) {
            return "\(column) '\(value)' holds \(bad.value <= 0x20 || bad.value == 0x7F ? "white space or a control character" : "'\(bad)'"), which an address cannot (percent-encode it)"
        }
        return nil
    }

    /// `true`/`false`, `1`/`0`, `yes`/`no` in any case; nil for anything else.
    static func stockFlag(_ cell: String) -> Bool? {
        switch cell.trimmingSpaces.lowercased() {
        case "true", "1", "yes", "y": return true
        case "false", "0", "no", "n": return false
        default: return nil
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
