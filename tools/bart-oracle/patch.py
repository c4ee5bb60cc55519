import re
from com.sun.star.sheet.CellFlags import FORMULA
# Google Sheets features LibreOffice 7.4 evaluates differently, rewritten to equivalents.
RNG = r"(?:\$?'[^']+'\.)?\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+"
P1 = re.compile(r'VLOOKUP\(("[^"]*"|\$?[A-Z]+\$?\d+);\{(' + RNG + r');(' + RNG + r')\};2;FALSE\(\)\)')
P2 = re.compile(r'IFERROR\((FIND\("[^"]*";\$?[A-Z]+\$?\d+\)>0);""\)')
def patch_formula(f):
    g = P1.sub(lambda m: f"INDEX({m.group(3)};MATCH({m.group(1)};{m.group(2)};0))", f)
    g = P2.sub(lambda m: f"IFERROR({m.group(1)};FALSE())", g)
    return g
def formula_cells(doc):
    sheets = doc.Sheets
    for i in range(sheets.Count):
        sh = sheets.getByIndex(i)
        for addr in sh.queryContentCells(FORMULA).RangeAddresses:
            for r in range(addr.StartRow, addr.EndRow+1):
                for c in range(addr.StartColumn, addr.EndColumn+1):
                    yield sh, c, r, sh.getCellByPosition(c, r)
def patch(doc):
    n = 0
    for sh, c, r, cell in list(formula_cells(doc)):
        f = cell.Formula
        if f.startswith("{="): f2 = patch_formula(f[1:-1]); arr = True
        else: f2 = patch_formula(f); arr = False
        if f2 != (f[1:-1] if arr else f):
            rng = sh.getCellRangeByPosition(c, r, c, r)
            if arr: rng.setArrayFormula(""); cell.setFormula(f2)
            else: cell.setFormula(f2)
            n += 1
    return n
def patch_fast(doc, snap):
    n = 0
    for name, (forms, _) in snap.items():
        sh = doc.Sheets.getByName(name)
        for r, row in enumerate(forms):
            for c, f in enumerate(row):
                if "FIND(" not in f and "VLOOKUP(" not in f: continue
                cell = sh.getCellByPosition(c, r)
                f = cell.Formula
                arr = f.startswith("{=")
                f2 = patch_formula(f[1:-1] if arr else f)
                if f2 != (f[1:-1] if arr else f):
                    if arr: sh.getCellRangeByPosition(c, r, c, r).setArrayFormula("")
                    cell.setFormula(f2); n += 1
    return n
