/// How a produced message is given a partition, as Kafka's Java producer does it.
///
/// - A message **with a key** goes to `toPositive(murmur2(key)) % partitions`: Kafka's default
///   partitioner (`BuiltInPartitioner.partitionForKey`), with the same 32-bit MurmurHash2 (seed
///   `0x9747b28c`) and `toPositive` (`hash & 0x7fffffff`). So a key lands on the partition a
///   real Kafka producer would choose for the same partition count, and always the same one.
/// - A message **without a key** goes round-robin over the partitions (the topic remembers the
///   next one). Kafka 2.4+ uses a "sticky" partitioner that fills one partition per producer
///   batch; round-robin shows the spread at a glance, which is what a learner wants to see.
public enum KafkaPartitioner {
    /// Kafka's `Utils.murmur2`: 32-bit MurmurHash2 of `bytes` with seed `0x9747b28c`.
    public static func murmur2(_ bytes: some Collection<UInt8>) -> Int32 {
        let data = Array(bytes)
        let m: UInt32 = 0x5bd1_e995
        let r: UInt32 = 24
        let length = data.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        var i = 0
        while i + 4 <= length {
            var k = UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
            k &*= m
            k ^= k >> r
            k &*= m
            h &*= m
            h ^= k
            i += 4
        }
        let rest = length & 3
        if rest == 3 { h ^= UInt32(data[i + 2]) << 16 }
        if rest >= 2 { h ^= UInt32(data[i + 1]) << 8 }
        if rest >= 1 {
            h ^= UInt32(data[i])
            h &*= m
        }
        h ^= h >> 13
        h &*= m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// The partition Kafka's default partitioner picks for `key` among `partitions` (≥ 1).
    public static func partition(forKey key: some Collection<UInt8>, partitions: Int) -> Int {
        let positive = UInt32(bitPattern: murmur2(key)) & 0x7fff_ffff
        return Int(positive % UInt32(max(1, partitions)))
    }
}
