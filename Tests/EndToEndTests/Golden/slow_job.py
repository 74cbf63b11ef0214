import sys
from awsglue.utils import getResolvedOptions

# Busy for a while (the dialect has no `while`, nor time.sleep): for the concurrency test.
args = getResolvedOptions(sys.argv, ["JOB_NAME", "loops"])
for i in range(int(args["loops"])):
    pass
print("looped", args["loops"])
