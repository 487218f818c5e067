#!/usr/bin/python3
"""The tagged PDF report's structure, read with pikepdf (Debian's python3-pikepdf), pdfinfo and pdftotext.

    check_tagged_pdf.py SAMPLE_EXE OUT_DIR

Writes the sample report with SAMPLE_EXE (hicm-report-sample), then checks what a screen-reader user
relies on: tagged (/MarkInfo, pdfinfo "Tagged: yes"), /Lang en-GB, the title shown by viewers, every
chart a Figure with /Alt, every heading H1-H3 a bookmark and every bookmark a heading, every table with
TH cells, nothing drawn outside the structure tree but artifacts (running header and footer), and the
text in reading order (pdftotext). The same for the report with a board cover sheet first, whose
heading must be the first bookmark and its text the first read. Then the same checks on a copy stripped
of its tags must fail, so that they can.
Prints 'N passed, N failed'; exits non-zero on any failure.
"""
import re
import subprocess
import sys
from pathlib import Path

import pikepdf

HEADINGS = {"/H1", "/H2", "/H3"}
# The report's top-level sections, in the order a reader meets them.
SECTIONS = ["Summary", "The features at a glance", "The features in detail"]


def walk(elem, path=()):
    """Yields (element, ancestors' types) for every structure element, in document order."""
    kids = elem.get("/K")
    if kids is None:
        return
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    for k in items:
        if isinstance(k, pikepdf.Dictionary) and "/S" in k:
            yield k, path
            yield from walk(k, path + (str(k.S),))


def outline_titles(pdf):
    titles = []
    with pdf.open_outline() as outline:
        stack = list(reversed(outline.root))
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(reversed(item.children))
    return titles


def marked_content_problems(pdf):
    """Text or paths drawn outside every marked-content sequence (neither structure nor artifact)."""
    problems = []
    painting = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}
    for number, page in enumerate(pdf.pages, 1):
        depth = 0
        artifacts = 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                depth += 1
                if str(operands[0]) == "/Artifact":
                    artifacts += 1
            elif op == "EMC":
                depth -= 1
            elif op in painting and depth == 0:
                problems.append(f"page {number}: '{op}' outside any tag or artifact")
                break
        if number > 1 and artifacts == 0:
            problems.append(f"page {number}: its running header and footer are not artifacts")
    return problems


