import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Loads the landing CSV files into the lake table sales.orders, partitioned by dt.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

raw = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://landing/orders/"]},
    format="csv",
    format_options={"withHeader": True},
    transformation_ctx="raw",
)
sink = glueContext.getSink(
    connection_type="s3",
    path="s3://lake/orders/",
    enableUpdateCatalog=True,
    updateBehavior="UPDATE_IN_DATABASE",
    partitionKeys=["dt"],
    transformation_ctx="lake_sink",
)
sink.setFormat("glueparquet")
sink.setCatalogInfo(catalogDatabase="sales", catalogTableName="orders")
sink.writeFrame(raw)

job.commit()
