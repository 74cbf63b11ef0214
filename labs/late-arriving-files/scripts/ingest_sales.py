import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Hourly at :00 with bookmarks: new sales files in the landing zone -> the lake (Parquet).
# The shops' tills upload their day in one big file; the web shop drops a small file each hour.
args = getResolvedOptions(sys.argv, ["JOB_NAME", "source_path"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

sales = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [args["source_path"]], "recurse": True},
    format="json",
    transformation_ctx="landing_sales",
)
print("new sales records:", sales.count())

glueContext.write_dynamic_frame.from_options(
    frame=sales,
    connection_type="s3",
    connection_options={"path": "s3://lake/sales/"},
    format="parquet",
    transformation_ctx="lake_sales",
)

job.commit()
