#!/usr/bin/env bash
# amicus benchmark: prints what it measures, with the baselines measured in the same run.
#   bash bench/bench.sh [RUNS]
# 1. one-shot `./amicus advise` on a 3-item example, cold JVM each time (median of RUNS), per JDK,
#    against a JVM that does nothing and against a plain `java -jar` run without the launcher's tuning;
# 2. peak memory of a one-shot run;
# 3. warm item-advices per second on 1 and 2 threads, trace on, against an empty Drools session,
#    and the time to find the flips of a 5-item scenario;
# 4. the time of `verify` over the full lattice (a Gray-code walk in live sessions), against the
#    rate of a fresh session per situation on a sample (the baseline) and its projected time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
example=scenarios/examples/ituri-logistics.json
[[ -f target/amicus.jar ]] || mvn -q -B -DskipTests package

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'; }
repeat() { for _ in $(seq "$runs"); do ms "$@"; done | median; }

echo "== One-shot: ./amicus advise $example ($(grep -c '"type"' $example) items), median of $runs cold runs"
for java in /usr/lib/jvm/*/bin/java; do
  [[ -x "$java" ]] || continue
  home="$(dirname "$(dirname "$(readlink -f "$java")")")"
  v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null | head -1)"
  [[ -n "$v" ]] || continue
  case " ${seen:-} " in *" $v "*) continue;; esac; seen="${seen:-} $v"
  AMICUS_JAVA="$java" ./amicus advise "$example" >/dev/null 2>&1   # prepares the start-up archive once
  echo "JDK $v ($java)"
  echo "  amicus (launcher):               $(AMICUS_JAVA="$java" repeat ./amicus advise "$example")"
  echo "  plain java -jar (no tuning):     $(repeat "$java" -Damicus.home=. -jar target/amicus.jar advise "$example")"
  echo "  a JVM that does nothing:         $(repeat "$java" -Xshare:auto -version)"
  if [[ -x /usr/bin/time ]]; then
    kb=$( (AMICUS_JAVA="$java" /usr/bin/time -f '%M' ./amicus advise "$example" >/dev/null) 2>&1 | tail -1)
    echo "  peak memory (max RSS):           $((kb / 1024)) MB"
  fi
done

echo
echo "== Warm throughput (C2, in one process; trace on)"
java -cp target/amicus.jar org.amicus.bench.Throughput "$example" 5 scenarios/examples/host-opposed-army-warrant.json

echo
echo "== Verify: the full lattice, walked in live sessions"
./amicus verify 2>/dev/null | grep -E "^Evaluat|^Result"
echo "   baseline: a fresh session per situation, on a sample, with the full lattice's projected time"
./amicus verify --sample 20000 2>/dev/null | grep -E "^Evaluated|^At this rate|^Result"
