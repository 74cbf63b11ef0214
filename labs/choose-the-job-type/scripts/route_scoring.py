# route-scoring: scores every delivery route of the day with the planners' Python model
# (thousands of small, independent pure-Python tasks; no joins, no SQL). On AWS this runs on
# Ray (import ray; ray.remote tasks); here a plain loop stands in for the model.
ROUTES = []
for i in range(1, 41):
    ROUTES.append(("LDS-" + str(100 + i), 12 + (i * 7) % 40, 3 + (i * 5) % 11))

def score(stops, hours):
    return round(stops / hours, 2)

best = None
for route, stops, hours in ROUTES:
    s = score(stops, hours)
    if best is None or s > best[1]:
        best = (route, s)
print("routes scored:", len(ROUTES), "best:", best[0], best[1])
