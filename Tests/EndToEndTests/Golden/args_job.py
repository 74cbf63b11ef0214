import sys
from awsglue.utils import getResolvedOptions

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source", "mode"])
print("job", args["JOB_NAME"])
print("source", args["source"])
print("mode", args["mode"])
print("run id matches", args["JOB_RUN_ID"].startswith("jr_") and len(args["JOB_RUN_ID"]) == 67)
