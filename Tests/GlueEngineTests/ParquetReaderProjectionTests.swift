import Foundation
import Testing

@testable import GlueEngine

/// Column projection reads only the chunks of the columns asked for, and reports the bytes read.
@Suite struct ParquetReaderProjectionTests {
    /// The compressed sizes of the chunks whose path starts with `top`, over every row group.
    private func chunkBytes(_ file: ParquetFile, _ tops: [String]) -> Int64 {
        file.metadata.rowGroups.reduce(0) { sum, group in
            sum + group.columns.compactMap(\.metaData).filter { tops.contains($0.pathInSchema[0]) }
                .reduce(0) { $0 + $1.totalCompressedSize }
        }
    }

    @Test func aFullReadReadsEveryByteButTheLeadingMagic() throws {
        let data = try ParquetFixtures.data("rowgroups.parquet")
        let result = try ParquetFile(data, source: "rowgroups").read()
        #expect(result.bytesRead == Int64(data.count - 4))
        #expect(result.rowGroupsRead == 4)
        #expect(result.rowGroupsSkipped == 0)
    }

    @Test func projectionReadsOnlyTheAskedColumnsInTheAskedOrder() throws {
        let file = try ParquetFixtures.open("rowgroups")
        let full = try file.read()
        let some = try file.read(columns: ["name", "id"])
        #expect(some.batches.allSatisfy { $0.names == ["name", "id"] })
        #expect(some.bytesRead == file.footerBytes + chunkBytes(file, ["name", "id"]))
        #expect(some.bytesRead < full.bytesRead)
        let expected = try ParquetFixtures.expected("rowgroups").map { row -> CanonicalJSON in
            guard case .object(let fields) = row else { return row }
            return .object(fields.filter { $0.0 == "name" || $0.0 == "id" })
        }
        #expect(ParquetFixtures.rows(some.batches) == expected)
    }

    @Test func aStructColumnReadsAllItsLeavesAndNothingElse() throws {
        let file = try ParquetFixtures.open("nested")
        let result = try file.read(columns: ["st"])
        #expect(result.bytesRead == file.footerBytes + chunkBytes(file, ["st"]))
        let stLeaves = file.metadata.rowGroups[0].columns.filter { $0.metaData?.pathInSchema.first == "st" }
        #expect(stLeaves.count == 5)
        let first = try #require(result.batches.first?.record(at: 0))
        #expect(first.names == ["st"])
        #expect(first["st"].recordValue?["inner"].recordValue?["y"] == .array([.long(1), .long(2)]))
    }

    @Test func namesNotInTheFileAreIgnored() throws {
        let result = try ParquetFixtures.open("rowgroups").read(columns: ["nope", "id", "id"])
        #expect(result.batches.first?.names == ["id"])
        #expect(result.rowCount == 160)
    }

    @Test func rowGroupsReadOneAtATimeGiveTheWholeFile() throws {
        let file = try ParquetFixtures.open("rowgroups")
        var batches: [RecordBatch] = []
        var bytes = file.footerBytes
        for i in 0..<file.rowGroupCount {
            let group = try file.readRowGroup(i, columns: ["id", "tags"], batchSize: 16)
            #expect(group.reduce(0) { $0 + $1.count } == 40)
            #expect(group.allSatisfy { $0.count <= 16 })
            batches += group
            bytes += try file.columnChunkBytes(rowGroup: i, columns: ["id", "tags"])
        }
        #expect(ParquetFixtures.rows(batches) == ParquetFixtures.rows(try file.read(columns: ["id", "tags"]).batches))
        #expect(bytes == (try file.read(columns: ["id", "tags"])).bytesRead)
        #expect { try file.readRowGroup(4, columns: nil) } throws: { error in
            guard case EngineError.notFound = error else { return false }
            return true
        }
    }

    @Test func columnsKeepTheirTypedStorage() throws {
        let batch = try #require(try ParquetFixtures.open("flat_plain").read().batches.first)
        guard case .int64(_, .long) = batch.column("i64")?.storage else { Issue.record("i64 not int64 storage"); return }
        guard case .bytes(_, .string) = batch.column("s")?.storage else { Issue.record("s not byte storage"); return }
        guard case .int64(_, .decimal(9, 2)) = batch.column("dec9")?.storage else { Issue.record("dec9 not decimal"); return }
        guard case .int32(_, .date) = batch.column("d")?.storage else { Issue.record("d not date storage"); return }
        #expect(batch.column("nothing")?.type == .null)
        #expect(batch.column("cat")?.value(at: 3) == .null)
    }
}
