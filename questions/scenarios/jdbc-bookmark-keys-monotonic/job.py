import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Incremental load: orders from the shop's PostgreSQL database -> the lake (JSON).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db.example.internal:5432/shop",
        "dbtable": "public.orders",
        "user": "etl",
        "password": "not-a-real-password",
        "jobBookmarkKeys": ["customer_id"],
        "jobBookmarkKeysSortOrder": "asc",
    },
    transformation_ctx="orders",
)

glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://lake/orders/"},
    format="json",
)

job.commit()
