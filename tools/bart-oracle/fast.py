# Fast whole-sheet reads: one UNO call per sheet.
def used(sh):
    cur = sh.createCursor(); cur.gotoEndOfUsedArea(False)
    a = cur.RangeAddress
    return sh.getCellRangeByPosition(0, 0, a.EndColumn, a.EndRow)
def snapshot(doc, names=None):
    out = {}
    for i in range(doc.Sheets.Count):
        sh = doc.Sheets.getByIndex(i)
        if names and sh.Name not in names: continue
        rng = used(sh)
        out[sh.Name] = (rng.getFormulaArray(), rng.getDataArray())
    return out
