#!/usr/bin/env bash
# A local Anlan mesh on loopback: one real process per node, every tier hop a real TCP connection.
#
#   scripts/mesh.sh start    build (release) and start the mesh; state survives restarts
#   scripts/mesh.sh stop     graceful stop (SIGTERM: deregister, drain, exit), townships first
#   scripts/mesh.sh status   ask every node for its info
#   scripts/mesh.sh env      the probes' ANLAN_PKI and ANLAN_AS, for `eval "$(scripts/mesh.sh env)"`
#
# Topology (real Zhejiang regions, the province's registry at port $ANLAN_MESH_PORT, default 7400):
#   province 330000 浙江省
#     city 330100 杭州市 → counties 330106 西湖区 (→ townships 330106002 北山街道, 330106003 灵隐街道), 330110 余杭区
#     city 330200 宁波市 → counties 330212 鄞州区, 330206 北仑区
# Each node runs a registry that registers with its parent tier's registry (the region tree's hierarchy).
# Each county node also runs hazard-survey (ports $ANLAN_MESH_PORT+10 …), registered with its county's
# registry and loaded on first start with synthetic demo data over the county's real townships
# (`hazard-survey generate`: deterministic, plausible, not survey data — no public register exists).
# Each county node also runs material-reserve (ports $ANLAN_MESH_PORT+20 …) with the shipped
# flood-season kit norms and synthetic profiles, storage points and stock (`material-reserve generate`).
# The province node runs aviation-landing-points (port $ANLAN_MESH_PORT+30) with the shipped example set:
# the 22 OurAirports sites that lie in Zhejiang (public domain; see docs/DATA-ATTRIBUTION.md).
# Each county node also runs training-records (ports $ANLAN_MESH_PORT+40 …) with synthetic people,
# courses, sessions and attendance (`training-records generate`). The two township nodes run the same
# three services with their own township's data (a county's demo data also covers those townships: a
# county-held store or survey point may lie in a township that has a node of its own).
# Each county and township node also runs evacuation (ports $ANLAN_MESH_PORT+60 …) with synthetic coded
# people and shelters (`evacuation generate`): the people its hazard-survey's generated points register
# for transfer, each on one of those points, and shelters with room for all of them.
# The province, city and county nodes run emergency-response (ports $ANLAN_MESH_PORT+70 …) with the
# rescue teams each commands by the generator's rule (`emergency-response generate`: the province's 13
# aviation and 22 professional teams, a city's 5, a county's 4–7 — Zhejiang's 581 over all its nodes).
# Every node runs a gateway (ports $ANLAN_MESH_PORT+50 …, in node order: province, cities, counties,
# townships) registered with its node's registry; the province's at $ANLAN_MESH_PORT+50 answers for all:
#   gateway probe summary --port 7450
# Each gateway also serves the duty-room screen, the phone page and their JSON API over HTTP at its port
# + 1000 (the province's http://127.0.0.1:8450/, 灵隐街道's phone page http://127.0.0.1:8458/phone).
# The gateway's own last-good-summary store is in $STATE/data/gateway-<region>.sqlite.
# Every connection between nodes is mutual TLS: on first start a development PKI is made in $STATE/pki
# with `gateway pki` (the province's root; 杭州市's and 宁波市's intermediates, which issue for their
# counties and townships; a certificate per node and service; `330000/duty-room` for the probes). The
# probes act for a signed-in person: at each start the province's gateway key signs a 12-hour token for
# 值班员 (duty officer) 330000 in $STATE/pki/tokens/ (`gateway pki token`). The probes read ANLAN_PKI,
# ANLAN_AS and ANLAN_TOKEN; `scripts/mesh.sh env` prints them for your shell (and renews the token).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/stop.sh"
source "$ROOT/scripts/lib/people.sh"
STATE=${ANLAN_MESH_DIR:-$ROOT/.mesh}
BASE_PORT=${ANLAN_MESH_PORT:-7400}
BIN="$ROOT/.build/release"
PKI="$STATE/pki"
export ANLAN_PKI="$PKI" ANLAN_AS=330000/duty-room ANLAN_TOKEN="$PKI/tokens/330000-officer.jwt"

