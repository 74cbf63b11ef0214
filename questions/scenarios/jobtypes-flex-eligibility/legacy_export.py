import sys
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job

# Weekly, not urgent: the sales export for the finance team (Glue 2.0).
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

sales = glueContext.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": ["s3://raw/sales/"]},
    format="csv",
    format_options={"withHeader": True},
)
glueContext.write_dynamic_frame.from_options(
    frame=sales,
    connection_type="s3",
    connection_options={"path": "s3://reports/sales/"},
    format="parquet",
)

job.commit()
