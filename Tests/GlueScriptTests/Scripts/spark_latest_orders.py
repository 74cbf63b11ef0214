#!/usr/bin/env python3
"""Latest version of each order, revenue per country.

Reads with a DynamicFrame, deduplicates and aggregates with DataFrames (row_number over a
window, groupBy().agg), converts back with DynamicFrame.fromDF and writes Parquet.
"""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F
from pyspark.sql.window import Window

args = getResolvedOptions(sys.argv, ["JOB_NAME", "input_path", "output_path"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

events = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [args["input_path"]], "recurse": True},
    format="json",
    transformation_ctx="order_events",
)
df = events.toDF()
print("events:", df.count())

# The latest event of each order wins.
latest_first = Window.partitionBy("order_id").orderBy(F.col("updated_at").desc())
latest = (
    df.withColumn("rn", F.row_number().over(latest_first))
    .filter(F.col("rn") == 1)
    .drop("rn")
    .where(F.col("status") != "cancelled")
)
print("orders:", latest.count())

totals = (
    latest.groupBy("country")
    .agg(
        F.round(F.sum(F.col("qty") * F.col("price")), 2).alias("revenue"),
        F.count("*").alias("orders"),
        F.max("updated_at").alias("last_update"),
    )
    .orderBy(F.desc("revenue"))
)
totals.printSchema()
totals.show()

out = DynamicFrame.fromDF(totals, glueContext, "totals")
glueContext.write_dynamic_frame.from_options(
    frame=out,
    connection_type="s3",
    connection_options={"path": args["output_path"]},
    format="parquet",
    transformation_ctx="totals_sink",
)
job.commit()
