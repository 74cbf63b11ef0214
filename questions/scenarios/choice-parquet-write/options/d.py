import sys
from awsglue.utils import getResolvedOptions
from awsglue.transforms import *
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Orders from the web shop's JSON export -> curated Parquet for Athena.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/orders/"]},
    format="json",
    transformation_ctx="orders",
)
orders.printSchema()

resolved = orders.resolveChoice(specs=[("price", "project:string")])

glueContext.write_dynamic_frame.from_options(
    frame=resolved,
    connection_type="s3",
    connection_options={"path": "s3://curated/orders/"},
    format="parquet",
    transformation_ctx="orders_sink",
)

job.commit()