# region parent-region, in start order (parents first).
NODES=(
    "330000 -"
    "330100 330000"
    "330200 330000"
    "330106 330100"
    "330110 330100"
    "330212 330200"
    "330206 330200"
    "330106002000 330106"
    "330106003000 330106"
)

# Synthetic hazard points per node: hazard-survey's and evacuation's generators both take it, so the
# people coded in each township are the people its points register for transfer.
DEMO_POINTS=2000

# Each service: its name, its first port offset, and the regions whose nodes run it (in port order).
COUNTIES="330106 330110 330212 330206"
TOWNSHIPS="330106002000 330106003000"
SERVICES=(
    "hazard-survey 10 $COUNTIES $TOWNSHIPS"
    "material-reserve 20 $COUNTIES $TOWNSHIPS"
    "aviation-landing-points 30 330000"
    "training-records 40 $COUNTIES $TOWNSHIPS"
    "evacuation 60 $COUNTIES $TOWNSHIPS"
    "emergency-response 70 330000 330100 330200 $COUNTIES"
    "gateway 50 330000 330100 330200 $COUNTIES $TOWNSHIPS"
)

port_of() {  # the fixed port of the n-th node
    echo $((BASE_PORT + $1))
}

index_of() {
    local i=0
    for node in "${NODES[@]}"; do
        [ "${node%% *}" = "$1" ] && { echo "$i"; return; }
        i=$((i + 1))
    done
    echo "unknown region $1" >&2; exit 1
}

parent_of() {  # the parent region of a node's region ("-" for the province)
    for node in "${NODES[@]}"; do
        [ "${node%% *}" = "$1" ] && { echo "${node##* }"; return; }
    done
}

