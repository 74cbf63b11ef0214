import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Nightly: new customer batches from the CRM export (CSV) -> warehouse (Parquet).
# DefaultArguments: --job-bookmark-option job-bookmark-enable
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

customers = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://landing/customers/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="customers",
)
print("customers read:", customers.count())

glueContext.write_dynamic_frame.from_options(
    frame=customers,
    connection_type="s3",
    connection_options={"path": "s3://warehouse/customers/"},
    format="parquet",
    transformation_ctx="customers_sink",
)
print("customers-sync done")

job.commit()
