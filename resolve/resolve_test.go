package resolve

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

func parseDay(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

// summit is the text of the test articles that tell one story.
// summitRetold tells the summit story in other words.
const summitRetold = "Roe dropped the Geneva talks with fishermen; union officials said the strike would continue."

const summit = "Jane Roe cancelled the Geneva summit with the fishing union after the strike over quotas; the union called the cancellation an insult to fishermen."

// withText gives d the text s, as one sentence with its tokens.
func withText(d *doc.Document, s string) *doc.Document {
	d.Article.Text = s
	sp := doc.Span{Start: 0, End: len(s)}
	d.Sentences = []doc.Sentence{{Span: sp, Kind: doc.BlockBody, Tokens: text.Tokens(s, sp)}}
	return d
}

// mention builds a one-event document of the summit story.
func mention(article string, code, action string, mod doc.Modality, agent string, lo, hi string) *doc.Document {
	d := withText(&doc.Document{Article: doc.Article{ID: article}}, summit)
	var args []doc.Argument
	if agent != "" {
		d.Actors = []doc.Actor{{Key: agent, Name: agent, Kind: doc.KindPerson}}
		args = []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: -1}}
	}
	m := doc.EventMention{Type: doc.EventType{Code: code}, Action: action, Modality: mod, Arguments: args, Timex: -1, Basis: doc.BasisExplicit}
	if lo != "" {
		m.Earliest = parseDay(lo)
	}
	if hi != "" {
		m.Latest = parseDay(hi)
	}
	d.Events = []doc.EventMention{m}
	return d
}

// quote puts d's sentence in quotation marks, its trigger on "cancelled":
// what someone said, not the article's lead.
func quote(d *doc.Document) *doc.Document {
	withText(d, "\u201c"+summit+"\u201d")
	i := strings.Index(d.Article.Text, "cancelled")
	d.Events[0].Trigger = doc.Span{Start: i, End: i + len("cancelled")}
	return d
}

// light makes d's event, and the first article's, a light verb ("went").
func light(d *doc.Document) *doc.Document {
	d.Events[0].Action = "go"
	return d
}

func TestEventMerging(t *testing.T) {
	first := mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "2024-03-20", "2024-03-26")
	tests := []struct {
		name  string
		next  *doc.Document
		merge bool
	}{
		{"same event, undated", mention("b", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""), true},
		{"same event, no shared participant", mention("b", "0874", "cancel", doc.Asserted, "", "2024-03-25", "2024-03-25"), false},
		{"same family other code", mention("b", "0871", "cancel", doc.Asserted, "person:jane roe", "", ""), true},
		{"other agent", mention("b", "0874", "cancel", doc.Asserted, "person:john doe", "", ""), false},
		{"disjoint dates", mention("b", "0874", "cancel", doc.Asserted, "person:jane roe", "2020-05-01", "2020-05-31"), false},
		{"negated", mention("b", "0874", "cancel", doc.Negated, "person:jane roe", "", ""), false},
		{"planned is not done", mention("b", "0874", "cancel", doc.Planned, "person:jane roe", "", ""), false},
		{"other family", mention("b", "192", "fight", doc.Asserted, "person:jane roe", "", ""), false},
		{"another story", withText(mention("b", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""), "Rain and wind hit the coast as the storm moved north, closing schools."), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(first)
			b := r.Add(tt.next)
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
			if tt.merge && (len(b.Merges) != 1 || len(b.Merges[0].Reasons) == 0) {
				t.Errorf("merge not explained: %+v", b.Merges)
			}
		})
	}
}

func TestActorIdentity(t *testing.T) {
	// A surname alone is the full name that ends in it.
	r := New(Rules{SameEntity: func(a, b doc.Actor) bool {
		return a.Key == b.Key || strings.HasSuffix(a.Name, " "+b.Name) || strings.HasSuffix(b.Name, " "+a.Name)
	}})
	full := &doc.Document{Actors: []doc.Actor{{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson}}}
	short := &doc.Document{Actors: []doc.Actor{{Key: "person:roe", Name: "Roe", Kind: doc.KindPerson}}}
	other := &doc.Document{Actors: []doc.Actor{{Key: "country:ROU", Name: "Roe", Kind: doc.KindCountry}}}
	a, b, c := r.Add(full), r.Add(short), r.Add(other)
	if a.Actors[0] != b.Actors[0] {
		t.Errorf("surname not merged with full name: %s vs %s", a.Actors[0], b.Actors[0])
	}
	if c.Actors[0] == a.Actors[0] {
		t.Error("a country merged with a person")
	}
	if got := ActorID("person:Gideon Sa’ar"); got != "actor/person/gideon-saar" {
		t.Errorf("ActorID = %q", got)
	}
}

