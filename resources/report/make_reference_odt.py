#!/usr/bin/python3
"""Makes resources/report/reference.odt, the reference document pandoc styles the OpenDocument report
with when the user gives none, from pandoc's own default (pandoc --print-default-data-file reference.odt):

- valid against the ODF 1.2 schema (pandoc 2.17's default uses style:contextual-spacing, an ODF 1.3
  attribute: removed);
- A4 pages with 2 cm margins; body text in Arial (as the PDF's Liberation Sans, metric-compatible);
- a running header (the document's title, a field read from meta.xml) and a footer "Page N";
- headings in the report's blue (#0b3d6b), each Heading 1 (a section) on a new page;
- table text at 9 pt, as the PDF's tables (at the body's size the narrow columns of "The features at a
  glance" broke words in the middle: "Developin-g", "Confide-nce").

    make_reference_odt.py OUT.odt      (run from anywhere; needs pandoc)
"""
import re
import subprocess
import sys
import zipfile

BLUE = "#0b3d6b"


def styles(xml: str) -> str:
    xml = re.sub(r'\s+style:contextual-spacing="[^"]*"', "", xml)
    # Body text in Arial (Liberation Sans where Arial is missing), as the PDF, not Times New Roman.
    xml = xml.replace('style:font-name="Times New Roman"', 'style:font-name="Arial"')
    xml = re.sub(r'fo:page-height="[^"]*"', 'fo:page-height="29.7cm"', xml)
    xml = re.sub(r'fo:page-width="[^"]*"', 'fo:page-width="21cm"', xml)
    for side in ("top", "bottom", "left", "right"):
        xml = re.sub(rf'(<style:page-layout-properties[^>]*?)fo:margin-{side}="[^"]*"', rf'\1fo:margin-{side}="2cm"', xml)
    # The header's space on the page, and its paragraph style (as pandoc's Footer).
    xml = xml.replace(
        "<style:header-style />",
        '<style:header-style><style:header-footer-properties style:dynamic-spacing="false" fo:margin-left="0cm" '
        'fo:margin-right="0cm" fo:margin-bottom="0.4cm" fo:min-height="0.6cm" /></style:header-style>')
    header_style = ('<style:style style:class="extra" style:family="paragraph" style:name="Header" '
                    'style:display-name="Header" style:parent-style-name="Standard">'
                    '<style:text-properties fo:font-size="9pt" fo:color="#444444" /></style:style>')
    xml = xml.replace('<style:style style:class="extra" style:family="paragraph" style:name="Footer"',
                      header_style + '<style:style style:class="extra" style:family="paragraph" style:name="Footer"', 1)
    header = ('<style:header><text:p text:style-name="Header"><text:title /></text:p></style:header>')
    xml = re.sub(r'(<style:master-page style:name="Standard"[^>]*>)', r'\1' + header, xml, count=1)
    xml = re.sub(r'(<text:p text:style-name="MP1">)(\s*)(<text:page-number)', r'\1Page \3', xml, count=1)
    # Headings in the report's blue.
    xml = re.sub(r'(<style:style [^>]*style:name="Heading_20_[12]"[^>]*>\s*<style:text-properties )',
                 rf'\1fo:color="{BLUE}" ', xml)
    # Each section (Heading 1) starts a page, as in the PDF.
    xml = re.sub(r'(<style:style [^>]*style:name="Heading_20_1"[^>]*>)', r'\1<style:paragraph-properties fo:break-before="page" />',
                 xml, count=1)
    # Table text (cells and header rows) at 9 pt, as the PDF's tables.
    xml = re.sub(r'(<style:style\s+style:name="Table_20_Contents"[^>]*>.*?)(</style:style>)',
                 r'\1<style:text-properties fo:font-size="9pt" />\2', xml, count=1, flags=re.S)
    return xml


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.odt"], check=True,
                             capture_output=True).stdout
    src = "/tmp/pandoc-default-reference.odt"
    with open(src, "wb") as f:
        f.write(default)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(sys.argv[1], "w") as zout:
        zout.writestr(zipfile.ZipInfo("mimetype"), zin.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for item in zin.infolist():
            if item.filename == "mimetype":
                continue
            data = zin.read(item.filename)
            if item.filename == "styles.xml":
                data = styles(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return 0


if __name__ == "__main__":
    sys.exit(main())
