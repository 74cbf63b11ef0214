import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Daily: the partner's order exports (CSV, one file per order_date) -> the lake (Parquet).
# Incremental: job bookmarks (DefaultArguments --job-bookmark-option job-bookmark-enable).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://partner-drop/orders/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="orders",
)
print("orders read:", orders.count())

# Append the new orders to the lake.
glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://lake/orders/"},
    format="parquet",
    transformation_ctx="lake_orders",
)

job.commit()
