#!/bin/bash
# usage: soak.sh BIN DB OUT_PREFIX [serve flags…]  (writes OUT_PREFIX.rss, .wrk, .err)
# 5 minutes of distinct queries (closed loop), the server's RSS every 10 s (ps), and its
# anonymous (allocated) and file-backed (mapped) parts from /proc
BIN=$1; DB=$2; OUT=$3; shift 3
$BIN serve --db $DB --addr 127.0.0.1:18097 "$@" > /dev/null 2>$OUT.err &
PID=$!
sleep 1
echo "t_s rss_kb rss_anon_kb rss_file_kb" > $OUT.rss
echo "0 $(ps -o rss= -p $PID) $(awk '/RssAnon/{a=$2}/RssFile/{f=$2}END{print a, f}' /proc/$PID/status)" >> $OUT.rss
cat "$(dirname "$0")"/never_repeat.lua "$(dirname "$0")"/u_distinct.lua > /tmp/soak_distinct.lua
wrk -t2 -c8 -d300s --latency -s /tmp/soak_distinct.lua http://127.0.0.1:18097 > $OUT.wrk 2>&1 &
W=$!
for t in $(seq 10 10 300); do
  sleep 10
  echo "$t $(ps -o rss= -p $PID) $(awk '/RssAnon/{a=$2}/RssFile/{f=$2}END{print a, f}' /proc/$PID/status)" >> $OUT.rss
done
wait $W
echo "end $(ps -o rss= -p $PID) $(awk '/RssAnon/{a=$2}/RssFile/{f=$2}END{print a, f}' /proc/$PID/status)" >> $OUT.rss
kill $PID; wait $PID 2>/dev/null
