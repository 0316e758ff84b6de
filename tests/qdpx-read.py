# Reads a QDPX project the way QualCoder's REFI-QDA import does
# (qualcoder/refi.py: sources under sources/ or Sources/, a TextSource's
# text from plainTextPath "internal://...", a selection's text as
# fulltext[startPosition:endPosition] in code points, a Coding's first
# child its CodeRef) and prints one line a coding: source name, code name,
# user name, the selected text.  Usage: python3 qdpx-read.py FILE.qdpx
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = "{urn:QDA-XML:project:1.0}"
z = zipfile.ZipFile(sys.argv[1])
if "sources/" not in z.namelist():
    sys.exit("no sources folder")
root = ET.fromstring(z.read("project.qde"))
users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
codes = {c.get("guid"): c.get("name") for c in root.iter(NS + "Code")}
for src in root.iter(NS + "TextSource"):
    path = src.get("plainTextPath").split("internal:/")[1]
    text = z.read("sources" + path).decode("utf-8")
    for sel in src.iter(NS + "PlainTextSelection"):
        pos0 = int(sel.get("startPosition"))
        pos1 = int(sel.get("endPosition"))
        for coding in sel.iter(NS + "Coding"):
            ref = list(coding)[0]
            print("%s\t%s\t%s\t%s" % (src.get("name"),
                  codes[ref.get("targetGUID")],
                  users[coding.get("creatingUser")], text[pos0:pos1]))
