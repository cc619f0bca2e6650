import TailorData
import TailorRecommendations
import TailorTemplate
import Testing

/// Reading the catalog and external picks: the sample, and every kind of bad row.
@Suite struct CatalogTests {
    @Test func theSampleCatalogReadsCleanly() throws {
        let catalog = try Catalog.load(path: repositoryRoot + "/data/catalog.csv")
        #expect(catalog.count == 500)
        #expect(catalog.badRows.count == 0)
        let first = catalog.products[0]
        #expect(first.id == "P00001")
        #expect(first.category == "apparel")
        #expect(first.price == 17.95)
        #expect(first.image.hasSuffix("P00001-600x600.jpg"))
        #expect(catalog.products.filter { !$0.inStock }.count == 73)
    }

    static let header = "id,name,category,price,url,image,in_stock\n"

    @Test(arguments: [
        ("P1,Mug,kitchen,9.5,https://s.example/p,https://s.example/i.png\n", "expected 7 fields as in the header, found 6"),
        (",Mug,kitchen,9.5,https://s.example/p,https://s.example/i.png,true\n", "missing product id"),
        ("P1,,kitchen,9.5,https://s.example/p,https://s.example/i.png,true\n", "product 'P1': missing name"),
        ("P1,Mug,,9.5,https://s.example/p,https://s.example/i.png,true\n", "product 'P1': missing category"),
        ("P1,Mug,kitchen,cheap,https://s.example/p,https://s.example/i.png,true\n", "product 'P1': price 'cheap' is not a number of at least 0 (write 19.99)"),
        ("P1,Mug,kitchen,-2,https://s.example/p,https://s.example/i.png,true\n", "product 'P1': price '-2' is not a number of at least 0 (write 19.99)"),
        ("P1,Mug,kitchen,9.5,https://s.example/p,https://s.example/i.png,maybe\n", "product 'P1': in_stock 'maybe' is not true or false"),
        ("P0,Cup,kitchen,3,https://s.example/p,https://s.example/i.png,yes\nP0,Mug,kitchen,9.5,https://s.example/p,https://s.example/i.png,true\n", "duplicate product id 'P0' (first on line 2)"),
        ("P1,\"Mug,kitchen,9.5,https://s.example/p,https://s.example/i.png,true\n", "unterminated quoted field"),
        ("P1,Mug,kitchen,9.5,javascript:alert(1),https://s.example/i.png,true\n",
         "product 'P1': url 'javascript:alert(1)' is not an absolute http(s) address (write https://shop.example/...)"),
        ("P1,Mug,kitchen,9.5,/p/mug,https://s.example/i.png,true\n",
         "product 'P1': url '/p/mug' is not an absolute http(s) address (write https://shop.example/...)"),
        ("P1,Mug,kitchen,9.5,https://s.example/p,//cdn.example/i.png,true\n",
         "product 'P1': image '//cdn.example/i.png' is not an absolute http(s) address (write https://shop.example/...)"),
        ("P1,Mug,kitchen,9.5,https:///p,https://s.example/i.png,true\n", "product 'P1': url 'https:///p' has no host name"),
        ("P1,Mug,kitchen,9.5,https://s.example/a b,https://s.example/i.png,true\n",
         "product 'P1': url 'https://s.example/a b' holds white space or a control character, which an address cannot (percent-encode it)"),
        ("P1,Mug,kitchen,9.5,\"https://s.example/\"\"x\",https://s.example/i.png,true\n",
         "product 'P1': url 'https://s.example/\"x' holds '\"', which an address cannot (percent-encode it)"),
    ])
    func badRowsAreReportedWithTheirLine(rows: String, reason: String) throws {
        let path = try temporaryFile("catalog.csv", Self.header + rows + "P9,Bowl,kitchen,12,https://s.example/p,https://s.example/i.png,1\n")
        let catalog = try Catalog.load(path: path)
        let bad = try #require(catalog.badRows.rows.last)
        #expect(bad.reason.hasPrefix(reason), "\(bad.reason)")
        #expect(bad.description.hasPrefix("\(path):\(rows.filter { $0 == "\n" }.count + 1): "))
        // An unterminated quote runs to the end of the file, taking the last row with it.
        #expect(catalog.products.last?.id == (reason == "unterminated quoted field" ? nil : "P9"))
    }

