import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Backfill: meter readings (CSV backlog) -> curated Parquet, bookmarks enabled.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

readings = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/readings/"], "boundedFiles": "2"},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="readings",
)

glueContext.write_dynamic_frame.from_options(
    frame=readings,
    connection_type="s3",
    connection_options={"path": "s3://curated/readings/"},
    format="parquet",
    transformation_ctx="readings_sink",
)

job.commit()
