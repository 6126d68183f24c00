#!/usr/bin/env bash
# The whole-province mode: all 1,461 regions of Zhejiang served, every tier hop a real TCP hop between
# gateway processes, the regions of a tier grouped into one process per service (`serve-group`).
#
#   scripts/province.sh start    build (release), seed on first start, start; state survives restarts
#   scripts/province.sh stop     graceful stop (SIGTERM): gateways, then services, then registries
#   scripts/province.sh status   processes, their memory, and the province's summary
#
# Topology (ports from $ANLAN_PROVINCE_PORT, default 20000; state in $ANLAN_PROVINCE_DIR, default .province/):
#   registries   province +0; 11 cities +1…+11; 90 counties +20…+109 (three processes)
#   services     at the 90 counties: hazard-survey +200…, material-reserve +300…, training-records +400…,
#                evacuation +800… (one process each); aviation-landing-points at the province +500;
#                emergency-response at the province +2400, the 11 cities +2401…, the 90 counties +2420… (one process)
#   gateways     province +600; 11 cities +601…+611; 90 counties +620…+709; 1,359 townships +1000…+2358
#                (five processes: 西湖区's county gateway has its own, so one county can be cut off alone).
#                The province's and the cities' gateways serve the duty-room screen over HTTP: +3000, +3001…+3011.
#                A township's gateway registers with its county's registry; its records
#                are kept by its county's services (no township runs services of its own here).
# Seed data (synthetic over the real region tree; generated and imported on first start, a few minutes):
#   1,000,800 hazard points (3,524,428 people at risk, 524,566 registered for transfer), 100,080
#   enterprises, 199,980 hidden hazards; 3,685 storage points holding ≈ 20 million units; 1,200,060
#   people with 2,400,120 attendance records; 524,566 coded people in risk zones — those the hazard
#   points register for transfer, each on one of its township's points — and 15,441 shelters with
#   1,743,030 places; 22 real OurAirports sites and 290 synthetic temporary landing fields (beside every
#   third township with a known centre); Zhejiang's 581 rescue teams (132 fire-rescue, 188 professional,
#   248 social, 13 aviation) at the nodes that command them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/lib/stop.sh"
source "$ROOT/scripts/lib/people.sh"
STATE=${ANLAN_PROVINCE_DIR:-$ROOT/.province}
BASE=${ANLAN_PROVINCE_PORT:-20000}
BIN="$ROOT/.build/release"
DIVISIONS="$ROOT/Shared/AnlanRegions/Resources/zhejiang-divisions.csv"
PROCESSES=(registry-province registry-cities registry-counties hazard-survey material-reserve training-records
           evacuation emergency-response aviation-landing-points gateway-province gateway-cities gateway-counties gateway-330106 gateway-townships)
# A summary may be this many seconds old when a request does not say; asked-for summaries are recomposed
# every half of it in the background (0: every request fans out). The benchmark measures both ways.
MAX_AGE=${ANLAN_MAX_AGE:-3}
# Synthetic hazard points per county: hazard-survey's and evacuation's generators both take it.
COUNTY_POINTS=11120

# Every connection is mutual TLS, with a development PKI made on first start (`make_pki`); the probes
# act for the province's duty officer, with a 12-hour token signed at each start (`make_token`).
PKI="$STATE/pki"
export ANLAN_PKI="$PKI" ANLAN_AS=330000/duty-room ANLAN_TOKEN="$PKI/tokens/330000-officer.jwt"

CITIES=($(awk -F, '$3 == "city" { print $1 }' "$DIVISIONS"))
COUNTIES=($(awk -F, '$3 == "county" { print $1 }' "$DIVISIONS"))
TOWNSHIP_COUNT=$(awk -F, '$3 == "township"' "$DIVISIONS" | wc -l)
declare -A PARENT CITY_PORT COUNTY_PORT
while IFS=, read -r code _ tier parent _; do PARENT[$code]=$parent; done < <(tail -n +2 "$DIVISIONS")
for i in "${!CITIES[@]}"; do CITY_PORT[${CITIES[$i]}]=$((BASE + 1 + i)); done
for i in "${!COUNTIES[@]}"; do COUNTY_PORT[${COUNTIES[$i]}]=$((BASE + 20 + i)); done

