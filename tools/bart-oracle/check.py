# Prices a generated case with the engine (paintbox price-bart) and compares with LibreOffice's answers.
import sys, json, subprocess
import os
# the built app: dotnet build Candlefish.Web, then CANDLEFISH_WEB_DLL or the Debug build beside this folder
dll = os.environ.get("CANDLEFISH_WEB_DLL") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Candlefish.Web", "bin", "Debug", "net10.0", "Candlefish.Web.dll")
def check(xlsx, expected):
    out = subprocess.run(["dotnet", dll, "paintbox", "price-bart", xlsx], capture_output=True, text=True)
    if out.returncode != 0: return [f"engine failed: {out.stderr[-500:]}"]
    got = json.loads(out.stdout); bad = []
    for e in expected["exterior"]["products"]:
        g = next((p for p in got["exterior"]["products"] if p["name"].strip() == e["name"].strip()), None)
        if g is None: bad.append(f"missing {e['name']}"); continue
        for k in ("listPrice", "discount"):
            if abs(g[k] - e[k]) > 1: bad.append(f"ext {e['name']} {k}: workbook {e[k]:.2f} engine {g[k]:.2f}")
    for k, v in expected["exterior"]["gallons"].items():
        if abs(got["exterior"]["gallons"][k] - v) > 0.1: bad.append(f"gallons {k}: workbook {v} engine {got['exterior']['gallons'][k]}")
    for e in expected["interior"]["products"]:
        g = next((p for p in got["interior"]["products"] if p["name"] == e["name"]), None)
        if g is None: bad.append(f"missing interior {e['name']}"); continue
        if abs(g["total"] - e["total"]) > 1: bad.append(f"int {e['name']} total: workbook {e['total']:.2f} engine {g['total']:.2f}")
    return bad
if __name__ == "__main__":
    for x in sys.argv[1:]:
        bad = check(x, json.load(open(x.replace(".xlsx", ".json"))))
        print(x, "OK" if not bad else f"{len(bad)} differences"); [print("  ", b) for b in bad]
