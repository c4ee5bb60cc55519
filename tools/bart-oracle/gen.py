# Writing inputs into a BART workbook (a value or a pick from the cell's own dropdown) and reading its answers.
import os, sys, random, json, re; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lo import *
from patch import *
from fast import *

def choices(c):
    v = c.Validation
    if v.Type.value != "LIST": return None
    return [x.strip('"') for x in re.findall(r'"[^"]*"', v.Formula1)] or None

class Writer:
    def __init__(self, doc, rnd): self.doc, self.rnd, self.skipped = doc, rnd, []
    def c(self, sheet, addr): return self.doc.Sheets.getByName(sheet).getCellRangeByName(addr)
    def put(self, sheet, addr, value):
        c = self.c(sheet, addr)
        if c.Formula.startswith("=") or c.Formula.startswith("{"): self.skipped.append(f"{sheet}!{addr}")
        if isinstance(value, bool): c.setValue(1 if value else 0)
        elif isinstance(value, (int, float)): c.setValue(value)
        else: c.setString(value)
    def pick(self, sheet, addr, fallback=None):
        opts = choices(self.c(sheet, addr)) or fallback
        v = self.rnd.choice(opts)
        # numeric-looking options ("12", "20%") are numbers in the workbook
        m = re.fullmatch(r"(-?\d*\.?\d+)(%?)", v)
        self.put(sheet, addr, (float(m.group(1)) / (100 if m.group(2) else 1)) if m else v)
        return v
    def num(self, sheet, addr, lo, hi, step=1):
        self.put(sheet, addr, round(self.rnd.uniform(lo, hi) / step) * step); 
    def maybe(self, p): return self.rnd.random() < p

COLS = ["BF", "BG", "BH", "BI", "BJ", "BK", "BL", "BM", "BN", "BO"]
def answers(doc):
    v = lambda s, a: value(doc, s, a)
    return {
        "exterior": {"products": [{"name": v("Exterior Formula Sheet", f"{c}268"), "listPrice": v("Exterior Formula Sheet", f"{c}278"), "discount": v("Exterior Formula Sheet", f"{c}279")} for c in COLS],
                     "gallons": {k: v("Exterior Formula Sheet", a) for k, a in [("body", "BI259"), ("trim", "BI260"), ("accent", "BI262"), ("body2", "BI264")]}},
        "interior": {"products": [{"name": v("Int Measure", f"{c}613"), "total": v("Int Measure", f"{c}638")} for c in "JMOQ"]},
    }

