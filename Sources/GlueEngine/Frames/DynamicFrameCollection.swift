/// A named set of frames, as transforms such as `split_fields`, `split_rows` and `relationalize`
/// return (Glue's `DynamicFrameCollection`). Keys keep the order the frames were added in.
public struct DynamicFrameCollection: Sendable {
    public private(set) var keys: [String]
    private var frames: [String: DynamicFrame]

    public init(_ pairs: [(String, DynamicFrame)] = []) {
        keys = []
        frames = [:]
        for (k, f) in pairs { self[k] = f }
    }

    /// The frame called `key`, if any; setting a new key appends it.
    public subscript(key: String) -> DynamicFrame? {
        get { frames[key] }
        set {
            if frames[key] == nil, newValue != nil { keys.append(key) }
            if newValue == nil { keys.removeAll { $0 == key } }
            frames[key] = newValue
        }
    }

    /// The frames, in key order.
    public var values: [DynamicFrame] { keys.compactMap { frames[$0] } }

    public var count: Int { keys.count }

    /// The frame called `key`, or an error naming the keys there are (Glue's `select`).
    public func select(_ key: String) throws(EngineError) -> DynamicFrame {
        guard let f = frames[key] else {
            throw .notFound(what: "frame \"\(key)\" in collection (keys: \(keys.joined(separator: ", ")))")
        }
        return f
    }

    /// Applies `transform` to each frame, keeping the keys (Glue's `map`).
    public func map(_ transform: (DynamicFrame, String) throws -> DynamicFrame) rethrows -> DynamicFrameCollection {
        DynamicFrameCollection(try keys.map { ($0, try transform(frames[$0]!, $0)) })
    }
}
