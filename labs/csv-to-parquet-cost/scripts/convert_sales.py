import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# One-off: copy the raw CSV sales into the lake as Parquet.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

sales = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/sales/"], "recurse": True},
    format="csv",
    format_options={"withHeader": True},
)
print("read", sales.count(), "sales")

# TODO(data team): write `sales` to s3://lake/sales/ as Parquet, one folder per order_date.

job.commit()
