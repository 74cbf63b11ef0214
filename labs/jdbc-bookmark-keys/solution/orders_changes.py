import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly change feed: every order that is new OR changed since the last run -> the lake's
# order_changes/ (one line per version of an order; readers keep the newest per order_id).
# Started by a colleague, never finished: it has no bookmark key yet.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

changes = glueContext.create_dynamic_frame.from_options(
    connection_type="postgresql",
    connection_options={
        "url": "jdbc:postgresql://shop-db.internal:5432/shop",
        "dbtable": "public.orders",
        "user": "etl_reader",
        "password": "not-a-real-password",
        # updated_at is stamped on every insert and update; order_no breaks ties.
        "jobBookmarkKeys": ["updated_at", "order_no"],
        "jobBookmarkKeysSortOrder": "asc",
    },
    transformation_ctx="order_changes_src",
)
print("new or changed orders:", changes.count())

glueContext.write_dynamic_frame.from_options(
    frame=changes,
    connection_type="s3",
    connection_options={"path": "s3://shop-lake/order_changes/"},
    format="json",
    transformation_ctx="order_changes_lake",
)

job.commit()
