# Recalculates real BART workbooks without changing an input and lists every interior formula cell that differs from
# the value Sheets exported: the check that the rewrites and the Python evaluation reproduce the workbook.
import os, sys, collections; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo import *
from patch import *
from fast import *
import shim2
from refs import colname
def close(a, b):
    if isinstance(a, float) and isinstance(b, float): return abs(a-b) <= 0.005 + 1e-9*abs(a)
    return a == b
calc = Calc(pipe="cfid")
try:
    for path in sys.argv[1:]:
        doc = calc.open(path)
        before = snapshot(doc)
        patch_fast(doc, before)
        prepared = shim2.prepare(doc, before, ("Exterior Formula Sheet", "Interior Pricing Table", "Interior Crew Sheet"))
        # AX138: If(I155 < 6, AX135, If(ISBETWEEN(I155, 6, 10), AX136, AX137))
        doc.Sheets.getByName("Exterior Formula Sheet").getCellRangeByName("AX138").setFormula("=IF($'Ext Measure'.I155<6;AX135;IF(AND($'Ext Measure'.I155>=6;$'Ext Measure'.I155<=10);AX136;AX137))")
        shim2.apply(doc, prepared, rows=shim2.prepare_rows(before))
        print(path, "keys changed:", shim2.keys_unchanged(doc, prepared))
        after = snapshot(doc)
        bad = collections.defaultdict(list)
        for name in ("Int Measure", "Interior Pricing Table", "Interior Crew Sheet", "Interior Push To SF"):
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
