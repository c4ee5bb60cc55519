# Layout-preserving evaluation of the QUERY group-bys frozen in the Sheets export: the output keeps the cached rows
# (header and keys, which depend only on the key column), and each group's sum is recomputed from the current values.
# Valid only while the key columns hold the same values as when the workbook was exported (checked by the caller).
import re
import shim
from refs import colnum, colname

def spill(forms, r, c):
    # the last frozen spill row below the anchor: empty cells (a null key with a null sum) can sit between them, and
    # the spill ends at the first cell holding anything else (a real formula or a constant)
    h = 1
    for i in range(1, 40):
        if r + i >= len(forms): break
        cells = [forms[r + i][c], forms[r + i][c + 1]]
        if any("COMPUTED_VALUE" in f for f in cells): h = i + 1
        elif any(f != "" for f in cells): break
    return h

def prepare(doc, snap, sheets=("Exterior Formula Sheet",)):
    out = []
    for a in shim.anchors(doc, snap):
        if a[0] != "query" or a[1] not in sheets: continue
        _, name, r, c, q, sel = a
        forms, data = snap[name]
        h = spill(forms, r, c)
        cached = [[data[r + i][c], data[r + i][c + 1]] for i in range(h)]
        c1, r1, c2, r2 = colnum(q.group(1)), int(q.group(2)) - 1, colnum(q.group(3)), int(q.group(4)) - 1
        key, fn, val = sel.group(1), sel.group(2), sel.group(3)
        m = shim.QUERY_SHEET.search(q.string)
        src = m.group(1) if m else name
        data = snap[src][1]
        out.append(dict(name=name, srcsheet=src, r=r, c=c, cached=cached, src=(c1, r1, c2, r2), k=colnum(key.upper()) - c1, v=colnum(val.upper()) - c1, fn=fn.lower(),
                        keys0=[row[colnum(key.upper()) - c1] for row in [data[i][c1:c2 + 1] for i in range(r1, r2 + 1)]]))
    return out

def evaluate(doc, q):
    sh = doc.Sheets.getByName(q["srcsheet"])
    c1, r1, c2, r2 = q["src"]
    # a key that is an error (LibreOffice reads it as None) is the text "#REF!" in the export (the interior's
    # crew-sheet references to a deleted range)
    rows = [tuple("#REF!" if (j == q["k"] and x is None) else x for j, x in enumerate(row))
            for row in sh.getCellRangeByPosition(c1, r1, c2, r2).getDataArray()]
    keys = [row[q["k"]] for row in rows]
    named = {str(x[0]) for x in q["cached"][1:] if x[0] != ""}
    grid = [list(q["cached"][0])]
    for key, total in q["cached"][1:]:
        if total == "" or not isinstance(total, float): grid.append([key, total]); continue
        members = [row for row in rows if (str(row[q["k"]]) == str(key) if key != "" else str(row[q["k"]]) not in named)]
        s = sum(row[q["v"]] for row in members if isinstance(row[q["v"]], float)) if q["fn"] == "sum" else float(sum(1 for row in members if row[q["v"]] != ""))
        grid.append([key, s])
    return grid, keys

def apply(doc, prepared, rounds=8, rows=()):
    for _ in range(rounds):
        doc.calculateAll()
        changed = apply_rows(doc, rows)
        if changed: doc.calculateAll()
        for q in prepared:
            full = q["name"] == "Exterior Formula Sheet" and f"{colname(q['c'])}{q['r'] + 1}" in FULL
            grid = emulate(doc, q) if full else evaluate(doc, q)[0]
            h = max(len(grid), q.setdefault("h", len(q["cached"])))
            q["h"] = h
            grid = grid + [["", ""]] * (h - len(grid))
            rng = doc.Sheets.getByName(q["name"]).getCellRangeByPosition(q["c"], q["r"], q["c"] + 1, q["r"] + len(grid) - 1)
            cur = [list(x) for x in rng.getDataArray()]
            if cur != grid or any(f.startswith("=") for row in rng.getFormulaArray() for f in row):
                rng.setDataArray(tuple(tuple(x) for x in grid)); changed += 1
        if not changed: break
    doc.calculateAll()

