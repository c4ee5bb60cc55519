# Opening a BART workbook for recalculation, and the runner the perturbation scripts share.
import os, sys, json, random
from lo import *
from patch import patch_fast
from fast import snapshot
import shim2
from gen import Writer, answers

QUERY_SHEETS = ("Exterior Formula Sheet", "Interior Pricing Table", "Interior Crew Sheet")

def prepare_case(doc):
    """Rewrites what LibreOffice evaluates differently and readies the Python evaluation of the frozen queries."""
    snap = snapshot(doc)
    patch_fast(doc, snap)
    prepared = shim2.prepare(doc, snap, QUERY_SHEETS)
    # AX138: If(I155 < 6, AX135, If(ISBETWEEN(I155, 6, 10), AX136, AX137))
    doc.Sheets.getByName("Exterior Formula Sheet").getCellRangeByName("AX138").setFormula(
        "=IF($'Ext Measure'.I155<6;AX135;IF(AND($'Ext Measure'.I155>=6;$'Ext Measure'.I155<=10);AX136;AX137))")
    return snap, prepared, shim2.prepare_rows(snap)

def recalculate(doc, prepared, rows):
    shim2.apply(doc, prepared, rows=rows)
    return shim2.keys_unchanged(doc, prepared)

def run(perturb, pipe):
    """python3 SCRIPT SOURCE.xlsx OUT.xlsx SEED LEVEL: perturbs, recalculates, saves, prints the answers as JSON."""
    src, out, seed, level = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    calc = Calc(pipe=f"{pipe}{seed}")
    try:
        doc = calc.open(src)
        _, prepared, rows = prepare_case(doc)
        # VLOOKUP(TODAY(), …) of the version history: the version the workbook is
        doc.Sheets.getByName("Version History").getCellRangeByName("D5").setString("3.2.01")
        perturb(Writer(doc, random.Random(seed)), level)
        changed = recalculate(doc, prepared, rows)
        a = answers(doc); a["keysChanged"] = changed
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        print(json.dumps(a))
        doc.close(True)
    finally:
        calc.close()
