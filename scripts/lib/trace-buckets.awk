# trace-buckets.awk: how the sums of one `sumbench sum --trace` file evolved over time.
# Reads the trace's CSV (call,start_ns,ns,way,kept,prefers; one header line) and prints one line: the median time of
# the sums (µs, rounded) that started in each stretch of `ms` milliseconds (default 20) from the first sum on, in
# order, separated by spaces ("-" for a stretch in which no sum started).
#   awk -f scripts/lib/trace-buckets.awk [-v ms=20] trace.csv
# Plain POSIX awk (no gawk's asort): the medians come from a heapsort, so a trace of 2^20 sums takes seconds.
BEGIN {
  FS = ","
  if (ms == "") ms = 20
  if (ms + 0 <= 0) { print "trace-buckets.awk: ms must be a positive number of milliseconds, got '" ms "'" > "/dev/stderr"; bad = 1; exit 2 }
  width = ms * 1000000
  last = -1
}
NR == 1 { next }
{
  b = int($2 / width)
  t[b, ++n[b]] = $3 + 0
  if (b > last) last = b
}
function sift(a, start, end,    root, child, swap) {
  root = start
  while (2 * root <= end) {
    child = 2 * root
    if (child + 1 <= end && a[child] < a[child + 1]) child++
    if (a[root] >= a[child]) return
    swap = a[root]; a[root] = a[child]; a[child] = swap
    root = child
  }
}
function heapsort(a, k,    i, swap) {
  for (i = int(k / 2); i >= 1; i--) sift(a, i, k)
  for (i = k; i > 1; i--) {
    swap = a[1]; a[1] = a[i]; a[i] = swap
    sift(a, 1, i - 1)
  }
}
END {
  if (bad) exit 2
  line = ""
  for (b = 0; b <= last; b++) {
    k = n[b] + 0
    if (k == 0) { line = line (b ? " " : "") "-"; continue }
    split("", v)
    for (i = 1; i <= k; i++) v[i] = t[b, i]
    heapsort(v, k)
    m = k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
    line = line (b ? " " : "") int(m / 1000 + 0.5)
  }
  print line
}
