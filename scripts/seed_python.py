#!/usr/bin/env python3
"""The teaching note's Python original, timed: what `scripts/seed-python` runs (standard library only).

Two benchmarks, written as a JMH-format JSON run (results/<yyyyMMdd-HHmmss>_<host>_python<X.Y>.json):

- python.SeedPython.exercise: the note's two exercises as written, the numbers 1..10 split in two halves and each
  half summed by a worker of a ThreadPoolExecutor or a ProcessPoolExecutor created inside the call (`with ... as
  executor:`), variant = threads or processes;
- python.SeedPython.sum: the sum of 1..size at the suite's sizes, variant = sequential-python (`sum(numbers)`),
  threads-python / processes-python (a warm pool, made once per fork) and threads-python-cold /
  processes-python-cold (a pool per call, the note's pattern), one chunk per worker.

What a "fork" is here: one fresh interpreter (a child `python3` process) that measures every trial in turn, with
warm-up iterations first; each iteration repeats the call until it has run for --iteration-ms and scores the mean
time per call. JMH starts one JVM per trial and fork instead; the rawData are per fork all the same, so sumbench
takes each fork's mean as one sample, as it does for JMH runs. scoreError is JMH's: Student's t at 99.9 % over all
iterations.

The process exercise defines its function at module level and guards the entry point with
`if __name__ == "__main__":`, so a child started with the `spawn` method can import it. The note's version died
with BrokenProcessPool because under `spawn` (the default on Windows and macOS) the child starts a fresh interpreter
and must import the function by name from `__main__`; in a notebook (or `python -c`) `__main__` is not a file it
can import, so the child fails to unpickle the task and exits. `--from-main --start-method spawn` shows that happen.
"""

import argparse
import concurrent.futures
import datetime
import json
import math
import multiprocessing
import os
import platform
import socket
import signal
import subprocess
import sys
import tempfile
import threading
import time

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
#: A shell's code for a run stopped by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: The suite's sizes (SumBenchmark's).
DEFAULT_SIZES = [10, 1000, 100000, 10000000]
#: The teaching note's list: 1..10.
NOTE_SIZE = 10
#: JMH's confidence for scoreError.
CONFIDENCE = 0.999
BENCHMARK_SUM = "python.SeedPython.sum"
BENCHMARK_EXERCISE = "python.SeedPython.exercise"
SUM_VARIANTS = ["sequential-python", "threads-python", "threads-python-cold", "processes-python",
                "processes-python-cold"]
EXERCISE_VARIANTS = ["threads", "processes"]
#: Longest a warm pool may take to start all its workers: forking or spawning even 1000 workers takes seconds; a
#: pool that cannot start them (a process limit, `ulimit -u`) fails or hangs instead, and is stopped.
POOL_START_TIMEOUT_S = 30
#: Longest one call may run past its iteration: a cold pool's call on the largest size allowed (10^8 numbers, pickled
#: to the workers) takes well under it; a call that takes longer is stuck (a worker that died or never started).
TASK_TIMEOUT_S = 120
#: Upper bounds of the counts: far above any useful run, low enough that a typo is refused instead of running for
#: years. More forks than 100 or iterations than 1000 narrow nothing that a quieter machine would not; a pool of more
#: than 1024 workers only measures the process limit.
MAX_FORKS = 100
MAX_ITERATIONS = 1000
MAX_ITERATION_MS = 60000
MAX_WORKERS = 1024

# The note's exercise, run with `python3 -c` for --from-main: the function lives in a __main__ a child cannot import.
NOTE_CODE = """
import multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
def half_sum(numbers):
    return sum(numbers)
numbers = list(range(1, 11))
with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context(sys.argv[1])) as executor:
    print(sum(executor.map(half_sum, [numbers[:5], numbers[5:]])))
"""


def half_sum(numbers):
    """Sums one chunk: at module level, so that a spawned child can import it by name."""
    return sum(numbers)


