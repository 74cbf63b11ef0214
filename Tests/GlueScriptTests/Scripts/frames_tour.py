# A tour of DynamicFrame methods and awsglue.transforms, run against a frame the test provides
# as the global `people` (id: long, name: string, age: choice of long and string).
from awsglue.transforms import *
from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection
from awsglue import DynamicFrame as TopLevelDynamicFrame

people.printSchema()
print(people.count())

resolved = ResolveChoice.apply(frame=people, specs=[("age", "cast:long")], transformation_ctx="resolve")
resolved.printSchema()

mapped = ApplyMapping.apply(
    frame=resolved,
    mappings=[("id", "long", "person.id", "string"), ("name", "string", "person.name", "string"), ("age", "long", "age", "int")],
    transformation_ctx="mapping",
)
mapped.printSchema()
mapped.show()

# r["age"] is missing for bob after the cast: KeyError, so Filter drops him silently.
adults = Filter.apply(frame=resolved, f=lambda r: r["age"] > 26)
print("adults:", adults.count(), "errors:", adults.errorsCount())


def flag(record):
    record["senior"] = record["age"] > 28
    return record


flagged = Map.apply(frame=resolved, f=flag)
print("flagged:", flagged.count(), "errors:", flagged.errorsCount(), flagged.stageErrorsCount())
flagged.errorsAsDynamicFrame().show()

parts = resolved.split_fields(["id"], "ids", "rest")
print(len(parts), sorted(parts.keys()))
for key in parts.keys():
    print(key, parts[key].count(), parts.select(key).schema().field_names())

df = resolved.toDF()
df.printSchema()
df.show()
back = DynamicFrame.fromDF(df, None, "back")
print(back.name, back.count(), TopLevelDynamicFrame is DynamicFrame)
