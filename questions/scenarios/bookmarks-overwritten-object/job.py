import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Daily: the vendor's customer extract -> curated Parquet (bookmarks enabled).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

customers = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://vendor-drop/customers/"], "recurse": True},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="customers",
)

glueContext.write_dynamic_frame.from_options(
    frame=customers,
    connection_type="s3",
    connection_options={"path": "s3://curated/customers/"},
    format="parquet",
    transformation_ctx="customers_sink",
)

job.commit()
