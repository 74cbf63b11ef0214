import Foundation
import GRDB

/// The hash behind `hashfield` partitioning: the SQL function `gluelab_hash(x)`, a
/// non-negative 63-bit FNV-1a hash of the value as SQLite stores it, the same in every process
/// and on every machine (Swift's `Hasher` is seeded per process, so it cannot be used).
///
/// Integers hash their 8 little-endian bytes; a real that holds a whole number hashes as that
/// integer (so `2` and `2.0` fall in one partition, as SQLite compares them equal); other
/// reals hash their IEEE bits; text and blobs hash their bytes. NULL hashes to 0, so rows with a
/// null hash field all land in partition 0 instead of being lost.
enum JDBCHash {
    static let function = DatabaseFunction("gluelab_hash", argumentCount: 1, pure: true) { values in
        hash(values[0])
    }

    static func hash(_ value: DatabaseValue) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for b in bytes {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01b3
            }
        }
        func mixInteger(_ v: Int64) {
            mix([UInt8(ascii: "i")])
            withUnsafeBytes(of: v.littleEndian) { mix($0) }
        }
        switch value.storage {
        case .null:
            return 0
        case .int64(let v):
            mixInteger(v)
        case .double(let d):
            if d == d.rounded(), abs(d) < 9.2e18 {
                mixInteger(Int64(d))
            } else {
                mix([UInt8(ascii: "r")])
                withUnsafeBytes(of: d.bitPattern.littleEndian) { mix($0) }
            }
        case .string(let s):
            mix([UInt8(ascii: "t")])
            mix(s.utf8)
        case .blob(let data):
            mix([UInt8(ascii: "b")])
            mix(data)
        }
        return Int64(bitPattern: h & 0x7fff_ffff_ffff_ffff)
    }
}
