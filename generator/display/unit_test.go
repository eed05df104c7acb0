package display_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestUnitDump(t *testing.T) {
	if os.Getenv("UNIT_DUMP") == "" {
		t.Skip()
	}
	ms, _ := demo(t)
	for _, lang := range []string{"id", "en"} {
		m := ms[lang]
		b, _ := json.MarshalIndent(m.Units[len(m.Units)-1], "", " ")
		t.Log(string(b))
		b, _ = json.MarshalIndent(m.UnitKinds[0], "", " ")
		t.Log(strings.Repeat("-", 20), string(b))
		b, _ = json.MarshalIndent(m.Site.Units, "", " ")
		t.Log(string(b)[:800])
	}
}
