# Recalculates real BART workbooks without changing an input and lists every formula cell of the exterior sheets (or,
# with --interior, the interior ones) that differs from the value Sheets exported: the check that the rewrites and
# the Python evaluation reproduce the workbook.
import os, sys, collections; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo import *
from fast import snapshot
from case import prepare_case, recalculate
from refs import colname
SHEETS = ("Int Measure", "Interior Pricing Table", "Interior Crew Sheet", "Interior Push To SF") if "--interior" in sys.argv \
    else ("Exterior Formula Sheet", "Ext Measure", "Ext Crew Labor", "Exterior Push To SF")
def close(a, b):
    if isinstance(a, float) and isinstance(b, float): return abs(a-b) <= 0.005 + 1e-9*abs(a)
    return a == b
calc = Calc(pipe="cfid")
try:
    for path in [a for a in sys.argv[1:] if not a.startswith("--")]:
        doc = calc.open(path)
        before, prepared, rows = prepare_case(doc)
        print(path, "keys changed:", recalculate(doc, prepared, rows))
        after = snapshot(doc)
        bad = collections.defaultdict(list)
        for name in SHEETS:
            forms, data0 = before[name]; data1 = after[name][1]
            for r, row in enumerate(forms):
                for c, f in enumerate(row):
                    v0 = data0[r][c]; v1 = data1[r][c] if r < len(data1) and c < len(data1[r]) else None
                    if v0 is None or not (f.startswith("=") or f.startswith("{")): continue
                    if not close(v0, v1): bad[name].append((r+1, colname(c), v0, v1, f[:90]))
        print(" mismatches:", {k: len(v) for k, v in bad.items()})
        for k, v in bad.items():
            for x in sorted(v)[:10]: print("  ", k, x)
        doc.close(True)
finally:
    calc.close()