// A bare nominalization merges with the event its story already
// reported, but not with a similar event of another story.
func TestAnaphoricMention(t *testing.T) {
	r := New(Rules{})
	first := mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", "")
	bare := mention("a", "0874", "cancel", doc.Asserted, "", "", "")
	d := &doc.Document{Article: first.Article, Sentences: first.Sentences, Actors: first.Actors, Events: append(first.Events, bare.Events...)}
	as := r.Add(d)
	if as.Events[0] != as.Events[1] {
		t.Error("bare mention in the same article not merged")
	}
	// Another article's bare mention shares no participant: the same
	// word in one story is not enough.
	if b := r.Add(mention("b", "0874", "cancel", doc.Asserted, "", "", "")); b.Events[0] == as.Events[0] {
		t.Error("bare mention of another article merged")
	}
	other := r.Add(withText(mention("c", "0874", "cancel", doc.Asserted, "", "", ""), "The museum cancelled the concert of the orchestra because the hall roof leaked."))
	if other.Events[0] == as.Events[0] {
		t.Error("bare mention of another story merged")
	}
}

// Articles that share their rare words and names tell one story; an
// article close to two stories joins them; an unrelated one stays apart.
func TestStories(t *testing.T) {
	doc := func(id, s string) *doc.Document { return withText(&doc.Document{Article: doc.Article{ID: id}}, s) }
	r := New(Rules{})
	a := r.Add(doc("a", summit))
	b := r.Add(doc("b", "Fishermen protested in Geneva after Jane Roe cancelled the summit on quotas with their union."))
	c := r.Add(doc("c", "Heavy rain flooded the valley; the river burst its banks and villages were evacuated."))
	if a.Story.Story != b.Story.Story || len(b.Story.Links) != 1 || b.Story.Links[0] != "a" {
		t.Errorf("reports of the summit in two stories: %+v, %+v", a.Story, b.Story)
	}
	if c.Story.Story == a.Story.Story {
		t.Error("the flood joined the summit story")
	}
	d := r.Add(doc("d", "Villages in the valley were evacuated after the river burst its banks in the flood; fishermen lost boats in Geneva, where the quotas summit was cancelled."))
	if got := r.StoryOf("c"); got != r.StoryOf("a") || r.StoryOf("d") != got {
		t.Errorf("an article close to both did not join them: a %s, c %s, d %s (%+v)", r.StoryOf("a"), got, r.StoryOf("d"), d.Story)
	}
}

// Beyond the recent window, an old event is still found through a shared
// actor; an old event sharing nothing is no longer compared.
func TestBlockingWindow(t *testing.T) {
	r := New(Rules{})
	r.window = 4
	old := r.Add(mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
	for i := 0; i < 10; i++ {
		r.Add(mention(fmt.Sprintf("filler%d", i), "0874", "cancel", doc.Asserted, fmt.Sprintf("person:p%d", i), "", ""))
	}
	again := r.Add(mention("z", "0874", "cancel", doc.Asserted, "person:jane roe", "", ""))
	if again.Events[0] != old.Events[0] {
		t.Error("old event with the same agent not found beyond the window")
	}
	if r.Events() != 11 {
		t.Errorf("%d events, want 11", r.Events())
	}
}

// Uncoded occurrences ("caused", "marks") merge only with the same action,
// or around a shared participant.
// Reports of speech ("Jane Roe said", "Roe can be reached at") never
// merge across articles on a shared speaker and the lead alone: every
// story has many statements. The same speaker addressing the same named
// party is one.
func TestReportingVerbs(t *testing.T) {
	speech := func(article, code, action string, target string) *doc.Document {
		d := mention(article, code, action, doc.Asserted, "person:jane roe", "", "")
		if target != "" {
			d.Actors = append(d.Actors, doc.Actor{Key: target, Name: target, Kind: doc.KindOrganization})
			d.Events[0].Arguments = append(d.Events[0].Arguments, doc.Argument{Role: doc.RoleTarget, Actor: 1, Mention: -1})
		}
		return d
	}
	tests := []struct {
		name         string
		code, action string
		target       string
		merge        bool
	}{
		{"said, same speaker", "010", "say", "", false},
		{"told, coded as an accusation", "112", "tell", "", false},
		{"reached at, coded as a move", "", "reach", "", false},
		{"said, same speaker and addressee", "010", "say", "org:fishing union", true},
		{"an accusation, same accuser", "112", "accuse", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := speech("a", tt.code, tt.action, tt.target)
			b := speech("b", tt.code, tt.action, tt.target)
			if tt.code == "" {
				a.Events[0].Type.Extension, b.Events[0].Type.Extension = "EG-MOVE", "EG-MOVE"
			}
			ea, eb := r.Add(a).Events[0], r.Add(b).Events[0]
			if got := ea == eb; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
		})
	}
}

