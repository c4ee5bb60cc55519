# Perturbs the numeric interior inputs of a real case (norell) and prices it with LibreOffice + the layout-preserving shim.
import os, sys, random, json; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from case import run
S = "Int Measure"
def perturb(w, level):
    r_ = w.rnd
    def num(addr):
        c = w.c(S, addr)
        return c.Value if c.getError() == 0 and c.String not in ("", "0") and c.Type.value in ("VALUE", "FORMULA") else 0.0
    for i in range(30):
        r = 39 + 19 * i
        if not w.c(S, f"I{r}").String: continue
        for a, lo, hi, step in [(f"F{r+12}", 6, 24, 0.5), (f"H{r+12}", 6, 20, 0.5)]:
            if num(a): w.put(S, a, round(r_.uniform(lo, hi) / step) * step)
        for a in [f"G{r+14}", f"G{r+15}", f"G{r+16}", f"G{r+17}", f"H{r+5}", f"H{r+6}", f"P{r+6}", f"T{r+5}", f"T{r+6}"]:
            if num(a): w.put(S, a, round(r_.uniform(5, 80)))
        for a, hi in [(f"H{r+7}", 2), (f"L{r+3}", 6), (f"L{r+6}", 2), (f"L{r+7}", 1), (f"P{r+3}", 4), (f"P{r+4}", 10), (f"P{r+5}", 6), (f"T{r+3}", 3), (f"T{r+8}", 2)]:
            if num(a): w.put(S, a, r_.randint(1, hi))
        for k in range(11, 16):
            if num(f"L{r+k}"): w.pick(S, f"L{r+k}", [".5", "1.0", "1.5", "2.0", "2.5", "3.0"])
        if level > 1 and num(f"J{r+12}"): w.pick(S, f"J{r+12}", ["8", "9", "10", "12"])
        if level > 2:
            for a in [f"H{r+3}", f"H{r+4}", f"L{r+4}", f"L{r+5}", f"P{r+7}", f"T{r+4}"]: w.pick(S, a)
            if num(f"L{r+3}") == 0 and w.maybe(0.3): w.put(S, f"L{r+3}", r_.randint(1, 4))
            if num(f"H{r+5}") == 0 and w.maybe(0.3): w.put(S, f"H{r+5}", r_.randint(10, 40))
    for a in ["F651", "H651", "J651", "L646"]:
        if w.maybe(0.3): w.put(S, a, round(r_.uniform(0, 300)))
    w.pick(S, "L644")
if __name__ == "__main__":
    run(perturb, "cfpi")
