import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# New orders from the shop's PostgreSQL database, tracked by order_id.
orders = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db.example.internal:5432/shop",
        "dbtable": "public.orders",
        "user": "etl",
        "password": "not-a-real-password",
        "jobBookmarkKeys": ["order_id"],
        "jobBookmarkKeysSortOrder": "asc",
        "hashfield": "customer_id",
        "hashpartitions": "4",
    },
    transformation_ctx="orders_jdbc",
)

glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://shop-lake/orders/"},
    format="json",
    transformation_ctx="orders_lake",
)

job.commit()