// Under Rules.StoryLead, reports of one story that both lead with the
// same specific action merge without a shared participant; not when one
// is quoted (out of the lead), nor on a light verb, nor without the rule.
func TestStoryLead(t *testing.T) {
	first := func() *doc.Document {
		return mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "2024-03-20", "2024-03-26")
	}
	bare := func() *doc.Document {
		return mention("b", "0874", "cancel", doc.Asserted, "", "2024-03-25", "2024-03-25")
	}
	tests := []struct {
		name      string
		a, b      *doc.Document
		storyLead bool
		merge     bool
	}{
		{"both in the lead of one story", first(), bare(), true, true},
		{"without the rule", first(), bare(), false, false},
		{"one quoted", first(), quote(bare()), true, false},
		{"a light verb", light(first()), light(bare()), true, false},
		{"another story", first(), withText(bare(), "Rain and wind hit the coast as the storm moved north, closing schools."), true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{StoryLead: tt.storyLead})
			a, b := r.Add(tt.a), r.Add(tt.b)
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
		})
	}
}

// headline makes d's sentence its article's title.
func headline(d *doc.Document) *doc.Document {
	d.Sentences[0].Kind = doc.BlockTitle
	return d
}

// Two close articles of one story that both headline the same specific
// action report one event, without a shared participant and without
// Rules.StoryLead; not when one tells it in its first sentence only, nor
// on a light verb, nor for protests (a riot goes on for days), nor
// across stories.
func TestStoryHeadline(t *testing.T) {
	first := func() *doc.Document {
		return headline(mention("a", "0874", "cancel", doc.Asserted, "person:jane roe", "2024-03-20", "2024-03-26"))
	}
	bare := func() *doc.Document {
		return headline(mention("b", "0874", "cancel", doc.Asserted, "", "2024-03-25", "2024-03-25"))
	}
	riot := func(d *doc.Document) *doc.Document {
		d.Events[0].Type.Code, d.Events[0].Action = "145", "riot"
		return d
	}
	tests := []struct {
		name  string
		a, b  *doc.Document
		merge bool
	}{
		{"both headlines of one story", first(), bare(), true},
		{"one in the first sentence only", first(), mention("b", "0874", "cancel", doc.Asserted, "", "2024-03-25", "2024-03-25"), false},
		{"a light verb", light(first()), light(bare()), false},
		{"a riot", riot(first()), riot(bare()), false},
		{"another story", first(), headline(withText(bare(), "Rain and wind hit the coast as the storm moved north, closing schools.")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a, b := r.Add(tt.a), r.Add(tt.b)
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
		})
	}
}

