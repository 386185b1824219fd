package report

import (
	"context"
	"testing"
)

// The two seed articles report the same happenings: one story, named by
// one of its articles, its span the publication days of the dated ones,
// the articles in publication order (undated first), with the headlines
// their sources give.
func TestStoriesOfSeeds(t *testing.T) {
	st := seeds(t)
	stories, err := Stories(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || len(stories[0].Articles) != 2 {
		t.Fatalf("stories %+v, want one of the two seed articles", stories)
	}
	s := stories[0]
	var from, to string
	named, headlines := false, 0
	for i, a := range s.Articles {
		named = named || s.ID == "story/"+a.ID
		if a.Headline != "" {
			headlines++
		}
		if i > 0 && a.Published+a.ID < s.Articles[i-1].Published+s.Articles[i-1].ID {
			t.Errorf("articles out of order: %+v", s.Articles)
		}
		if a.Published != "" && (from == "" || a.Published < from) {
			from = a.Published
		}
		to = max(to, a.Published)
	}
	if headlines == 0 {
		t.Errorf("no headline in %+v", s.Articles)
	}
	if !named {
		t.Errorf("story %s is named by none of its articles %+v", s.ID, s.Articles)
	}
	if from == "" || s.From != from || s.To != to {
		t.Errorf("span %s..%s, want %s..%s", s.From, s.To, from, to)
	}
}