def keys_unchanged(doc, prepared):
    bad = []
    for q in prepared:
        if q["name"] == "Exterior Formula Sheet" and f"{colname(q['c'])}{q['r'] + 1}" in FULL: continue
        _, keys = evaluate(doc, q)
        norm = lambda xs: ["#REF!" if x is None else str(x) for x in xs]
        if norm(keys) != norm(q["keys0"]):
            diff = next((a, b) for a, b in zip(norm(keys), norm(q["keys0"])) if a != b)
            bad.append(f"{colname(q['c'])}{q['r'] + 1} {diff}")
    return bad

# Queries whose keys follow the inputs (the automatic add-ons, the side jobs): evaluated in full, with the Sheets rules
# the three workbooks' cached outputs show: a formula's "" counts as text when a column's type is decided by majority;
# values of the minority type are null; a SUM over a column with no numbers is an error (IFERROR leaves it blank);
# the header row is ['', 'sum '], then the null group (when there are null keys), then the keys in ascending order.
FULL = {"BL111", "BE149", "BG149", "BI149"}

def emulate(doc, q):
    sh = doc.Sheets.getByName(q["srcsheet"])
    c1, r1, c2, r2 = q["src"]
    rows = sh.getCellRangeByPosition(c1, r1, c2, r2).getDataArray()
    forms = sh.getCellRangeByPosition(c1, r1, c2, r2).getFormulaArray()
    def typed(i, j):
        v = rows[i][j]
        if v == "" and forms[i][j] == "": return None  # an empty cell
        return v
    ks = [typed(i, q["k"]) for i in range(len(rows))]
    vs = [typed(i, q["v"]) for i in range(len(rows))]
    def numeric(col):
        return sum(isinstance(x, float) for x in col) > sum(isinstance(x, str) for x in col)
    if not numeric(vs): return [["", ""]]
    # keys: any text makes the key column text (the add-on rows that are off hold a 0, and still group as null)
    knum = not any(isinstance(x, str) and x != "" for x in ks)
    groups = {}
    for kv, vv in zip(ks, vs):
        if kv is None or isinstance(kv, float) != knum or kv == "": kv = None
        g = groups.setdefault(kv, None)
        if isinstance(vv, float): groups[kv] = (g or 0.0) + vv
    keys = sorted(groups, key=lambda x: (0, "") if x is None else (1, x))
    return [["", "sum "]] + [["" if x is None else x, "" if groups[x] is None else groups[x]] for x in keys]

# IF(AX r > 0, AU r:AY r, ) spills a row in Sheets (and leaves one 0 when false); the export froze the spill's width.
ROWSPILL = re.compile(r"^\{?=IF\((?:\$?'[^']+'\.)?\$?AX(\d+)>0;(?:\$?'[^']+'\.)?\$?AU\d+:\$?([A-Z]+)\d+;\)\}?$")
def prepare_rows(snap):
    out = []
    forms = snap["Exterior Formula Sheet"][0]
    az = colnum("AZ")
    for r, row in enumerate(forms):
        m = ROWSPILL.match(row[az]) if az < len(row) else None
        if m: out.append((r, colnum(m.group(2)) - colnum("AU") + 1))
    return out
def apply_rows(doc, rows):
    sh = doc.Sheets.getByName("Exterior Formula Sheet")
    au, az = colnum("AU"), colnum("AZ")
    changed = 0
    for r, w in rows:
        src = sh.getCellRangeByPosition(au, r, au + w - 1, r).getDataArray()[0]
        ax = sh.getCellByPosition(colnum("AX"), r).Value
        grid = [list(src)] if ax > 0 else [[0.0] + [""] * (w - 1)]
        rng = sh.getCellRangeByPosition(az, r, az + w - 1, r)
        if [list(x) for x in rng.getDataArray()] != grid or any(f.startswith(("=", "{")) for f in rng.getFormulaArray()[0]):
            rng.setArrayFormula("") if rng.getFormulaArray()[0][0].startswith("{") else None
            for j in range(w):
                cell = sh.getCellByPosition(az + j, r)
                v = grid[0][j]
                if isinstance(v, float): cell.setValue(v)
                elif v == "": cell.setString(""); cell.setFormula("")
                else: cell.setString(v)
            changed += 1
    return changed
