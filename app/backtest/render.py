"""The backtest report as a terminal table and as one self-contained HTML page.

The page has no script and fetches nothing: its charts are inline SVG.
"""

from html import escape
from typing import Any


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def text(report: dict[str, Any]) -> str:
    r = report
    out = [
        f"backtest of {r['file']}",
        "  settings: " + ", ".join(f"{k}={v}" for k, v in r["settings"].items()),
        f"  {r['checks']:,} checks of {r['lines_checked']:,} lines in {r['seconds']} s "
        f"({r['checks_per_second']}/s), peak RSS {r['peak_rss_mb']} MB",
        "",
        "verdicts          " + "  ".join(f"{k} {v:,}" for k, v in r["verdicts"].items()),
        f"interrupted       {r['interrupted']:,} of {r['checks']:,} checks "
        f"({_pct(r['interrupted_share'])})",
        f"repeats_order     {r['repeats_order']:,} checks",
        f"service lines     {r['service_lines']['checked']:,} checked, "
        f"{r['service_lines']['warned']:,} warned",
        "",
        "warnings by code and severity:",
    ]
    for code, by in r["warnings"].items():
        out.append(f"  {code:<26}" + "  ".join(f"{s} {n:,}" for s, n in by.items()))
    rep, dbl, kept = r["repeats"], r["likely_doubles"], r["kept_repeats"]
    out += [
        "",
        "what the history says (a repeat: the same sku bought again within 24 h;",
        "a likely double: a repeat given back in full within 7 days):",
        f"  checks with a repeat      {rep['checks']:,}, interrupted "
        f"{rep['checks_interrupted']:,} ({_pct(rep['checks_interrupted_share'])})",
        f"  likely double orders      {dbl['orders']:,} ({dbl['lines']:,} lines, "
        f"{dbl['service_lines']:,} of them services), caught {dbl['caught']:,} "
        f"({_pct(dbl['caught_share'])})",
        f"  kept repeat lines         {kept['lines']:,}, interrupted {kept['interrupted']:,} "
        f"(nagged {_pct(kept['nagged_share'])})",
        "",
        "outcomes (each order follows its own check, so every warning was kept; regretted:",
        "given back within 7 days):",
        *(f"  {code:<26}kept {o['kept']:,}  regretted {o['regretted']:,}"
          for code, o in r["outcomes"].items()),
        "",
        "routine rule          checks with a repeat interrupted   caught   nagged",
        *(f"  {state:<20}{_pct(p['checks_with_repeat_interrupted_share']):>12}"
          f"{p['caught']:>21}  {_pct(p['nagged_share']):>7}"
          for state, p in r["routine_rule"].items()),
        "",
        "duplicate window   caught   nagged   checks with a repeat interrupted",
    ]
    for point in r["curve"]:
        out.append(f"  {point['window_hours']:>6g} h        {_pct(point['caught_share']):>7}"
                   f"  {_pct(point['nagged_share']):>7}  "
                   f"{_pct(point['checks_interrupted_share']):>7}")
    out += ["", "most warned skus:    " + ", ".join(
        f"{t['sku']} {t['warnings']}" for t in r["top_skus"])]
    out += ["most warned customers: " + ", ".join(
        f"{t['customer_id']} {t['warnings']}" for t in r["top_customers"])]
    out += ["", "examples:"]
    for example in r["examples"]:
        a = example["answer"]
        out.append(f"  [{example['kind']}] order {example['order_id']} of customer "
                   f"{a['customer_id']}: {a['verdict']}")
        if a["repeats_order"]:
            out.append(f"      {a['repeats_order']['message']}")
        for w in a["warnings"][:3]:
            out.append(f"      {w['severity']:<7} {w['code']} {w['sku']}: {w['message']}")
        if len(a["warnings"]) > 3:
            out.append(f"      ... and {len(a['warnings']) - 3} more")
    return "\n".join(out)


