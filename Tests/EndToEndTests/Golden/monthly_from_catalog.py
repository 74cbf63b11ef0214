import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

args = getResolvedOptions(sys.argv, ["JOB_NAME", "month"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_catalog(
    database="sales",
    table_name="orders",
    push_down_predicate="year == '2024' and month == '%s'" % args["month"],
    transformation_ctx="orders",
)
orders.printSchema()
orders.show(5)
glueContext.write_dynamic_frame.from_options(
    frame=orders,
    connection_type="s3",
    connection_options={"path": "s3://sales-lake/monthly/", "partitionKeys": ["month"]},
    format="json",
    transformation_ctx="monthly",
)
job.commit()