def chunks(numbers, workers):
    """One chunk per worker (two halves for two workers), like sumbench's chunk = ceil(size / workers)."""
    size = max(1, -(-len(numbers) // workers))
    return [numbers[i:i + size] for i in range(0, len(numbers), size)]


def note_threads(numbers, workers):
    """The note's thread exercise as written: the pool is created inside the call."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as executor:
        return sum(executor.map(half_sum, chunks(numbers, workers)))


def note_processes(numbers, workers, context):
    """The note's process exercise as written: the pool is created inside the call."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as executor:
        return sum(executor.map(half_sum, chunks(numbers, workers)))


def pool_sum(executor, numbers, workers):
    return sum(executor.map(half_sum, chunks(numbers, workers)))


def t_quantile(p, df):
    """Student's t quantile by bisection on its CDF (Simpson's rule on the density; the standard library has none)."""
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)

    def density(x):
        return math.exp(log_norm - (df + 1) / 2 * math.log1p(x * x / df))

    def cdf(x):  # for x >= 0: 0.5 + integral 0..x of the density
        steps = 2000
        h = x / steps
        total = density(0) + density(x)
        for i in range(1, steps):
            total += (4 if i % 2 else 2) * density(i * h)
        return 0.5 + total * h / 3

    lo, hi = 0.0, 1.0
    while cdf(hi) < p:
        hi *= 2
    for _ in range(100):
        mid = (lo + hi) / 2
        if cdf(mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def stop_children():
    """Kills every worker this interpreter started (multiprocessing's children) and waits for each."""
    for child in multiprocessing.active_children():
        child.kill()
    for child in multiprocessing.active_children():
        child.join(5)


class Watchdog:
    """Ends this interpreter, workers included, when what it guards overruns: a stuck pool never returns."""

    def __init__(self):
        self.timer = None

    def arm(self, seconds, what):
        self.disarm()
        self.timer = threading.Timer(seconds, self.fire, (seconds, what))
        self.timer.daemon = True
        self.timer.start()

    def disarm(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None

    @staticmethod
    def fire(seconds, what):
        print("%s did not finish within %d s; stopped" % (what, seconds), file=sys.stderr, flush=True)
        stop_children()
        os._exit(EXIT_FAILURE)


WATCHDOG = Watchdog()


def measure(call, expected, warmups, iterations, iteration_s):
    """Per iteration, the mean time of one call in microseconds; the result is checked outside the timing."""
    scores = []
    for i in range(warmups + iterations):
        # an iteration ends after the first call that reaches iteration_s: that call may take TASK_TIMEOUT_S
        WATCHDOG.arm(iteration_s + TASK_TIMEOUT_S, "an iteration (%.0f ms and one call)" % (iteration_s * 1000))
        calls = 0
        start = time.perf_counter()
        while True:
            result = call()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= iteration_s:
                break
        if result != expected:
            raise RuntimeError("wrong sum: %d, expected %d" % (result, expected))
        if i >= warmups:
            scores.append(elapsed / calls * 1e6)
    WATCHDOG.disarm()
    return scores


def run_fork(config):
    """One fork: a fresh interpreter measuring every trial in turn; returns {trial key: [iteration scores]}."""
    context = multiprocessing.get_context(config["start_method"])
    workers = config["workers"]
    warmups, iterations, iteration_s = config["warmups"], config["iterations"], config["iteration_ms"] / 1000.0
    out = {}
    note = list(range(1, NOTE_SIZE + 1))
    expected_note = NOTE_SIZE * (NOTE_SIZE + 1) // 2
    out["exercise/threads"] = measure(lambda: note_threads(note, workers), expected_note, warmups, iterations,
                                      iteration_s)
    out["exercise/processes"] = measure(lambda: note_processes(note, workers, context), expected_note, warmups,
                                        iterations, iteration_s)
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as threads, \
            concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as processes:
        WATCHDOG.arm(POOL_START_TIMEOUT_S, "starting a pool of %d worker processes" % workers)
        list(processes.map(half_sum, [[i] for i in range(workers)]))  # the workers start before any timing
        WATCHDOG.disarm()
        for size in config["sizes"]:
            numbers = list(range(1, size + 1))
            expected = size * (size + 1) // 2
            calls = {
                "sequential-python": lambda: sum(numbers),
                "threads-python": lambda: pool_sum(threads, numbers, workers),
                "threads-python-cold": lambda: note_threads(numbers, workers),
                "processes-python": lambda: pool_sum(processes, numbers, workers),
                "processes-python-cold": lambda: note_processes(numbers, workers, context),
            }
            for variant in SUM_VARIANTS:
                out["sum/%s/%d" % (variant, size)] = measure(calls[variant], expected, warmups, iterations,
                                                            iteration_s)
    return out


def row(benchmark, params, forks, config):
    """One JMH-format result row from the forks' iteration scores."""
    every = [score for fork in forks for score in fork]
    n = len(every)
    mean = sum(every) / n
    if n > 2:
        sd = math.sqrt(sum((x - mean) ** 2 for x in every) / (n - 1))
        error = t_quantile(1 - (1 - CONFIDENCE) / 2, n - 1) * sd / math.sqrt(n)
        confidence = [mean - error, mean + error]
    else:
        error, confidence = "NaN", ["NaN", "NaN"]
    ordered = sorted(every)
    percentiles = {}
    for p in [0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0]:
        percentiles[repr(p)] = ordered[min(n - 1, int(round(p / 100 * (n - 1))))]
    return {
        "jmhVersion": "none: seed-python " + platform.python_version(),
        "benchmark": benchmark,
        "mode": "avgt",
        "threads": 1,
        "forks": len(forks),
        "jvm": sys.executable,
        "jvmArgs": [],
        "jdkVersion": platform.python_version(),
        "vmName": platform.python_implementation(),
        "vmVersion": platform.python_version() + " (" + platform.python_build()[1] + ")",
        "warmupIterations": config["warmups"],
        "warmupTime": "%d ms" % config["iteration_ms"],
        "warmupBatchSize": 1,
        "measurementIterations": config["iterations"],
        "measurementTime": "%d ms" % config["iteration_ms"],
        "measurementBatchSize": 1,
        "params": params,
        "primaryMetric": {
            "score": mean,
            "scoreError": error,
            "scoreConfidence": confidence,
            "scorePercentiles": percentiles,
            "scoreUnit": "us/op",
            "rawData": forks,
        },
        "secondaryMetrics": {},
    }


def rows(fork_results, config):
    common = {"workers": str(config["workers"]), "cores": str(config["cores"]),
              "startMethod": config["start_method"]}
    out = []
    for variant in EXERCISE_VARIANTS:
        params = dict(common, variant=variant, size=str(NOTE_SIZE))
        out.append(row(BENCHMARK_EXERCISE, params, [f["exercise/" + variant] for f in fork_results], config))
    for variant in SUM_VARIANTS:
        for size in config["sizes"]:
            key = "sum/%s/%d" % (variant, size)
            params = dict(common, variant=variant, size=str(size))
            out.append(row(BENCHMARK_SUM, params, [f[key] for f in fork_results], config))
    return out


def publish(directory, rows_out, python_version):
    """Writes the run under a name no other file has (never overwriting); returns its path."""
    os.makedirs(directory, exist_ok=True)
    if os.path.islink(directory) or not os.path.isdir(directory):
        raise ValueError("--out: not a directory: " + directory)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    host = "".join(c if c.isalnum() or c == "-" else "-" for c in socket.gethostname().lower()) or "host"
    stem = "%s_%s_python%s" % (stamp, host, python_version)
    fd, temporary = tempfile.mkstemp(prefix="." + stem, suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(rows_out, out, indent=4)
            out.write("\n")
        for suffix in range(1, 1000):
            name = stem if suffix == 1 else "%s-%d" % (stem, suffix)
            if any(os.path.lexists(os.path.join(directory, name + ext)) for ext in (".json", ".csv", ".md",
                                                                                    ".meta.json")):
                continue
            target = os.path.join(directory, name + ".json")
            try:
                os.link(temporary, target)  # fails if the name exists: never overwrites
                return target
            except FileExistsError:
                continue
        raise RuntimeError("more than 1000 runs named " + stem)
    finally:
        os.unlink(temporary)


def from_main_demo(start_method):
    """Runs the note's exercise with its function in a __main__ that a child cannot import; explains the outcome."""
    print("seed-python: the note's process exercise with half_sum defined in __main__ (python3 -c, like a "
          "notebook), start method %s:" % start_method)
    try:
        done = subprocess.run([sys.executable, "-c", NOTE_CODE, start_method], capture_output=True, text=True,
                              timeout=120)
    except subprocess.TimeoutExpired:
        print("seed-python: it hung for 120 s and was stopped")
        return EXIT_FAILURE
    if done.returncode == 0 and done.stdout.strip() == "55":
        print("  it worked: 55. With '%s' the child %s, so half_sum is there." % (
            start_method, "is a copy of the parent (fork)" if start_method == "fork"
            else "imports __main__ by path"))
        return EXIT_OK
    last = [line for line in done.stderr.splitlines() if line.strip()]
    broken = any("BrokenProcessPool" in line for line in last)
    missing = [line.strip() for line in last if "Can't get attribute" in line or "AttributeError" in line]
    print("  it failed%s: %s" % (" as in the note" if broken else "", last[-1] if last else "exit code %d"
                                 % done.returncode))
    if missing:
        print("  the child said: " + missing[0])
    print("  why: under 'spawn' each worker is a fresh interpreter that must import half_sum from __main__ to "
          "unpickle the task; here __main__ is not a file it can import, so the worker dies and the pool is broken. "
          "The fix (this script): define the function at module level in a file and guard the entry point with "
          "if __name__ == \"__main__\":.")
    return EXIT_OK


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="seed-python",
        description="Times the teaching note's Python exercises and the same sum at the suite's sizes "
                    "(sequential, warm pool, cold pool) and saves a JMH-format JSON run for sumbench tables/compare.",
        epilog="Exit codes: 0 ok, 1 failure, 2 bad input (also: no python3). Example: scripts/seed-python "
               "--sizes 10,1000 --forks 2 --iterations 2 --iteration-ms 20 --out /tmp/py")
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES),
                        help="comma-separated sizes (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=0, help="workers (default: the CPUs this process may use)")
    parser.add_argument("--forks", type=int, default=3, help="fresh interpreters, one after the other (default 3)")
    parser.add_argument("--warmups", type=int, default=1, help="warm-up iterations per trial (default 1)")
    parser.add_argument("--iterations", type=int, default=5, help="measured iterations per trial (default 5)")
    parser.add_argument("--iteration-ms", type=int, default=100, help="iteration time in ms (default 100)")
    parser.add_argument("--start-method", choices=multiprocessing.get_all_start_methods(),
                        default=multiprocessing.get_start_method(allow_none=False),
                        help="multiprocessing start method (default: this platform's, %(default)s)")
    parser.add_argument("--out", default="results", help="directory of the run (default: results)")
    parser.add_argument("--from-main", action="store_true",
                        help="demo: run the note's exercise with its function in an unimportable __main__ and "
                             "explain what happens with --start-method (spawn: BrokenProcessPool); measures nothing")
    parser.add_argument("--fork-child", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def fork_child(config):
    """The body of one fork: its results as one JSON line, or one line on stderr and no worker left."""
    try:
        print(json.dumps(run_fork(config)))
        return EXIT_OK
    except Exception as e:  # one line for whatever stops a fork: the parent shows it
        hint = (" (cannot start %d worker processes: a process limit such as ulimit -u? try fewer --workers)"
                % config["workers"] if isinstance(e, BlockingIOError) else "")
        print("%s: %s%s" % (type(e).__name__, e, hint), file=sys.stderr, flush=True)
        stop_children()
        return EXIT_FAILURE


def fork_timeout_s(config):
    """What a fork may take at most when every guard of the child holds: the parent's own guard against the rest."""
    trials = len(EXERCISE_VARIANTS) + len(SUM_VARIANTS) * len(config["sizes"])
    per_iteration = config["iteration_ms"] / 1000.0 + TASK_TIMEOUT_S
    return int(POOL_START_TIMEOUT_S + trials * (config["warmups"] + config["iterations"]) * per_iteration)


def run_child(command, timeout):
    """Runs a fork in a process group of its own; a timeout or Ctrl-C kills the group, pool workers included."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=timeout)
        return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)
    finally:
        try:
            os.killpg(child.pid, signal.SIGKILL)  # what the child left behind, or all of it on a timeout
        except ProcessLookupError:
            pass
        child.wait()


def cpus():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def main(argv):
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return EXIT_OK if e.code == 0 else EXIT_BAD_INPUT
    if args.fork_child is not None:
        return fork_child(json.loads(args.fork_child))
    if args.from_main:
        return from_main_demo(args.start_method)
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        sizes = []
    if not sizes or any(s < 1 or s > 100_000_000 for s in sizes):
        print("seed-python: --sizes: expected sizes from 1 to 100000000 separated by commas, got '%s'" % args.sizes,
              file=sys.stderr)
        return EXIT_BAD_INPUT
    for name, low, high in (("forks", 1, MAX_FORKS), ("iterations", 1, MAX_ITERATIONS),
                            ("iteration_ms", 1, MAX_ITERATION_MS), ("warmups", 0, MAX_ITERATIONS),
                            ("workers", 0, MAX_WORKERS)):
        if not low <= getattr(args, name) <= high:
            print("seed-python: --%s: expected %d to %d, got %d" % (name.replace("_", "-"), low, high,
                                                                   getattr(args, name)), file=sys.stderr)
            return EXIT_BAD_INPUT
    if os.path.lexists(args.out) and (os.path.islink(args.out) or not os.path.isdir(args.out)):
        print("seed-python: --out: not a directory (or a link): " + args.out, file=sys.stderr)
        return EXIT_BAD_INPUT
    config = {"sizes": sizes, "workers": args.workers or cpus(), "cores": cpus(), "warmups": args.warmups,
              "iterations": args.iterations, "iteration_ms": args.iteration_ms, "start_method": args.start_method}
    fork_results = []
    for fork in range(1, args.forks + 1):
        print("seed-python: fork %d of %d (%s, %d workers, start method %s)" % (
            fork, args.forks, sys.executable, config["workers"], config["start_method"]), flush=True)
        timeout = fork_timeout_s(config)
        try:
            done = run_child([sys.executable, os.path.abspath(__file__), "--fork-child", json.dumps(config)],
                             timeout)
        except subprocess.TimeoutExpired:
            print("seed-python: fork %d ran longer than %d s and was stopped; nothing was written" % (
                fork, timeout), file=sys.stderr)
            return EXIT_FAILURE
        if done.returncode != 0:
            tail = [line for line in done.stderr.splitlines() if line.strip()]
            print("seed-python: fork %d failed (exit code %d): %s; nothing was written" % (
                fork, done.returncode, tail[-1] if tail else "no message"), file=sys.stderr)
            return EXIT_FAILURE
        fork_results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    try:
        path = publish(args.out, rows(fork_results, config), "%d.%d" % sys.version_info[:2])
    except (OSError, ValueError, RuntimeError) as e:
        print("seed-python: cannot write the run: %s" % e, file=sys.stderr)
        return EXIT_FAILURE
    print("seed-python: run saved: " + path)
    print("seed-python: tables: scripts/tables %s   (beside a JVM run: scripts/tables RUN.json %s)" % (path, path))
    return EXIT_OK


if __name__ == "__main__":
    # SIGINT stops the run (one line, exit code 130) also where a script started it in the background, which ignores it
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("seed-python: interrupted; nothing was written", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
