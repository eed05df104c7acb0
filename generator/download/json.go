package download

import (
	"bufio"
	"encoding/json"
	"io"
	"time"
)

// WriteJSON writes t as one JSON object, keys always in this order:
//
//	{
//	  "name": "iku-dinkes-waktu-tunggu",
//	  "title": "…",
//	  "dataset": "…", "source": "…", "publisher": "…",
//	  "licence": {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"},
//	  "citation": "…", "published": "2026-10-15T00:00:00Z", "notes": ["…"],
//	  "fields": [{"name": "actual", "title": "…", "type": "number", "unit": "menit", "description": "…"}],
//	  "rows": [
//	    {"agency": "dinkes", "year": 2026, "actual": "57.25", "provisional": false, "target": null},
//	    …
//	  ]
//	}
//
// A number is a JSON string holding its exact decimal text ("57.25",
// "123456789012345678.123456789"), because most JSON readers turn JSON
// numbers into binary floating point, which keeps only about 15 digits.
// An integer (year, quarter) is a JSON number; a boolean is true or false;
// a date is a string "2026-09-30"; no value is null. Each row is one line.
func WriteJSON(w io.Writer, t *Table, m Meta) error {
	if err := t.check(); err != nil {
		return err
	}
	id, url := m.licence()
	bw := bufio.NewWriter(w)
	str := func(s string) {
		b, _ := json.Marshal(s) // a string always marshals; <, > and & become \u003c…
		bw.Write(b)
	}
	key := func(first bool, k string) {
		if !first {
			bw.WriteString(",\n")
		}
		bw.WriteString("  ")
		str(k)
		bw.WriteString(": ")
	}
	bw.WriteString("{\n")
	key(true, "name")
	str(t.Name)
	key(false, "title")
	str(t.Title)
	key(false, "dataset")
	str(m.Title)
	key(false, "source")
	str(m.Source)
	key(false, "publisher")
	str(m.Publisher)
	key(false, "licence")
	bw.WriteString(`{"name": `)
	str(id)
	bw.WriteString(`, "path": `)
	str(url)
	bw.WriteString("}")
	key(false, "citation")
	str(m.Citation)
	key(false, "published")
	str(m.published().Format(time.RFC3339))
	key(false, "notes")
	bw.WriteString("[")
	for i, n := range m.Notes {
		if i > 0 {
			bw.WriteString(", ")
		}
		str(n)
	}
	bw.WriteString("]")
	key(false, "fields")
	bw.WriteString("[")
	for i, c := range t.Columns {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    {\"name\": ")
		str(c.Name)
		bw.WriteString(", \"title\": ")
		str(c.Title)
		bw.WriteString(", \"type\": ")
		str(string(c.Type))
		bw.WriteString(", \"unit\": ")
		str(c.Unit)
		bw.WriteString(", \"description\": ")
		str(c.Description)
		bw.WriteString("}")
	}
	bw.WriteString("\n  ]")
	key(false, "rows")
	bw.WriteString("[")
	var buf []Value
	for i := range t.len() {
		row := t.row(i, &buf)
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    {")
		for j, v := range row {
			if j > 0 {
				bw.WriteString(", ")
			}
			str(t.Columns[j].Name)
			bw.WriteString(": ")
			switch {
			case isNull(v):
				bw.WriteString("null")
			case t.Columns[j].Type == Number:
				str(numberText(v.Text))
			case t.Columns[j].Type == Integer, t.Columns[j].Type == Boolean:
				bw.WriteString(v.Text) // checked: digits, or true/false
			default:
				str(v.Text)
			}
		}
		bw.WriteString("}")
	}
	if t.len() > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}
