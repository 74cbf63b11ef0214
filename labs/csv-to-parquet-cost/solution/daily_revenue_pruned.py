import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from pyspark.sql import functions as F

# Nightly: yesterday's revenue per store. Run with --day 2024-03-07.
args = getResolvedOptions(sys.argv, ["JOB_NAME", "day"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Reads one day's partition of the lake through the catalog.
sales = glueContext.create_dynamic_frame.from_catalog(
    database="lake",
    table_name="sales",
    push_down_predicate="order_date == '" + args["day"] + "'",
)

df = sales.toDF()
revenue = (df.filter(F.col("order_date") == args["day"])
             .groupBy("store_id")
             .agg(F.sum(F.col("qty") * F.col("unit_price")).alias("revenue")))

glueContext.write_dynamic_frame.from_options(
    frame=DynamicFrame.fromDF(revenue, glueContext, "revenue"),
    connection_type="s3",
    connection_options={"path": "s3://reports/daily-revenue/day=" + args["day"] + "/"},
    format="json",
)

job.commit()
