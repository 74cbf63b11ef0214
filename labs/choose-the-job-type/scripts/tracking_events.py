import sys
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# tracking-events: parcel tracking events from the 'tracking' topic, around the clock,
# written to the lake in micro-batches. About 20 events a minute.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

events = glueContext.create_data_frame.from_options(
    connection_type="kafka",
    connection_options={
        "connectionName": "tidewater-msk",
        "topicName": "tracking",
        "startingOffsets": "earliest",
        "inferSchema": "true",
        "classification": "json",
    },
    transformation_ctx="tracking",
)


def process_batch(data_frame, batchId):
    if data_frame.count() > 0:
        frame = DynamicFrame.fromDF(data_frame, glueContext, "tracking_batch")
        glueContext.write_dynamic_frame.from_options(
            frame=frame,
            connection_type="s3",
            connection_options={"path": "s3://tidewater-lake/tracking/"},
            format="json",
        )


glueContext.forEachBatch(
    frame=events,
    batch_function=process_batch,
    options={
        "windowSize": "60 seconds",
        "checkpointLocation": "s3://tidewater-ops/checkpoints/tracking-events/",
    },
)
job.commit()
