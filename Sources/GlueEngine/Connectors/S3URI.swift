/// An `s3://bucket/key` address in a sandbox's object store.
///
/// The key may be empty (the bucket root) or end with `/` (a prefix, a "folder"). Because
/// objects are kept as files under `s3/<bucket>/<key>`, keys are held to rules that make that
/// safe: no `.` or `..` segment, no empty segment except a final trailing slash, no leading
/// `/`, no NUL or backslash, at most 1024 UTF-8 bytes (S3's limit) and at most 255 bytes per
/// segment (a file name's limit).
public struct S3URI: Hashable, Sendable, CustomStringConvertible {
    /// The bucket name (3–63 characters of `a-z`, `0-9`, `-`, `.`).
    public let bucket: String
    /// The object key or key prefix, without a leading `/`; may be empty.
    public let key: String

    /// Parses `s3://bucket`, `s3://bucket/`, `s3://bucket/key/parts` or `s3://bucket/prefix/`.
    /// - Throws: `EngineError.invalidPath` naming the rule the path breaks.
    public init(parsing text: String) throws(EngineError) {
        guard text.hasPrefix("s3://") else {
            throw .invalidPath(path: text, reason: "an S3 path starts with s3://")
        }
        let rest = text.dropFirst(5)
        let bucket: Substring
        let key: Substring
        if let slash = rest.firstIndex(of: "/") {
            bucket = rest[..<slash]
            key = rest[rest.index(after: slash)...]
        } else {
            bucket = rest
            key = ""
        }
        try self.init(bucket: String(bucket), key: String(key), path: text)
    }

    /// Makes an address from its parts, with the same checks as `init(parsing:)`.
    public init(bucket: String, key: String) throws(EngineError) {
        try self.init(bucket: bucket, key: key, path: "s3://\(bucket)/\(key)")
    }

    private init(bucket: String, key: String, path: String) throws(EngineError) {
        if let reason = Self.bucketProblem(bucket) { throw .invalidPath(path: path, reason: reason) }
        if let reason = Self.keyProblem(key) { throw .invalidPath(path: path, reason: reason) }
        self.bucket = bucket
        self.key = key
    }

    /// An address known to be valid (read back from the store's own metadata).
    init(trusted bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// `s3://bucket/key`.
    public var description: String { "s3://\(bucket)/\(key)" }

    /// True when the key is empty or ends with `/`: the address names a prefix, not an object.
    public var isPrefix: Bool { key.isEmpty || key.hasSuffix("/") }

    /// The address of `name` under this one, inserting a `/` unless the key is empty or ends
    /// with one (`s3://b/in` + `x.csv` = `s3://b/in/x.csv`).
    public func appending(_ name: String) throws(EngineError) -> S3URI {
        try S3URI(bucket: bucket, key: isPrefix ? key + name : key + "/" + name)
    }

    /// Why `name` is not an acceptable bucket name (S3's naming rules), or `nil`.
    static func bucketProblem(_ name: String) -> String? {
        let b = Array(name.utf8)
        guard (3...63).contains(b.count) else { return "a bucket name has 3 to 63 characters" }
        for c in b {
            let ok = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            if !ok { return "a bucket name has only lowercase letters, digits, '-' and '.'" }
        }
        func alnum(_ c: UInt8) -> Bool { c != UInt8(ascii: "-") && c != UInt8(ascii: ".") }
        guard alnum(b[0]), alnum(b[b.count - 1]) else { return "a bucket name begins and ends with a letter or digit" }
        if name.contains("..") { return "a bucket name has no two adjacent periods" }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ p in !p.isEmpty && p.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }) {
            return "a bucket name is not an IP address"
        }
        return nil
    }

    /// Why `key` is not an acceptable key (see the type's documentation), or `nil`.
    static func keyProblem(_ key: String) -> String? {
        let b = Array(key.utf8)
        if b.isEmpty { return nil }
        guard b.count <= 1024 else { return "a key has at most 1024 bytes" }
        if b[0] == UInt8(ascii: "/") { return "a key does not start with '/'" }
        if b.contains(0) { return "a key has no NUL character" }
        if b.contains(UInt8(ascii: "\\")) { return "a key has no backslash" }
        let segments = b.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (i, seg) in segments.enumerated() {
            if seg.isEmpty {
                if i == segments.count - 1 { continue }
                return "a key has no empty segment ('//')"
            }
            if seg.elementsEqual([UInt8(ascii: ".")]) || seg.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                return "a key has no '.' or '..' segment"
            }
            if seg.count > 255 { return "a key segment has at most 255 bytes" }
        }
        return nil
    }
}
