// swift-tools-version:6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "tailor",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TailorTemplate", targets: ["TailorTemplate"]),
        .library(name: "TailorMIME", targets: ["TailorMIME"]),
        .library(name: "TailorHTML", targets: ["TailorHTML"]),
        // Issue 3: profiles and events, segments, the campaign file.
        .library(name: "TailorData", targets: ["TailorData"]),
        .library(name: "TailorSegments", targets: ["TailorSegments"]),
        .library(name: "TailorCampaign", targets: ["TailorCampaign"]),
        // Issue 4: recommendation blocks.
        .library(name: "TailorRecommendations", targets: ["TailorRecommendations"]),
        // Issue 8: previews of every segment variant.
        .library(name: "TailorPreview", targets: ["TailorPreview"]),
        .executable(name: "tailor", targets: ["tailor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for TailorMIME: BoringSSL's assembly (SHA extensions where the CPU has them).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Only the servers see these: TailorPreviewServer (`tailor preview --serve`)
        // and TailorServe (`tailor serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The Jinja engine: Foundation only, so it builds in seconds.
        .target(
            name: "TailorTemplate",
            swiftSettings: upcoming + [
                // The renderer's state is confined to one thread per render; the
                // runtime exclusivity checks cost ~5% of render time for nothing.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
            ]
        ),
        // libxml2 through pkg-config; HTML validation builds on it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // MIME messages and their hand-off: Foundation, POSIX sockets, and swift-crypto
        // for SHA-256 (message digests, Message-IDs).
        .target(
            name: "TailorMIME",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming
        ),
        // The parsed HTML tree (libxml2), the text part derived from it, and
        // validation: parse diagnostics and email checks located in the templates
        // through the engine's RenderRecorder, rule settings from validation.yml,
        // sizes measured in quoted-printable as sent.
        .target(
            name: "TailorHTML",
            dependencies: ["CLibXML2", "TailorTemplate", "TailorConfig", "TailorMIME"],
            swiftSettings: upcoming
        ),
        // Profiles (CSV, JSONL) and behavioural events, read one record at a time;
        // dates and durations as template values.
        .target(
            name: "TailorData",
            dependencies: ["TailorTemplate"],
            swiftSettings: upcoming
        ),
        // YAML settings files read with positions, so errors name the file and line.
        .target(
            name: "TailorConfig",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: upcoming
        ),
        // segments.yml: rules, triggers, RFM, percentiles, external assignments.
        .target(
            name: "TailorSegments",
            dependencies: ["TailorTemplate", "TailorData", "TailorConfig"],
            swiftSettings: upcoming
        ),
        // campaign.yml and its compiled templates.
        .target(
            name: "TailorCampaign",
            dependencies: ["TailorTemplate", "TailorData", "TailorConfig"],
            swiftSettings: upcoming
        ),
        // A send: profiles in, messages and a manifest out, in parallel and in order.
        .target(
            name: "TailorBatch",
            dependencies: [
                "TailorTemplate", "TailorData", "TailorConfig", "TailorSegments", "TailorCampaign", "TailorMIME",
                "TailorHTML", "TailorRecommendations",
            ],
            swiftSettings: upcoming
        ),
        // The catalog, purchase indexes, strategies and the `recommend` global.
        .target(
            name: "TailorRecommendations",
            dependencies: ["TailorTemplate", "TailorData"],
            swiftSettings: upcoming
        ),
        // `tailor preview`: a variant per segment, rendered into a static gallery
        // (index.html, each variant's HTML, text and .eml) that works from file://.
        .target(
            name: "TailorPreview",
            dependencies: [
                "TailorTemplate", "TailorData", "TailorConfig", "TailorSegments", "TailorCampaign", "TailorMIME",
                "TailorRecommendations", "TailorBatch",
            ],
            swiftSettings: upcoming
        ),
        // `tailor preview --serve`: the gallery on loopback over Hummingbird,
        // re-rendered when an input changes; the only target that sees Hummingbird.
        .target(
            name: "TailorPreviewServer",
            dependencies: [
                "TailorPreview", "TailorCampaign", "TailorMIME",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: upcoming
        ),
        // `swift run -c release tailor-bench-recs`: index building and picking at scale.
        .executableTarget(
            name: "tailor-bench-recs",
            dependencies: ["TailorRecommendations", "TailorData", "TailorTemplate"],
            swiftSettings: upcoming
        ),
        // `tailor check`: every segment variant rendered, validated and checked,
        // the data contract over the profiles, and the report (text, JSON, SARIF).
        .target(
            name: "TailorCheck",
            dependencies: [
                "TailorTemplate", "TailorData", "TailorConfig", "TailorSegments", "TailorCampaign", "TailorMIME",
                "TailorHTML", "TailorBatch", "TailorRecommendations",
            ],
            swiftSettings: upcoming
        ),
        // Issue 9: `tailor serve`, one recipient rendered per request. With
        // TailorPreviewServer, the only targets that import Hummingbird, so the
        // engine and batch build without it.
        .target(
            name: "TailorServe",
            dependencies: [
                "TailorTemplate",
                "TailorData",
                "TailorConfig",
                "TailorSegments",
                "TailorCampaign",
                "TailorBatch",
                "TailorMIME",
                "TailorRecommendations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: upcoming
        ),
        .executableTarget(
            name: "tailor",
            dependencies: [
                "TailorTemplate",
                "TailorData",
                "TailorConfig",
                "TailorSegments",
                "TailorBatch",
                "TailorMIME",
                "TailorCampaign",
                "TailorRecommendations",
                "TailorCheck",
                "TailorHTML",
                "TailorPreview",
                "TailorPreviewServer",
                "TailorServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorTemplateTests",
            dependencies: ["TailorTemplate", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        // Test helpers: the shared tools (check-eml, smtp-sink), found beside the package,
        // and the seeded generator of the differential tests.
        .target(
            name: "TailorTestSupport",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorMIMETests",
            dependencies: ["TailorMIME", "TailorHTML", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorHTMLTests",
            dependencies: ["TailorHTML", "TailorTemplate"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorCheckTests",
            dependencies: ["TailorCheck", "TailorHTML", "TailorTemplate", "tailor", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorDataTests",
            dependencies: ["TailorData", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorSegmentsTests",
            dependencies: ["TailorSegments", "TailorCampaign", "TailorRecommendations", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorRecommendationsTests",
            dependencies: ["TailorRecommendations", "TailorData", "TailorTemplate", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "TailorBatchTests",
            dependencies: ["TailorBatch", "TailorMIME", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        // Builds the sample's gallery and opens it in headless chromium (skipped without it).
        .testTarget(
            name: "TailorPreviewTests",
            dependencies: ["TailorPreview", "TailorTemplate", "TailorMIME", "tailor", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        // Starts the render service on a loopback port and talks HTTP to it.
        .testTarget(
            name: "TailorServeTests",
            dependencies: ["TailorServe", "TailorMIME", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
        // Runs the built `tailor` binary: exit codes, stdout and stderr.
        .testTarget(
            name: "TailorCLITests",
            dependencies: ["tailor", "TailorTestSupport"],
            swiftSettings: upcoming
        ),
    ]
)
