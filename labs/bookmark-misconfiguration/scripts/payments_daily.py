import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly: new payment batches (CSV) -> warehouse (Parquet), one folder per ingest date.
# The scheduler passes --run_date YYYY-MM-DD.
args = getResolvedOptions(sys.argv, ["JOB_NAME", "run_date"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Every step of this job is named after its run date, so the logs are easy to follow.
step = "payments_" + args["run_date"]

payments = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://landing/payments/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx=step,
)
print(step, "payments read:", payments.count())

glueContext.write_dynamic_frame.from_options(
    frame=payments,
    connection_type="s3",
    connection_options={"path": "s3://warehouse/payments/ingest_date=" + args["run_date"] + "/"},
    format="parquet",
    transformation_ctx=step + "_sink",
)

job.commit()