def html(report: dict[str, Any]) -> str:
    r = report
    rep, dbl, kept = r["repeats"], r["likely_doubles"], r["kept_repeats"]
    codes = [(code, sum(by.values()), by) for code, by in r["warnings"].items()]
    summary = [
        ("Checks", f"{r['checks']:,}"),
        ("Interrupted (confirm or block)", f"{r['interrupted']:,} ({_pct(r['interrupted_share'])})"),
        ("Carts that repeat an order", f"{r['repeats_order']:,}"),
        ("Service lines warned", f"{r['service_lines']['warned']:,} of "
                                 f"{r['service_lines']['checked']:,}"),
        ("Checks with a repeat, interrupted",
         f"{rep['checks_interrupted']:,} of {rep['checks']:,} "
         f"({_pct(rep['checks_interrupted_share'])})"),
        ("Likely double orders caught", f"{dbl['caught']:,} of {dbl['orders']:,} "
                                        f"({_pct(dbl['caught_share'])})"),
        ("Kept repeat lines interrupted (nagged)",
         f"{kept['interrupted']:,} of {kept['lines']:,} ({_pct(kept['nagged_share'])})"),
        ("Replay", f"{r['seconds']} s, {r['checks_per_second']} checks/s, "
                   f"peak RSS {r['peak_rss_mb']} MB"),
    ]
    settings = ", ".join(f"{k}={v}" for k, v in r["settings"].items())
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>purchase-guard backtest</title><style>",
        "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222}",
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .7em;"
        "border-bottom:1px solid #ddd;text-align:left}td.n{text-align:right}",
        ".ex{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:.6em 0}",
        ".info{color:#2563eb}.confirm{color:#b45309}.block{color:#b91c1c}",
        "</style></head><body>",
        f"<h1>What the guard would have said</h1><p>{escape(r['file'])}<br>"
        f"<small>{escape(settings)}</small></p>",
        "<table>" + "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>"
                            for k, v in summary) + "</table>",
        "<h2>Warnings by code</h2>", _bars(codes),
        "<h2>Caught against nagged, by duplicate window</h2>",
        "<p>Caught: likely double orders (a repeat given back in full within 7 days) that "
        "got a confirm. Nagged: kept repeats that got one. Pick the window whose point "
        "suits your customers.</p>", _curve(r["curve"]),
        "<h2>Outcomes and the routine rule</h2>", _outcomes(r),
        "<h2>Most warned</h2>", _top(r),
        "<h2>Example checks</h2>", *(_example(e) for e in r["examples"]),
        "</body></html>",
    ]
    return "\n".join(parts)


def _bars(codes: list[tuple[str, int, dict[str, int]]]) -> str:
    if not codes:
        return "<p>No warnings.</p>"
    colours = {"info": "#93c5fd", "confirm": "#f59e0b", "block": "#dc2626"}
    top = max(total for _, total, _ in codes)
    row, left, width = 26, 230, 560
    svg = [f"<svg class='bars' xmlns='http://www.w3.org/2000/svg' width='{left + width + 90}' "
           f"height='{row * len(codes) + 10}' role='img' aria-label='warnings by code'>"]
    for n, (code, total, by) in enumerate(codes):
        y, x = n * row + 5, float(left)
        svg.append(f"<text x='0' y='{y + 15}' font-size='12'>{escape(code)}</text>")
        for severity in ("info", "confirm", "block"):
            count = by.get(severity, 0)
            if not count:
                continue
            w = max(1.0, count / top * width)
            svg.append(f"<rect class='bar {severity}' x='{x:.1f}' y='{y}' width='{w:.1f}' "
                       f"height='18' fill='{colours[severity]}'><title>{severity}: {count:,}"
                       f"</title></rect>")
            x += w
        svg.append(f"<text x='{x + 6:.1f}' y='{y + 15}' font-size='12'>{total:,}</text>")
    svg.append("</svg>")
    return "".join(svg)