group_files() {  # writes one serve-group file per grouped process into $STATE/run
    local run="$STATE/run" data="$STATE/data"
    : >"$run/registry-cities.group"; : >"$run/registry-counties.group"
    for city in "${CITIES[@]}"; do
        echo "--region $city --port ${CITY_PORT[$city]} --database $data/registry-$city.sqlite --parent 127.0.0.1:$BASE" >>"$run/registry-cities.group"
    done
    for county in "${COUNTIES[@]}"; do
        echo "--region $county --port ${COUNTY_PORT[$county]} --database $data/registry-$county.sqlite --parent 127.0.0.1:${CITY_PORT[${PARENT[$county]}]}" \
            >>"$run/registry-counties.group"
    done
    local service offset
    for service in hazard-survey:200 material-reserve:300 training-records:400 evacuation:800; do
        offset=${service##*:}; service=${service%%:*}
        : >"$run/$service.group"
        for i in "${!COUNTIES[@]}"; do
            local county=${COUNTIES[$i]}
            echo "--region $county --port $((BASE + offset + i)) --database $data/$service-$county.sqlite --registry 127.0.0.1:${COUNTY_PORT[$county]} --lease-ttl 30" \
                >>"$run/$service.group"
        done
    done
    # emergency-response at every node that commands teams: the province, the cities and the counties.
    {
        echo "--region 330000 --port $((BASE + 2400)) --database $data/emergency-response-330000.sqlite --registry 127.0.0.1:$BASE --lease-ttl 30"
        for i in "${!CITIES[@]}"; do
            local city=${CITIES[$i]}
            echo "--region $city --port $((BASE + 2401 + i)) --database $data/emergency-response-$city.sqlite --registry 127.0.0.1:${CITY_PORT[$city]} --lease-ttl 30"
        done
        for i in "${!COUNTIES[@]}"; do
            local county=${COUNTIES[$i]}
            echo "--region $county --port $((BASE + 2420 + i)) --database $data/emergency-response-$county.sqlite --registry 127.0.0.1:${COUNTY_PORT[$county]} --lease-ttl 30"
        done
    } >"$run/emergency-response.group"
    # Every region of the province has a gateway here: each child is expected from the start.
    local store="--store $data/gateway-summaries.sqlite --max-age $MAX_AGE --every-child-has-a-node"
    : >"$run/gateway-cities.group"; : >"$run/gateway-counties.group"; : >"$run/gateway-townships.group"; : >"$run/gateway-330106.group"
    for i in "${!CITIES[@]}"; do
        local city=${CITIES[$i]}
        echo "--region $city --port $((BASE + 601 + i)) --http-port $((BASE + 3001 + i)) --database $data/gateway-$city.sqlite --registry 127.0.0.1:${CITY_PORT[$city]} --parent-registry 127.0.0.1:$BASE $store" \
            >>"$run/gateway-cities.group"
    done
    for i in "${!COUNTIES[@]}"; do
        local county=${COUNTIES[$i]}
        # 西湖区's gateway runs in a process of its own, so that one county can be cut off (scripts/bench.sh gateway).
        local group=gateway-counties
        [ "$county" = 330106 ] && group=gateway-330106
        echo "--region $county --port $((BASE + 620 + i)) --database $data/gateway-$county.sqlite --registry 127.0.0.1:${COUNTY_PORT[$county]} --parent-registry 127.0.0.1:${CITY_PORT[${PARENT[$county]}]} --refresh-interval 10 --lease-ttl 30 $store" \
            >>"$run/$group.group"
    done
    local i=0
    while IFS=, read -r code _ tier parent _; do
        [ "$tier" = township ] || continue
        # One database per county's townships: it names their shared registry client's snapshot file.
        echo "--region $code --port $((BASE + 1000 + i)) --database $data/gateway-townships-$parent.sqlite --registry 127.0.0.1:${COUNTY_PORT[$parent]} --parent-registry 127.0.0.1:${COUNTY_PORT[$parent]} --refresh-interval 30 --lease-ttl 60 $store" \
            >>"$run/gateway-townships.group"
        i=$((i + 1))
    done < <(tail -n +2 "$DIVISIONS")
    sed -i "s|\$| --pki $PKI|" "$run"/*.group
}

make_pki() {  # the province's root, an intermediate per city issuing for its counties and townships
    local pki=("$BIN/gateway" pki) started=$SECONDS
    "${pki[@]}" init --dir "$PKI" >/dev/null
    "${pki[@]}" issue --dir "$PKI" --region 330000 --service registry gateway emergency-response aviation-landing-points duty-room >/dev/null
    for city in "${CITIES[@]}"; do
        "${pki[@]}" authority --dir "$PKI" --region "$city" >/dev/null
        "${pki[@]}" issue --dir "$PKI" --by "$city" --region "$city" --service registry gateway emergency-response >/dev/null
        local counties=() townships=()
        for county in "${COUNTIES[@]}"; do [ "${PARENT[$county]}" = "$city" ] && counties+=("$county"); done
        while IFS=, read -r code _ tier _ _; do
            [ "$tier" = township ] && [ "${code:0:4}00" = "$city" ] && townships+=("$code")
        done < <(tail -n +2 "$DIVISIONS")
        "${pki[@]}" issue --dir "$PKI" --by "$city" --region "${counties[@]}" \
            --service registry hazard-survey material-reserve training-records evacuation emergency-response gateway >/dev/null
        [ ${#townships[@]} -eq 0 ] || "${pki[@]}" issue --dir "$PKI" --by "$city" --region "${townships[@]}" --service gateway >/dev/null
    done
    echo "development PKI in $PKI: root, 11 city intermediates, $(ls "$PKI" | grep -c '^33.*\.pem$') node certificates ($((SECONDS - started)) s)"
}

launch() {  # launch NAME WAIT_PORT COMMAND…: start a process in the background, wait until WAIT_PORT answers
    local name=$1 port=$2
    shift 2
    local pidfile="$STATE/run/$name.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name already running"; return; fi
    nohup "$@" >>"$STATE/logs/$name.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 1200); do
        "$BIN/registry" probe ping --port "$port" --timeout 0.5 >/dev/null 2>&1 && { echo "$name up (last port $port)"; return; }
        kill -0 "$(cat "$pidfile")" 2>/dev/null || break
        sleep 0.1
    done
    echo "$name did not start; see $STATE/logs/$name.log" >&2
    exit 1
}

seed() {  # synthetic data at the province's scale, imported straight into each county's databases
    local data="$STATE/data" demo="$STATE/seed"
    mkdir -p "$demo"
    echo "seeding 90 counties (synthetic data at the province's scale; a few minutes)…"
    local started=$SECONDS
    for i in "${!COUNTIES[@]}"; do
        local county=${COUNTIES[$i]}
        local dir="$demo/$county"
        mkdir -p "$dir"
        "$BIN/hazard-survey" generate --region "$county" --points "$COUNTY_POINTS" --enterprises 1112 --hidden 2222 --seed "$((i + 1))" --output "$dir" >/dev/null
        for kind in enterprises points hidden-hazards; do
            "$BIN/hazard-survey" import --database "$data/hazard-survey-$county.sqlite" --region "$county" --kind "$kind" "$dir/$kind.csv" >/dev/null
        done
        "$BIN/material-reserve" generate --region "$county" --seed "$((i + 1))" --village-stores 1.6454 --village-units 8700 --output "$dir" >/dev/null
        for kind in region-profiles:profiles storage-points:storage-points stock:stock; do
            "$BIN/material-reserve" import --database "$data/material-reserve-$county.sqlite" --region "$county" --kind "${kind%%:*}" \
                "$dir/${kind##*:}.csv" >/dev/null
        done
        "$BIN/training-records" generate --database "$data/training-records-$county.sqlite" --region "$county" --people 13334 \
            --attendance 26668 --seed "$((i + 1))" --output "$dir" >/dev/null
        for kind in people attendance; do
            "$BIN/training-records" import --database "$data/training-records-$county.sqlite" --region "$county" --kind "$kind" "$dir/$kind.csv" >/dev/null
        done
        rm -rf "$dir"
        printf '\r  %d/90 counties (%d s)' "$((i + 1))" "$((SECONDS - started))"
    done
    echo
    "$BIN/aviation-landing-points" import --database "$data/aviation-landing-points-330000.sqlite" --region 330000 --shipped >/dev/null || true
    # A temporary landing field beside every third township with a known centre (synthetic; the real
    # register is not public).
    awk -F, 'BEGIN { print "id,name,region,lat,lon,kind,status" }
             NR > 1 && $3 == "township" && $5 != "" && (n++ % 3 == 0) { printf "TF-%s,%s临时起降点,%s,%.6f,%.6f,temporary-field,available\n", $1, $2, $1, $5 + 0.004, $6 + 0.004 }' \
        "$DIVISIONS" >"$demo/landing.csv"
    local report; report=$("$BIN/aviation-landing-points" import --database "$data/aviation-landing-points-330000.sqlite" --region 330000 \
        --kind points "$demo/landing.csv")
    echo "  landing fields: ${report%%$'\n'*}"
    touch "$data/seeded"
    echo "seeded in $((SECONDS - started)) s"
}

seed_evacuation() {  # coded people and shelters at every county: the people its hazard points register for transfer
    local data="$STATE/data" demo="$STATE/seed" started=$SECONDS
    echo "seeding evacuation at 90 counties…"
    for i in "${!COUNTIES[@]}"; do
        local county=${COUNTIES[$i]} dir="$demo/evacuation-${COUNTIES[$i]}"
        "$BIN/evacuation" generate --region "$county" --points "$COUNTY_POINTS" --seed "$((i + 1))" --output "$dir" >/dev/null
        for kind in shelters people; do
            "$BIN/evacuation" import --database "$data/evacuation-$county.sqlite" --region "$county" --kind "$kind" "$dir/$kind.csv" >/dev/null
        done
        rm -rf "$dir"
        printf '\r  %d/90 counties (%d s)' "$((i + 1))" "$((SECONDS - started))"
    done
    echo
    touch "$data/seeded-evacuation"
}

seed_response() {  # the rescue teams each node commands, by the generator's rule (581 over the province)
    local data="$STATE/data" demo="$STATE/seed" region n=0 teams=0
    echo "seeding rescue teams at the province, 11 cities and 90 counties…"
    for region in 330000 "${CITIES[@]}" "${COUNTIES[@]}"; do
        n=$((n + 1))
        "$BIN/emergency-response" generate --region "$region" --seed "$n" --output "$demo/response-$region" >/dev/null
        "$BIN/emergency-response" import --database "$data/emergency-response-$region.sqlite" --region "$region" --kind teams \
            "$demo/response-$region/teams.csv" >/dev/null
        teams=$((teams + $(tail -n +2 "$demo/response-$region/teams.csv" | wc -l)))
        rm -rf "$demo/response-$region"
    done
    echo "  $teams teams"
    touch "$data/seeded-response"
}

start() {
    "$ROOT/scripts/install-system-packages.sh"
    echo "building release executables…"
    for product in registry hazard-survey material-reserve training-records evacuation emergency-response aviation-landing-points gateway; do
        (cd "$ROOT" && swift build -c release --product "$product" 2>&1 | tail -1)
    done
    mkdir -p "$STATE/data" "$STATE/logs" "$STATE/run"
    [ -f "$STATE/data/seeded" ] || seed
    # Its own mark: a province seeded before evacuation existed gets its people on the next start.
    [ -f "$STATE/data/seeded-evacuation" ] || seed_evacuation
    [ -f "$STATE/data/seeded-response" ] || seed_response
    [ -f "$PKI/root.pem" ] || make_pki
    [ -f "$PKI/people-330000.txt" ] || make_people
    make_token
    group_files
    local run="$STATE/run" data="$STATE/data"
    launch registry-province "$BASE" "$BIN/registry" serve --region 330000 --port "$BASE" --database "$data/registry-330000.sqlite" --pki "$PKI"
    launch registry-cities "$((BASE + ${#CITIES[@]}))" "$BIN/registry" serve-group --group-file "$run/registry-cities.group" --log-level warning
    launch registry-counties "$((BASE + 19 + ${#COUNTIES[@]}))" "$BIN/registry" serve-group --group-file "$run/registry-counties.group" --log-level warning
    launch hazard-survey "$((BASE + 199 + ${#COUNTIES[@]}))" "$BIN/hazard-survey" serve-group --group-file "$run/hazard-survey.group" --log-level warning
    launch material-reserve "$((BASE + 299 + ${#COUNTIES[@]}))" "$BIN/material-reserve" serve-group --group-file "$run/material-reserve.group" --log-level warning
    launch training-records "$((BASE + 399 + ${#COUNTIES[@]}))" "$BIN/training-records" serve-group --group-file "$run/training-records.group" --log-level warning
    launch evacuation "$((BASE + 799 + ${#COUNTIES[@]}))" "$BIN/evacuation" serve-group --group-file "$run/evacuation.group" --log-level warning
    launch emergency-response "$((BASE + 2419 + ${#COUNTIES[@]}))" "$BIN/emergency-response" serve-group --group-file "$run/emergency-response.group" --log-level warning
    launch aviation-landing-points "$((BASE + 500))" "$BIN/aviation-landing-points" serve --region 330000 --port "$((BASE + 500))" \
        --database "$data/aviation-landing-points-330000.sqlite" --registry "127.0.0.1:$BASE" --log-level warning --pki "$PKI"
    launch gateway-townships "$((BASE + 999 + TOWNSHIP_COUNT))" "$BIN/gateway" serve-group --group-file "$run/gateway-townships.group" --log-level warning
    launch gateway-counties "$((BASE + 619 + ${#COUNTIES[@]}))" "$BIN/gateway" serve-group --group-file "$run/gateway-counties.group" --log-level warning
    local xihu; xihu=$(awk '{ print $4 }' "$run/gateway-330106.group")
    launch gateway-330106 "$xihu" "$BIN/gateway" serve-group --group-file "$run/gateway-330106.group" --log-level warning
    launch gateway-cities "$((BASE + 600 + ${#CITIES[@]}))" "$BIN/gateway" serve-group --group-file "$run/gateway-cities.group" --log-level warning
    launch gateway-province "$((BASE + 600))" "$BIN/gateway" serve --region 330000 --port "$((BASE + 600))" --http-port "$((BASE + 3000))" \
        --database "$data/gateway-330000.sqlite" --registry "127.0.0.1:$BASE" --max-age "$MAX_AGE" --every-child-has-a-node --log-level warning \
        --pki "$PKI"
    echo
    echo "Ask the province (its gateway finds its 11 cities within a few seconds of starting):"
    echo "     $BIN/gateway probe summary --port $((BASE + 600))"
    echo "     $BIN/gateway probe children --port $((BASE + 600)) --region 330100"
    echo "     $BIN/gateway probe plan --port $((BASE + 600)) --region 330106003000 --need 3010201=200"
    echo "     $BIN/gateway probe incident report --port $((BASE + 600)) --kind flood --region 330106003000 --title 灵隐街道内涝 --level II --affected 300"
    echo "     $BIN/gateway probe propose --port $((BASE + 600)) 330106-1"
    echo "     scripts/province.sh status"
    echo "     scripts/bench.sh gateway --freeze-pid \$(cat $STATE/run/gateway-330106.pid)"
    echo "The duty-room screen of the province (the 11 cities' at +3001…+3011; counties and townships serve none here):"
    echo "     http://127.0.0.1:$((BASE + 3000))/    (sign in as 1001, 省值班员, password $DEV_PASSWORD)"
}

stop() {
    # In three phases, each phase's processes at once: the gateways, then the services, then the
    # registries (so every node deregisters while its registry still runs).
    local run="$STATE/run"
    stop_pidfiles "$run"/gateway-*.pid
    stop_pidfiles "$run"/{hazard-survey,material-reserve,training-records,evacuation,emergency-response,aviation-landing-points}.pid
    stop_pidfiles "$run"/registry-*.pid
    echo "stopped (data kept in $STATE/data)"
}

status() {
    local total=0 name
    for name in "${PROCESSES[@]}"; do
        local pidfile="$STATE/run/$name.pid"
        if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            local rss; rss=$(ps -o rss= -p "$(cat "$pidfile")")
            total=$((total + rss))
            printf '%-26s pid %-8s %6d MB\n' "$name" "$(cat "$pidfile")" "$((rss / 1024))"
        else
            printf '%-26s not running\n' "$name"
        fi
    done
    echo "whole mesh: $((total / 1024)) MB resident"
    "$BIN/gateway" probe summary --port "$((BASE + 600))" --timeout 5 | head -4 || true
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    restart) stop; start ;;
    *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
