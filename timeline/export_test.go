package timeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// TestTimelineJS: the TimelineJS export follows TimelineJS's JSON format
// (testdata/timelinejs.schema.json, written from its documentation),
// groups slides in the four quad classes, counts honestly what it leaves
// out, and does not repeat a sentence two mentions share.
func TestTimelineJS(t *testing.T) {
	pub := day("2024-03-26")
	dated := report("a1", &pub, "The United States abstained.", "Jane Roe cancelled the visit after the vote.")
	for i := range dated.Events {
		dated.Events[i].Value = "2024-03-26" // placed on the publication day
	}
	dated.Events[1].Type.QuadClass = 3
	// An undated article about someone else: its events cannot be placed.
	other := report("a2", nil, "John Doe resigned.", "Mary Major left the party after that.")
	other.Actors[0] = doc.Actor{Key: "person:john doe", Name: "John Doe", Kind: doc.KindPerson}
	other.Actors[1] = doc.Actor{Key: "person:mary major", Name: "Mary Major", Kind: doc.KindPerson}
	other.Events[0].Action, other.Events[0].Type = "resign", doc.EventType{Code: "0832", Label: "Resign"}
	other.Events[1].Action, other.Events[1].Type = "leave", doc.EventType{Code: "0833", Label: "Leave"}
	st := store(t, dated, report("a3", nil, "The United States abstained.", "Jane Roe cancelled the visit."), other)
	tl, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	sch := compileFile(t, "testdata/timelinejs.schema.json")
	for _, group := range GroupBys {
		doc, err := TimelineJSGrouped(tl, group)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := json.Marshal(doc)
		if err := sch.Validate(instance(t, raw)); err != nil {
			t.Errorf("group %s: not TimelineJS JSON: %v", group, err)
		}
		t.Logf("group %s: %d events, %d slides, title %q", group, len(tl.Events), len(doc.Events), doc.Title.Text.Text)
		placed := 0
		for _, e := range tl.Events {
			if e.When.Value != nil || e.When.Earliest != nil && e.When.Latest != nil {
				placed++
			}
		}
		if len(doc.Events) != placed || placed == 0 {
			t.Errorf("group %s: %d slides for %d placed events", group, len(doc.Events), placed)
		}
		if want := len(tl.Events) - placed; want > 0 && !strings.Contains(doc.Title.Text.Text, "left out") {
			t.Errorf("group %s: title %q does not say %d events are left out", group, doc.Title.Text.Text, want)
		}
		for _, s := range doc.Events {
			if n := strings.Count(s.Text.Text, "<p>The United States abstained."); n > 1 {
				t.Errorf("group %s: a sentence repeated %d times: %s", group, n, s.Text.Text)
			}
			switch group {
			case GroupClass:
				if !strings.Contains(strings.Join(quadClasses[:], "|"), s.Group) || s.Group == "" {
					t.Errorf("lane %q is no quad class", s.Group)
				}
			case GroupActor:
				if s.Group != "United States" && s.Group != "Jane Roe" {
					t.Errorf("lane %q is no agent", s.Group)
				}
			}
		}
	}
	if _, err := TimelineJSGrouped(tl, "label"); err == nil {
		t.Error("an unknown grouping is accepted")
	}
}

// TestCSV: the CSV export has the columns README.md documents, in its
// order, keeps CAMEO codes as written (with their leading zero) and says
// how many articles report each event.
func TestCSV(t *testing.T) {
	pub := day("2024-03-26")
	st := store(t, report("a1", &pub, "The United States abstained.", "Jane Roe cancelled the visit."),
		report("a2", &pub, "The United States abstained.", "Jane Roe cancelled the visit."))
	tl, err := BuildFrom(context.Background(), st, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, tl, "csv"); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v\n%s", err, buf.String())
	}
	if want := readmeCSVColumns(t); !slices.Equal(rows[0], want) {
		t.Errorf("columns %q, README.md documents %q", rows[0], want)
	}
	if len(rows) != 1+len(tl.Events) {
		t.Fatalf("%d rows for %d events", len(rows)-1, len(tl.Events))
	}
	col := func(row []string, name string) string { return row[slices.Index(rows[0], name)] }
	for _, tc := range []struct {
		action, cameo, actors string
	}{
		{"abstain", "0251", "agent:United States"},
		{"cancel", "0874", "agent:Jane Roe"},
	} {
		i := slices.IndexFunc(rows[1:], func(r []string) bool { return col(r, "action") == tc.action })
		if i < 0 {
			t.Errorf("no %s row in %q", tc.action, rows)
			continue
		}
		row := rows[1+i]
		if got := col(row, "cameo"); got != tc.cameo {
			t.Errorf("%s: cameo %q, want %q (the code as text)", tc.action, got, tc.cameo)
		}
		if got := col(row, "actors"); got != tc.actors {
			t.Errorf("%s: actors %q, want %q", tc.action, got, tc.actors)
		}
		if got := col(row, "articles"); got != "2" {
			t.Errorf("%s: %s articles, want 2", tc.action, got)
		}
		if got := col(row, "latest"); got != "2024-03-26" {
			t.Errorf("%s: latest %q, want the publication day", tc.action, got)
		}
	}
}

// readmeCSVColumns reads the columns that README.md documents for
// `--format csv`: the backquoted names of its paragraph, up to the
// TimelineJS format.
func readmeCSVColumns(t *testing.T) []string {
	t.Helper()
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(raw)
	start := strings.Index(s, "`--format csv` writes")
	end := strings.Index(s[max(start, 0):], "`--format timelinejs`")
	if start < 0 || end < 0 {
		t.Fatal("README.md does not document --format csv")
	}
	var cols []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(s[start:start+end], -1) {
		cols = append(cols, m[1])
	}
	return cols
}
