#!/usr/bin/env python3
"""Writes units.xlsx and units.ods, the workbooks tests/import.rs reads, and merged.ods, which
tests/hostile_tables.rs reads.

Written by hand with the standard library (both formats are zipped XML) rather than with a
spreadsheet library, so that anyone can run it again: `python3 tests/tables/make_workbooks.py`.
Each workbook has a title row above the headers, codes typed as numbers (stored as 10.0, which
must read « 10 »), a missions cell on two lines, and a second sheet « Effectifs 2025 »."""

import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
TITLE = "Organigramme de la direction au 1er janvier"
HEADERS = ["Code", "Code parent", "Libellé", "Sigle", "Type", "Responsable", "Fonction", "Effectif", "Missions"]
ROWS = [
    [10, None, "Direction des ressources humaines", "DRH", "Direction", "Mme Durand", "Directrice", 250,
     "Piloter la politique RH\nAnimer le dialogue social"],
    [11, 10, "Sous-direction des compétences", "SDC", "Sous-direction", "M. Petit", "Sous-directeur", 80, None],
    [12, 11, "Bureau de la formation", None, "Bureau", None, None, 25, "Former les agents"],
    [13, 10, "Observatoire des métiers", "OM", "Observatoire", None, None, 6, None],
]
SECOND = [["Code", "Libellé"], ["X1", "Autre feuille"]]


def col(i):
    return chr(ord("A") + i)


def xlsx(path):
    strings = []

    def sst(s):
        if s not in strings:
            strings.append(s)
        return strings.index(s)

    def sheet(rows):
        out = []
        for r, row in enumerate(rows, start=1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                if v is None:
                    continue
                if isinstance(v, (int, float)):
                    cells.append(f'<c r="{ref}"><v>{float(v)}</v></c>')
                else:
                    cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
            if cells:
                out.append(f'<row r="{r}">{"".join(cells)}</row>')
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<sheetData>{"".join(out)}</sheetData></worksheet>')

    first = sheet([[TITLE], [], HEADERS] + ROWS)
    second = sheet(SECOND)
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + '</sst>')
    main = "http://schemas.openxmlformats.org"
    files = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Types xmlns="{main}/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{main}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{main}/spreadsheetml/2006/main" xmlns:r="{main}/officeDocument/2006/relationships">'
            '<sheets><sheet name="Unités" sheetId="1" r:id="rId1"/><sheet name="Effectifs 2025" sheetId="2" r:id="rId2"/></sheets>'
            '</workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{main}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{main}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
            f'<Relationship Id="rId3" Type="{main}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": first,
        "xl/worksheets/sheet2.xml": second,
        "xl/sharedStrings.xml": shared,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def ods(path):
    def cell(v):
        if v is None:
            return "<table:table-cell/>"
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in v.split("\n"))
        return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'

    def table(name, rows):
        body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        return f'<table:table table:name="{escape(name)}">{body}</table:table>'

    write_ods(path, table("Unités", [[TITLE], [None], HEADERS] + ROWS) + table("Effectifs 2025", SECOND))


def merged_ods(path):
    """merged.ods: cells merged as LibreOffice writes them, a spanned cell then covered cells,
    with rows and cells compressed by repeats (tests/hostile_tables.rs has the same sheet as
    an XLSX written by rust_xlsxwriter, two rows higher)."""
    def text(v, attrs=""):
        return f'<table:table-cell{attrs} office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'

    def number(v, attrs=""):
        return f'<table:table-cell{attrs} office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'

    def empty(n=1):
        return f'<table:table-cell table:number-columns-repeated="{n}"/>' if n > 1 else "<table:table-cell/>"

    def covered(n=1):
        return f'<table:covered-table-cell table:number-columns-repeated="{n}"/>' if n > 1 else "<table:covered-table-cell/>"

    def spanned(rows, columns=1):
        return f' table:number-rows-spanned="{rows}" table:number-columns-spanned="{columns}"'

    rows = [
        text("Organigramme de la DRH, extrait du SIRH au 1er janvier", spanned(1, 6)) + covered(5),
        None,  # two empty rows, as one row repeated
        "".join(text(h) for h in ["Code", "Code parent", "Libellé", "Type", "Responsable", "Effectif"]),
        text("DRH") + empty() + text("Direction des ressources humaines") + text("Direction") + empty() + number(12),
        text("SD1") + text("DRH", spanned(3)) + text("Sous-direction des carrières") + empty(2) + number(30),
        text("SD2") + covered() + text("Sous-direction de la paie") + empty(2) + number(25),
        text("MIS") + covered() + text("Mission handicap"),
        text("B1") + text("SD1", spanned(2)) + text("Bureau des concours") + empty(2) + number(8, spanned(2)),
        text("B2") + covered() + text("Bureau des mobilités") + empty(2) + covered(),
        text("C1") + text("B1") + text("Cellule veille", spanned(1, 2)) + covered() + empty(2),
    ]
    body = "".join(
        '<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="6"/></table:table-row>'
        if row is None else f"<table:table-row>{row}</table:table-row>"
        for row in rows)
    # The rest of the sheet, empty, as LibreOffice writes it.
    body += '<table:table-row table:number-rows-repeated="1048564"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    write_ods(path, f'<table:table table:name="Unités">{body}</table:table>')


def write_ods(path, tables):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as z:
        # The media type comes first and uncompressed, as the format requires.
        z.writestr(zipfile.ZipInfo("mimetype", (2026, 1, 1, 0, 0, 0)), "application/vnd.oasis.opendocument.spreadsheet")
        for name, text in [("META-INF/manifest.xml", manifest), ("content.xml", content)]:
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


xlsx(os.path.join(HERE, "units.xlsx"))
ods(os.path.join(HERE, "units.ods"))
merged_ods(os.path.join(HERE, "merged.ods"))
