package actor

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// buildDoc splits a plain text into sentences and tokens.
func buildDoc(id, txt string) *doc.Document {
	d := &doc.Document{Article: doc.Article{ID: id, Text: txt}}
	for i, sp := range text.Sentences(txt, doc.Span{Start: 0, End: len(txt)}) {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp, Index: i, Kind: doc.BlockBody, Tokens: text.Tokens(txt, sp)})
	}
	return d
}

func dump(d *doc.Document) string {
	var b strings.Builder
	for i, a := range d.Actors {
		fmt.Fprintf(&b, "%d %s %q %s %s aliases=%v\n", i, a.Key, a.Name, a.Kind, a.Code, a.Aliases)
		for _, r := range a.Relations {
			obj := "-"
			if r.Object >= 0 {
				obj = d.Actors[r.Object].Key
			}
			fmt.Fprintf(&b, "    %s %q -> %s\n", r.Kind, r.Title, obj)
		}
		for _, m := range a.Mentions {
			am := d.ActorMentions[m]
			fmt.Fprintf(&b, "    [%s] %q s%d\n", am.How, am.Text, am.Sentence)
		}
	}
	return b.String()
}

func seedDocs(t *testing.T) []*doc.Document {
	t.Helper()
	paths, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var out []*doc.Document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := buildDoc(filepath.Base(p), string(b))
		Recognize(d)
		if os.Getenv("ACTOR_DUMP") != "" {
			t.Logf("%s\n%s", p, dump(d))
		}
		out = append(out, d)
	}
	return out
}

func findActor(d *doc.Document, key string) int {
	for i, a := range d.Actors {
		if a.Key == key {
			return i
		}
	}
	return -1
}

// hasRole reports whether actor key holds a role whose title contains
// title in the actor with key obj ("" for any object).
func hasRole(d *doc.Document, key, title, obj string) bool {
	a := findActor(d, key)
	if a < 0 {
		return false
	}
	for _, r := range d.Actors[a].Relations {
		if r.Kind != "role" || !strings.Contains(r.Title, title) {
			continue
		}
		if obj == "" {
			return true
		}
		if r.Object >= 0 && d.Actors[r.Object].Key == obj {
			return true
		}
	}
	return false
}

func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	seen := map[string]bool{}
	for _, d := range docs {
		for _, a := range d.Actors {
			if len(a.Mentions) > 0 {
				seen[a.Key] = true
			}
		}
	}
	for _, k := range []string{"person:benjamin netanyahu", "person:joe biden", "person:gideon sa'ar", "person:john kirby",
		"country:USA", "country:ISR", "igo:united nations security council", "group:hamas"} {
		if !seen[k] {
			t.Errorf("seeds: actor %s not found", k)
		}
	}
	var netanyahu, biden, kirby, saar bool
	for _, d := range docs {
		netanyahu = netanyahu || hasRole(d, "person:benjamin netanyahu", "prime minister", "gov:ISR")
		biden = biden || hasRole(d, "person:joe biden", "president", "gov:USA")
		saar = saar || hasRole(d, "person:gideon sa'ar", "minister", "gov:ISR")
		if a := findActor(d, "person:john kirby"); a >= 0 {
			for _, r := range d.Actors[a].Relations {
				if r.Kind == "role" && r.Object >= 0 {
					o := d.Actors[r.Object]
					if o.Key == "office:white house" {
						for _, r2 := range o.Relations {
							if r2.Kind == "part_of" && r2.Object >= 0 && d.Actors[r2.Object].Key == "gov:USA" {
								kirby = true
							}
						}
					}
				}
			}
		}
	}
	if !netanyahu {
		t.Error("Netanyahu is not prime minister of gov:ISR")
	}
	if !biden {
		t.Error("Biden is not president of gov:USA")
	}
	if !saar {
		t.Error("Sa'ar is not minister of gov:ISR")
	}
	if !kirby {
		t.Error("Kirby has no role at the White House, part of gov:USA")
	}
}
