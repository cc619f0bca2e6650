import TailorData
import TailorRecommendations
import TailorTemplate
import Testing

/// `{% recommend %}` and `recommend()` in templates.
@Suite struct RecommendTagTests {
    @Test func theTagLoopsOverProductDicts() throws {
        let out = try render(
            "{% recommend p using 'cart', 'affinity' limit 2 %}{{ loop.index }}:{{ p.id }} {{ p.name }} {{ p.price }} {{ p.strategy }};{% endrecommend %}",
            recommender: Shop.recommender())
        #expect(out == "1:A2 Wool Scarf 25.5 cart;2:A1 Linen Shirt 40.0 affinity;")
    }

    @Test func productsCarryEveryCatalogField() throws {
        let out = try render(
            "{{ (recommend('cart', limit=1)|first).items()|map('first')|join(',') }}", recommender: Shop.recommender())
        #expect(out == "id,name,category,price,url,image,in_stock,strategy")
    }

    @Test func theFunctionFormReturnsAList() throws {
        let out = try render(
            "{% set picks = recommend('bestsellers', limit=3) %}{{ picks|length }} {{ picks|map(attribute='id')|join(' ') }}",
            recommender: Shop.recommender())
        #expect(out == "3 A1 A2 K2")
    }

    @Test func laterBlocksNeverRepeatEarlierPicks() throws {
        let source = """
            {% recommend p using 'cart' limit 1 %}{{ p.id }}{% endrecommend %}|\
            {% recommend p using 'affinity', 'bestsellers' limit 3 %}{{ p.id }} {% endrecommend %}|\
            {{ recommend('bestsellers', limit=2)|map(attribute='id')|join(' ') }}
            """
        #expect(try render(source, recommender: Shop.recommender()) == "A2|A1 K2 B1 |")
    }

    @Test func eachRenderStartsAfreshSoTheTextPartMatchesTheHTML() throws {
        let r = try Shop.recommender()
        let session = r.session(recipientID: "me", history: EventHistory(Shop.me), tracing: true)
        let source = "{% recommend p using 'cart' limit 1 %}{{ p.id }}{% endrecommend %} {% recommend p using 'bestsellers' limit 2 %}{{ p.id }}{% endrecommend %}"
        let first = try render(source, recommender: r, session: session)
        let second = try render(source, recommender: r, session: session)
        #expect(first == "A2 A1K2")
        #expect(second == first)
        #expect(session.blocks.map(\.render) == [1, 1, 2, 2])
        #expect(session.blocks.map(\.block) == [1, 2, 1, 2])
    }

    @Test(arguments: [
        ("{% recommend p using 'cart' limit 4 min 2 %}{{ p.id }}{% else %}none{% endrecommend %}", "none"),
        ("{% recommend p using 'cart' limit 4 min 1 %}{{ p.id }}{% else %}none{% endrecommend %}", "A2"),
        ("{% recommend p using 'cart' limit 4 min 2 else %}{{ p.id }}{% else %}none{% endrecommend %}", "none"),
        ("{% recommend p using 'external' limit 4 %}{{ p.id }}{% else %}none{% endrecommend %}", "none"),
        ("{{ recommend('cart', limit=4, min=2)|length }}", "0"),
    ])
    func tooFewPicksRenderTheElse(source: String, expected: String) throws {
        #expect(try render(source, recommender: Shop.recommender()) == expected)
    }

    @Test func tooFewPicksWithSkipSkipTheRecipient() throws {
        do {
            _ = try render(
                "Hi\n{% recommend p using 'cart', 'viewed' limit 6 min 5 skip %}{{ p.id }}{% endrecommend %}",
                recommender: Shop.recommender())
            Issue.record("expected the recipient to be skipped")
        } catch let error as TemplateError {
            #expect(error.kind == .skipped)
            #expect(error.message == "recommendation block 1 (using 'cart', 'viewed' limit 6 min 5 skip) found 4 products, fewer than min 5")
            #expect(error.line == 2)
        }
    }

