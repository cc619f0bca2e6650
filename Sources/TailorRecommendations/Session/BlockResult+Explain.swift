extension BlockResult {
    /// The block as `tailor recommend` prints it: a heading, then slot by slot
    /// the product, the strategy that filled the slot and why, then what was
    /// passed over.
    ///
    /// ```
    /// block 1: using 'cart' limit 3 → 1 of 3 (partial)
    ///   slot 1  P00257  Table Lamp  $59.50  cart: in the cart since 2026-01-12T10:00:00Z, not bought
    ///   passed over: P00004 (cart: out of stock)
    /// ```
    public func explained(in catalog: Catalog) -> String {
        let name = block.map { "block \($0)" } ?? "recommend()"
        var verdict = "\(picks.count) of \(limit) (\(outcome.rawValue))"
        switch outcome {
        case .short: verdict += ": fewer than min \(minimum), the block renders its else"
        case .skipped: verdict += ": fewer than min \(minimum), the recipient is skipped"
        case .full, .partial: break
        }
        var lines = ["\(name): \(signature) → \(verdict)"]
        let idWidth = picks.map { catalog[$0.product].id.count }.max() ?? 0
        for (i, pick) in picks.enumerated() {
            let product = catalog[pick.product]
            let id = product.id + String(repeating: " ", count: idWidth - product.id.count)
            let price = "$" + String(format2: product.price)
            lines.append("  slot \(i + 1)  \(id)  \(product.name)  \(price)  \(pick.strategy): \(pick.reason.describe(in: catalog))")
        }
        if picks.isEmpty { lines.append("  no product qualified") }
        if !rejections.isEmpty {
            let shown = rejections.prefix(12).map { "\(catalog[$0.product].id) (\($0.strategy): \($0.exclusion.rawValue))" }
            let more = rejections.count > 12 ? ", and \(rejections.count - 12) more" : ""
            lines.append("  passed over: " + shown.joined(separator: ", ") + more)
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// `value` with two decimals (`59.5` → `59.50`), without Foundation.
    init(format2 value: Double) {
        let cents = Int((value * 100).rounded())
        let rest = cents % 100
        self = "\(cents / 100)." + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}
