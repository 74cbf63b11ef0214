import Foundation
import Testing
@testable import GlueEngine

@Suite struct ObjectStoreMD5Tests {
    /// RFC 1321 appendix A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321Vectors(input: String, digest: String) {
        #expect(MD5.hex(Array(input.utf8)) == digest)
    }

    @Test func incrementalUpdatesGiveTheSameDigest() {
        let text = Array("12345678901234567890123456789012345678901234567890123456789012345678901234567890".utf8)
        for split in [1, 7, 55, 56, 63, 64, 65] {
            var md5 = MD5()
            var rest = text[...]
            while !rest.isEmpty {
                md5.update(rest.prefix(split))
                rest = rest.dropFirst(split)
            }
            #expect(md5.finalize() == "57edf4a22be3c955ac49da2e2107b67a", "chunks of \(split)")
        }
        // A million 'a' (a classic vector), fed through raw buffers.
        var md5 = MD5()
        let block = Data(repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { block.withUnsafeBytes { md5.update($0) } }
        #expect(md5.finalize() == "7707d6ae4e027c70eea2a935c2296f21")
    }

    @Test func etagOfAKnownObjectIsItsHexMD5() throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "md5")
            let info = try sandbox.store.put(storeURI("s3://bucket/hello.txt"), bytes: Array("hello world\n".utf8))
            #expect(info.etag == "6f5902ac237024bdd0c176cb93063dc4")
            #expect(info.size == 12)
        }
    }
}
