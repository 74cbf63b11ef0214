import sys
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# Streaming: orders from the Kafka topic "orders" -> JSON files in the lake, one write per micro-batch.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

orders = glueContext.create_data_frame.from_options(
    connection_type="kafka",
    connection_options={
        "connectionName": "orders-msk",
        "topicName": "orders",
        "startingOffsets": "earliest",
        "inferSchema": "true",
        "classification": "json",
    },
    transformation_ctx="orders",
)


def process_batch(data_frame, batch_id):
    if data_frame.count() > 0:
        frame = DynamicFrame.fromDF(data_frame, glueContext, "orders_batch")
        glueContext.write_dynamic_frame.from_options(
            frame=frame,
            connection_type="s3",
            connection_options={"path": "s3://orders-lake/events/"},
            format="json",
        )


glueContext.forEachBatch(
    frame=orders,
    batch_function=process_batch,
    options={
        "windowSize": "100 seconds",
        "checkpointLocation": "s3://orders-assets/checkpoints/orders-stream/",
    },
)
job.commit()
