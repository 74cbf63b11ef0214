import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly: new orders from the shop's PostgreSQL database -> the data lake (JSON).
# Runs at 01:00 with job bookmarks enabled (DefaultArguments).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db.internal:5432/shop",
        "dbtable": "public.orders",
        "user": "etl_reader",
        "password": "not-a-real-password",
    },
    transformation_ctx="orders_src",
)
print("new orders:", orders.count())

glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://shop-lake/orders/"},
    format="json",
    transformation_ctx="orders_lake",
)

job.commit()
