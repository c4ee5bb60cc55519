# Finds the Google Sheets-only formulas the .xlsx export froze as __xludf.DUMMYFUNCTION (QUERY group-bys and others).
import re
from refs import colnum, colname
QUERY_SHEET = re.compile(r"QUERY\('([^']+)'!")
DUMMY = re.compile(r'__xludf\.dummyfunction\("((?:[^"]|"")*)"\)', re.I)
QUERY = re.compile(r"QUERY\((?:'[^']+'!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\s*,\s*\"(.*?)\"\s*(?:,\s*(\d+))?\s*\)", re.I | re.S)
SEL = re.compile(r"select\s+([A-Z]+)\s*,\s*(sum|count)\(([A-Z]+)\)(?:\s+where\s+(.*?))?\s+group\s+by\s+([A-Z]+)(?:\s+label\s+(.*))?$", re.I | re.S)

def anchors(doc, snap):
    out = []
    for name, (forms, _) in snap.items():
        for r, row in enumerate(forms):
            for c, f in enumerate(row):
                m = DUMMY.search(f)
                if not m or "COMPUTED_VALUE" in f: continue
                src = m.group(1).replace('""', '"')
                q = QUERY.search(src)
                if q:
                    sel = SEL.match(q.group(5).strip())
                    if not sel: print("unparsed query", name, colname(c), r + 1, q.group(5)); continue
                    out.append(("query", name, r, c, q, sel))
                elif "ISBETWEEN" in src: out.append(("isbetween", name, r, c, src, None))
                elif name == "Int Measure" and "FILTER(C" in src: out.append(("scopes", name, r, c, src, None))
    return out

