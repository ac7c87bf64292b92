#!/usr/bin/env python3
"""Body-extraction quality of `newswire parse` on the development pages in ../shared/extraction-dev.

Runs ONE `newswire parse` process over all pages (one JSON line per page) and scores the lines
with the metric of that set's score.py (imported from it, so both always agree): a chunk counts
when its whitespace-normalised text occurs in the extracted body; precision, recall and F1 are
summed over all pages; a refused page counts as an empty body.

  extraction_quality.py --newswire .build/release/newswire [--mode html|text] [--show-worst N] [--json]
"""
import argparse, json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(os.path.dirname(ROOT), "shared", "extraction-dev")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--newswire", default=os.path.join(ROOT, ".build", "release", "newswire"))
    ap.add_argument("--data", default=os.environ.get("NEWSWIRE_EXTRACTION_DEV", DEFAULT_DATA),
                    help="the development set (default ../shared/extraction-dev beside the clone)")
    ap.add_argument("--mode", choices=["html", "text"], default="html")
    ap.add_argument("--show-worst", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.data, "evaldata.json")):
        print(f"extraction quality: the development set is absent ({a.data}/evaldata.json not found); "
              "it lives in ../shared/extraction-dev beside the clone, or set NEWSWIRE_EXTRACTION_DEV. Nothing measured.",
              file=sys.stderr)
        sys.exit(2)
    sys.path.insert(0, a.data)
    import score  # the set's own scorer: norm() and body_from_json() define the metric

    data = json.load(open(os.path.join(a.data, "evaldata.json"), encoding="utf-8"))
    items = sorted(data.items())
    if a.mode == "html":
        paths = [os.path.join(a.data, "pages", item["file"]) for _, item in items]
    else:
        paths = [os.path.join(a.data, "text", re.sub(r"\.html$", "", item["file"]) + ".txt") for _, item in items]
    t0 = time.perf_counter()
    run = subprocess.run([a.newswire, "parse", "--json"] + paths, capture_output=True)
    seconds = time.perf_counter() - t0
    bodies, errors = {}, {}
    for line in run.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        j = json.loads(line)
        if "error" in j and "paragraphs" not in j:
            errors[j["path"]] = "%s: %s" % (j["error"]["code"], j["error"]["message"][:160])
        else:
            bodies[j["path"]] = score.body_from_json(line)
    tp = fp = fn = 0
    rows = []
    for (url, item), path in zip(items, paths):
        text = score.norm(bodies.get(path, ""))
        found = [w for w in item["with"] if score.norm(w) in text]
        kept = [w for w in item["without"] if score.norm(w) in text]
        tp += len(found); fp += len(kept); fn += len(item["with"]) - len(found)
        loss = (len(item["with"]) - len(found)) / max(1, len(item["with"])) + len(kept) / max(1, len(item["without"]))
        err = errors.get(path) or (None if path in bodies else "no output line")
        rows.append((loss, item["file"], [w for w in item["with"] if w not in found], kept, err))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    size = sum(os.path.getsize(p) for p in paths)
    refused = sum(1 for r in rows if r[4])
    if a.show_worst:
        for loss, name, missed, kept, err in sorted(rows, reverse=True)[: a.show_worst]:
            print(f"{loss:.2f}  {name}" + (f"  ERROR {err}" if err else ""))
            for w in missed: print(f"      missed: {w[:90]!r}")
            for w in kept: print(f"      kept:   {w[:90]!r}")
    figures = {"pages": len(items), "mode": a.mode, "precision": round(precision, 4), "recall": round(recall, 4),
               "f1": round(f1, 4), "refused": refused, "seconds": round(seconds, 2),
               "mb_per_s_one_process": round(size / 1e6 / seconds, 2)}
    if a.json:
        print(json.dumps(figures))
    else:
        print(f"newswire parse, {len(items)} pages ({a.mode}): precision {precision:.3f}, recall {recall:.3f}, "
              f"F1 {f1:.3f}; {refused} refused; {size / 1e6:.1f} MB in {seconds:.1f} s in one process "
              f"({figures['mb_per_s_one_process']} MB/s including JSON output)")


if __name__ == "__main__":
    main()