start() {
    "$ROOT/scripts/install-system-packages.sh"
    echo "building release executables (the first build takes a few minutes)…"
    (cd "$ROOT" && swift build -c release --product registry 2>&1 | tail -1)
    for service in "${SERVICES[@]}"; do
        (cd "$ROOT" && swift build -c release --product "${service%% *}" 2>&1 | tail -1)
    done
    mkdir -p "$STATE/data" "$STATE/logs" "$STATE/run"
    [ -f "$PKI/root.pem" ] || make_pki
    [ -f "$PKI/people-330000.txt" ] || make_people
    make_token
    local i=0
    for node in "${NODES[@]}"; do
        local region=${node%% *} parent=${node##* }
        local port; port=$(port_of "$i")
        local pidfile="$STATE/run/registry-$region.pid"
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "registry $region already running on port $port"
        else
            local args=(serve --region "$region" --port "$port" --database "$STATE/data/registry-$region.sqlite"
                        --port-file "$STATE/run/registry-$region.port" --pki "$PKI")
            if [ "$parent" != "-" ]; then
                args+=(--parent "127.0.0.1:$(port_of "$(index_of "$parent")")")
            fi
            rm -f "$STATE/run/registry-$region.port"
            nohup "$BIN/registry" "${args[@]}" >>"$STATE/logs/registry-$region.log" 2>&1 &
            echo $! >"$pidfile"
            for _ in $(seq 1 100); do [ -s "$STATE/run/registry-$region.port" ] && break; sleep 0.05; done
            [ -s "$STATE/run/registry-$region.port" ] || { echo "registry $region did not start; see $STATE/logs/registry-$region.log" >&2; exit 1; }
            echo "registry $region on 127.0.0.1:$port${parent:+ (parent $parent)}"
        fi
        i=$((i + 1))
    done
    for service in "${SERVICES[@]}"; do start_service ${service}; done
    # The gateways find their children at their next directory refresh (every 2 s).
    sleep 3
    echo
    echo "The province registry sees its child tiers:"
    "$BIN/registry" probe list --port "$BASE_PORT"
    echo
    echo "The probes call over mutual TLS as 330000/duty-room, for 省值班员 (its token); in your shell first: eval \"\$(scripts/mesh.sh env)\""
    echo "Try: $BIN/registry probe info --port $BASE_PORT"
    echo "     $BIN/registry probe lookup --port $BASE_PORT --service hazard-survey --region 330106002000"
    echo "     $BIN/hazard-survey probe stats --port $((BASE_PORT + 10))"
    echo "     $BIN/hazard-survey probe hidden --port $((BASE_PORT + 10)) --overdue"
    echo "     $BIN/material-reserve probe gaps --port $((BASE_PORT + 20)) --short-only"
    echo "     $BIN/aviation-landing-points probe nearest --port $((BASE_PORT + 30)) --lat 30.26 --lon 120.12"
    echo "     $BIN/training-records probe coverage --port $((BASE_PORT + 40))"
    echo "     $BIN/evacuation probe stats --port $((BASE_PORT + 60))"
    echo "     $BIN/evacuation probe worklist --port $((BASE_PORT + 60)) --limit 5"
    echo "     $BIN/material-reserve probe plan --port $((BASE_PORT + 20)) --region 330106003000 --need 2030101=200,3010201=10"
    echo "The gateways (the province's answers for the whole mesh):"
    echo "     $BIN/gateway probe summary --port $((BASE_PORT + 50))"
    echo "     $BIN/gateway probe children --port $((BASE_PORT + 50)) --region 330100"
    echo "     $BIN/gateway probe plan --port $((BASE_PORT + 50)) --region 330106003000 --need 3010201=40 [--confirm]"
    echo "     $BIN/gateway probe nearest --port $((BASE_PORT + 53)) --lat 30.26 --lon 120.12"
    echo "An incident, and one proposal of teams and materials for it (then --confirm):"
    echo "     $BIN/gateway probe incident report --port $((BASE_PORT + 50)) --kind landslide --region 330106003000 --title 灵隐街道山体滑坡 --level III --affected 80"
    echo "     $BIN/gateway probe propose --port $((BASE_PORT + 50)) 330106-1"
    echo "     $BIN/emergency-response probe team list --port $((BASE_PORT + 73))"
    echo "The duty-room screens (every gateway serves one, at its port + 1000; the province's covers the mesh):"
    echo "     http://127.0.0.1:$((BASE_PORT + 1050))/          the province"
    echo "     http://127.0.0.1:$((BASE_PORT + 1051))/          杭州市"
    echo "     http://127.0.0.1:$((BASE_PORT + 1058))/phone     the phone page of 灵隐街道 (码上转, 码上报)"
    echo "   signing in as 1001 (省值班员, the province), 2001 (西湖区值班员), 3001 (灵隐街道干部, the phone), password $DEV_PASSWORD"
}

start_service() {  # start_service NAME PORT_OFFSET REGION…: the service on each of those regions' nodes
    local name=$1 offset=$2 i=0
    shift 2
    for region in "$@"; do
        local port=$((BASE_PORT + offset + i))
        local registry_port; registry_port=$(port_of "$(index_of "$region")")
        local database="$STATE/data/$name-$region.sqlite"
        local pidfile="$STATE/run/$name-$region.pid" portfile="$STATE/run/$name-$region.port"
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "$name $region already running on port $port"
        else
            local fresh=no
            if [ ! -f "$database" ]; then
                load_demo_data "$name" "$region" "$database" "$((i + 1))"
                fresh=yes
            fi
            rm -f "$portfile"
            local extra=() http=""
            if [ "$name" = gateway ]; then  # a gateway finds its parent's gateway in the parent node's registry
                local parent; parent=$(parent_of "$region")
                [ "$parent" != "-" ] && extra=(--parent-registry "127.0.0.1:$(port_of "$(index_of "$parent")")")
                # The screen and its JSON API; summaries recomposed every second, so a township's change
                # reaches the province's screen within 2 s.
                extra+=(--http-port "$((port + 1000))" --max-age 2)
                http=", HTTP 127.0.0.1:$((port + 1000))"
            fi
            nohup "$BIN/$name" serve --region "$region" --port "$port" --database "$database" \
                --registry "127.0.0.1:$registry_port" --port-file "$portfile" --pki "$PKI" "${extra[@]}" \
                >>"$STATE/logs/$name-$region.log" 2>&1 &
            echo $! >"$pidfile"
            for _ in $(seq 1 100); do [ -s "$portfile" ] && break; sleep 0.05; done
            [ -s "$portfile" ] || { echo "$name $region did not start; see $STATE/logs/$name-$region.log" >&2; exit 1; }
            echo "$name $region on 127.0.0.1:$port (registry 127.0.0.1:$registry_port$http)"
            [ "$fresh" = yes ] && [ "$name" = hazard-survey ] && demo_progress "$port"
        fi
        i=$((i + 1))
    done
}

make_pki() {  # the development PKI: the root, the two cities' intermediates, every node's certificates
    local pki=("$BIN/gateway" pki)
    "${pki[@]}" init --dir "$PKI" >/dev/null
    for city in 330100 330200; do "${pki[@]}" authority --dir "$PKI" --region "$city" >/dev/null; done
    for node in "${NODES[@]}"; do
        local region=${node%% *} services=(registry) by=()
        for service in "${SERVICES[@]}"; do
            local fields=($service)
            for r in "${fields[@]:2}"; do [ "$r" = "$region" ] && services+=("${fields[0]}"); done
        done
        [ "$region" = 330000 ] && services+=(duty-room)
        [ "$(tier_of "$region")" = province ] || by=(--by "${region:0:4}00")
        "${pki[@]}" issue --dir "$PKI" --region "$region" "${by[@]}" --service "${services[@]}" >/dev/null
    done
    echo "development PKI in $PKI: root, 2 city intermediates, certificates for every node's services"
}

first_line() {  # first_line COMMAND…: run it, print the first line of its output (no pipe to break)
    local out
    out=$("$@")
    echo "${out%%$'\n'*}"
}

load_demo_data() {  # load_demo_data NAME REGION DATABASE SEED: demo data (synthetic, or the shipped set), imported locally
    local name=$1 region=$2 database=$3 seed=$4 demo="$STATE/data/$1-demo-$2"
    case "$name" in
        hazard-survey)
            "$BIN/hazard-survey" generate --region "$region" --points "$DEMO_POINTS" --enterprises 300 --hidden 400 \
                --seed "$seed" --output "$demo" >/dev/null
            for kind in enterprises points hidden-hazards; do
                echo -n "  $region $kind: "
                first_line "$BIN/hazard-survey" import --database "$database" --region "$region" --kind "$kind" "$demo/$kind.csv"
            done ;;
        aviation-landing-points)
            # The report lists every row outside Zhejiang: keep it in the log, show its first line.
            "$BIN/aviation-landing-points" import --database "$database" --region "$region" --shipped >"$STATE/logs/$name-$region-import.txt"
            echo "  $region landing points (the OurAirports sites in Zhejiang): $(head -1 "$STATE/logs/$name-$region-import.txt")" ;;
        training-records)
            "$BIN/training-records" generate --database "$database" --region "$region" --people 3000 --attendance 9000 \
                --seed "$seed" --output "$demo" >/dev/null
            for kind in people attendance; do
                echo -n "  $region $kind: "
                first_line "$BIN/training-records" import --database "$database" --region "$region" --kind "$kind" "$demo/$kind.csv"
            done ;;
        evacuation)
            "$BIN/evacuation" generate --region "$region" --points "$DEMO_POINTS" --seed "$seed" --output "$demo" >/dev/null
            for kind in shelters people; do
                echo -n "  $region $kind: "
                first_line "$BIN/evacuation" import --database "$database" --region "$region" --kind "$kind" "$demo/$kind.csv"
            done ;;
        emergency-response)
            "$BIN/emergency-response" generate --region "$region" --seed "$seed" --output "$demo" >/dev/null
            echo -n "  $region teams: "
            first_line "$BIN/emergency-response" import --database "$database" --region "$region" --kind teams "$demo/teams.csv" ;;
        material-reserve)
            "$BIN/material-reserve" generate --region "$region" --seed "$seed" --output "$demo" >/dev/null
            for kind in region-profiles storage-points stock; do
                local file=$kind.csv; [ "$kind" = region-profiles ] && file=profiles.csv
                echo -n "  $region $kind: "
                first_line "$BIN/material-reserve" import --database "$database" --region "$region" --kind "$kind" "$demo/$file"
            done ;;
    esac
}

