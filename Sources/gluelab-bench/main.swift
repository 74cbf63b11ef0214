import GlueEngine
print("gluelab-bench: no benchmarks yet")
