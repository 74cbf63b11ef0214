import sys
from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

# scan-stream: every parcel scan from the depots' handhelds (topic 'scans') -> the lake,
# one micro-batch a minute. Deployed Monday 08:50.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
glueContext = GlueContext(SparkContext.getOrCreate())
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

scans = glueContext.create_data_frame.from_options(
    connection_type="kafka",
    connection_options={
        "connectionName": "parcels-msk",
        "topicName": "scans",
        "startingOffsets": "earliest",
        "inferSchema": "true",
        "classification": "json",
    },
    transformation_ctx="scans",
)


def process_batch(data_frame, batchId):
    if data_frame.count() > 0:
        # Parcels over 30 kg need a two-person lift: count them for the depot screens.
        heavy = 0
        for row in data_frame.collect():
            # A scale that failed sends no weight: that is data, not a reason to stop.
            if row["weight_g"] is not None and row["weight_g"] > 30000:
                heavy += 1
        print("batch", batchId, "scans", data_frame.count(), "heavy", heavy)
        frame = DynamicFrame.fromDF(data_frame, glueContext, "scans_batch")
        glueContext.write_dynamic_frame.from_options(
            frame=frame,
            connection_type="s3",
            connection_options={"path": "s3://parcel-lake/scans/"},
            format="json",
        )


glueContext.forEachBatch(
    frame=scans,
    batch_function=process_batch,
    options={
        "windowSize": "60 seconds",
        "checkpointLocation": "s3://parcel-ops/checkpoints/scan-stream/",
    },
)
job.commit()
