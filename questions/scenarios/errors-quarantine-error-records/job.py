import sys
from awsglue.utils import getResolvedOptions
from awsglue.transforms import *
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly: card payments (CSV) -> curated Parquet, amounts parsed to double.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

payments = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/payments/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="payments",
)


def parse_amount(rec):
    rec["amount"] = float(rec["amount"])
    return rec


parsed = Map.apply(frame=payments, f=parse_amount, transformation_ctx="parse_amount")

glueContext.write_dynamic_frame.from_options(
    frame=parsed,
    connection_type="s3",
    connection_options={"path": "s3://curated/payments/"},
    format="parquet",
    transformation_ctx="payments_sink",
)

job.commit()