    @Test(arguments: [
        ("", "the file is empty: expected a header row"),
        ("id,name,category,price,in stock\n", nil),
        ("product_id,name,category,price,url,image_url,in_stock\n", nil),
        ("id,name,price,in_stock\n", "the header has no 'category' column"),
    ] as [(String, String?)])
    func headers(text: String, problem: String?) throws {
        let path = try temporaryFile("catalog.csv", text)
        if let problem {
            do {
                _ = try Catalog.load(path: path)
                Issue.record("expected an error")
            } catch {
                #expect(error.reason.hasPrefix(problem))
                #expect(error.description.contains(path))
            }
        } else {
            #expect(try Catalog.load(path: path).count == 0)
        }
    }

    @Test func aMissingFileSaysSo() {
        #expect(throws: DataFileError(path: "/nonexistent/catalog.csv", role: "catalog", reason: "no such file")) {
            try Catalog.load(path: "/nonexistent/catalog.csv")
        }
    }

    @Test func extraColumnsAreKeptTyped() throws {
        let path = try temporaryFile("catalog.csv", "id,name,category,price,in_stock,brand,rating\nP1,Mug,kitchen,9,true,Acme,4.5\n")
        let product = try #require(try Catalog.load(path: path).products.first)
        #expect(product.extra.map(\.name) == ["brand", "rating"])
        #expect(product.extra[1].value.doubleValue == 4.5)
    }

    @Test(arguments: [
        ("recipient_id,product_ids\nme,B1;H2|K3\n", ["B1", "H2", "K3"]),
        ("recipient_id,product_id,rank\nme,K3,2\nme,B1,1\nother,A1,1\n", ["B1", "K3"]),
        ("recipient_id,product_id\nme,K3\nme,B1\n", ["K3", "B1"]),
    ])
    func externalPicksFromAFile(text: String, expected: [String]) throws {
        let catalog = try Shop.catalog()
        let external = try ExternalRecommendations.load(path: temporaryFile("recs.csv", text), catalog: catalog)
        let r = try Shop.recommender(external: external)
        #expect(try Shop.picks(["external"], recommender: r) == expected)
        let chain = FallbackChain([r.strategies["external"]!], limit: 1)
        let reason = chain.pick(for: Shop.signals(r), catalog: r.catalog).picks[0].reason.describe(in: r.catalog)
        #expect(reason == "#1 from \(external.path)")
    }

    @Test func externalPicksFromAProfileColumnSkipUnknownIds() throws {
        let r = try Shop.recommender()
        let signals = Shop.signals(r, attributes: ["recommended_products": "H2 ZZ K3"])
        let chain = FallbackChain([r.strategies["external"]!], limit: 4)
        #expect(chain.pick(for: signals, catalog: r.catalog).picks.map { r.catalog[$0.product].id } == ["H2", "K3"])
    }

    @Test(arguments: [
        ("recipient_id,product_ids\nme,B1;ZZ\n", "unknown product id 'ZZ' (not in the catalog)"),
        ("recipient_id,product_ids\n,B1\n", "missing recipient id"),
        ("recipient_id,product_ids\nme,\n", "missing product id"),
        ("recipient_id,product_id,rank\nme,B1,first\n", "rank 'first' is not a number"),
        ("recipient_id,product_id\nme\n", "expected 2 fields as in the header, found 1"),
    ])
    func badExternalRows(text: String, reason: String) throws {
        let path = try temporaryFile("recs.csv", text)
        let external = try ExternalRecommendations.load(path: path, catalog: Shop.catalog())
        #expect(external.badRows.rows.map(\.description) == ["\(path):2: \(reason)"])
        #expect(external.count == 0)
    }

    @Test func anExternalFileWithoutTheColumnsIsRejected() throws {
        let path = try temporaryFile("recs.csv", "customer,items\nme,B1\n")
        #expect(throws: DataFileError.self) { try ExternalRecommendations.load(path: path, catalog: Shop.catalog()) }
    }
}