demo_progress() {  # move some demo hidden hazards through the loop, over the wire, as an operator would
    local port=$1 t=( "$BIN/hazard-survey" probe transition --port "$port" )
    "${t[@]}" --action assign --actor 区应急管理局 HH-{1..120} >/dev/null
    "${t[@]}" --action rectify --actor 责任单位 --evidence 整改报告 HH-{1..80} >/dev/null
    "${t[@]}" --action inspect --actor 督查组 HH-{1..60} >/dev/null
    "${t[@]}" --action close --actor 督查组 --evidence 销号单 HH-{1..50} >/dev/null
    "${t[@]}" --action reject --actor 督查组 --note 整改不到位 HH-{51..55} >/dev/null
    echo "  moved 120 demo hidden hazards through the loop (50 closed)"
}

stop() {
    # Every service and gateway at once; then the registries a tier at a time from the townships up, so
    # children leave before their parents stop and their deregistration reaches them.
    local files=() tier
    for service in "${SERVICES[@]}"; do
        local fields=($service)
        for region in "${fields[@]:2}"; do files+=("$STATE/run/${fields[0]}-$region.pid"); done
    done
    stop_pidfiles "${files[@]}"
    STOPPED=0
    for tier in township county city province; do
        files=()
        for node in "${NODES[@]}"; do
            local region=${node%% *}
            [ "$(tier_of "$region")" = "$tier" ] && files+=("$STATE/run/registry-$region.pid")
        done
        stop_pidfiles "${files[@]}"
    done
    echo "stopped $STOPPED nodes (data kept in $STATE/data)"
}

