/// Values of a BYTE_ARRAY column (strings, binaries), PLAIN or dictionary-encoded (see
/// `LeafValueEncoder`). Statistics compare bytes unsigned, as Parquet orders UTF-8 and binary.
final class ByteArrayValueEncoder: LeafValueEncoder {
    /// Statistics longer than this are left out (as pyarrow's `max_statistics_size`).
    static let statisticsLimit = 4096

    private var pages: DictionaryPages<ByteDictionary>
    private var minimum: [UInt8]?
    private var maximum: [UInt8]?
    private(set) var plainBytesSeen = 0

    init(dictionary: Bool) {
        pages = DictionaryPages(dictionary: dictionary)
    }

    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        guard !positions.isEmpty, case .bytes(let column) = storage else { return }
        let plain = pages.plain
        let before = plain.count
        if pages.mode != .dictionary { PlainEncoder.appendBytes(column, selection, positions, to: plain) }
        let n = positions.count
        let rowIndices: [Int32]
        let first: Int
        switch selection {
        case .range(let r):
            rowIndices = []
            first = r.lowerBound + positions.lowerBound
        case .indices(let i):
            rowIndices = i
            first = positions.lowerBound
        }
        let gathered = !rowIndices.isEmpty
        column.offsets.withUnsafeBufferPointer { offsets in
            column.data.withUnsafeBytes { data in
                rowIndices.withUnsafeBufferPointer { rows in
                    let base = data.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                    // The k-th value: start and length.
                    @inline(__always) func value(_ k: Int) -> (UnsafeRawPointer, Int) {
                        let r = gathered ? Int(rows[first + k]) : first + k
                        let s = Int(offsets[r])
                        return (base + s, Int(offsets[r + 1]) - s)
                    }
                    if pages.mode == .plain {
                        seeValues(n, value)
                        plainBytesSeen += plain.count - before
                    } else if let dictionary = pages.dictionary {
                        let indices = pages.indices
                        let out = indices.reserve(4 * n).assumingMemoryBound(to: UInt32.self)
                        dictionary.indices(n, into: out, value)
                        indices.commit(4 * n)
                        var bytes = 4 * n
                        if gathered {
                            for k in 0..<n { bytes += value(k).1 }
                        } else {
                            bytes += Int(offsets[first + n] - offsets[first])
                        }
                        plainBytesSeen += bytes
                    }
                }
            }
        }
    }

    /// Folds `count` values into the statistics: the smallest and largest are found by
    /// pointer, and copied once.
    private func seeValues(_ count: Int, _ value: (Int) -> (UnsafeRawPointer, Int)) {
        var (loStart, loLength) = value(0)
        var (hiStart, hiLength) = (loStart, loLength)
        for k in 1..<max(1, count) {
            let (start, length) = value(k)
            if Self.compare(start, length, loStart, loLength) < 0 {
                (loStart, loLength) = (start, length)
            } else if Self.compare(start, length, hiStart, hiLength) > 0 {
                (hiStart, hiLength) = (start, length)
            }
        }
        see(UnsafeRawBufferPointer(start: loStart, count: loLength))
        see(UnsafeRawBufferPointer(start: hiStart, count: hiLength))
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
    static func compare(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { b in
            compare(a.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, a.count, b.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, b.count)
        }
    }

    /// Unsigned lexicographic order of two byte runs, 8 bytes at a time (big-endian words
    /// compare like their bytes).
    @inline(__always)
    static func compare(_ a: UnsafeRawPointer, _ aLength: Int, _ b: UnsafeRawPointer, _ bLength: Int) -> Int {
        let n = min(aLength, bLength)
        var i = 0
        while i + 8 <= n {
            let x = a.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
            let y = b.loadUnaligned(fromByteOffset: i, as: UInt64.self).bigEndian
            if x != y { return x < y ? -1 : 1 }
            i += 8
        }
        while i < n {
            let x = a.load(fromByteOffset: i, as: UInt8.self)
            let y = b.load(fromByteOffset: i, as: UInt8.self)
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return aLength - bLength
    }

    private func see(_ dictionary: ByteDictionary?) {
        guard let dictionary else { return }
        for k in 0..<dictionary.count { see(dictionary.entry(k)) }
    }

    var pageByteSize: Int { pages.pageByteSize }

    var dictionaryByteSize: Int { pages.dictionaryByteSize }

    var needsFallback: Bool { pages.needsFallback }

    func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        see(try pages.finishPage(body))
    }

    func fallBack() {
        see(pages.fallBack())
    }

    func finishChunk() -> ChunkValues {
        let (page, inUse) = pages.finishChunk()
        see(inUse)
        var result = ChunkValues(dictionary: page)
        if let minimum, let maximum, minimum.count <= Self.statisticsLimit, maximum.count <= Self.statisticsLimit {
            result.min = minimum
            result.max = maximum
        }
        minimum = nil
        maximum = nil
        return result
    }
}
