import GlueEngine
import Testing

@testable import GlueScript

/// Runs `source` with `spark` (a session on a fresh environment), `F`, `T`, `Window` and `Row`;
/// the printed lines, or the error as the last line.
func sparkSession(_ source: String) -> [String] {
    var lines: [String] = []
    let prelude = "from pyspark.sql import functions as F, types as T, Row\nfrom pyspark.sql.window import Window\n"
    do {
        let script = try Script.parse(prelude + source, file: "t.py")
        let interpreter = Interpreter(file: "t.py", modules: sparkModules(), output: { lines.append($0) })
        interpreter.setGlobal("spark", .object(SparkSessionObject(sparkContext: .none, environment: GlueFrameEnvironment())))
        try interpreter.run(script)
    } catch {
        lines.append("\(error)")
    }
    return lines
}

private let people = """
    df = spark.createDataFrame([(1, "ann", "FR", 31), (2, "bob", "DE", None), (3, "cy", "FR", 27)], "id bigint, name string, country string, age int")

    """

@Suite("Spark DataFrame objects")
struct SparkDataFrameObjectTests {
    @Test("repr, columns, dtypes, schema, printSchema")
    func inspection() {
        #expect(sparkSession(people + "print(df)\nprint(df.columns)\nprint(df.dtypes)\nprint(df.schema)\ndf.printSchema()\n") == [
            "DataFrame[id: bigint, name: string, country: string, age: int]",
            "['id', 'name', 'country', 'age']",
            "[('id', 'bigint'), ('name', 'string'), ('country', 'string'), ('age', 'int')]",
            "StructType([StructField('id', LongType(), True), StructField('name', StringType(), True), StructField('country', StringType(), True), StructField('age', IntegerType(), True)])",
            "root",
            " |-- id: long (nullable = true)",
            " |-- name: string (nullable = true)",
            " |-- country: string (nullable = true)",
            " |-- age: integer (nullable = true)",
            "",
        ])
    }

    @Test("select, withColumn, filter with a Column or SQL text, orderBy, collect gives Rows")
    func transforms() {
        let out = sparkSession(people + """
            older = df.withColumn("next", F.col("age") + 1).filter("age > 28").select("name", F.col("next"), F.upper(df.country).alias("c"))
            print(older.collect())
            r = df.orderBy(F.col("age").desc_nulls_last()).first()
            print(r["name"], r.age, r[0])
            print(df.where(F.col("age").isNull()).count(), df.na.drop().count(), df.fillna(0).orderBy("id").take(2)[1].age)
            names = []
            for x in df.orderBy("country", "name", ascending=[False, True]).collect():
                names.append(x.name)
            print(names)

            """)
        #expect(out == [
            "[Row(name='ann', next=32, c='FR')]",
            "ann 31 1",
            "1 2 0",
            "['ann', 'cy', 'bob']",
        ])
    }

    @Test("groupBy with Columns, a dict, and the shortcuts; show prints Spark's table")
    func grouping() {
        let out = sparkSession(people + """
            df.groupBy("country").agg({"age": "max", "*": "count"}).orderBy("country").show()
            df.groupBy("country").count().orderBy("count", "country").show(truncate=False)
            print(df.groupBy().agg(F.countDistinct("country").alias("n")).first().n, df.agg(F.avg("age")).collect())

            """)
        #expect(out == [
            "+-------+--------+--------+",
            "|country|max(age)|count(1)|",
            "+-------+--------+--------+",
            "|     DE|    null|       1|",
            "|     FR|      31|       2|",
            "+-------+--------+--------+",
            "",
            "+-------+-----+",
            "|country|count|",
            "+-------+-----+",
            "|DE     |1    |",
            "|FR     |2    |",
            "+-------+-----+",
            "",
            "2 [Row(avg(age)=29.0)]",
        ])
    }

    @Test("joins on names and on a Column condition; unions; distinct; toDF renames")
    func joins() {
        let out = sparkSession(people + """
            rates = spark.createDataFrame([("FR", 0.2), ("DE", 0.19)], ["country", "vat"])
            print(df.join(rates, "country").select("name", "vat").orderBy("name").collect())
            j = df.join(rates, df["country"] == rates["country"], "left").select(df["name"], rates["vat"])
            print(j.orderBy("name").count(), df.union(df).count(), df.union(df).distinct().count(), df.select("id").toDF("key").columns)

            """)
        #expect(out == [
            "[Row(name='ann', vat=0.2), Row(name='bob', vat=0.19), Row(name='cy', vat=0.2)]",
            "3 6 3 ['key']",
        ])
    }

    @Test("dedupe the latest row per key with row_number over a window")
    func latestPerKey() {
        let out = sparkSession("""
            ev = spark.createDataFrame([(1, "a", 1), (1, "b", 3), (2, "c", 2), (1, "d", 2)], ["k", "v", "ts"])
            w = Window.partitionBy("k").orderBy(F.desc("ts"))
            print(ev.withColumn("rn", F.row_number().over(w)).where(F.col("rn") == 1).drop("rn").orderBy("k").collect())
            print(ev.dropDuplicates(["k"]).count())

            """)
        #expect(out == ["[Row(k=1, v='b', ts=3), Row(k=2, v='c', ts=2)]", "2"])
    }

    @Test("views register in the session; toPandas and friends are refused by name")
    func viewsAndRefusals() {
        let out = sparkSession(people + """
            df.createOrReplaceTempView("people")
            print(spark.table("PEOPLE").count())
            print(df.toPandas())

            """)
        #expect(out == ["3", "t.py:6:10: AttributeError: 'DataFrame' object has no attribute 'toPandas' (not available in gluelab; gluelab has no pandas; use collect(), take(n) or show())"])
    }

    @Test("df[name] checks the name as Spark does")
    func unknownColumn() {
        #expect(sparkSession(people + "c = df['nxt']\n").last
            == "t.py:4:5: Exception: AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nxt` cannot be resolved. Did you mean one of the following? [`id`, `name`, `country`, `age`].")
    }

    @Test("spark.read without a run says what is missing")
    func readWithoutRun() {
        #expect(sparkSession("spark.read.csv('s3://b/x.csv')\n").last == "t.py:3:1: NotImplementedError: spark.read needs the run's object store, which this host does not provide")
    }
}
