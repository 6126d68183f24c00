#!/usr/bin/env python3
"""Shrinks the shared Zhejiang boundaries for the duty-room screen's map.

    python3 scripts/simplify-boundaries.py \
        /work/shared/data/zhejiang-boundaries.geojson \
        gateway/GatewayHTTP/Resources/screen/zhejiang.geojson \
        Shared/AnlanRegions/Resources/zhejiang-divisions.csv

Input: the data set's `zhejiang-boundaries.geojson` (province, 11 cities, 90 counties; Polygon or
MultiPolygon; properties code, name, tier, parent_code). Output: the same features with every
coordinate rounded to 4 decimals (about 10 m, finer than a screen pixel at province scale),
consecutive duplicate points removed, rings that collapse below a triangle dropped, and only the
four properties kept. The province feature is kept: the map draws it as the outline.

With the optional third argument (the divisions CSV: code,name,tier,parent_code,lat,lon) the
townships, which have no polygons, are added as a foreign member (RFC 7946 section 6.1)
`"townships": {"<12-digit code>": "<name>", ...}`, so the screen can name a county's townships when
it drills into one.

Standard library only; the output is deterministic (same input, same bytes).
"""

import csv
import json
import sys

PLACES = 4
KEEP = ("code", "name", "tier", "parent_code")


def simplify_ring(ring):
    """Rounds a linear ring, drops consecutive duplicates; None when fewer than 3 distinct points stay."""
    out = []
    for point in ring:
        rounded = [round(point[0], PLACES), round(point[1], PLACES)]
        if not out or out[-1] != rounded:
            out.append(rounded)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3:
        return None
    out.append(list(out[0]))  # closed again, as GeoJSON wants
    return out


def simplify_polygon(rings):
    """The polygon's rings simplified; None when its outer ring collapsed."""
    outer = simplify_ring(rings[0])
    if outer is None:
        return None
    holes = [r for r in (simplify_ring(ring) for ring in rings[1:]) if r is not None]
    return [outer] + holes


def simplify_geometry(geometry):
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"unexpected geometry {kind}")
    kept = [p for p in (simplify_polygon(polygon) for polygon in polygons) if p is not None]
    if not kept:
        raise ValueError("every polygon collapsed")
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(f"usage: {argv[0]} INPUT.geojson OUTPUT.geojson [DIVISIONS.csv]\n")
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        source = json.load(handle)
    tier_order = {"province": 0, "city": 1, "county": 2}
    features = []
    points_in = points_out = 0
    for feature in source["features"]:
        properties = {key: feature["properties"].get(key, "") for key in KEEP}
        if properties["tier"] not in tier_order:
            continue
        geometry = simplify_geometry(feature["geometry"])
        points_in += count_points(feature["geometry"])
        points_out += count_points(geometry)
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    features.sort(key=lambda f: (tier_order[f["properties"]["tier"]], f["properties"]["code"]))
    output = {"type": "FeatureCollection", "features": features}
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row["tier"] == "township"]
        output["townships"] = {row["code"]: row["name"] for row in sorted(rows, key=lambda r: r["code"])}
    text = json.dumps(output, ensure_ascii=False, separators=(",", ":"))
    # One feature a line: diffable, and still compact.
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace('],"townships":', '],\n"townships":')
    with open(argv[2], "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
    tiers = {}
    for feature in features:
        tiers[feature["properties"]["tier"]] = tiers.get(feature["properties"]["tier"], 0) + 1
    sys.stderr.write(
        f"{len(features)} features {tiers}, {points_in} points in, {points_out} out, "
        f"{len(text.encode('utf-8')) + 1} bytes\n"
    )
    return 0


def count_points(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return sum(len(ring) for polygon in polygons for ring in polygon)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
