# Sourced by mesh.sh and province.sh: stopping node processes.

# Graceful stop of the processes in these pid files, all at once: SIGTERM, up to 10 s to drain, then
# SIGKILL. Missing pid files are skipped; STOPPED counts the processes signalled.
stop_pidfiles() {
    local pidfile pids=()
    for pidfile in "$@"; do
        [ -f "$pidfile" ] || continue
        local pid; pid=$(cat "$pidfile")
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" && pids+=("$pid")
        rm -f "$pidfile"
    done
    for _ in $(seq 1 200); do
        local alive=0 pid
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.05
    done
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"; done
    STOPPED=$((${STOPPED:-0} + ${#pids[@]}))
}
