import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Hourly: raw CSV events -> curated Parquet. Runs at five past every hour.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

events = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/events/"], "recurse": True},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="events",
)
print("read", events.count(), "events")

glueContext.write_dynamic_frame.from_options(
    frame=events,
    connection_type="s3",
    connection_options={"path": "s3://curated/events/"},
    format="parquet",
    transformation_ctx="events_sink",
)

job.commit()
