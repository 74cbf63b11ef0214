import sys
from awsglue.utils import getResolvedOptions
from awsglue.transforms import *
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Revenue report (runs many times a day): country and amount of every order.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://lake/orders/"]},
    format="parquet",
)
revenue = SelectFields.apply(frame=orders, paths=["country", "amount"])

glueContext.write_dynamic_frame.from_options(
    frame=revenue,
    connection_type="s3",
    connection_options={"path": "s3://reports/revenue/"},
    format="json",
)

job.commit()
