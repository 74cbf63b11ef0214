import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly: new return batches (CSV) -> warehouse (Parquet).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

returns = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://landing/returns/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="returns",
)
print("returns read:", returns.count())

glueContext.write_dynamic_frame.from_options(
    frame=returns,
    connection_type="s3",
    connection_options={"path": "s3://warehouse/returns/"},
    format="parquet",
    transformation_ctx="returns_sink",
)

job.commit()
