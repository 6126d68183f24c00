# Sourced by mesh.sh and province.sh: the development mesh's people (needs BIN and PKI).

# The development password of the people the screens sign in; a deployment sets its own.
DEV_PASSWORD=anlan-dev-2026

# Who signs in at the screens: the province's and 西湖区's duty officers, a 灵隐街道 cadre (the phone page).
make_people() {
    local person=("$BIN/gateway" pki person --dir "$PKI")
    echo "$DEV_PASSWORD" | "${person[@]}" --gateway 330000 --id 1001 --name 省值班员 --role officer >/dev/null
    echo "$DEV_PASSWORD" | "${person[@]}" --gateway 330106 --id 2001 --name 西湖区值班员 --role officer >/dev/null
    echo "$DEV_PASSWORD" | "${person[@]}" --gateway 330106003000 --id 3001 --name 灵隐街道干部 --role cadre >/dev/null
}

# The probes' person: the province's duty officer, signed in for 12 hours by its gateway's key.
make_token() {
    mkdir -p "$PKI/tokens"
    "$BIN/gateway" pki token --dir "$PKI" --gateway 330000 --id duty-officer --name 省值班员 --role officer \
        >"$PKI/tokens/330000-officer.jwt.new"
    mv "$PKI/tokens/330000-officer.jwt.new" "$PKI/tokens/330000-officer.jwt"
}
