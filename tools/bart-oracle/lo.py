import uno, sys, os, time, subprocess, json, tempfile
from com.sun.star.beans import PropertyValue

def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p

# Sheets arithmetic: text that reads as a number ("$1823") is that number, and "" is 0 (LibreOffice's default
# would be #VALUE!). Written into a private LibreOffice profile.
SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Syntax"><prop oor:name="StringConversion" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Syntax"><prop oor:name="EmptyStringAsZero" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""
PROFILE = os.path.join(tempfile.gettempdir(), "bart-oracle-profile")

class Calc:
    def __init__(self, pipe="cfbart"):
        self.pipe = pipe
        os.makedirs(os.path.join(PROFILE, "user"), exist_ok=True)
        xcu = os.path.join(PROFILE, "user", "registrymodifications.xcu")
        if not os.path.exists(xcu): open(xcu, "w").write(SETTINGS)
        self.proc = subprocess.Popen(["soffice", "--headless", "--invisible", "--nologo", "--norestore",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(PROFILE),
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"); break
            except Exception:
                time.sleep(0.5)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
    def open(self, path):
        return self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
    def close(self):
        try: self.desktop.terminate()
        except Exception: pass
        self.proc.wait(timeout=30)

def cell(doc, sheet, addr):
    return doc.Sheets.getByName(sheet).getCellRangeByName(addr)

def value(doc, sheet, addr):
    c = cell(doc, sheet, addr)
    t = c.Type.value
    if t == "TEXT": return c.String
    if t == "FORMULA":
        if c.getError() != 0: return "#ERR%d" % c.getError()
        return c.String if c.FormulaResultType2 == 2 else c.Value
    return c.Value
