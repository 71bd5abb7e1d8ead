#!/usr/bin/env python3
"""Rewrites the figures of BENCHMARKS.md's table from the JSON reports scripts/bench.sh wrote.

Each row of the table names its measure in a comment in its first cell (`<!-- bulk_tag -->`);
a row whose report is in the folder gets the figure read from it and the report's date. Rows
without a report, or whose report did not measure them, keep what they say.

    python3 scripts/bench_table.py BENCHMARKS.md target/bench
"""

import datetime
import json
import os
import re
import sys


def ms(x):
    return f"{x:,.0f} ms" if x >= 100 else f"{x:.1f} ms"


def met(ok):
    return "; met" if ok else "; **not met**"


def worst(items, path):
    values = [get(i, path) for i in items]
    return max(v for v in values if v is not None)


def get(obj, path):
    for key in path.split("."):
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def pace(app, name):
    return next(p for p in app["typing"] if p["pace"] == name)


def typed(app, name, target=None):
    p = pace(app, name)
    slowest = worst(p["by_prefix_length"], "stats.p95_ms")
    figure = (
        f"p95 {ms(p['overall']['p95_ms'])} overall, {ms(slowest)} at the worst prefix length; "
        f"max {ms(p['overall']['max_ms'])}"
    )
    return figure + (met(slowest <= target) if target else "")


def typing(report):
    """Issue 26's rule: p95 within 50 ms at every prefix length of every kind of word (emails,
    titles...), not only overall, and no search over 150 ms."""
    groups = [g for kind in report["by_kind_and_length"] for g in kind["by_prefix_length"]]
    slowest = worst(groups, "stats.p95_ms")
    figure = (
        f"p95 {ms(report['overall']['p95_ms'])} overall, {ms(slowest)} at the worst kind and prefix length; "
        f"max {ms(report['overall']['max_ms'])}"
    )
    early = report.get("answered_before_counted", 0)
    if early:
        # The issue allows an approximate total shown as such: say how often and what the count cost.
        figure += (
            f"; {early} pages (phrases ending in a prefix: emails past the dot, hyphenated names) shown before "
            f"their count, total as \"N+\" until "
            f"counted (p95 {ms(report['counting_after']['p95_ms'])} more)"
        )
    return figure + met(slowest <= 50 and report["overall"]["max_ms"] <= 150)


def cold(app):
    """None (the row keeps its last figure) when this run did not measure a cold start."""
    value = app["first_page_cold_ms"]
    return ms(value) + met(value <= 4000) if isinstance(value, (int, float)) else None


# Each row's figure: the report it comes from, and how to read it.
FIGURES = {
    "typing": ("typing", typing),
    "palette": ("palette", lambda r: f"p95 {ms(r['overall']['p95_ms'])}" + met(r["overall"]["p95_ms"] <= 30)),
    "board": (
        "board",
        lambda r: f"p95 {ms(r['board_first_screen']['p95_ms'])}, max {ms(r['board_first_screen']['max_ms'])}"
        + met(r["board_first_screen"]["max_ms"] <= 300),
    ),
    "board_move": (
        "board",
        lambda r: f"p95 {ms(r['move_round_trip']['p95_ms'])}, max {ms(r['move_round_trip']['max_ms'])}"
        + met(r["move_round_trip"]["p95_ms"] <= 50),
    ),
    "search": (
        "search",
        lambda r: f"p95 {ms(r['overall']['p95_ms'])}; worst query p95 {ms(worst(r['queries'], 'p95_ms'))}"
        + met(r["overall"]["p95_ms"] <= 50 and worst(r["queries"], "p95_ms") <= 150),
    ),
    "app_human": ("app", lambda r: typed(r, "human", 100)),
    "app_fast": ("app", lambda r: typed(r, "fast")),
    "app_warm": ("app", lambda r: ms(r["first_page_warm_ms"]) + met(r["first_page_warm_ms"] <= 1500)),
    "app_cold": ("app", cold),
    "bulk_tag": (
        "bulk",
        lambda r: f"{ms(r['tag_100k_ms'])} ({r['tagged']:,} of a search, spread {r['spread']:.0%})"
        + met(r["tag_100k_ms"] <= 2000),
    ),
    "bulk_export": ("bulk", lambda r: ms(r["export_100k_ms"])),
    "bulk_profile": ("bulk", lambda r: f"p95 {ms(r['profile_p95_ms'])}" + met(r["profile_p95_ms"] <= 20)),
    "server_push": (
        "server",
        lambda r: f"{r['push_applied_per_s']:,.0f} applied/s ({r['push_applied']:,} of {r['push_sent']:,} applied)",
    ),
    "server_pull": (
        "server",
        lambda r: f"p95 {ms(r['pull_p95_ms'])} (pages of {r['pull_mean_changes']:,.0f} changes on average)",
    ),
    "server_webhook_lag": (
        "server",
        lambda r: f"p95 {ms(r['webhook_lag_idle']['p95_ms'])} with the server otherwise idle; "
        f"p95 {ms(r['webhook_lag_p95_ms'])} while 10 desktops push (from the commit on: "
        f"p95 {ms(r['webhook_after_commit']['p95_ms'])}); {r['webhook_lost']} lost"
        + met(r["webhook_lag_idle"]["p95_ms"] <= 1000 and r["webhook_lag_p95_ms"] <= 1000 and r["webhook_lost"] == 0),
    ),
    "signup": (
        "server",
        lambda r: f"{r['signup_per_s']:,.0f}/s applied ({r['signup_applied']} of {r['signup_sent']} forms, "
        f"{r['signup_at_once']} at once; a form answered "
        f"p50 {ms(r['signup_form']['p50_ms'])}, p95 {ms(r['signup_form']['p95_ms'])})"
        + met(r["signup_per_s"] >= 50 and r["signup_applied"] == r["signup_sent"]),
    ),
    "server_snapshot": (
        "server",
        lambda r: f"{r['snapshot_seconds']:.1f} s for {r['snapshot_candidates']:,} candidates",
    ),
    "demo": ("demo", lambda r: f"{r['demo_1m_s']:.1f} s" + met(r["demo_1m_s"] <= 60)),
}

ROW = re.compile(r"^\|(?P<measure>[^|]*<!-- (?P<key>\w+) -->[^|]*)\|(?P<target>[^|]*)\|[^|]*\|[^|]*\|(?P<rest>.*)$")


def rewrite(text, folder):
    lines = []
    for line in text.splitlines():
        m = ROW.match(line)
        report = FIGURES.get(m["key"]) if m else None
        path = os.path.join(folder, f"{report[0]}.json") if report else None
        if path and os.path.exists(path):
            with open(path) as f:
                figure = report[1](json.load(f))
            if figure is not None:
                day = datetime.date.fromtimestamp(os.path.getmtime(path)).isoformat()
                line = f"|{m['measure']}|{m['target']}| {figure} | {day} |{m['rest']}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def main():
    doc, folder = sys.argv[1], sys.argv[2]
    with open(doc) as f:
        text = f.read()
    with open(doc, "w") as f:
        f.write(rewrite(text, folder))


if __name__ == "__main__":
    main()
