import sys
from awsglue.utils import getResolvedOptions
from awsglue.transforms import *
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Daily report: yesterday's orders from the lake table sales.orders (partitioned by dt).
args = getResolvedOptions(sys.argv, ["JOB_NAME", "day"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_catalog(
    database="sales",
    table_name="orders",
    push_down_predicate="dt = '%s'" % args["day"],
    transformation_ctx="orders",
)
day = Filter.apply(frame=orders, f=lambda r: r["dt"] == args["day"])

glueContext.write_dynamic_frame.from_options(
    frame=day,
    connection_type="s3",
    connection_options={"path": "s3://reports/daily-orders/"},
    format="json",
)

job.commit()