tier_of() {  # province, city, county or township, from a region code
    local code=$1
    if [ ${#code} -eq 12 ]; then echo township
    elif [ "$code" = 330000 ]; then echo province
    elif [ "${code:4:2}" = 00 ]; then echo city
    else echo county
    fi
}

status() {
    local i=0
    for node in "${NODES[@]}"; do
        local region=${node%% *}
        "$BIN/registry" probe info --port "$(port_of "$i")" --timeout 1 | head -2 | tr '\n' ' ' || true
        echo
        i=$((i + 1))
    done
    for service in "${SERVICES[@]}"; do
        local fields=($service)
        local name=${fields[0]} offset=${fields[1]}
        i=0
        for region in "${fields[@]:2}"; do
            "$BIN/$name" probe info --port "$((BASE_PORT + offset + i))" --timeout 1 | head -2 | tr '\n' ' ' || true
            echo
            i=$((i + 1))
        done
    done
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop; start ;;
    env) # a token older than 6 hours is renewed first
        [ -z "$(find "$ANLAN_TOKEN" -mmin -360 2>/dev/null)" ] && [ -f "$PKI/root.pem" ] && make_token
        echo "export ANLAN_PKI=$PKI ANLAN_AS=$ANLAN_AS ANLAN_TOKEN=$ANLAN_TOKEN" ;;
    *) echo "usage: $0 start|stop|status|restart|env" >&2; exit 2 ;;
esac
