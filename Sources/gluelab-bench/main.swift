import Foundation
import GlueEngine

/// `gluelab-bench`: release-mode throughput benchmarks of the engine's readers and writers.
///
///     swift run -c release gluelab-bench csv FILE [--repeat N]
///     swift run -c release gluelab-bench parquet-write FILE [--repeat N]
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
    Benchmark(name: "parquet-write",
              usage: "parquet-write FILE [--repeat N]   CSV (withHeader) read in 64 MiB chunks to FILE.parquet "
                  + "(uncompressed unless PARQUET_COMPRESSION; PARQUET_BLOCK_SIZE, PARQUET_PAGE_SIZE, PARQUET_DICTIONARY=false)") { data, source in
        try csvToParquet(data, source: source)
    },
]

/// Reads the CSV file in chunks of about 64 MiB with plain reads (not through the mapping, so
/// resident memory shows what the pipeline holds), cut at line ends with the header line put in
/// front of each (so no quoted line breaks), and streams each chunk's batches into one Parquet
/// file, as a sink writes a frame: memory holds one chunk's batches and one row group.
func csvToParquet(_ data: Data, source: String) throws -> (rows: Int, columns: Int, schema: String, errors: Int) {
    var csv = CSVOptions()
    csv.withHeader = true
    // Glue's Parquet options from the environment (PARQUET_COMPRESSION, PARQUET_BLOCK_SIZE,
    // PARQUET_PAGE_SIZE), uncompressed by default; PARQUET_DICTIONARY=false turns dictionaries off.
    var glueOptions: [String: Value] = ["compression": .string("none")]
    let environment = ProcessInfo.processInfo.environment
    for (variable, name) in [("PARQUET_COMPRESSION", "compression"), ("PARQUET_BLOCK_SIZE", "blockSize"), ("PARQUET_PAGE_SIZE", "pageSize")] {
        if let value = environment[variable] { glueOptions[name] = .string(value) }
    }
    var parquet = try ParquetWriteOptions(glueOptions: glueOptions)
    parquet.enableDictionary = environment["PARQUET_DICTIONARY"] != "false"
    let path = source + ".parquet"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    let output = ParquetFileOutput(handle, path: path)
    let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: source))
    defer { try? input.close() }
    let newline = UInt8(ascii: "\n")
    var header = Data()
    var carry = Data()
    var writer: ParquetWriter?
    var schema = StructType()
    var rows = 0
    var errors = 0
    var writing: UInt64 = 0
    var writingCPU = 0.0
    while true {
        let block = try input.read(upToCount: 64 << 20) ?? Data()
        var text = header.isEmpty ? Data() : header
        text.append(carry)
        text.append(block)
        if header.isEmpty {
            guard let end = text.firstIndex(of: newline) else { break }
            header = Data(text[text.startIndex...end])
        }
        let cut = block.isEmpty ? text.endIndex : (text.lastIndex(of: newline).map { $0 + 1 } ?? text.startIndex)
        carry = Data(text[cut...])
        if cut > text.startIndex + header.count {
            let result = try CSVReader.read(text[text.startIndex..<cut], source: source, options: csv)
            let start = DispatchTime.now().uptimeNanoseconds
            let cpu = cpuSeconds()
            if writer == nil {
                schema = DynamicFrame(batches: result.batches).schema()
                writer = try ParquetWriter(schema: schema, options: parquet, output: output)
            }
            for batch in result.batches { try writer?.write(batch) }
            writing += DispatchTime.now().uptimeNanoseconds - start
            writingCPU += cpuSeconds() - cpu
            rows += result.batches.reduce(0) { $0 + $1.count }
            errors += result.errors.count
        }
        if block.isEmpty { break }
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let cpu = cpuSeconds()
    try writer?.close()
    writing += DispatchTime.now().uptimeNanoseconds - start
    writingCPU += cpuSeconds() - cpu
    let line = String(format: "parquet writing: %.3f s wall, %.3f s CPU (user + system, all threads)\n", Double(writing) / 1e9, writingCPU)
    FileHandle.standardError.write(Data(line.utf8))
    return (rows, schema.fields.count, schema.treeString(), errors)
}

/// The process's CPU time so far (user + system, every thread).
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

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
