import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Crash-safety fixture: S3 CSV in (bookmarked) -> parquet partitioned by country + JSON.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    format="csv",
    connection_options={"paths": ["s3://raw/orders/"], "recurse": True},
    format_options={"withHeader": True},
    transformation_ctx="orders",
)
typed = ApplyMapping.apply(
    frame=orders,
    mappings=[
        ("id", "string", "id", "long"),
        ("country", "string", "country", "string"),
        ("amount", "string", "amount", "double"),
    ],
    transformation_ctx="typed",
)
glueContext.write_dynamic_frame.from_options(
    frame=typed,
    connection_type="s3",
    format="parquet",
    connection_options={"path": "s3://lake/orders_parquet/", "partitionKeys": ["country"]},
    transformation_ctx="parquet_sink",
)
glueContext.write_dynamic_frame.from_options(
    frame=typed,
    connection_type="s3",
    format="json",
    connection_options={"path": "s3://lake/orders_json/"},
    transformation_ctx="json_sink",
)
job.commit()
