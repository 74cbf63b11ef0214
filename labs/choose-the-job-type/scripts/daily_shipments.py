import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# daily-shipments: this year's shipments (CSV -> Parquet) for the 07:00 operations meeting.
# Every morning at 06:00; the meeting waits for it.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

shipments = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://tidewater-archive/shipments/year=2024/"], "recurse": True},
    format="csv",
    format_options={"withHeader": True},
)
print("shipments:", shipments.count())

glueContext.write_dynamic_frame.from_options(
    frame=shipments,
    connection_type="s3",
    connection_options={"path": "s3://tidewater-lake/shipments_daily/"},
    format="parquet",
)

job.commit()
