package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/internal/report"
)

// TestStories: the two seed articles tell one story; an unrelated article
// is a story of its own; the table and JSON list them with their span.
func TestStories(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "store")
	other := writeArticle(t, dir, "storm.txt", "Storm floods valley towns\n\ndate 2024-04-02\n\n"+
		"Heavy rain flooded three towns in the Ebro valley on Tuesday. The river burst its banks near Zaragoza and "+
		"firefighters evacuated two hundred residents from their homes, the regional government said.\n")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t), other)

	var stories []report.Story
	if err := json.Unmarshal([]byte(mustRun(t, "stories", "--dbpath", db, "--format", "json")), &stories); err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 {
		t.Fatalf("want 2 stories (the seeds, the storm), got %d: %+v", len(stories), stories)
	}
	seeds, storm := stories[0], stories[1]
	if len(seeds.Articles) != 2 || len(storm.Articles) != 1 {
		t.Fatalf("want the two seed articles in one story and the storm alone: %+v", stories)
	}
	if !strings.Contains(storm.Articles[0].Headline, "Storm") {
		t.Errorf("the storm's story holds %+v", storm.Articles)
	}
	if !strings.HasPrefix(seeds.ID, "story/") || seeds.From == "" || seeds.From > seeds.To {
		t.Errorf("seeds story: id %q, span %q..%q", seeds.ID, seeds.From, seeds.To)
	}
	table := mustRun(t, "stories", "--dbpath", db)
	if !strings.HasPrefix(table, "STORY") || strings.Count(table, "story/") != 2 {
		t.Errorf("table:\n%s", table)
	}
}

// TestExplainShowsStory: explain names the story of the event's articles.
func TestExplainShowsStory(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "store")
	mustRun(t, "ingest", "--dbpath", db, seedsDir(t))
	tl := readTimeline(t, db, "--all")
	ids := findEvents(tl, "cancel")
	if len(ids) == 0 {
		t.Fatal("no cancellation in the seeds' timeline")
	}
	out := mustRun(t, "explain", "--dbpath", db, tl.Events[ids[0]].ID)
	if !strings.Contains(out, "\nstory story/") || !strings.Contains(out, "2 article(s)") {
		t.Errorf("explain does not name the seeds' story:\n%s", out)
	}
}
