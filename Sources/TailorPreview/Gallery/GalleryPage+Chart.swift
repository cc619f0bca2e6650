extension GalleryPage {
    /// Segment sizes as an inline SVG bar chart: a bar per segment, its
    /// members in light and the recipients for whom it is the primary segment
    /// in dark; segments with no branch of their own are marked.
    var chart: String {
        let rows = gallery.coverage.segments
        guard !rows.isEmpty else { return "" }
        let largest = max(1, rows.map { max($0.members, $0.primary) }.max() ?? 1)
        let labelWidth = 170, barWidth = 460, rowHeight = 22
        let height = rows.count * rowHeight + 34
        var svg = """
            <figure class="chart"><figcaption>Segment sizes: members (light) and primary segment (dark); \
            <tspan>*</tspan> no branch of its own, so its recipients get the default</figcaption>
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="segment sizes" width="\(labelWidth + barWidth + 80)" \
            height="\(height)" viewBox="0 0 \(labelWidth + barWidth + 80) \(height)" font-family="system-ui, sans-serif" font-size="12">

            """
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight + 4
            let members = barWidth * max(row.members, row.primary) / largest
            let primary = barWidth * row.primary / largest
            let name = HTMLText.escape(row.name) + (row.hasBranch ? "" : " *")
            svg += """
                <g data-segment="\(HTMLText.escape(row.name))">\
                <text x="\(labelWidth - 6)" y="\(y + 14)" text-anchor="end">\(name)</text>\
                <rect x="\(labelWidth)" y="\(y)" width="\(members)" height="16" fill="#b9d3f0"/>\
                <rect x="\(labelWidth)" y="\(y)" width="\(primary)" height="16" fill="#2f6fb7"/>\
                <text x="\(labelWidth + members + 6)" y="\(y + 13)">\(row.members) / \(row.primary)</text></g>

                """
        }
        let axis = rows.count * rowHeight + 20
        svg += "<text x=\"\(labelWidth)\" y=\"\(axis)\" fill=\"#666\">0</text>"
        svg += "<text x=\"\(labelWidth + barWidth)\" y=\"\(axis)\" text-anchor=\"end\" fill=\"#666\">\(largest)</text>\n"
        return svg + "</svg></figure>\n"
    }
}
