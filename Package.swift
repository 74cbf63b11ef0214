// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gluelab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gluelab", targets: ["gluelab"]),
        .library(name: "GlueEngine", targets: ["GlueEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // zlib, for GZIP-compressed Parquet pages (on every machine with the system's zlib).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // The mini-Glue engine: values, frames, formats, connectors. Never prints.
        .target(
            name: "GlueEngine",
            dependencies: ["CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The Glue PySpark script dialect: tokenizer, parser and (later) interpreter.
        .target(name: "GlueScript", dependencies: ["GlueEngine"]),
        // The command set and its rendering, shared by the CLI and the REPL.
        .target(
            name: "Workbench",
            dependencies: [
                "GlueEngine",
                "GlueScript",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The thin executable: hands its arguments to Workbench.
        .executableTarget(name: "gluelab", dependencies: ["Workbench"]),
        // Release-mode benchmarks: `swift run -c release gluelab-bench ...`.
        .executableTarget(name: "gluelab-bench", dependencies: ["GlueEngine"]),
        .testTarget(name: "GlueEngineTests", dependencies: ["GlueEngine"], resources: [.copy("Golden")]),
        .testTarget(name: "GlueScriptTests", dependencies: ["GlueScript"], resources: [.copy("Scripts")]),
        .testTarget(name: "WorkbenchTests", dependencies: ["Workbench", .product(name: "GRDB", package: "GRDB.swift")],
                    resources: [.copy("Fixtures")]),
        // Runs the built `gluelab` binary against a temporary GLUELAB_HOME.
        .testTarget(name: "EndToEndTests", dependencies: ["gluelab"], resources: [.copy("Golden")]),
    ]
)
