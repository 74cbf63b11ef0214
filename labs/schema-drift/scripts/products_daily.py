import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Daily: the suppliers' product feed (JSON lines) for one day -> the lake (Parquet).
# Run with --day 2024-03-03 (the scheduler passes the day).
args = getResolvedOptions(sys.argv, ["JOB_NAME", "day", "output_path"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

products = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://feeds/products/dt=" + args["day"] + "/"]},
    format="json",
)
products.printSchema()

glueContext.write_dynamic_frame.from_options(
    frame=products,
    connection_type="s3",
    connection_options={"path": args["output_path"] + "dt=" + args["day"] + "/"},
    format="parquet",
)

job.commit()
