#!/usr/bin/python3
"""Makes resources/report/reference.docx, the reference document pandoc styles the Word report with when
the user gives none, from pandoc's own default (pandoc --print-default-data-file reference.docx):

- A4 pages with 2 cm margins; body text in Arial (as the PDF's Liberation Sans, metric-compatible);
- table text at 9 pt and cell margins of 3.5 pt, as the PDF's tables (the table style's; at the body's 12 pt
  the narrow columns of "The features at a glance" broke words in the middle: "Developin-g", "Confide-nce");
- headings and titles in the report's blue (#0B3D6B: 11:1 on white, where the default's #4F81BD is 4.0:1,
  below WCAG AA for text), each Heading 1 (a section) on a new page;
- a running header with the document's title (a TITLE field, read from the document's properties, which
  pandoc sets; its shown text is the placeholder HICM_REPORT_TITLE, which report::writeDocx replaces with
  the title) and a footer "Page N of M" (PAGE and NUMPAGES fields), as the ODT and the PDF have.

    make_reference_docx.py OUT.docx      (needs pandoc)
"""
import re
import subprocess
import sys
import zipfile


def styles(xml: str) -> str:
    # Body text in Arial (Liberation Sans where Arial is missing), as the PDF, not the theme's serif.
    xml = xml.replace('<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
                      'w:cstheme="minorBidi" />', '<w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" w:cs="Arial" />')
    xml = re.sub(r'w:val="(4F81BD|365F91|345A8A)" w:themeColor="accent1"( w:themeShade="[0-9A-F]+")?', 'w:val="0B3D6B"', xml)
    # Table text at 9 pt with 3.5 pt cell margins (the table style's), as the PDF's tables.
    # (w:rPr before w:tblPr, as the schema orders a style's children.)
    xml = re.sub(r'(<w:style w:type="table" w:default="1" w:styleId="Table">.*?)(<w:tblPr>.*?<w:tblCellMar>)(.*?)(</w:tblCellMar>)',
                 r'\1<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>\2<w:top w:w="0" w:type="dxa" />'
                 r'<w:left w:w="70" w:type="dxa" /><w:bottom w:w="0" w:type="dxa" /><w:right w:w="70" w:type="dxa" />\4',
                 xml, count=1, flags=re.S)
    return re.sub(r'(<w:style w:type="paragraph" w:styleId="Heading1">.*?<w:pPr>)', r'\1<w:pageBreakBefore />', xml,
                  count=1, flags=re.S)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RUN = '<w:rPr><w:color w:val="444444" /><w:sz w:val="18" /></w:rPr>'


def field(instr: str, shown: str) -> str:
    return (f'<w:fldSimple w:instr=" {instr} \\* MERGEFORMAT "><w:r>{RUN}<w:t xml:space="preserve">{shown}</w:t></w:r>'
            '</w:fldSimple>')


HEADER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}><w:p><w:pPr>'
          '<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="9A9A9A" /></w:pBdr></w:pPr>'
          + field("TITLE", "HICM_REPORT_TITLE") + '</w:p></w:hdr>')
FOOTER = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}><w:p><w:pPr><w:jc w:val="right" />'
          f'</w:pPr><w:r>{RUN}<w:t xml:space="preserve">Page </w:t></w:r>' + field("PAGE", "1")
          + f'<w:r>{RUN}<w:t xml:space="preserve"> of </w:t></w:r>' + field("NUMPAGES", "1") + '</w:p></w:ftr>')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def document(xml: str) -> str:
    a4 = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHicmHeader" />'
          '<w:footerReference w:type="default" r:id="rIdHicmFooter" />'
          '<w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
          'w:left="1134" w:header="567" w:footer="567" w:gutter="0" /></w:sectPr>')
    return xml.replace("<w:sectPr />", a4)


def relationships(xml: str) -> str:
    return xml.replace("</Relationships>",
                       f'<Relationship Type="{REL}header" Id="rIdHicmHeader" Target="header1.xml" />'
                       f'<Relationship Type="{REL}footer" Id="rIdHicmFooter" Target="footer1.xml" /></Relationships>')


def content_types(xml: str) -> str:
    return xml.replace("</Types>", f'<Override PartName="/word/header1.xml" ContentType="{TYPE}header+xml" />'
                                   f'<Override PartName="/word/footer1.xml" ContentType="{TYPE}footer+xml" /></Types>')


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
            elif item.filename == "word/_rels/document.xml.rels":
                data = relationships(data.decode("utf-8")).encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                data = content_types(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item.filename, data)
        zout.writestr("word/header1.xml", HEADER)
        zout.writestr("word/footer1.xml", FOOTER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
