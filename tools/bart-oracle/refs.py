import re
REF = re.compile(r"(?:\$?'((?:[^']|'')+)'\.|\$?([A-Za-z_][\w]*)\.)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?(?:'(?:[^']|'')+'\.|[A-Za-z_]\w*\.)?\$?([A-Z]{1,3})\$?(\d+))?")
def colnum(s):
    n=0
    for ch in s: n=n*26+ord(ch)-64
    return n-1
def colname(c):
    s=""; c+=1
    while c: c,rem=divmod(c-1,26); s=chr(65+rem)+s
    return s
def refs(sheet, f):
    f = re.sub(r'"[^"]*"', '""', f)
    for m in REF.finditer(f):
        sh = (m.group(1) or m.group(2) or sheet).replace("''","'")
        c1, r1 = colnum(m.group(3)), int(m.group(4))-1
        c2, r2 = (colnum(m.group(5)), int(m.group(6))-1) if m.group(5) else (c1, r1)
        yield sh, c1, r1, c2, r2
