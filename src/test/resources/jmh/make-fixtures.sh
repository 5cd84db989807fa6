#!/usr/bin/env bash
# Remakes the JMH fixtures under src/test/resources/jmh: real output that JMH itself writes, from the benchmark sources
# in src/ (kept as .java.txt so that no @Benchmark class is compiled into the build: JMH reads one BenchmarkList).
#
#   src/test/resources/jmh/make-fixtures.sh        (from anywhere; takes a few minutes; needs taskset and ~/.m2)
#
# Every run is tiny (-f 1 -wi 1 -i 3, 100 ms iterations): the numbers only need to be real, not precise. Each run is
# written once by JMH as both CSV and JSON (src/fixture/WriteBoth), so the two formats of a file pair agree exactly.
#   en/, ru/     fixture.* benchmarks in the en and ru locales: params and none, avgt, thrpt, sample, ss, -prof gc
#   jmh136/      the same with JMH 1.36, whose secondary labels carry a U+00B7 prefix ("·gc.alloc.rate")
#   sumbench/    dev.sumbench.bench.* in sumbench's shape over its in-process strategies, as a core sweep:
#                cores1.* under taskset -c 0 and cores2.* under taskset -c 0,1, each with a .meta.json
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
m2="${M2_REPO:-$HOME/.m2/repository}"
java="${JAVA:-java}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

jar() { echo "$m2/$1"; }
jmh_cp() { # version
  echo "$(jar org/openjdk/jmh/jmh-core/$1/jmh-core-$1.jar):$(jar net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar):$(jar org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar)"
}
processor() { # version
  jar org/openjdk/jmh/jmh-generator-annprocess/$1/jmh-generator-annprocess-$1.jar
}

(cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests compile)

compile() { # version, output dir, sources...
  local version="$1" out="$2"; shift 2
  mkdir -p "$out/src" "$out/classes"
  local sources=()
  for txt in "$@"; do
    local java_file="$out/src/${txt#"$here/src/"}"
    java_file="${java_file%.txt}"
    mkdir -p "$(dirname "$java_file")"
    cp "$txt" "$java_file"
    sources+=("$java_file")
  done
  javac -nowarn -d "$out/classes" -cp "$(jmh_cp "$version"):$root/target/classes" \
    -processorpath "$(processor "$version"):$(jmh_cp "$version")" "${sources[@]}"
}

run() { # version, classes dir, locale (en|ru), stem, JMH options...; $pin: a command to pin the JVM to CPUs;
       # $iterations: measurement iterations (default 3)
  local version="$1" classes="$2" locale="$3" stem="$4"; shift 4
  local country=US
  [ "$locale" = ru ] && country=RU
  mkdir -p "$(dirname "$stem")"
  # shellcheck disable=SC2086  # $pin is a command line
  # Its own tmpdir: JMH's lock file lives there, and other JMH runs on this machine must not block this one.
  ${pin:-} "$java" -Djava.io.tmpdir="$work" -Duser.language="$locale" -Duser.country="$country" \
    -cp "$classes:$(jmh_cp "$version"):$root/target/classes" fixture.WriteBoth "$stem" \
    -f 1 -wi 1 -i "${iterations:-3}" -w 100ms -r 100ms "$@"
}

meta() { # stem, cores, core counts (JSON list)
  local stem="$1" cores="$2" counts="$3"
  cat > "$stem.meta.json" <<JSON
{
  "stem" : "$(basename "$stem")",
  "date" : "$(date -Iseconds)",
  "host" : "fixture",
  "cpuModel" : "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')",
  "cores" : $cores,
  "onlineCpus" : $(nproc --all),
  "memoryBytes" : $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) * 1024 )),
  "os" : "$(uname -s) $(uname -r) $(uname -m)",
  "jdkVendor" : "$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vendor = / {print $2}')",
  "jdkVersion" : "$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version = / {print $2}')",
  "jdkFeature" : $("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version = / {print $2}'),
  "javaHome" : "$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home = / {print $2}')",
  "jmhVersion" : "1.37",
  "jmhArgs" : [ "-f", "1", "-wi", "1", "-i", "3", "-w", "100ms", "-r", "100ms", "-p", "cores=$cores" ],
  "gitCommit" : "fixture",
  "gitDirty" : false,
  "coreCounts" : $counts
}
JSON
}

compile 1.37 "$work/1.37" "$here"/src/fixture/*.java.txt "$here"/src/dev/sumbench/bench/*.java.txt
compile 1.36 "$work/1.36" "$here"/src/fixture/WriteBoth.java.txt "$here"/src/fixture/Sized.java.txt
c37="$work/1.37/classes"

for locale in en ru; do
  run 1.37 "$c37" "$locale" "$here/$locale/sized" 'fixture\.Sized\.' -prof gc
  iterations=2 run 1.37 "$c37" "$locale" "$here/$locale/modes" 'fixture\.Modes\.'
done
run 1.37 "$c37" en "$here/en/plain" 'fixture\.Plain\.'
run 1.36 "$work/1.36/classes" en "$here/jmh136/sized" 'fixture\.Sized\.' -prof gc

for cores in 1 2; do
  cpus="$(seq -s, 0 $((cores - 1)))"
  stem="$here/sumbench/cores$cores"
  mkdir -p "$here/sumbench"
  meta "$stem" "$cores" "[ 1, 2 ]"
  pin="taskset -c $cpus" run 1.37 "$c37" en "$stem" 'dev\.sumbench\.bench\.' -p "cores=$cores"
done
echo "fixtures written under $here"
