#!/usr/bin/env python3
"""Clean the day's orders: frame methods, transform classes and a Map function.

Hand-written, the way engineers write Glue jobs without Studio.
"""
import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.transforms import ApplyMapping, Filter, Map, SelectFields
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "input_path", "output_path"])

sc = SparkContext()
glueContext = GlueContext(sc)
logger = glueContext.get_logger()
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

MIN_QTY = 0
VAT = 0.2  # flat rate, good enough for the lab
COUNTRY_ALIASES = {"UK": "GB", "GB": "GB"}

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
    if rec.get("country") is None or rec["country"] == "":
        rec["country"] = "unknown"
    else:
        rec["country"] = COUNTRY_ALIASES.get(rec["country"], rec["country"].upper())
    return rec


with_totals = Map.apply(frame=positive, f=add_totals, transformation_ctx="with_totals")
slim = SelectFields.apply(frame=with_totals, paths=["order_id", "country", "total", "gross"])
logger.info("writing %d orders" % slim.count())

glueContext.write_dynamic_frame.from_options(
    frame=slim,
    connection_type="s3",
    connection_options={"path": args["output_path"], "partitionKeys": ["country"]},
    format="csv",
    format_options={"writeHeader": True},
    transformation_ctx="orders_sink",
)

job.commit()
