"""Cross-checks `gluelab srs simulate` against py-fsrs (the PyPI package `fsrs`, pinned by
scripts/python-env --fsrs) with fuzzing off.

Seeded random rating sequences, with random review times (day offsets, including same-day and
just-under/over-a-day gaps), at-due reviews, and a mix of both, under the default scheduler and
varied settings (retention, learning/relearning steps incl. none and odd microseconds, maximum
interval), are replayed by py-fsrs and, all in one run, by `gluelab srs simulate --batch - --json`.
Every field must agree: state, step, reviewedAt, due, elapsedDays and scheduledDays exactly;
stability, difficulty and retrievability within 1e-6. Prints each failing sequence and ends with
`fsrs: N passed, N failed`; exits 1 on any failure.

    python scripts/fsrs/check.py --gluelab .build/debug/gluelab [--count 400] [--seed 6]
    python scripts/fsrs/check.py --write-fixture Tests/WorkbenchTests/Fixtures/pyfsrs.jsonl --count 60 --seed 42

--write-fixture writes the sequences with py-fsrs's rows ("expected") as JSON Lines instead, for
the Swift tests to replay without Python.
"""
import argparse
import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

TOLERANCE = 1e-6
UNIT_US = 864  # 1e-8 day: the finest day offset gluelab's --days takes, exactly
STATES = {1: "Learning", 2: "Review", 3: "Relearning"}
RATINGS = ["Again", "Hard", "Good", "Easy"]
STEP_CHOICES = [[], ["1m"], ["1m", "10m"], ["30s", "10m", "1h"], ["10m", "1d"], ["3us"], ["333us", "10m"], ["2h", "20h"]]
RELEARN_CHOICES = [[], ["10m"], ["10m", "1h"], ["5us"], ["1d"]]


def micros(step):
    """A gluelab duration text (as used in STEP_CHOICES) as a timedelta."""
    units = {"us": 1, "s": 1_000_000, "m": 60_000_000, "h": 3_600_000_000, "d": 86_400_000_000}
    for suffix in ("us", "s", "m", "h", "d"):
        if step.endswith(suffix) and step[: -len(suffix)].isdigit():
            return timedelta(microseconds=int(step[: -len(suffix)]) * units[suffix])
    raise ValueError(step)


def iso(dt):
    """gluelab's timestamp text: seconds, then a fraction without trailing zeros, then Z."""
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if dt.microsecond:
        text += "." + f"{dt.microsecond:06d}".rstrip("0")
    return text + "Z"


def gap_units(rng):
    """A random gap between reviews, in 1e-8 day units."""
    kind = rng.random()
    if kind < 0.15:
        return 0
    if kind < 0.35:
        return rng.randint(1, 99_999_999)                  # same day (< 1 day)
    if kind < 0.45:
        return rng.choice([99_999_999, 100_000_000, 100_000_001, 199_999_999, 200_000_000])
    if kind < 0.85:
        return rng.randint(1, 60) * 100_000_000            # whole days
    return rng.randint(100_000_000, 400 * 100_000_000)     # any time up to 400 days


def make_sequence(rng, index):
    n = rng.randint(1, 25)
    weights = rng.choice([(15, 15, 50, 20), (40, 20, 30, 10), (5, 5, 30, 60), (25, 25, 25, 25)])
    ratings = rng.choices(RATINGS, weights=weights, k=n)
    start = datetime(2000, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randint(0, 30 * 365 * 86400))
    if rng.random() < 0.2:
        start += timedelta(microseconds=rng.randint(1, 999_999))
    seq = {"id": f"s{index}", "ratings": ratings, "start": iso(start)}
    mode = rng.choice(["due", "days", "days", "mixed"])
    if mode != "due":
        seq["mode"] = mode
    if rng.random() < 0.4:
        seq["desiredRetention"] = round(rng.uniform(0.7, 0.97), 3)
    if rng.random() < 0.4:
        seq["learningSteps"] = rng.choice(STEP_CHOICES)
    if rng.random() < 0.4:
        seq["relearningSteps"] = rng.choice(RELEARN_CHOICES)
    if rng.random() < 0.2:
        seq["maximumInterval"] = rng.choice([5, 30, 365, 36500])
    return seq


