# median-interval.awk: a distribution-free interval for the median of the numbers on each input line.
# Prints "LOW HIGH COVERAGE" (the interval between two order statistics that covers the median with probability
# COVERAGE >= 1 - alpha), or "none N" where the line has too few numbers for any such interval (N: the fewest that give
# one). alpha is 0.05 unless given with -v alpha=A.
#
# The interval [x(k), x(n+1-k)] of the sorted numbers misses the median only when at least n+1-k of them fall on one
# side of it, so its coverage is 1 - 2 P(B <= k-1) with B ~ Binomial(n, 1/2), whatever the numbers' distribution,
# provided they are independent draws of it (the rounds of a check: each round's two JVMs share its minute, the rounds
# are apart). Written out here because the scripts are bash and awk: Apache Commons Math's BinomialDistribution,
# which the Java side uses, is the reference that MedianIntervalScriptTest checks these bounds against.
function binomial_cdf_half(k, n,    j, logp, total) {
  # P(B <= k) for B ~ Binomial(n, 1/2), the terms in logs so that n in the thousands does not underflow
  if (k < 0) return 0
  logp = n * log(0.5); total = exp(logp)
  for (j = 0; j < k; j++) {
    logp += log(n - j) - log(j + 1)
    total += exp(logp)
  }
  return total
}
function fewest(alpha,    n) {
  for (n = 1; binomial_cdf_half(0, n) > alpha / 2; n++) { }
  return n
}
BEGIN { if (alpha == "") alpha = 0.05 }
{
  n = split($0, raw, " ")
  if (n == 0 || binomial_cdf_half(0, n) > alpha / 2) { print "none", fewest(alpha); next }
  for (i = 1; i <= n; i++) x[i] = raw[i] + 0
  for (i = 2; i <= n; i++) { v = x[i]; for (j = i - 1; j >= 1 && x[j] > v; j--) x[j + 1] = x[j]; x[j + 1] = v }
  k = 1
  while (k + 1 <= (n + 1) / 2 && binomial_cdf_half(k, n) <= alpha / 2) k++
  printf "%.6g %.6g %.6g\n", x[k], x[n + 1 - k], 1 - 2 * binomial_cdf_half(k - 1, n)
}
