#!/bin/sh
# Whole-pipeline measurement (issue 7): builds the benchmark corpora when
# missing, runs the extraction and store-write benchmarks at GOMAXPROCS=1
# and 2, ingests the 10k and 100k corpora under /usr/bin/time -v, times an
# actor timeline query on both stores, and prints a summary table.
# Not part of `make test`: it takes long and writes GBs.
#
#   sh scripts/bench.sh                  # 10000 and 100000 articles
#   SIZES="10000" sh scripts/bench.sh    # only the 10k corpus
#   ACTOR="United States" COUNT=3 sh scripts/bench.sh
#
# Other processes on the machine skew wall times: the load average is
# printed with each result; compare rates measured in the same run.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
SIZES=${SIZES:-"10000 100000"}
ACTOR=${ACTOR:-"United States"}
COUNT=${COUNT:-3}
OUT=${OUT:-testdata/bench/results}
WORK=${WORK:-testdata/bench/work}
mkdir -p "$OUT" "$WORK"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# rss PID OUT samples the process's anonymous (heap) and file-backed (the
# store's mmap) resident memory every 2 s, in kB, until it exits: time -v
# reports only their sum, and the file part is page cache the kernel
# reclaims under pressure.
rss() {
	: >"$2"
	while kill -0 "$1" 2>/dev/null; do
		awk '/^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {if (a != "") print a, f}' "/proc/$1/status" >>"$2" 2>/dev/null || true
		sleep 2
	done
}

echo "== corpora"
for n in $SIZES; do
	if [ ! -d "testdata/bench/$n" ]; then
		avail=$(df -Pk . | awk 'NR==2 {print $4}')
		if [ "$n" -ge 100000 ] && [ "$avail" -lt 2000000 ]; then
			$GO run ./eval/benchcorpus -n "$n" -jsonl -out "testdata/bench/$n"
		else
			$GO run ./eval/benchcorpus -n "$n" -out "testdata/bench/$n"
		fi
	fi
done

echo "== build"
$GO generate ./internal/cayleyui >/dev/null
$GO build -trimpath -o "$WORK/eventgraph" ./cmd/eventgraph
$GO test -c -o "$WORK/extract.test" ./extract/
$GO test -c -o "$WORK/graph.test" ./graph/

echo "== extraction (load $(load))"
(cd extract && "../$WORK/extract.test" -test.run '^$' -test.bench 'Extract' \
	-test.benchtime 2x -test.count "$COUNT" -test.cpu 1,2 -test.benchmem) | tee "$OUT/extract.txt"

echo "== store writes (load $(load))"
(cd graph && "../$WORK/graph.test" -test.run '^$' -test.bench 'WriteVsRaw' \
	-test.benchtime 1x -test.count "$COUNT" -test.cpu 1,2) | tee "$OUT/write.txt"

for n in $SIZES; do
	store="$WORK/store$n"
	rm -rf "$store"
	echo "== ingest $n (load $(load))"
	$TIME -v -o "$OUT/ingest$n.time" "$WORK/eventgraph" ingest --dbpath "$store" "testdata/bench/$n" \
		>"$OUT/ingest$n.out" 2>&1 &
	pid=$!
	sleep 1
	rss "$(pgrep -P "$pid" | head -1)" "$OUT/ingest$n.rss" &
	wait "$pid" || true
	wait
	tail -1 "$OUT/ingest$n.out"
	echo "== timeline --actor \"$ACTOR\" on $n (load $(load))"
	: >"$OUT/timeline$n.time"
	i=0
	while [ $i -lt "$COUNT" ]; do
		$TIME -f "%e %M" -a -o "$OUT/timeline$n.time" "$WORK/eventgraph" timeline --dbpath "$store" \
			--actor "$ACTOR" --format json >"$OUT/timeline$n.json"
		i=$((i + 1))
	done
done

echo
echo "== summary (load $(load))"
med() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }
printf '%-34s %s\n' "measure" "median"
for c in "" "-2"; do
	printf '%-34s %s\n' "extract MB/s BenchmarkExtract$c" \
		"$(grep -E "^BenchmarkExtract$c[[:space:]]" "$OUT/extract.txt" | awk '{for (i=1;i<=NF;i++) if ($(i+1)=="MB/s") print $i}' | med)"
	printf '%-34s %s\n' "extract MB/s Parallel$c" \
		"$(grep -E "^BenchmarkExtractParallel$c[[:space:]]" "$OUT/extract.txt" | awk '{for (i=1;i<=NF;i++) if ($(i+1)=="MB/s") print $i}' | med)"
	for m in write-quads/s raw-quads/s write/raw write/raw-cpu; do
		printf '%-34s %s\n' "$m WriteVsRaw$c" \
			"$(grep -E "^BenchmarkWriteVsRaw$c[[:space:]]" "$OUT/write.txt" | awk -v m="$m" '{for (i=1;i<=NF;i++) if ($(i+1)==m) print $i}' | med)"
	done
done
for n in $SIZES; do
	t="$OUT/ingest$n.time"
	printf '%-34s %s\n' "ingest $n wall" "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$t")"
	printf '%-34s %s\n' "ingest $n user+sys s" "$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$t")"
	printf '%-34s %s\n' "ingest $n peak RSS MiB" "$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$t")"
	printf '%-34s %s\n' "ingest $n peak anon/file MiB" "$(awk '$1>a {a=$1} $2>f {f=$2} END {printf "%.0f / %.0f", a/1024, f/1024}' "$OUT/ingest$n.rss")"
	# The graph's size (issue 19): quads and bolt bytes per article, and
	# article text ingested per wall second.
	arts=$(sed -n 's/^ingested \([0-9]*\) article.*/\1/p' "$OUT/ingest$n.out" | tail -1)
	quads=$(sed -n 's/.* \([0-9]*\) quad(s) in .*/\1/p' "$OUT/ingest$n.out" | tail -1)
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, t, ":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]; print s}' "$t")
	printf '%-34s %s\n' "ingest $n quads/article" "$(awk -v q="${quads:-0}" -v a="${arts:-0}" 'BEGIN {if (a) printf "%.0f", q/a; else print "-"}')"
	printf '%-34s %s\n' "ingest $n bolt KB/article" "$(du -sk "$WORK/store$n" | awk -v a="${arts:-0}" '{if (a) printf "%.1f", $1/a; else print "-"}')"
	printf '%-34s %s\n' "ingest $n MB/s of text (wall)" "$(du -sb "testdata/bench/$n" | awk -v s="${secs:-0}" '{if (s) printf "%.3f", $1/1e6/s; else print "-"}')"
	printf '%-34s %s\n' "timeline $n s (median)" "$(cut -d' ' -f1 "$OUT/timeline$n.time" | med)"
	printf '%-34s %s\n' "timeline $n events" "$(grep -c '"id": "event/' "$OUT/timeline$n.json" || true)"
done
