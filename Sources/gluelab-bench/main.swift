import Foundation
import GlueEngine

/// `gluelab-bench`: release-mode throughput benchmarks of the engine's readers.
///
///     swift run -c release gluelab-bench csv FILE [--repeat N]
///
/// Each benchmark memory-maps FILE, runs the read (plus schema inference) N times (default 3)
/// and prints what it read and the best time.

/// One benchmark: reads the mapped file once and describes what it read.
struct Benchmark {
    let name: String
    let usage: String
    let run: (Data, String) throws -> (rows: Int, columns: Int, schema: String, errors: Int)
}

let benchmarks: [Benchmark] = [
    Benchmark(name: "csv", usage: "csv FILE [--repeat N]   CSV read with withHeader=true") { data, source in
        var options = CSVOptions()
        options.withHeader = true
        let result = try CSVReader.read(data, source: source, options: options)
        let frame = DynamicFrame(batches: result.batches, errors: result.errors)
        let schema = frame.schema()
        return (frame.count(), schema.fields.count, schema.treeString(), result.errors.count)
    },
    Benchmark(name: "snappy", usage: "snappy FILE [--repeat N]   Snappy round trip of FILE in 1 MiB pages (rows = pages)") { data, _ in
        // Parquet-sized pages, best of 3 timed passes per direction. Decompressed pages are
        // dropped one by one, as a streaming reader does, and checked in an untimed pass.
        let pageSize = 1 << 20
        let pages = stride(from: 0, to: data.count, by: pageSize).map { [UInt8](data[$0..<min($0 + pageSize, data.count)]) }
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var compressed: [[UInt8]] = []
        var compressTime = Double.infinity, decompressTime = Double.infinity
        for _ in 0..<3 {
            compressed = []
            compressTime = min(compressTime, seconds { compressed = pages.map { Snappy.compress($0) } })
            decompressTime = try min(decompressTime, seconds {
                for (page, original) in zip(compressed, pages) {
                    _ = try Snappy.decompress(page[...], expectedSize: original.count)
                }
            })
        }
        let mismatches = try zip(compressed, pages).filter { try Snappy.decompress($0[...], expectedSize: $1.count) != $1 }.count
        let megabytes = Double(data.count) / 1_000_000
        let packed = Double(compressed.reduce(0) { $0 + $1.count }) / 1_000_000
        let report = String(format: "snappy: compress %.0f MB/s, decompress %.0f MB/s, ratio %.2f (%.1f MB -> %.1f MB)\n",
                            megabytes / compressTime, megabytes / decompressTime, megabytes / max(packed, 1e-9), megabytes, packed)
        return (pages.count, 0, report, mismatches)
    },
]

@MainActor func usage() -> Never {
    var text = "usage: gluelab-bench <benchmark> FILE [--repeat N]\n"
    for b in benchmarks { text += "  \(b.usage)\n" }
    FileHandle.standardError.write(Data(text.utf8))
    exit(2)
}

@MainActor func main() {
    var args = Array(CommandLine.arguments.dropFirst())
    var repeats = 3
    if let i = args.firstIndex(of: "--repeat") {
        guard i + 1 < args.count, let n = Int(args[i + 1]), n >= 1 else { usage() }
        repeats = n
        args.removeSubrange(i...(i + 1))
    }
    guard args.count == 2, let benchmark = benchmarks.first(where: { $0.name == args[0] }) else { usage() }
    let path = args[1]
    do {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        var best = Double.infinity
        var last: (rows: Int, columns: Int, schema: String, errors: Int)?
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            last = try benchmark.run(data, path)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        guard let last else { return }
        let megabytes = Double(data.count) / 1_000_000
        print("file:    \(path) (\(String(format: "%.1f", megabytes)) MB)")
        print("rows:    \(last.rows)  columns: \(last.columns)  error records: \(last.errors)")
        print(last.schema, terminator: "")
        print("best of \(repeats): \(String(format: "%.3f", best)) s, \(String(format: "%.0f", megabytes / best)) MB/s")
    } catch {
        FileHandle.standardError.write(Data("gluelab-bench: \(error)\n".utf8))
        exit(1)
    }
}

main()
