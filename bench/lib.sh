# Shared by bench/run and bench/profile (sourced, not run). The caller sets ROOT, RUN, DB, ADMIN_TOKEN, APP_HEAP,
# PSQL and STARTED_AT, then calls start_app / stop_app (start_app picks the port), and traps EXIT with cleanup.
# BENCH_APP_JAR runs another build of the app (to compare two versions). BENCH_PG_PORT points everything (psql,
# pgbench, the app) at another PostgreSQL on 127.0.0.1, e.g. a private one started with pg_stat_statements.

PG_PORT=${BENCH_PG_PORT:-5432}
export PGPORT=$PG_PORT

log() { printf '%s [bench %4ss] %s\n' "$(date -u +%H:%M:%S)" "$(( $(date +%s) - STARTED_AT ))" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- tools --------------------------------------------------------------------------------------------------------

need_tools() {
  for tool in java mvn psql curl; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
  done
  if ! command -v pgbench >/dev/null; then
    log "pgbench is missing: installing postgresql-client (Debian ships pgbench in it)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client; } >/dev/null \
      || die "could not install postgresql-client for pgbench"
  fi
  pg_isready -q -h 127.0.0.1 || die "PostgreSQL is not answering on 127.0.0.1:$PG_PORT"
}

loadgen() { java -Xmx512m -jar "$ROOT/bench/loadgen/target/loadgen.jar" "$@"; }

# --- the database -------------------------------------------------------------------------------------------------

sql() { "${PSQL[@]}" -d "$DB" -Atc "$1"; }

events_in_store() { sql "SELECT count(*) FROM domain_event_entry"; }

# Appends synthetic history until the store holds $1 events, in transactions of at most 300k rows.
pad_to() {
  local target=$1 added
  log "padding the event store to $target events (SQL copies of real events; the app is stopped)"
  while added=$(sql "SELECT bench.pad_events($target, 300000)") && (( added > 0 )); do
    log "  ... $(events_in_store) events"
  done
  sql "VACUUM (ANALYZE) domain_event_entry" >/dev/null
  feed_past_padding
}

# The room feed's writer follows the store from its own stored position (ADR 0018). The padded events are history
# the feed would have announced when it happened, so its position moves past them; otherwise the next app run's
# writer turns every padded event into a feed entry (about 150 a second on this machine, so for the rest of the
# run) beside whatever is measured. The audit log's appender is left behind: its catch-up is measured
# (start_app_audited).
feed_past_padding() {
  sql "UPDATE token_entry
          SET token = convert_to(jsonb_set(jsonb_set(convert_from(token, 'UTF8')::jsonb, '{index}',
                        to_jsonb((SELECT max(global_index) FROM domain_event_entry))), '{gaps}', '[]')::text, 'UTF8')
        WHERE processor_name = 'room-feed' AND token IS NOT NULL" >/dev/null
  log "the room feed's position moved past the padding: $(sql "SELECT token_type || ' ' || convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = 'room-feed'")"
}

# --- the app ------------------------------------------------------------------------------------------------------

# A free port, chosen at random among 20000-29999 for each start: other people run apps (and benchmarks) on this
# machine too, and a fixed or first-free port can be taken between the check and the start.
pick_port() {
  PORT=${BENCH_PORT:-}
  if [[ -z $PORT ]]; then
    for _ in $(seq 1 50); do
      local candidate=$(( 20000 + RANDOM % 10000 ))
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
    done
  fi
  [[ -n $PORT ]] || die "no free port found between 20000 and 29999"
  URL=http://127.0.0.1:$PORT
}

start_app() {
  local label=$1 jvm=("$APP_HEAP")
  pick_port
  [[ ${BENCH_JFR:-0} == 1 ]] && jvm+=("-XX:StartFlightRecording=filename=$RUN/app-$label.jfr,settings=profile")
  # shellcheck disable=SC2206
  [[ -n ${BENCH_APP_OPTS:-} ]] && jvm+=($BENCH_APP_OPTS)
  APP_JVM_OPTIONS="${jvm[*]}"
  log "starting the app ($label) on $URL, database $DB"
  env SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
      ANTECHAMBER_ADMIN_TOKEN="$ADMIN_TOKEN" SERVER_PORT="$PORT" \
      ANTECHAMBER_RATE_LIMIT_BURST=100000000 ANTECHAMBER_RATE_LIMIT_PER_SECOND=100000000 \
      AXONIQ_UPDATE_CHECKER_DISABLED=true \
      java "${jvm[@]}" -jar "${BENCH_APP_JAR:-$ROOT/api-gateway/target/antechamber.jar}" >"$RUN/app-$label.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up; see $RUN/app-$label.log"
    # Healthy, and it is our process that listens (not another app that took the port meanwhile).
    if grep -q "Tomcat started on port $PORT" "$RUN/app-$label.log" 2>/dev/null \
        && curl -sf "$URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      log "app up (pid $APP_PID)"
      return
    fi
    sleep 0.5
  done
  die "the app did not become healthy within 120 s; see $RUN/app-$label.log"
}

stop_app() {
  [[ -n $APP_PID ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$APP_PID" 2>/dev/null && { log "app did not stop in 30 s: killing it"; kill -KILL "$APP_PID" || true; }
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

SAMPLER_PIDS=()
cleanup() {
  local status=$?
  for pid in "${SAMPLER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_app
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 \
    && log "dropped database $DB" || log "could not drop database $DB"
  exit $status
}

# --- samplers during `create` -------------------------------------------------------------------------------------

# The app's resident memory, 4 times a second; VmHWM (the kernel's peak) is read at the end.
start_rss_sampler() {
  ( peak=0
    while kill -0 "$APP_PID" 2>/dev/null; do
      rss=$(awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
      (( rss > peak )) && peak=$rss && echo "$peak" >"$RUN/rss_peak_sampled_kb"
      sleep 0.25
    done ) &
  SAMPLER_PIDS+=($!)
}

# What the app's PostgreSQL sessions wait on, 5 times a second through one psql session, bounded in count.
start_pg_sampler() {
  local samples=$1
  ( for _ in $(seq 1 "$samples"); do cat "$ROOT/bench/sql/pg_activity.sql"; sleep 0.2; done ) \
    | "${PSQL[@]}" -d "$DB" -At >"$RUN/pg_waits.txt" 2>/dev/null &
  SAMPLER_PIDS+=($!)
}

stop_samplers() {
  for pid in "${SAMPLER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  SAMPLER_PIDS=()
}

# --- baselines ----------------------------------------------------------------------------------------------------

baseline_insert() {
  log "B_ins: pgbench, $PGBENCH_CLIENTS clients, ${PGBENCH_SECONDS}s, one event-like row per transaction"
  "${PSQL[@]}" -d "$DB" -f "$ROOT/bench/sql/scratch_table.sql" >/dev/null
  pgbench -n -h 127.0.0.1 -U postgres -M prepared -c "$PGBENCH_CLIENTS" -j 2 -T "$PGBENCH_SECONDS" \
    -f "$ROOT/bench/sql/pgbench_insert.sql" "$DB" >"$RUN/pgbench.txt" 2>&1 || die "pgbench failed: $RUN/pgbench.txt"
  local tps latency
  tps=$(awk '/^tps = / {print $3; exit}' "$RUN/pgbench.txt")
  latency=$(awk '/^latency average = / {print $4; exit}' "$RUN/pgbench.txt")
  sql "DROP TABLE bench_scratch_events"
  printf '{"tool":"pgbench","clients":%d,"seconds":%d,"tps":%s,"latency_avg_ms":%s}\n' \
    "$PGBENCH_CLIENTS" "$PGBENCH_SECONDS" "$tps" "${latency:-0}" >"$RUN/b_ins.json"
  log "B_ins = $tps tx/s"
}

# The whole event table in global order, as a replay reads it, sent to nowhere.
read_event_table() {
  "${PSQL[@]}" -d "$DB" -c "COPY (SELECT * FROM domain_event_entry ORDER BY global_index) TO STDOUT (FORMAT binary)" \
    >/dev/null
}

# A sequential read of the whole event table in global order, as a replay reads it: the better of two runs (the
# first also sets hint bits and warms the cache).
baseline_read() {
  local rows best=0 t0 t1 seconds
  rows=$(events_in_store)
  for _ in 1 2; do
    t0=$(date +%s.%N)
    read_event_table
    t1=$(date +%s.%N)
    seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
    best=$(awk -v s="$seconds" -v b="$best" 'BEGIN {print (b == 0 || s < b) ? s : b}')
  done
  awk -v r="$rows" -v s="$best" 'BEGIN {printf "{\"rows\":%d,\"seconds\":%.3f,\"rows_per_s\":%.1f,\"how\":\"COPY (SELECT * ORDER BY global_index) TO STDOUT (FORMAT binary), best of 2\"}\n", r, s, r / s}' \
    >"$RUN/b_read.json"
  log "B_read = $(awk -v r="$rows" -v s="$best" 'BEGIN {printf "%.0f", r / s}') rows/s over $rows rows"
}

# --- the replay's floor -------------------------------------------------------------------------------------------

# The app's tables (schema public) as "oid name inserted" lines (pg_stat_user_tables), taken before and after the
# replay to find the tables it loaded without a list to keep. A rebuild loads a shadow table and swaps it in under
# the live name, dropping the old one (ADR 0009, amended): the table a view is read from afterwards is a relation that
# did not exist before, and its insert count starts from zero. So a table is the replay's when its oid is new, or
# when its own inserts grew (a table written in place); names cannot tell, as one name's count belongs to another
# relation after the swap.
table_inserts() { sql "SELECT relid || ' ' || relname || ' ' || n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'public'"; }

# What PostgreSQL alone needs to read the events once and write the rows the replay wrote, with no app at all: every
# table the replay loaded (from the table_inserts snapshots $1 and $2; a shadow that a rebuild left unfinished
# aside) is dumped to a file and emptied; then, all at once, one psql per table loads it again from its file by COPY
# while one more reads the event table as B_read does. The wall time of that is a floor for any rebuild that writes
# these rows, and the whole PostgreSQL server's CPU during it is what PostgreSQL alone spends on it. The tables hold
# the same rows after.
replay_floor() {
  local before=$1 after=$2 events=$3 dir tables=() t0 t1 pg0 pg1 seconds cpu table rows bytes entries=""
  dir=$(mktemp -d "${TMPDIR:-/tmp}/antechamber-floor.XXXXXX")
  while read -r table; do
    if [[ $table == *_rebuild ]]; then
      log "replay floor: $table is a shadow a rebuild left unfinished; not counted"
    elif [[ $table == audit_* ]]; then
      continue # the audit log's tables: append-only (they refuse TRUNCATE) and never rebuilt; its catch-up wrote them
    elif [[ $(sql "SELECT EXISTS (SELECT FROM $table)") == t ]]; then
      tables+=("$table")
    fi
  done < <(awk 'NR == FNR { inserted[$1] = $3; next } !($1 in inserted) || $3 > inserted[$1] { print $2 }' \
             <(echo "$before") <(echo "$after") | LC_ALL=C sort)
  (( ${#tables[@]} > 0 )) || { rm -rf "$dir"; log "replay floor: the replay wrote no table"; return; }
  for table in "${tables[@]}"; do
    "${PSQL[@]}" -d "$DB" -c "\\copy $table TO '$dir/$table'"
  done
  sql "TRUNCATE $(IFS=,; echo "${tables[*]}")" >/dev/null
  sql "CHECKPOINT" >/dev/null
  pg0=$(pg_server_ticks)
  t0=$(date +%s.%N)
  for table in "${tables[@]}"; do
    "${PSQL[@]}" -d "$DB" -c "\\copy $table FROM '$dir/$table'" &
  done
  read_event_table &
  wait
  t1=$(date +%s.%N)
  pg1=$(pg_server_ticks)
  seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", b - a}')
  cpu=$(awk -v c="$(( pg1 - pg0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", c / hz}')
  for table in "${tables[@]}"; do
    rows=$(wc -l <"$dir/$table")
    bytes=$(stat -c %s "$dir/$table")
    entries+="${entries:+,}{\"table\":\"$table\",\"rows\":$rows,\"bytes\":$bytes}"
  done
  rm -rf "$dir"
  awk -v e="$events" -v s="$seconds" -v t="[$entries]" -v cpu="$cpu" \
      'BEGIN {printf "{\"events\":%d,\"seconds\":%.3f,\"events_per_s\":%.1f,\"pg_server_cpu_s\":%s,\"tables\":%s,\"how\":\"the rows the replay wrote, dumped to files and loaded again by COPY FROM (psql \\\\copy), one psql per table, while another reads the event table as B_read does, all at once; pg_server_cpu_s is the CPU of the whole PostgreSQL server meanwhile\"}\n", e, s, e / s, cpu, t}' \
    >"$RUN/replay_floor.json"
  log "replay floor: PostgreSQL alone reads the events and loads the replay's rows (${tables[*]}) in ${seconds}s, ${cpu}s of its CPU"
}

# --- CPU ----------------------------------------------------------------------------------------------------------

# CPU ticks (user + system) of a process, and of the app's PostgreSQL sessions in this database (psql's own
# sessions, such as the wait-event sampler's, aside).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
db_ticks() {
  local total=0 pid
  for pid in $(sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name NOT LIKE 'psql%'"); do
    total=$(( total + $(ticks "$pid") ))
  done
  echo "$total"
}

# CPU ticks of the whole PostgreSQL server: the postmaster and each of its live children (sessions, WAL writer,
# checkpointer, ...), plus what its children that have exited used (the postmaster's cutime and cstime). Between two
# samples this counts every session that ran, also one that ended meanwhile, and the server's background work that a
# session's own ticks leave out, such as writing the WAL it produced. The postmaster is the checkpointer's parent.
# When this machine cannot see the server's processes, it says so and counts 0.
pg_server_ticks() {
  local checkpointer postmaster
  checkpointer=$(sql "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")
  postmaster=$(awk '/^PPid:/ {print $2}' "/proc/$checkpointer/status" 2>/dev/null)
  if [[ -z $postmaster ]]; then
    log "the PostgreSQL server's processes are not visible here: its CPU is not measured (reads 0)"
    echo 0
    return
  fi
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat"
    for child in $(cat /proc/"$postmaster"/task/*/children 2>/dev/null); do ticks "$child"; done
  } | awk '{sum += $1} END {print sum + 0}'
}

# CPU ticks of the threads of process $1 whose names match the extended regular expression $2 (Linux cuts thread
# names to 15 characters, e.g. "C2 CompilerThre").
thread_ticks() {
  cat /proc/"$1"/task/*/stat 2>/dev/null | awk -v pattern="$2" '{
    name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) .*$/, "", name)
    rest = $0; sub(/^.*\) /, "", rest); split(rest, field, " ")
    if (name ~ pattern) total += field[12] + field[13]
  } END { print total + 0 }'
}

# "app jit gc db server" CPU ticks now: the app, its JIT compiler threads, its garbage collector's threads, its
# PostgreSQL sessions, and the whole PostgreSQL server. Two samples give the CPU of what ran between them (replay_cpu).
cpu_sample() {
  echo "$(ticks "$APP_PID") $(thread_ticks "$APP_PID" '^C[12] CompilerThre') $(thread_ticks "$APP_PID" '^(GC Thread|G1 )') $(db_ticks) $(pg_server_ticks)"
}

# Writes $RUN/$1.json: the CPU seconds between the samples $2 and $3 (cpu_sample), split as cpu_sample splits it.
replay_cpu() {
  awk -v a="$2" -v b="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    printf "{\"app_s\":%.2f,\"jit_s\":%.2f,\"gc_s\":%.2f,\"db_s\":%.2f,\"pg_server_s\":%.2f,", (y[1] - x[1]) / hz, (y[2] - x[2]) / hz, (y[3] - x[3]) / hz, (y[4] - x[4]) / hz, (y[5] - x[5]) / hz
    printf "\"how\":\"CPU ticks of the app (of it, its JIT compiler threads and its garbage collector threads), of its PostgreSQL sessions, and of the whole PostgreSQL server (every session, those of psql too, and the background processes such as the WAL writer) during the rebuild\"}\n"
  }' >"$RUN/$1.json"
  log "$1: $(sed 's/,"how".*//' "$RUN/$1.json")"
}

# --- what a check-in costs ------------------------------------------------------------------------------------

# The check-ins created so far: one CheckInCreated event each.
check_ins_created() {
  sql "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.antechamber.events.checkin.CheckInCreated'"
}

# "check-ins app db server" now: the check-ins created, and the CPU ticks of the app, of its PostgreSQL sessions and
# of the whole PostgreSQL server. Two samples around create give create's CPU per check-in (create_cpu).
create_sample() {
  echo "$(check_ins_created) $(ticks "$APP_PID") $(db_ticks) $(pg_server_ticks)"
}

# Writes $RUN/create_cpu.json: the CPU per check-in created between the create_sample's $1 and $2, with the load
# generator's own from $3 (its result file). Views and the timeout saga commit with the check-in, so there is nothing
# left to do after the last answer: the second sample is taken right after the load. What PostgreSQL alone spends
# per check-in bounds create on this machine even if the app and the load generator cost nothing:
# F_create = cores / (PostgreSQL's CPU per check-in).
create_cpu() {
  local loadgen_ms
  loadgen_ms=$(awk -F: '/"loadgen_cpu_ms_per_ok"/ {gsub(/[ ,]/, "", $2); print $2; exit}' "$3")
  awk -v a="$1" -v b="$2" -v lg="${loadgen_ms:-0}" -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    n = y[1] - x[1]; if (n < 1) n = 1
    app = 1000 * (y[2] - x[2]) / hz / n; db = 1000 * (y[3] - x[3]) / hz / n; server = 1000 * (y[4] - x[4]) / hz / n
    printf "{\"check_ins\":%d,\"app_cpu_ms\":%.4f,\"db_cpu_ms\":%.4f,\"pg_server_cpu_ms\":%.4f,\"loadgen_cpu_ms\":%.4f,", n, app, db, server, lg
    printf "\"cores\":%d,\"f_create_per_s\":%.1f,", cores, (db > 0 ? cores * 1000 / db : 0)
    printf "\"how\":\"CPU ticks (/proc/<pid>/stat) from the start of create (its warm-up included) to its end, per check-in created: the app; its PostgreSQL sessions; the whole PostgreSQL server (every session on this machine, background writers too); the load generator (its JVM, from its own result). F_create = cores / PostgreSQL sessions CPU per check-in\"}\n"
  }' >"$RUN/create_cpu.json"
  log "create's CPU per check-in: $(awk -F'[:,]' '{printf "app %s ms, PostgreSQL sessions %s ms, server %s ms, load generator %s ms", $4, $6, $8, $10}' "$RUN/create_cpu.json")"
}

# Whether the server counts statements: pg_stat_statements must be in shared_preload_libraries (which takes a
# restart of the server; BENCH_PG_PORT can point at a private server that has it).
statements_counted() {
  [[ $(sql "SELECT count(*) FROM pg_settings WHERE name = 'shared_preload_libraries' AND setting ~ 'pg_stat_statements'") == 1 ]]
}

# The statements the app ran in this database, by pg_stat_statements' queryid, saved in bench.statements_$1; the
# bench's own statements (psql's samplers and counters) aside. Nothing is reset: other databases keep their counts.
save_statements() {
  sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
  sql "CREATE TABLE bench.statements_$1 AS
       SELECT queryid, calls, query FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query !~ '(pg_stat_|pg_settings|#sample|count\(\*\) FROM domain_event_entry|bench\.|CREATE EXTENSION)'" >/dev/null
}

# Per table of the app (schema public): "table inserted updated deleted index-scans sequential-scans"; and one line
# "#db commits rollbacks 0 0 0" for the whole database (psql's samplers and counters included).
db_counters() {
  sql "SELECT '#db ' || xact_commit || ' ' || xact_rollback || ' 0 0 0'
         FROM pg_stat_database WHERE datname = current_database()
       UNION ALL
       SELECT relname || ' ' || n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del || ' ' || coalesce(idx_scan, 0)
              || ' ' || coalesce(seq_scan, 0)
         FROM pg_stat_user_tables WHERE schemaname = 'public'"
}

# Writes $RUN/create_db.json: the database work per check-in between the db_counters $1 and $2, $3 check-ins, $4
# transactions of the wait-event sampler to leave out (it runs during create, one transaction per statement).
# Statements are counted when pg_stat_statements is loaded (save_statements "before" was called); otherwise the
# file says why not, and the transactions, rows written and scans stand in for them.
create_db() {
  local n=$3 statements=null source tables
  (( n > 0 )) || n=1
  if statements_counted; then
    save_statements after
    statements=$(sql "SELECT round(coalesce(sum(a.calls - coalesce(b.calls, 0)), 0)::numeric / $n, 3)
                      FROM bench.statements_after a LEFT JOIN bench.statements_before b USING (queryid)")
    source="pg_stat_statements"
    "${PSQL[@]}" -d "$DB" -c "SELECT round((a.calls - coalesce(b.calls, 0))::numeric / $n, 3) AS calls_per_check_in,
        left(regexp_replace(a.query, '\s+', ' ', 'g'), 140) AS query
      FROM bench.statements_after a LEFT JOIN bench.statements_before b USING (queryid)
      WHERE a.calls > coalesce(b.calls, 0) ORDER BY 1 DESC LIMIT 30" >"$RUN/create_statements.txt"
  else
    source="pg_stat_statements is not in this server's shared_preload_libraries"
  fi
  tables=$(LC_ALL=C join <(LC_ALL=C sort <<<"$1") <(LC_ALL=C sort <<<"$2") | awk -v n="$n" '
    $1 != "#db" && ($7 - $2) + ($8 - $3) + ($9 - $4) > 0 {
      printf "%s{\"table\":\"%s\",\"inserted\":%.3f,\"updated\":%.3f,\"deleted\":%.3f,\"scans\":%.3f}", sep, $1,
        ($7 - $2) / n, ($8 - $3) / n, ($9 - $4) / n, ($10 - $5 + $11 - $6) / n; sep = "," }')
  LC_ALL=C join <(LC_ALL=C sort <<<"$1") <(LC_ALL=C sort <<<"$2") | awk -v n="$n" -v sampler="$4" \
      -v statements="$statements" -v source="$source" -v tables="[$tables]" '
    $1 == "#db" { commits = $7 - $2 - sampler; rollbacks = $8 - $3 }
    $1 != "#db" { ins += $7 - $2; upd += $8 - $3; del += $9 - $4; idx += $10 - $5; seq += $11 - $6 }
    END {
      printf "{\"check_ins\":%d,\"statements\":%s,\"statements_source\":\"%s\",\"transactions\":%.3f,\"rollbacks\":%.4f,", n, statements, source, commits / n, rollbacks / n
      printf "\"rows_inserted\":%.3f,\"rows_updated\":%.3f,\"rows_deleted\":%.3f,\"index_scans\":%.3f,\"seq_scans\":%.3f,\"tables\":%s,", ins / n, upd / n, del / n, idx / n, seq / n, tables
      printf "\"how\":\"deltas of pg_stat_database (commits, less the wait-event sampler) and pg_stat_user_tables of schema public over create, its warm-up included, per check-in created; statements: top-level calls in pg_stat_statements of this database, the benchmark own aside (it sees the BEGIN of pgjdbc but not most of its COMMITs)\"}\n"
    }' >"$RUN/create_db.json"
  log "create's database work per check-in: $(sed 's/,"tables".*//' "$RUN/create_db.json")"
}

# --- the audit log -----------------------------------------------------------------------------------------------

audit_entries() { sql "SELECT count(*) FROM audit_entries"; }

# Starts the app ($1 labels its log) on a store with events its audit log has not seen yet (padded by SQL: the
# appender starts at the store's tail and audits them, oldest first), and waits until the audit-log processor's lag
# (GET /v1/admin/projections) is 0, so nothing measured next competes with the catch-up. Writes
# $RUN/audit_catchup_$2.json: the entries appended from the moment the app answered until the lag was 0, over that
# time (SQL counts of audit_entries at both ends; the boot's own appends before the first are reported apart), and
# the CPU of the app and of the PostgreSQL server meanwhile, per entry. Bounded by AUDIT_CATCHUP_LIMIT seconds (1800).
start_app_audited() {
  local label=$1 name=$2 events entries0 entries1 entries2 t0 t1 t2 cpu0 cpu1 caught limit=${AUDIT_CATCHUP_LIMIT:-1800}
  events=$(events_in_store)
  entries0=$(audit_entries)
  t0=$(date +%s%3N)
  start_app "$label"
  t1=$(date +%s%3N)
  entries1=$(audit_entries)
  cpu0=$(cpu_sample)
  log "audit log: catching up from $entries1 entries to $events events (at most ${limit}s)"
  loadgen audit-lag --url "$URL" --admin-token "$ADMIN_TOKEN" --timeout "$limit" --interval-ms 500 \
    --out "$RUN/audit_catchup_$name.lag.json" >&2 || true
  cpu1=$(cpu_sample)
  entries2=$(audit_entries)
  caught=$(awk -F: '/"caught_up"/ {gsub(/[ ,]/, "", $2); print $2; exit}' "$RUN/audit_catchup_$name.lag.json")
  t2=$(awk -F: '/"caught_up_epoch_ms"/ {gsub(/[ ,]/, "", $2); print $2; exit}' "$RUN/audit_catchup_$name.lag.json")
  [[ $caught == true ]] || t2=$(date +%s%3N)
  awk -v e="$events" -v a0="$entries0" -v a1="$entries1" -v a2="$entries2" -v t0="$t0" -v t1="$t1" -v t2="$t2" \
      -v c0="$cpu0" -v c1="$cpu1" -v caught="$caught" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(c0, x, " "); split(c1, y, " ")
    n = a2 - a1; s = (t2 - t1) / 1000; if (s <= 0) s = 0.001; m = (n > 0 ? n : 1)
    printf "{\"events_in_store\":%d,\"entries_before_start\":%d,\"entries_when_app_answered\":%d,", e, a0, a1
    printf "\"entries_at_end\":%d,\"appended\":%d,\"caught_up\":%s,\"seconds\":%.3f,\"entries_per_s\":%.1f,", a2, n, caught, s, n / s
    printf "\"seconds_from_app_start\":%.3f,\"entries_per_s_from_app_start\":%.1f,", (t2 - t0) / 1000, (a2 - a0) / ((t2 - t0) / 1000)
    printf "\"app_cpu_ms_per_entry\":%.4f,\"app_jit_cpu_s\":%.2f,\"app_gc_cpu_s\":%.2f,", 1000 * (y[1] - x[1]) / hz / m, (y[2] - x[2]) / hz, (y[3] - x[3]) / hz
    printf "\"db_cpu_ms_per_entry\":%.4f,\"pg_server_cpu_ms_per_entry\":%.4f,", 1000 * (y[4] - x[4]) / hz / m, 1000 * (y[5] - x[5]) / hz / m
    printf "\"how\":\"entries appended (SQL count of audit_entries) from the moment the app answered its health check until the audit-log processor had lag 0 (GET /v1/admin/projections, polled every 500 ms), over that time; entries appended during the boot before it are in entries_when_app_answered; CPU ticks of the app and of the PostgreSQL server over the same time, per entry\"}\n"
  }' >"$RUN/audit_catchup_$name.json"
  log "audit log: $(sed 's/,"how".*//' "$RUN/audit_catchup_$name.json")"
}

# Around a load that writes audited events (create): the lag sampler starts before it and the counts are taken at
# both ends; audit_during_end writes $RUN/audit_create.json: events stored and entries appended per second over the
# same window (their ratio: 1 keeps up), the lag during the load, and how long after its end the log was complete.
# The lag is read once a second during the load: each read is a few of the app's statements, which create's
# per-check-in counts also see (about 0.02 transactions per check-in at 500 check-ins/s).
audit_during_start() {
  rm -f "$RUN/audit_load_ended_ms"
  loadgen audit-lag --url "$URL" --admin-token "$ADMIN_TOKEN" --until-file "$RUN/audit_load_ended_ms" \
    --interval-ms 1000 --timeout 600 --out "$RUN/audit_create_lag.json" >&2 &
  AUDIT_LAG_PID=$!
  AUDIT_START="$(date +%s%3N) $(sql "SELECT (SELECT count(*) FROM domain_event_entry) || ' ' || (SELECT count(*) FROM audit_entries)")"
}

audit_during_end() {
  local end ended
  end="$(date +%s%3N) $(sql "SELECT (SELECT count(*) FROM domain_event_entry) || ' ' || (SELECT count(*) FROM audit_entries)")"
  ended=${end%% *}
  echo "$ended" >"$RUN/audit_load_ended_ms"
  wait "$AUDIT_LAG_PID" || log "audit log: not complete within 600 s after create"
  awk -v a="$AUDIT_START" -v b="$end" -v c="$1" -v f="$RUN/audit_create_lag.json" 'BEGIN {
    while ((getline line < f) > 0) {
      if (line ~ /"(max_lag_events_during_load|max_lag_ms_during_load|complete_ms_after_load_ended|lag_events_at_load_end)"/) {
        split(line, kv, ":"); gsub(/[ ,"]/, "", kv[1]); gsub(/[ ,]/, "", kv[2]); v[kv[1]] = kv[2]
      }
    }
    split(a, x, " "); split(b, y, " ")
    s = (y[1] - x[1]) / 1000; ev = y[2] - x[2]; en = y[3] - x[3]
    printf "{\"connections\":%d,\"seconds\":%.3f,\"events_stored\":%d,\"entries_appended\":%d,", c, s, ev, en
    printf "\"events_per_s\":%.1f,\"entries_per_s\":%.1f,\"ratio\":%.4f,", ev / s, en / s, (ev > 0 ? en / ev : 0)
    printf "\"max_lag_events\":%s,\"max_lag_ms\":%s,\"lag_events_at_end\":%s,\"complete_ms_after_create\":%s,", v["max_lag_events_during_load"], v["max_lag_ms_during_load"], v["lag_events_at_load_end"], (v["complete_ms_after_load_ended"] == "" ? "null" : v["complete_ms_after_load_ended"])
    printf "\"how\":\"SQL counts of domain_event_entry and audit_entries just before create (its warm-up included) and right after it; the lag sampled through GET /v1/admin/projections every second during create, then every 100 ms until 0 (audit_create_lag.json)\"}\n"
  }' >"$RUN/audit_create.json"
  log "audit log beside create: $(sed 's/,"how".*//' "$RUN/audit_create.json")"
}

# Inclusion and consistency proofs at the log's size, each beside a ping on the same connection, and a verify of the
# whole log, in the organization of $RUN/keys.json: $RUN/audit_evidence.json.
audit_evidence() {
  log "audit log: $1 inclusion proofs, 20 consistency proofs, then verify of the whole log"
  loadgen audit-evidence --url "$URL" --keys "$RUN/keys.json" --proofs "$1" --consistency 20 \
    --out "$RUN/audit_evidence.json" >&2
}

# --- webhook deliveries -------------------------------------------------------------------------------------------

# App run for the webhook deliveries scenario (bench/webhooks, and bench/run's last step): the app with private
# targets allowed, since the receiver is in the load generator on 127.0.0.1; every other webhook setting at its
# default. Writes $1/webhooks.json for watcher counts $2 ("1,10"), $3 check-ins at $4 a second, and
# $1/webhooks_db.txt: the deadlines the app stored meanwhile (db-scheduler's scheduled_tasks rows: one per check-in
# for its timeout, one per delivery attempt, and one per attempt put off because the replica was at its cap) beside
# the delivery events, so the put-off attempts can be counted.
webhooks_run() {
  local inserted
  inserted=$(sql "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'scheduled_tasks'")
  ANTECHAMBER_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true start_app webhooks
  log "webhooks: B_hook, then $2 watchers, $3 check-ins at $4/s each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadgen webhooks --url "$URL" --admin-token "$ADMIN_TOKEN" --watchers "$2" --check-ins "$3" --rate "$4" \
    --app-pid "$APP_PID" --out "$1/webhooks.json" >&2
  stop_app
  sleep 1 # the app's sessions report their statistics as they end
  { echo "scheduled_tasks rows inserted during the app run: $(( $(sql "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'scheduled_tasks'") - inserted ))"
    echo "events of the app run's kinds in the whole store: count, type, the last one's time (the last run's)"
    sql "SELECT count(*) || ' ' || regexp_replace(payload_type, '.*\.', '') || ' ' || max(time_stamp)
           FROM domain_event_entry WHERE payload_type ~ '(CheckInCreated|Delivery)' GROUP BY payload_type ORDER BY 1"
  } >"$1/webhooks_db.txt"
  log "webhooks: $(head -1 "$1/webhooks_db.txt")"
}

# The policy backtest scenario (bench/backtest): $2 check-ins created in one room through the API, then timed
# backtests of them against B_http measured on the same connection. Writes $1/backtest.json.
backtest_run() {
  start_app backtest
  log "backtest: $2 check-ins in one room, then backtests of all of them (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadgen backtest --url "$URL" --admin-token "$ADMIN_TOKEN" --check-ins "$2" --connections 16 --repeats 5 \
    --out "$1/backtest.json" >&2
  stop_app
}

# The dashboard inbox scenario (bench/inbox): $2 pending check-ins in one room, then the inbox's first page timed
# against B_http on the same client and connection. Writes $1/inbox.json.
inbox_run() {
  start_app inbox
  log "inbox: $2 pending check-ins in one room, then GET / signed in (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadgen inbox --url "$URL" --admin-token "$ADMIN_TOKEN" --check-ins "$2" --connections 16 \
    --requests "${INBOX_REQUESTS:-1000}" --out "$1/inbox.json" >&2
  stop_app
}

# The MCP scenario (bench/mcp): an MCP tool call (await_decision through POST /mcp) against the API call it makes
# (GET /v1/check-ins/:id/wait) and B_http, $2 of each on the same client and connection. Writes $1/mcp.json.
mcp_run() {
  start_app mcp
  log "mcp: await_decision through POST /mcp against the API's /wait (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  loadgen mcp --url "$URL" --admin-token "$ADMIN_TOKEN" --requests "$2" --out "$1/mcp.json" >&2
  stop_app
}
