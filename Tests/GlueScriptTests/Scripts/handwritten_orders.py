#!/usr/bin/env python3
"""Clean the day's orders and total them by country.

Hand-written: frame methods, transform classes, a Map function and a bit of pyspark.
"""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import ApplyMapping, Filter, Map
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "input_path"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

MIN_QTY = 0
VAT = 0.2  # flat rate, good enough for the lab

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [args["input_path"]], "recurse": True},
    format="json",
    transformation_ctx="orders",
)
print("read", orders.count(), "orders")
orders.printSchema()

# price arrives as a string in some files: settle the choice
typed = orders.resolveChoice(specs=[("price", "cast:double")])
positive = Filter.apply(frame=typed, f=lambda r: r["qty"] > MIN_QTY, transformation_ctx="positive")


def add_totals(rec):
    """Gross total per line; unknown countries are grouped."""
    rec["total"] = rec["price"] * rec["qty"]
    rec["gross"] = round(rec["total"] * (1 + VAT), 2)
    if rec["country"] is None or rec["country"] == "":
        rec["country"] = "unknown"
    elif rec["country"] in ("UK", "GB"):
        rec["country"] = "GB"
    else:
        rec["country"] = rec["country"].upper()
    return rec


with_totals = Map.apply(frame=positive, f=add_totals, transformation_ctx="with_totals")

df = with_totals.toDF()
by_country = (
    df.filter((F.col("total") > 0) & ~F.col("country").isNull())
    .groupBy("country")
    .agg(F.sum("price").alias("total"), F.count("*").alias("orders"))
    .orderBy(F.desc("total"))
)
by_country.show(10, truncate=False)

out = DynamicFrame.fromDF(by_country, glueContext, "out")
glueContext.write_dynamic_frame.from_options(
    frame=out,
    connection_type="s3",
    connection_options={"path": "s3://sales-curated/by_country/"},
    format="csv",
    format_options={"writeHeader": True},
    transformation_ctx="by_country_sink",
)

job.commit()