def check(path):
    results = []

    def expect(ok, what):
        results.append((bool(ok), what))

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    expect(re.search(r"^Tagged:\s+yes", info, re.M), "pdfinfo says Tagged: yes")
    pdf = pikepdf.open(path)
    root = pdf.Root
    mark = root.get("/MarkInfo")
    expect(mark is not None and bool(mark.get("/Marked")), "/MarkInfo << /Marked true >>")
    expect(str(root.get("/Lang", "")) == "en-GB", "/Lang (en-GB)")
    prefs = root.get("/ViewerPreferences")
    expect(prefs is not None and bool(prefs.get("/DisplayDocTitle")), "viewers show the title (DisplayDocTitle)")
    title = str(pdf.docinfo.get("/Title", ""))
    expect("North Shire" in title, f"the document title names the area ({title!r})")
    with pdf.open_metadata() as meta:
        expect("North Shire" in str(meta.get("dc:title", "")), "the XMP title names the area")

    tree = root.get("/StructTreeRoot")
    elems = list(walk(tree)) if tree is not None else []
    types = [str(e.S) for e, _ in elems]
    figures = [e for e, _ in elems if str(e.S) == "/Figure"]
    expect(len(figures) >= 2, f"the charts are Figures ({len(figures)})")
    expect(figures and all(len(str(f.get("/Alt", "")).strip()) > 40 for f in figures),
           "every Figure has its text alternative (/Alt)")
    headings = [t for t in types if t in HEADINGS]
    expect(len(headings) >= 10 and "/H1" in headings and "/H2" in headings, f"headings H1/H2 ({len(headings)})")
    titles = outline_titles(pdf) if "/Outlines" in root else []
    expect(titles and len(titles) == len(headings), f"every heading is a bookmark ({len(titles)} bookmarks, "
                                                    f"{len(headings)} headings)")
    for s in SECTIONS:
        expect(s in titles, f"bookmark '{s}'")
    expect("/L" in types and "/LI" in types and "/LBody" in types, "lists are L/LI/LBody")
    tables = [e for e, _ in elems if str(e.S) == "/Table"]
    expect(len(tables) >= 5, f"tables are Table elements ({len(tables)})")
    expect(tables and all(any(str(c.S) == "/TH" for c, _ in walk(t)) for t in tables), "every table has TH cells")
    ths = [e for e, _ in elems if str(e.S) == "/TH"]
    expect(ths and all(str(th.get("/A", {}).get("/Scope", "")) in ("/Column", "/Row") for th in ths),
           "every header cell says whether it heads a column or a row (/Scope)")
    expect(all(str(e.S) not in ("/Artifact",) for e, _ in elems), "no Artifact element in the structure tree")
    problems = marked_content_problems(pdf)
    expect(not problems, "everything drawn is tagged or an artifact" + (f": {problems[:3]}" if problems else ""))

    # Reading order: the sections and every level-1 bookmark come in pdftotext's text in this order.
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    at, in_order = -1, True
    for s in SECTIONS:
        nxt = flat.find(s, at + 1)
        in_order = in_order and nxt > at
        at = nxt
    expect(in_order, "pdftotext reads the sections in order: " + ", ".join(SECTIONS))
    return results


def main():
    sample, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    pdf_path = out / "tagged.pdf"
    subprocess.run([str(sample), str(pdf_path)], check=True, capture_output=True)
    results = check(pdf_path)
    for ok, what in results:
        print(("ok    " if ok else "FAIL  ") + what)

    # The checks can fail: a copy without its tags (what QPdfWriter wrote) fails them.
    stripped = out / "untagged.pdf"
    with pikepdf.open(pdf_path) as pdf:
        for key in ("/StructTreeRoot", "/MarkInfo", "/Lang", "/ViewerPreferences"):
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            data = page.Contents.read_bytes() if not isinstance(page.Contents, pikepdf.Array) else b""
            data = re.sub(rb"/\w+ (<< /MCID \d+ >> BDC|BMC)|\bEMC\b", b"", data)
            page.Contents = pdf.make_stream(data)
        pdf.save(stripped)
    # With a board cover sheet first: the same checks, and the cover sheet is the first heading, bookmark
    # and text.
    covered = out / "tagged-cover.pdf"
    subprocess.run([str(sample), "--cover", "--pdf", str(covered)], check=True, capture_output=True)
    for ok, what in check(covered):
        results.append((ok, "with a cover sheet: " + what))
        print(("ok    " if ok else "FAIL  ") + results[-1][1])
    with pikepdf.open(covered) as pdf:
        titles = outline_titles(pdf)
    results.append((titles[:1] == ["Board cover sheet"], f"with a cover sheet: its bookmark comes first ({titles[:2]})"))
    text = subprocess.run(["pdftotext", "-layout", str(covered), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    results.append((0 <= flat.find("Board cover sheet") < flat.find("Recommendations") < flat.find("Self-assessment report")
                    < flat.find("Summary", flat.find("Self-assessment report")),
                    "with a cover sheet: read first, then the report's title page, then the Summary"))
    for ok, what in results[-2:]:
        print(("ok    " if ok else "FAIL  ") + what)

    negative = check(stripped)
    failed_on_untagged = sum(1 for ok, _ in negative if not ok)
    print(f"the untagged copy fails {failed_on_untagged} of {len(negative)} checks")
    results.append((failed_on_untagged >= 10, "the checks fail on an untagged PDF"))

    passed = sum(1 for ok, _ in results if ok)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
