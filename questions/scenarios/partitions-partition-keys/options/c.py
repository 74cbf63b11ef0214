import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Daily: landing CSV orders -> Parquet in the lake, queried with Athena (WHERE dt = '...').
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://landing/orders/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="orders",
)

glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://lake/orders/", "partitionKeys": ["dt"]},
    format="parquet",
    transformation_ctx="orders_sink",
)

job.commit()