// A phrasal verb's particle is part of its action: checking out of a
// clinic is not checking into one; two verbs read as one action ("pull
// out", "call off") are not told apart by their particles.
func TestParticles(t *testing.T) {
	for _, tt := range []struct{ pattern, want string }{
		{"patterns.tsv:724 v:check out", "check out"},
		{"patterns.tsv:722 v:check into", "check in"},
		{"patterns.tsv:723 v:check in", "check in"},
		{"patterns.tsv:394 v:pull out +delegation,visit", "pull out"},
		{"patterns.tsv:389 v:cancel +visit,trip,delegation", ""},
		{"patterns.tsv:1 v:plead guilty", ""},
		{"patterns.tsv:164 n:trip", ""},
	} {
		if got := PhrasalVerb(tt.pattern); got != tt.want {
			t.Errorf("PhrasalVerb(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
	check := func(article, pattern string) *doc.Document {
		d := headline(mention(article, "", "check", doc.Asserted, "person:jane roe", "", ""))
		d.Events[0].Type.Extension, d.Events[0].Pattern = "EG-MOVE", pattern
		return d
	}
	tests := []struct {
		name  string
		a, b  string
		merge bool
	}{
		{"check in, check into", "patterns.tsv:723 v:check in", "patterns.tsv:722 v:check into", true},
		{"check into, check out", "patterns.tsv:722 v:check into", "patterns.tsv:724 v:check out", false},
		{"check into, a bare check", "patterns.tsv:722 v:check into", "", true},
		{"two verbs of one action", "patterns.tsv:394 v:pull out +delegation", "patterns.tsv:395 v:call off", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a, b := r.Add(check("a", tt.a)), r.Add(check("b", tt.b))
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
		})
	}
}

// Merging on the lead, with a shared participant or under
// Rules.StoryLead without one, needs the two articles to be close
// themselves, not only of one story through a third article close to
// both (the halves of an undated story told twice, years apart).
func TestLeadNeedsLink(t *testing.T) {
	const docks = "Harbour pilots blocked the Rotterdam docks over wages, halting tankers and ferries for a third day."
	tests := []struct {
		name      string
		agent     string
		storyLead bool
	}{
		{"shared agent, both in the lead", "person:jane roe", false},
		{"StoryLead, no participant", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{StoryLead: tt.storyLead})
			a := r.Add(mention("a", "0874", "cancel", doc.Asserted, tt.agent, "", ""))
			bridge := r.Add(withText(&doc.Document{Article: doc.Article{ID: "bridge"}}, summit+" "+docks))
			c := r.Add(withText(mention("c", "0874", "cancel", doc.Asserted, tt.agent, "", ""), docks))
			if r.StoryOf("a") != r.StoryOf("c") {
				t.Fatalf("a and c not in one story through the bridge: %s, %s (bridge links %v, c links %v)", r.StoryOf("a"), r.StoryOf("c"), bridge.Story.Links, c.Story.Links)
			}
			if slices.Contains(c.Story.Links, "a") {
				t.Fatalf("c found close to a itself: %v", c.Story.Links)
			}
			if a.Events[0] == c.Events[0] {
				t.Error("merged on the lead across articles that are not close")
			}
			d := r.Add(mention("d", "0874", "cancel", doc.Asserted, tt.agent, "", ""))
			if d.Events[0] != a.Events[0] {
				t.Errorf("not merged on the lead with a close article: %v", d.Story.Links)
			}
		})
	}
}

func TestUncodedNeedSameAction(t *testing.T) {
	for _, shared := range []bool{false, true} {
		r := New(Rules{})
		d := mention("a", "", "check", doc.Asserted, "person:ann", "", "")
		d.Events[0].Type.Extension = "EG-MOVE"
		other := d.Events[0]
		other.Action = "enter"
		if !shared {
			other.Arguments = nil
		}
		d.Events = append(d.Events, other)
		as := r.Add(d)
		if got := as.Events[0] == as.Events[1]; got != shared {
			t.Errorf("shared agent %v: merged = %v", shared, got)
		}
	}
}

// An actor known only by a description ("the lawyer") is one actor within
// a story, another in another story; a description that repeats a title
// the article gave a named person is that person.
func TestStoryDescriptions(t *testing.T) {
	lawyer := func(id, text string) *doc.Document {
		d := withText(&doc.Document{Article: doc.Article{ID: id}}, text)
		d.Actors = []doc.Actor{
			{Key: "desc:" + id + ":lawyer", Name: "lawyer", Kind: doc.KindPerson},
			{Key: "person:jane roe", Name: "Jane Roe", Kind: doc.KindPerson, Relations: []doc.Relation{{Kind: "role", Title: "union leader", Object: -1}}},
			{Key: "desc:" + id + ":leader", Name: "leader", Kind: doc.KindPerson},
		}
		return d
	}
	r := New(Rules{})
	a := r.Add(lawyer("a", summit))
	b := r.Add(lawyer("b", summit))
	c := r.Add(lawyer("c", "Heavy rain flooded the valley; the river burst its banks and villages were evacuated."))
	if a.Actors[0] != b.Actors[0] {
		t.Errorf("the lawyer of one story is two actors: %s, %s", a.Actors[0], b.Actors[0])
	}
	if c.Actors[0] == a.Actors[0] {
		t.Errorf("the lawyers of two stories are one actor: %s", c.Actors[0])
	}
	if a.Actors[2] != a.Actors[1] {
		t.Errorf("the leader is not the union leader Jane Roe: %s, %s", a.Actors[2], a.Actors[1])
	}
}

