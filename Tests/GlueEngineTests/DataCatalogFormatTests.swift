import Testing
@testable import GlueEngine

/// How each classification is described in the catalog, as crawlers write it.
@Suite struct DataCatalogFormatTests {
    let columns = [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "name", type: "string")]

    @Test func csvIsLazySimpleSerDeWithTheDelimiterAndAHeaderByDefault() throws {
        let (sd, params) = try CatalogFormat.csv.describe(columns: columns, location: "s3://shop/orders/")
        #expect(sd.inputFormat == "org.apache.hadoop.mapred.TextInputFormat")
        #expect(sd.outputFormat == "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
        #expect(sd.serdeLibrary == "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
        #expect(sd.serdeParameters == ["field.delim": ","])
        #expect(params == ["classification": "csv", "delimiter": ",", "skip.header.line.count": "1", "areColumnsQuoted": "false",
                           "columnsOrdered": "true", "compressionType": "none", "typeOfData": "file"])
        #expect(sd.parameters == params && sd.columns == columns && sd.location == "s3://shop/orders/" && !sd.compressed)
    }

    @Test func csvOptions() throws {
        let (tsv, p) = try CatalogFormat.csv.describe(columns: columns, location: "s3://a/", options: ["separator": "\t", "withHeader": "false"])
        #expect(tsv.serdeParameters == ["field.delim": "\t"] && p["delimiter"] == "\t" && p["skip.header.line.count"] == nil)
        let (quoted, q) = try CatalogFormat.csv.describe(columns: columns, location: "s3://a/", options: ["quoteChar": "\""])
        #expect(quoted.serdeLibrary == "org.apache.hadoop.hive.serde2.OpenCSVSerde")
        #expect(quoted.serdeParameters == ["separatorChar": ",", "quoteChar": "\""] && q["areColumnsQuoted"] == "true")
        #expect(throws: EngineError.invalidOption(name: "format option separator", value: "||", reason: "one character, e.g. , or | or \\t")) {
            try CatalogFormat.csv.describe(columns: columns, location: "s3://a/", options: ["separator": "||"])
        }
        #expect(throws: EngineError.invalidOption(name: "format option delimiter", value: ";", reason: "csv takes separator, withHeader, quoteChar")) {
            try CatalogFormat.csv.describe(columns: columns, location: "s3://a/", options: ["delimiter": ";"])
        }
        #expect(throws: EngineError.self) { try CatalogFormat.csv.describe(columns: columns, location: "s3://a/", options: ["withHeader": "yes"]) }
    }

    @Test func jsonIsTheOpenXSerDeWithTheColumnPaths() throws {
        let (sd, params) = try CatalogFormat.json.describe(columns: columns, location: "s3://a/")
        #expect(sd.serdeLibrary == "org.openx.data.jsonserde.JsonSerDe" && sd.serdeParameters == ["paths": "id,name"])
        #expect(sd.inputFormat == "org.apache.hadoop.mapred.TextInputFormat")
        #expect(params == ["classification": "json", "compressionType": "none", "typeOfData": "file"])
        #expect(throws: EngineError.invalidOption(name: "format option separator", value: ",", reason: "json takes no format options")) {
            try CatalogFormat.json.describe(columns: columns, location: "s3://a/", options: ["separator": ","])
        }
    }

    @Test func parquetIsTheParquetHiveSerDe() throws {
        let (sd, params) = try CatalogFormat.parquet.describe(columns: columns, location: "s3://a/")
        #expect(sd.serdeLibrary == "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
        #expect(sd.serdeParameters == ["serialization.format": "1"])
        #expect(sd.inputFormat == "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
        #expect(sd.outputFormat == "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
        #expect(params["classification"] == "parquet")
    }

    @Test func classificationsAreCaseInsensitiveAndLimited() throws {
        #expect(try CatalogFormat(classification: "CSV") == .csv)
        #expect(throws: EngineError.invalidOption(name: "classification", value: "avro", reason: "gluelab's tables are csv, json or parquet")) {
            try CatalogFormat(classification: "avro")
        }
    }
}
