import Foundation

/// Values of a BYTE_ARRAY column (strings, binaries), PLAIN or dictionary-encoded (see
/// `LeafValueEncoder`). Statistics compare bytes unsigned, as Parquet orders UTF-8 and binary.
final class ByteArrayValueEncoder: LeafValueEncoder {
    private enum Mode { case trial, dictionary, plain }

    /// Statistics longer than this are left out (as pyarrow's `max_statistics_size`).
    static let statisticsLimit = 4096

    private let useDictionary: Bool
    private var mode: Mode
    private var dictionary: ByteDictionary?
    private var fallbackPage: (body: [UInt8], count: Int)?
    private let plain = GrowableBytes(capacity: 1 << 16)
    private var indices: [UInt32] = []
    private var minimum: [UInt8]?
    private var maximum: [UInt8]?
    private(set) var plainBytesSeen = 0

    init(dictionary: Bool) {
        useDictionary = dictionary
        mode = dictionary ? .trial : .plain
        self.dictionary = dictionary ? ByteDictionary() : nil
    }

    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        guard !positions.isEmpty, case .bytes(let column) = storage else { return }
        let before = plain.count
        if mode != .dictionary { PlainEncoder.appendBytes(column, selection, positions, to: plain) }
        column.offsets.withUnsafeBufferPointer { offsets in
            column.data.withUnsafeBytes { data in
                let base = data.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                var seen = 0
                func each(_ body: (UnsafeRawPointer, Int) -> Void) {
                    switch selection {
                    case .range(let rows):
                        let first = rows.lowerBound + positions.lowerBound
                        for r in first..<(first + positions.count) {
                            let s = Int(offsets[r])
                            body(base + s, Int(offsets[r + 1]) - s)
                        }
                    case .indices(let rowIndices):
                        rowIndices.withUnsafeBufferPointer { idx in
                            for k in positions {
                                let r = Int(idx[k])
                                let s = Int(offsets[r])
                                body(base + s, Int(offsets[r + 1]) - s)
                            }
                        }
                    }
                }
                if mode == .plain {
                    each { p, n in see(UnsafeRawBufferPointer(start: p, count: n)) }
                    seen = plain.count - before
                } else if let dictionary {
                    let start = indices.count
                    indices.append(contentsOf: repeatElement(0, count: positions.count))
                    indices.withUnsafeMutableBufferPointer { out in
                        var k = start
                        each { p, n in
                            out[k] = dictionary.index(of: p, length: n)
                            seen += n + 4
                            k += 1
                        }
                    }
                }
                plainBytesSeen += seen
            }
        }
    }

    private func see(_ v: UnsafeRawBufferPointer) {
        if minimum == nil || Self.compare(v, minimum!) < 0 { Self.assign(&minimum, v) }
        if maximum == nil || Self.compare(v, maximum!) > 0 { Self.assign(&maximum, v) }
    }

    /// Replaces `target`'s bytes, reusing its storage.
    private static func assign(_ target: inout [UInt8]?, _ v: UnsafeRawBufferPointer) {
        if target == nil {
            target = Array(v)
        } else {
            target!.removeAll(keepingCapacity: true)
            target!.append(contentsOf: v)
        }
    }

    /// Unsigned lexicographic order.
    @inline(__always)
    static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { b in
            let n = min(a.count, b.count)
            if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                let c = memcmp(pa, pb, n)
                if c != 0 { return Int(c) }
            }
            return a.count - b.count
        }
    }

    private func seeDictionary() {
        guard let dictionary else { return }
        for k in 0..<dictionary.count { see(dictionary.entry(k)) }
    }

    private var indexBitWidth: Int { max(1, RLEHybridEncoder.bitWidth((dictionary?.count ?? 1) - 1)) }

    var pageByteSize: Int {
        mode == .dictionary ? 1 + (indices.count * indexBitWidth + 7) / 8 : plain.count
    }

    var dictionaryByteSize: Int { mode == .plain ? 0 : dictionary?.byteSize ?? 0 }

    var needsFallback: Bool { mode != .plain && (dictionary?.byteSize ?? 0) >= parquetDictionaryLimit }

    func finishPage(into body: inout [UInt8]) -> Parquet.Encoding {
        if mode == .trial {
            let dictionaryCost = (dictionary?.byteSize ?? 0) + 1 + (indices.count * indexBitWidth + 7) / 8
            if !needsFallback && dictionaryCost < plain.count {
                mode = .dictionary
            } else {
                seeDictionary()
                dictionary = nil
                indices.removeAll(keepingCapacity: false)
                mode = .plain
            }
        }
        if mode == .dictionary {
            plain.removeAll()
            body.append(UInt8(indexBitWidth))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: indexBitWidth, into: &body) }
            indices.removeAll(keepingCapacity: true)
            return .rleDictionary
        }
        body.append(contentsOf: plain.bytes)
        plain.removeAll()
        return .plain
    }

    func fallBack() {
        guard mode == .dictionary, let dictionary else { return }
        var body: [UInt8] = []
        dictionary.appendPlain(to: &body)
        fallbackPage = (body, dictionary.count)
        seeDictionary()
        self.dictionary = nil
        mode = .plain
    }

    func finishChunk() -> ChunkValues {
        var result = ChunkValues(dictionary: fallbackPage)
        if mode == .dictionary, let dictionary {
            var body: [UInt8] = []
            dictionary.appendPlain(to: &body)
            result.dictionary = (body, dictionary.count)
            seeDictionary()
        }
        if let minimum, let maximum, minimum.count <= Self.statisticsLimit, maximum.count <= Self.statisticsLimit {
            result.min = minimum
            result.max = maximum
        }
        minimum = nil
        maximum = nil
        fallbackPage = nil
        indices.removeAll(keepingCapacity: true)
        plain.removeAll()
        mode = useDictionary ? .trial : .plain
        dictionary = useDictionary ? ByteDictionary() : nil
        return result
    }
}
