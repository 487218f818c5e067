#!/usr/bin/python3
"""Makes resources/report/reference.docx, the reference document pandoc styles the Word report with when
the user gives none, from pandoc's own default (pandoc --print-default-data-file reference.docx):

- A4 pages with 2 cm margins;
- headings and titles in the report's blue (#0B3D6B: 11:1 on white, where the default's #4F81BD is 4.0:1,
  below WCAG AA for text), each Heading 1 (a section) on a new page.

    make_reference_docx.py OUT.docx      (needs pandoc)
"""
import re
import subprocess
import sys
import zipfile


def styles(xml: str) -> str:
    xml = re.sub(r'w:val="(4F81BD|365F91|345A8A)" w:themeColor="accent1"( w:themeShade="[0-9A-F]+")?', 'w:val="0B3D6B"', xml)
    return re.sub(r'(<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:pPr>)', r'\1<w:pageBreakBefore />', xml,
                  count=1, flags=re.S)


def document(xml: str) -> str:
    a4 = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
          'w:left="1134" w:header="567" w:footer="567" w:gutter="0" /></w:sectPr>')
    return xml.replace("<w:sectPr />", a4)


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], check=True,
                             capture_output=True).stdout
    src = "/tmp/pandoc-default-reference.docx"
    with open(src, "wb") as f:
        f.write(default)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/styles.xml":
                data = styles(data.decode("utf-8")).encode("utf-8")
            elif item.filename == "word/document.xml":
                data = document(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item.filename, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
