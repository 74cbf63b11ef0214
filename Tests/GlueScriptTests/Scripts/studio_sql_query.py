import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue import DynamicFrame


def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
    for alias, frame in mapping.items():
        frame.toDF().createOrReplaceTempView(alias)
    result = spark.sql(query)
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


args = getResolvedOptions(sys.argv, ["JOB_NAME"])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

# Script generated for node Orders
Orders_node1718000000001 = glueContext.create_dynamic_frame.from_options(
    format_options={"multiLine": "false"},
    connection_type="s3",
    format="json",
    connection_options={"paths": ["s3://shop-landing/orders/"], "recurse": True},
    transformation_ctx="Orders_node1718000000001",
)

# Script generated for node Daily totals
SqlQuery0 = """
select order_date, country, sum(price * qty) as revenue
from orders
where qty > 0
group by order_date, country
"""
Dailytotals_node1718000000002 = sparkSqlQuery(
    glueContext,
    query=SqlQuery0,
    mapping={"orders": Orders_node1718000000001},
    transformation_ctx="Dailytotals_node1718000000002",
)

# Script generated for node Curated
Curated_node1718000000003 = glueContext.getSink(
    path="s3://shop-curated/daily_totals/",
    connection_type="s3",
    updateBehavior="UPDATE_IN_DATABASE",
    partitionKeys=["order_date"],
    enableUpdateCatalog=True,
    transformation_ctx="Curated_node1718000000003",
)
Curated_node1718000000003.setCatalogInfo(
    catalogDatabase="shop", catalogTableName="daily_totals"
)
Curated_node1718000000003.setFormat("glueparquet", compression="snappy")
Curated_node1718000000003.writeFrame(Dailytotals_node1718000000002)
job.commit()