    @Test func aShortBlockDoesNotHideItsProductsFromLaterBlocks() throws {
        let source = "{% recommend p using 'cart' limit 4 min 2 %}{{ p.id }}{% else %}-{% endrecommend %}{% recommend p using 'cart' limit 1 %}{{ p.id }}{% endrecommend %}"
        #expect(try render(source, recommender: Shop.recommender()) == "-A2")
    }

    @Test(arguments: [
        ("{% recommend p using 'cart', 'magic' limit 4 %}{% endrecommend %}", 1, 4,
         "unknown recommendation strategy 'magic' (known: affinity, also_bought, bestsellers, cart, external, viewed)"),
        ("<ul>\n  {% for p in recommend('bestseller', limit=2) %}{% endfor %}", 2, 24,
         "unknown recommendation strategy 'bestseller' (known: affinity, also_bought, bestsellers, cart, external, viewed)"),
        ("{{ recommend(limit=2) }}", 1, 13, "recommend needs at least one strategy, like recommend('bestsellers', limit=4)"),
        ("{{ recommend(3) }}", 1, 13, "a strategy is named by a string like 'bestsellers', not 3"),
        ("{{ recommend('cart', limit='4') }}", 1, 13, "limit must be a whole number from 0 to 100, not '4'"),
        ("{{ recommend('cart', limit=500) }}", 1, 13, "limit must be a whole number from 0 to 100, not 500"),
        ("{% recommend p using 'cart' limit 2 min 3 %}{% endrecommend %}", 1, 4, "min 3 is more than limit 2: the block could never fill"),
        ("{{ recommend('cart', min='3') }}", 1, 13, "min must be a whole number of at least 0, not '3'"),
        ("{{ recommend('cart', short='abort') }}", 1, 13, "short must be 'skip' or 'else', not 'abort'"),
        ("{{ recommend('cart', count=2) }}", 1, 13, "recommend got an unexpected keyword argument 'count' (it takes limit, min and short)"),
    ])
    func badCallsAreCompileErrorsWithLineAndColumn(source: String, line: Int, column: Int, message: String) throws {
        let env = Environment()
        try Shop.recommender().register(in: env)
        do {
            _ = try env.template(source: source)
            Issue.record("expected a compile error")
        } catch let error as TemplateError {
            #expect(error.kind == .syntax)
            #expect(error.message == message)
            #expect((error.line, error.column) == (line, column))
        }
    }

    @Test func strategiesNamedAtRenderTimeAreCheckedThen() throws {
        #expect(throws: TemplateError.self) {
            try render("{% set s = 'magic' %}{{ recommend(s) }}", recommender: Shop.recommender())
        }
        #expect(try render("{% set s = 'cart' %}{{ recommend(s)|length }}", recommender: Shop.recommender()) == "1")
    }

    @Test func withoutASessionTheErrorSaysWhatThePipelineMustDo() throws {
        let env = Environment()
        try Shop.recommender().register(in: env)
        do {
            _ = try env.template(source: "{{ recommend('cart') }}").render()
            Issue.record("expected an error")
        } catch let error as TemplateError {
            #expect(error.message == "recommend has no recipient to recommend for")
            #expect(error.help?.contains("'_recommendations'") == true)
        }
    }

    @Test func aSessionFromTheContextAloneMatchesOneFromTheHistory() throws {
        let r = try Shop.recommender()
        var context = EventHistory(Shop.me).contextValues
        context["recipient_id"] = "me"
        let session = try #require(r.attachSession(to: &context))
        let direct = r.session(recipientID: "me", history: EventHistory(Shop.me)).signals
        #expect(session.signals.cart.map(\.product) == direct.cart.map(\.product))
        #expect(session.signals.viewed.map(\.product) == direct.viewed.map(\.product))
        #expect(session.signals.interests == direct.interests)
        #expect(session.signals.purchased == direct.purchased)
    }
}