// An event read back from the store (codes only, no labels) still merges
// across stories with a report of the same action, agent, target and
// dates: the type is compared by its codes.
func TestCrossStoryWithStoredEvent(t *testing.T) {
	r := New(Rules{})
	r.KnowEvent(Event{
		ID: "event/stored", Type: doc.EventType{Code: "193"}, Action: "shoot", Modality: doc.Asserted,
		Agents: []string{"actor/person/ann"}, Targets: []string{"actor/person/bob"},
		Earliest: parseDay("1998-10-23"), Latest: parseDay("1998-10-23"), Dated: true,
		Story: "elsewhere", Articles: []string{"elsewhere"},
	})
	d := withText(&doc.Document{Article: doc.Article{ID: "new"}}, "Heavy rain flooded the valley; the river burst its banks.")
	d.Actors = []doc.Actor{{Key: "person:ann", Name: "Ann", Kind: doc.KindPerson}, {Key: "person:bob", Name: "Bob", Kind: doc.KindPerson}}
	d.Events = []doc.EventMention{{
		Type: doc.EventType{Code: "193", Label: "Fight with small arms", QuadClass: 4}, Action: "shoot", Modality: doc.Asserted,
		Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: 0, Mention: -1}, {Role: doc.RoleTarget, Actor: 1, Mention: -1}},
		Timex:     -1, Basis: doc.BasisExplicit, Earliest: parseDay("1998-10-23"), Latest: parseDay("1998-10-23"),
	}}
	if as := r.Add(d); as.Events[0] != "event/stored" {
		t.Errorf("not merged with the stored event: %+v", as)
	}
}

