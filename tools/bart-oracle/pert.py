# Perturbs the numeric inputs of a real case (huss) and prices it with LibreOffice + the layout-preserving shim.
import os, sys, random, json; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from case import run
S = "Ext Measure"
def perturb(w, level):
    r_ = w.rnd
    def num(addr):
        c = w.c(S, addr)
        return c.Value if c.Type.value == "VALUE" or (c.Formula.startswith("=") and c.String != "" and c.getError() == 0) else 0.0
    for side, r in [("Front", 39), ("Right", 58), ("Rear", 77), ("Left", 96), ("Detached", 116)]:
        for row in range(r + 11, r + 18):
            for col, lo, hi in (("F", 3, 60), ("H", 2, 28)):
                v = num(f"{col}{row}")
                if v: w.put(S, f"{col}{row}", round(r_.uniform(lo, hi)))
        for k in (2, 3, 6, 7, 8, 9, 18):
            v = num(f"F{r+k}")
            if v or (level > 1 and w.maybe(0.3)): w.put(S, f"F{r+k}", round(r_.uniform(5, 120)))
        for k in (2, 3, 4, 5, 6, 7, 8):
            v = num(f"K{r+k}")
            if v or (level > 1 and w.maybe(0.3)): w.put(S, f"K{r+k}", r_.randint(1, 12))
        for k in (11, 13, 15, 17): w.pick(S, f"N{r+k}", ["0%", "20%", "40%", "60%", "80%", "100%"])
        if level > 1: w.pick(S, f"E{r+9}", ["0%", "50%", "100%"])
    for a in ["J161", "L161", "M161", "N161", "G176"]:
        if w.maybe(0.3): w.put(S, a, round(r_.uniform(0, 300)))
    if level > 1:
        w.pick(S, "J14"); w.pick(S, "J15"); w.pick(S, "J12")
        for row in range(138, 141):
            if w.maybe(0.3): w.pick(S, f"B{row}"); w.put(S, f"F{row}", round(r_.uniform(8, 30))); w.put(S, f"G{row}", round(r_.uniform(8, 20)))
        for row in range(138, 143):
            if w.maybe(0.2): w.put(S, f"N{row}", round(r_.uniform(50, 400))); w.put(S, f"O{row}", round(r_.uniform(10, 80)))
        if w.maybe(0.3): w.put(S, "F142", round(r_.uniform(10, 80)))
        if w.maybe(0.3): w.put(S, "F143", round(r_.uniform(8, 30))); w.put(S, "G143", round(r_.uniform(8, 20)))
        if w.maybe(0.3): w.pick(S, "B145"); w.put(S, "F145", round(r_.uniform(20, 200))); w.put(S, "G145", round(r_.uniform(4, 8)))
        if w.maybe(0.3): w.pick(S, "B146"); w.put(S, "F146", round(r_.uniform(8, 20))); w.put(S, "G146", round(r_.uniform(8, 20)))
        if w.maybe(0.3): w.put(S, "N145", round(r_.uniform(10, 60))); w.put(S, "O145", round(r_.uniform(4, 8)))
    if level > 2:
        for side, r in [("Front", 39), ("Right", 58), ("Rear", 77), ("Left", 96), ("Detached", 116)]:
            for row in range(r + 11, r + 18):
                if num(f"F{row}"): w.pick(S, f"B{row}"); w.pick(S, f"J{row}")
            w.pick(S, f"E{r+2}", ["< 10", "< 20", "< 30", "30 +"]); w.pick(S, f"P{r+1}", ["Yes", "No"])
        w.pick(S, "P12", ["Yes", "No"])
if __name__ == "__main__":
    run(perturb, "cfp")
