"""Read back the downloads of one table with readers other than kinerja's.

usage: readback.py FOLDER NAME

Reads NAME.csv (Python's csv), NAME-excel.csv (csv, ';', utf-8-sig),
NAME.xlsx (openpyxl) and NAME.json (json, keeping key order) from FOLDER
and prints one JSON object: every cell as text (or null) the way a user
of each reader gets it, and what openpyxl sees of each XLSX cell.
"""
import csv
import datetime
import decimal
import json
import sys

import openpyxl

folder, name = sys.argv[1], sys.argv[2]
out = {}

with open(f"{folder}/{name}.csv", newline="", encoding="utf-8") as f:
    out["csv"] = list(csv.reader(f))
with open(f"{folder}/{name}-excel.csv", newline="", encoding="utf-8-sig") as f:
    out["excel_csv"] = list(csv.reader(f, delimiter=";"))

with open(f"{folder}/{name}.json", encoding="utf-8") as f:
    doc = json.load(f, object_pairs_hook=lambda pairs: pairs)
out["json_keys"] = [k for k, _ in doc]
rows = dict(doc)["rows"]
out["json"] = [[[k, v] for k, v in row] for row in rows]


def shown(cell):
    """The cell's value as text, numbers with the decimals of their format."""
    v = cell.value
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, (int, float)):
        fmt = cell.number_format
        places = len(fmt.split(".")[1]) if "." in fmt else 0
        d = decimal.Decimal(repr(v)).quantize(decimal.Decimal(1).scaleb(-places))
        return format(d, "f")
    return v


def sheet(ws):
    return [[{"v": shown(c), "t": c.data_type, "f": c.number_format, "bold": bool(c.font and c.font.b)}
             for c in row] for row in ws.iter_rows()]


wb = openpyxl.load_workbook(f"{folder}/{name}.xlsx")
data = wb["Data"]
out["xlsx"] = {
    "sheets": wb.sheetnames,
    "data": sheet(data),
    "dictionary": sheet(wb["Kamus data"]),
    "freeze": data.freeze_panes,
    "filter": data.auto_filter.ref,
    "widths": {k: v.width for k, v in data.column_dimensions.items()},
    "formulas": sum(1 for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"),
    "title": wb.properties.title,
    "creator": wb.properties.creator,
    "created": wb.properties.created.isoformat() if wb.properties.created else None,
}
# openpyxl in read-only mode trusts each sheet's <dimension>: it reads the
# rows and columns that it declares, no more.
ro = openpyxl.load_workbook(f"{folder}/{name}.xlsx", read_only=True)
out["xlsx_read_only"] = {ws.title: {"dimension": ws.calculate_dimension(),
                                    "rows": [[shown(c) if hasattr(c, "number_format") else None for c in row] for row in ws.iter_rows()]}
                         for ws in ro.worksheets}
ro.close()
json.dump(out, sys.stdout, ensure_ascii=False)