// TestSameArticleCodedNeedEvidence: in one article, a later coded report
// with participants of its own joins an earlier one of a compatible type
// only when it is the same action, or the same type and a shared
// participant ("calls within the administration", then "officials
// planned to urge Israel": two appeals); a bare mention joins one of its
// own action.
func TestSameArticleCodedNeedEvidence(t *testing.T) {
	tests := []struct {
		name              string
		firstAgent, agent string
		action            string
		want              bool
	}{
		{"bare earlier, other action with an agent", "", "person:ann", "urge", false},
		// "the war" does not refer back to "four people were killed".
		{"bare later, other action", "person:ann", "", "urge", false},
		{"bare later", "person:ann", "", "call", true},
		{"same action", "", "person:ann", "call", true},
		{"shared agent", "person:ann", "person:ann", "urge", true},
		// Kirby "expressed confusion", "emphasizing" the resolution was
		// nonbinding: two things one speaker did.
		{"shared agent, other code of the family", "person:ann", "person:ann", "appeal", false},
	}
	for _, tt := range tests {
		r := New(Rules{})
		code := "020"
		if tt.action == "appeal" {
			code = "021"
		}
		first := mention("a", "020", "call", doc.Asserted, tt.firstAgent, "", "")
		later := mention("a", code, tt.action, doc.Asserted, tt.agent, "", "")
		d := oneArticle(first, later)
		as := r.Add(d)
		if got := as.Events[0] == as.Events[1]; got != tt.want {
			t.Errorf("%s: merged = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// oneArticle joins the mentions of first and later, two one-mention
// documents of one article (mention), into one document, later's after
// first's, with later's agent (if any) its own actor.
func oneArticle(first, later *doc.Document) *doc.Document {
	d := &doc.Document{Article: first.Article, Sentences: first.Sentences}
	d.Actors = append(first.Actors, later.Actors...)
	ev := later.Events[0]
	if len(ev.Arguments) > 0 {
		ev.Arguments = []doc.Argument{{Role: doc.RoleAgent, Actor: len(d.Actors) - 1, Mention: -1}}
	}
	d.Events = append(first.Events, ev)
	return d
}

// TestConflictingArguments: reports of the same action from two articles
// of one story, sharing their agent, are two events when they name
// different targets ("the Sixers hired O'Brien", "the Sixers hire
// Cheeks") or different places ("checks into Malibu rehab", "checks into
// the Betty Ford Center"); places that share a name word may be one.
func TestConflictingArguments(t *testing.T) {
	report := func(article, target, place string) *doc.Document {
		d := mention(article, "0874", "cancel", doc.Asserted, "person:jane roe", "", "")
		for _, a := range []struct{ key, role string }{{target, doc.RoleTarget}, {place, doc.RolePlace}} {
			if a.key == "" {
				continue
			}
			kind := doc.KindOrganization
			if a.role == doc.RolePlace {
				kind = doc.KindPlace
			}
			d.Actors = append(d.Actors, doc.Actor{Key: a.key, Name: a.key, Kind: kind})
			d.Events[0].Arguments = append(d.Events[0].Arguments, doc.Argument{Role: a.role, Actor: len(d.Actors) - 1, Mention: -1})
		}
		return d
	}
	tests := []struct {
		name             string
		targetA, targetB string
		placeA, placeB   string
		merge            bool
	}{
		{"same target", "org:fishing union", "org:fishing union", "", "", true},
		{"other target", "org:fishing union", "org:harbour board", "", "", false},
		{"one target only", "org:fishing union", "", "", "", true},
		{"same place", "", "", "place:geneva", "place:geneva", true},
		{"other place", "", "", "place:geneva", "place:lausanne", false},
		{"places sharing a name word", "", "", "place:betty ford center", "place:betty ford clinic", true},
		{"one place only", "", "", "place:geneva", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(report("a", tt.targetA, tt.placeA))
			b := r.Add(report("b", tt.targetB, tt.placeB))
			if got := a.Events[0] == b.Events[0]; got != tt.merge {
				t.Errorf("merged = %v, want %v", got, tt.merge)
			}
		})
	}
}

// cancelledVisit builds an article of the summit story that tells, past
// its lead, in one sentence, that agent cancelled a visit on a date
// ("Roe's cancellation of the delegation's visit"): the cancellation
// dated, the visit, negated by it, not. visitSentence moves the visit to
// the next sentence; visitAgent names its agent ("" for none).
func cancelledVisit(article, agent, visitAgent string, visitSentence int, visitMod doc.Modality) *doc.Document {
	d := &doc.Document{Article: doc.Article{ID: article}}
	var txt strings.Builder
	for i := range 7 {
		if i > 0 {
			txt.WriteByte(' ')
		}
		start := txt.Len()
		if article == "a" {
			txt.WriteString(summit)
		} else {
			// Another wording: the same sentence in two articles would
			// tie their events by itself (retold).
			txt.WriteString(summitRetold)
		}
		sp := doc.Span{Start: start, End: txt.Len()}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp, Kind: doc.BlockBody})
	}
	d.Article.Text = txt.String()
	for i := range d.Sentences {
		d.Sentences[i].Tokens = text.Tokens(d.Article.Text, d.Sentences[i].Span)
	}
	actor := func(key string) int {
		for i, a := range d.Actors {
			if a.Key == key {
				return i
			}
		}
		d.Actors = append(d.Actors, doc.Actor{Key: key, Name: key, Kind: doc.KindPerson})
		return len(d.Actors) - 1
	}
	day := parseDay("2024-03-25")
	cancel := doc.EventMention{Sentence: 5, Type: doc.EventType{Code: "125"}, Action: "cancel", Modality: doc.Asserted,
		Arguments: []doc.Argument{{Role: doc.RoleAgent, Actor: actor(agent), Mention: -1}},
		Timex:     -1, Basis: doc.BasisExplicit, Earliest: day, Latest: day}
	visit := doc.EventMention{Sentence: visitSentence, Type: doc.EventType{Code: "042"}, Action: "visit", Modality: visitMod,
		Timex: -1, Basis: doc.BasisUnknown}
	if visitAgent != "" {
		visit.Arguments = []doc.Argument{{Role: doc.RoleAgent, Actor: actor(visitAgent), Mention: -1}}
	}
	d.Events = []doc.EventMention{cancel, visit}
	return d
}

// A report told in one sentence with an event that both articles
// report (the visit that the one cancellation cancelled) is the same
// event when it is the same action, of the same realis, with a shared
// named participant, though neither article leads with it or dates it;
// not when the cancellations are two, nor when the second article tells
// the visit apart from the cancellation, nor without a shared
// participant, nor when one visit happened.
func TestAnchoredByMergedEvent(t *testing.T) {
	const roe, doe = "person:jane roe", "person:john doe"
	tests := []struct {
		name  string
		b     *doc.Document
		merge bool
	}{
		{"told with the same cancellation", cancelledVisit("b", roe, roe, 5, doc.Negated), true},
		{"another cancellation", cancelledVisit("b", doe, roe, 5, doc.Negated), false},
		{"in another sentence", cancelledVisit("b", roe, roe, 6, doc.Negated), false},
		{"no shared participant", cancelledVisit("b", roe, "", 5, doc.Negated), false},
		{"a visit that happened", cancelledVisit("b", roe, roe, 5, doc.Asserted), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := New(Rules{})
			a := r.Add(cancelledVisit("a", roe, roe, 5, doc.Negated))
			b := r.Add(tt.b)
			if same := tt.b.Actors[0].Key == roe; (a.Events[0] == b.Events[0]) != same {
				t.Fatalf("cancellations merged = %v, want %v", !same, same)
			}
			if got := a.Events[1] == b.Events[1]; got != tt.merge {
				t.Errorf("visits merged = %v, want %v (%+v)", got, tt.merge, b.Merges)
			}
			if tt.merge && !slices.ContainsFunc(b.Merges, func(m Merge) bool {
				return m.Mention == 1 && strings.Contains(strings.Join(m.Reasons, "; "), "told with "+a.Events[0])
			}) {
				t.Errorf("merge not explained by the cancellation: %+v", b.Merges)
			}
		})
	}
}