def run_python(seq, rng):
    """Replays `seq` in py-fsrs; fills in seq["days"] (the review times gluelab must use)."""
    scheduler = Scheduler(
        desired_retention=seq.get("desiredRetention", 0.9),
        learning_steps=[micros(s) for s in seq.get("learningSteps", ["1m", "10m"])],
        relearning_steps=[micros(s) for s in seq.get("relearningSteps", ["10m"])],
        maximum_interval=seq.get("maximumInterval", 36500),
        enable_fuzzing=False,
    )
    start = datetime.fromisoformat(seq["start"].replace("Z", "+00:00"))
    card = Card(card_id=1, due=start)
    mode = seq.pop("mode", "due")
    days, rows, previous = [], [], None
    for review, name in enumerate(seq["ratings"], 1):
        if mode == "due" or (mode == "mixed" and rng.random() < 0.5):
            when = card.due
            days.append("due")
        else:
            floor_units = 0 if previous is None else -(-((previous - start) // timedelta(microseconds=1)) // UNIT_US)
            units = floor_units + gap_units(rng)
            when = start + timedelta(microseconds=units * UNIT_US)
            days.append(f"{units // 100_000_000}.{units % 100_000_000:08d}")
        retrievability = scheduler.get_card_retrievability(card, when)
        elapsed = (when - card.last_review).days if card.last_review else None
        card, _ = scheduler.review_card(card, Rating[name], when)
        previous = when
        rows.append({
            "review": review, "rating": name, "reviewedAt": iso(when), "elapsedDays": elapsed,
            "retrievability": float(retrievability), "state": STATES[int(card.state)], "step": card.step,
            "stability": card.stability, "difficulty": card.difficulty, "due": iso(card.due),
            "scheduledDays": (card.due - when).days,
        })
    if mode != "due":
        seq["days"] = days
    return rows


def compare(expected, actual):
    """The first differences between py-fsrs's rows and gluelab's, as text lines."""
    problems = []
    if len(expected) != len(actual):
        problems.append(f"py-fsrs gave {len(expected)} reviews, gluelab {len(actual)}")
    for want, got in zip(expected, actual):
        for key, value in want.items():
            other = got.get(key, "<missing>")
            if isinstance(value, float) and isinstance(other, (int, float)):
                ok = abs(value - other) <= TOLERANCE
            else:
                ok = value == other
            if not ok:
                problems.append(f"review {want['review']} ({want['rating']}): {key} py-fsrs={value!r} gluelab={other!r}")
        if problems:
            break
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gluelab")
    parser.add_argument("--write-fixture")
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sequences = [make_sequence(rng, i) for i in range(1, args.count + 1)]
    expected = {seq["id"]: run_python(seq, rng) for seq in sequences}
    if args.write_fixture:
        with open(args.write_fixture, "w") as out:
            for seq in sequences:
                out.write(json.dumps({**seq, "expected": expected[seq["id"]]}) + "\n")
        print(f"fsrs: wrote {len(sequences)} sequences to {args.write_fixture}")
        return 0
    if not args.gluelab:
        parser.error("--gluelab is required")
    batch = "".join(json.dumps(seq) + "\n" for seq in sequences)
    result = subprocess.run([args.gluelab, "srs", "simulate", "--batch", "-", "--json"],
                            input=batch, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"fsrs: gluelab failed ({result.returncode}): {result.stderr.strip()}")
        print(f"fsrs: 0 passed, {len(sequences)} failed")
        return 1
    actual = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        actual.setdefault(row.pop("sequence"), []).append(row)
    passed = failed = 0
    exact = total = 0
    for seq in sequences:
        rows = actual.get(seq["id"], [])
        problems = compare(expected[seq["id"]], rows)
        for want, got in zip(expected[seq["id"]], rows):
            for key in ("stability", "difficulty", "retrievability"):
                total += 1
                exact += want[key] == got.get(key)
        if problems:
            failed += 1
            print(f"FAIL {seq['id']}: {json.dumps(seq)}")
            for p in problems[:5]:
                print(f"  {p}")
        else:
            passed += 1
    reviews = sum(len(r) for r in expected.values())
    print(f"fsrs: {reviews} reviews compared, {exact} of {total} floats bit-identical")
    print(f"fsrs: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