def _curve(points: list[dict[str, Any]]) -> str:
    usable = [p for p in points if p["caught_share"] is not None and p["nagged_share"] is not None]
    if not usable:
        return "<p>No repeats in this history: nothing to plot.</p>"
    size, pad = 420, 50

    def at(share: float) -> float:
        return pad + share * (size - 2 * pad)

    svg = [f"<svg class='curve' xmlns='http://www.w3.org/2000/svg' width='{size}' "
           f"height='{size}' role='img' aria-label='caught against nagged'>",
           f"<line x1='{pad}' y1='{size - pad}' x2='{size - pad}' y2='{size - pad}' "
           "stroke='#999'/>",
           f"<line x1='{pad}' y1='{pad}' x2='{pad}' y2='{size - pad}' stroke='#999'/>",
           f"<text x='{size / 2 - 60}' y='{size - 12}' font-size='12'>nagged (kept repeats)"
           "</text>",
           f"<text x='12' y='{pad - 14}' font-size='12'>caught (likely doubles)</text>"]
    for tick in (0, 0.5, 1):
        svg.append(f"<text x='{at(tick) - 10:.1f}' y='{size - pad + 16}' font-size='10'>"
                   f"{tick * 100:.0f}%</text>")
        svg.append(f"<text x='{pad - 38}' y='{size - at(tick) + 4:.1f}' font-size='10'>"
                   f"{tick * 100:.0f}%</text>")
    path = " ".join(f"{at(p['nagged_share']):.1f},{size - at(p['caught_share']):.1f}"
                    for p in usable)
    svg.append(f"<polyline points='{path}' fill='none' stroke='#2563eb'/>")
    # Windows whose points fall within a few pixels of each other share one label.
    labels: list[tuple[float, float, list[str]]] = []
    for p in usable:
        x, y = at(p["nagged_share"]), size - at(p["caught_share"])
        svg.append(f"<circle class='point' cx='{x:.1f}' cy='{y:.1f}' r='4' fill='#2563eb'>"
                   f"<title>{p['window_hours']:g} h: caught {_pct(p['caught_share'])}, "
                   f"nagged {_pct(p['nagged_share'])}</title></circle>")
        near = next((label for label in labels
                     if abs(label[0] - x) < 24 and abs(label[1] - y) < 12), None)
        if near is None:
            labels.append((x, y, [f"{p['window_hours']:g}"]))
        else:
            near[2].append(f"{p['window_hours']:g}")
    for n, (x, y, windows) in enumerate(labels):
        dy = -8 if n % 2 == 0 else 16
        svg.append(f"<text x='{x + 6:.1f}' y='{y + dy:.1f}' font-size='11'>"
                   f"{', '.join(windows)} h</text>")
    svg.append("</svg>")
    table = "<table><tr><th>window</th><th>caught</th><th>nagged</th>" \
            "<th>checks with a repeat interrupted</th></tr>" + "".join(
                f"<tr><td>{p['window_hours']:g} h</td><td class='n'>{_pct(p['caught_share'])}</td>"
                f"<td class='n'>{_pct(p['nagged_share'])}</td>"
                f"<td class='n'>{_pct(p['checks_interrupted_share'])}</td></tr>"
                for p in points) + "</table>"
    return "".join(svg) + table


def _outcomes(r: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{escape(code)}</td><td class='n'>{o['kept']:,}</td>"
                   f"<td class='n'>{o['regretted']:,}</td></tr>"
                   for code, o in r["outcomes"].items())
    routine = "".join(
        f"<tr><td>{state}</td><td class='n'>{_pct(p['checks_with_repeat_interrupted_share'])}"
        f"</td><td class='n'>{p['caught']:,}</td><td class='n'>{_pct(p['nagged_share'])}</td></tr>"
        for state, p in r["routine_rule"].items())
    return ("<p>Each order follows its own check, so every warning was kept; regretted: "
            "given back within 7 days.</p>"
            f"<table><tr><th>code</th><th>kept</th><th>regretted</th></tr>{rows}</table>"
            "<table><tr><th>routine rule</th><th>checks with a repeat interrupted</th>"
            f"<th>likely doubles caught</th><th>nagged</th></tr>{routine}</table>")


def _top(r: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{escape(s['sku'])}</td><td class='n'>{s['warnings']:,}</td>"
        f"<td class='n'>{s['interrupting']:,}</td></tr>" for s in r["top_skus"])
    customers = "".join(
        f"<tr><td>{escape(c['customer_id'])}</td><td class='n'>{c['warnings']:,}</td>"
        f"<td class='n'>{c['interrupting']:,}</td></tr>" for c in r["top_customers"])
    head = "<tr><th>{}</th><th>warnings</th><th>interrupting</th></tr>"
    return (f"<table>{head.format('sku')}{rows}</table>"
            f"<table>{head.format('customer')}{customers}</table>")


def _example(example: dict[str, Any]) -> str:
    a = example["answer"]
    lines = [f"<div class='ex'><b>{escape(example['kind'])}</b>: order "
             f"{escape(example['order_id'])} of customer {escape(a['customer_id'])}, "
             f"verdict <span class='{a['verdict']}'>{a['verdict']}</span>"]
    if a["repeats_order"]:
        lines.append(f"<p>{escape(a['repeats_order']['message'])}</p>")
    items = "".join(
        f"<li><span class='{w['severity']}'>{w['severity']}</span> {escape(w['code'])} "
        f"{escape(w['sku'])}: {escape(w['message'])}</li>" for w in a["warnings"][:5])
    more = len(a["warnings"]) - 5
    lines.append(f"<ul>{items}{f'<li>... and {more} more</li>' if more > 0 else ''}</ul></div>")
    return "".join(lines)
