import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Incremental load: payment events from the shop's PostgreSQL database -> the lake (JSON).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

events = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db.example.internal:5432/shop",
        "dbtable": "public.payment_events",
        "user": "etl",
        "password": "not-a-real-password",
    },
    transformation_ctx="payment_events",
)

glueContext.write_dynamic_frame.from_options(
    frame=events,
    connection_type="s3",
    connection_options={"path": "s3://lake/payment_events/"},
    format="json",
)

job.commit()