// TestSameArticleDifferentPersons: within one article, reports of one
// action by two different persons are two events, however alike their
// names ("Meadows' shock retirement", "Heath Shuler retired", "a Scott
// Meadows"); by the same person they are one.
func TestSameArticleDifferentPersons(t *testing.T) {
	tests := []struct {
		first, later string
		want         bool
	}{
		{"person:mark meadows", "person:heath shuler", false},
		{"person:mark meadows", "person:scott meadows", false},
		{"person:mark meadows", "person:mark meadows", true},
		{"person:mark meadows", "", true},
	}
	for _, tt := range tests {
		r := New(Rules{})
		first := mention("a", "0832", "retire", doc.Asserted, tt.first, "", "")
		later := mention("a", "0832", "retire", doc.Asserted, tt.later, "", "")
		d := oneArticle(first, later)
		as := r.Add(d)
		if got := as.Events[0] == as.Events[1]; got != tt.want {
			t.Errorf("%s, then %q: merged = %v, want %v", tt.first, tt.later, got, tt.want)
		}
	}
}

// A mention's anchors are its governor first (doc.EventMention.Governor,
// kept only when told before it), then the other events told before it
// in its sentence, nearest first; never events of other sentences.
func TestAnchorsOf(t *testing.T) {
	d := &doc.Document{Events: []doc.EventMention{
		{Sentence: 0}, {Sentence: 1}, {Sentence: 1}, {Sentence: 1, Governor: 2}, {Sentence: 1, Governor: 6}, {Sentence: 1},
	}}
	events := []string{"e0", "e1", "e2", "e3", "e4", "e5"}
	tests := []struct {
		i    int
		want []string
	}{
		{0, nil},
		{1, nil},
		{2, []string{"e1"}},
		{3, []string{"e1", "e2"}},       // governed by mention 1: it comes first
		{4, []string{"e3", "e2", "e1"}}, // its governor (5) is told after it
	}
	for _, tt := range tests {
		if got := anchorsOf(d, events, tt.i); !slices.Equal(got, tt.want) {
			t.Errorf("anchorsOf(%d) = %v, want %v", tt.i, got, tt.want)
		}
	}
}

// TestSameArticleDescribedAgent: within one article, an event whose agent
// is only a description ("told the woman to leave") is not one whose
// agent is a named person ("Hiller left"), in either order.
func TestSameArticleDescribedAgent(t *testing.T) {
	for _, namedFirst := range []bool{false, true} {
		r := New(Rules{})
		named := mention("a", "", "leave", doc.Asserted, "person:yvonne hiller", "", "")
		described := mention("a", "", "leave", doc.Asserted, "desc:a:woman", "", "")
		first, later := described, named
		if namedFirst {
			first, later = named, described
		}
		d := oneArticle(first, later)
		for i := range d.Events {
			d.Events[i].Type.Extension = "EG-MOVE"
		}
		if as := r.Add(d); as.Events[0] == as.Events[1] {
			t.Errorf("named first %v: merged", namedFirst)
		}
	}
}
