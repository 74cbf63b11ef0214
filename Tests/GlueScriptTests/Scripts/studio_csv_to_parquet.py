import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue import DynamicFrame

args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Amazon S3
AmazonS3_node1721668076348 = glueContext.create_dynamic_frame.from_options(
    format_options={
        "quoteChar": "\"",
        "withHeader": True,
        "separator": ",",
        "optimizePerformance": False,
    },
    connection_type="s3",
    format="csv",
    connection_options={"paths": ["s3://sales-raw/orders/"], "recurse": True},
    transformation_ctx="AmazonS3_node1721668076348",
)

# Script generated for node Change Schema
ChangeSchema_node1721668093512 = ApplyMapping.apply(
    frame=AmazonS3_node1721668076348,
    mappings=[
        ("order_id", "string", "order_id", "long"),
        ("country", "string", "country", "string"),
        ("price", "string", "price", "double"),
        ("qty", "string", "qty", "int"),
        ("order_date", "string", "order_date", "date"),
    ],
    transformation_ctx="ChangeSchema_node1721668093512",
)

# Script generated for node Amazon S3
AmazonS3_node1721668110274 = glueContext.write_dynamic_frame.from_options(
    frame=ChangeSchema_node1721668093512,
    connection_type="s3",
    format="glueparquet",
    connection_options={
        "path": "s3://sales-curated/orders/",
        "partitionKeys": ["country"],
    },
    format_options={"compression": "snappy"},
    transformation_ctx="AmazonS3_node1721668110274",
)

job.commit()
