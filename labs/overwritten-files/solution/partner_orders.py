import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from pyspark.sql import functions as F

# Daily: the partner's order exports (CSV) -> the lake (Parquet), one partition per order_date.
# Every export is a complete snapshot of one order_date, under a key of its own; a correction
# is a newer export of the same day. Incremental: job bookmarks (job-bookmark-enable).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://partner-drop/orders/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="orders",
)
print("orders read:", orders.count())

if orders.count() > 0:
    df = orders.toDF()
    # Several exports of one day in this run: only the newest counts.
    newest = df.groupBy("order_date").agg(F.max("exported_at").alias("exported_at"))
    current = df.join(newest, ["order_date", "exported_at"])
    # Replace each day's partition, never append to it: a rerun writes the same result.
    for row in current.select("order_date").distinct().collect():
        day = row["order_date"]
        (current.filter(F.col("order_date") == day).drop("order_date")
            .write.mode("overwrite").parquet("s3://lake/orders/order_date=" + day + "/"))
        print("replaced s3://lake/orders/order_date=" + day + "/")

job.commit()
