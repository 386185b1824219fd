package resolve

import (
	"encoding/gob"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// snapshotVersion changes whenever the snapshot's layout or the meaning of
// what it holds changes: a snapshot of another version is not read.
const snapshotVersion = 6

// snapshot is the resolver's state as Save writes it. Strings that recur
// (actor and article IDs) are stored once in Strings and referred to by
// index, which keeps a snapshot of 100,000 events to a few megabytes.
type snapshot struct {
	Version int
	Horizon int64
	Strings []string
	Actors  []snapActor
	Aliases [][2]int32 // ActorID of a key, canonical actor ID
	Stories []snapStory
	Events  []snapEvent
}

type snapStory struct {
	Article, Story int32
	Words          []WordCount
	Names, Links   []int32
	Published      time.Time
	Seq            int64
}

type snapActor struct {
	ID    int32
	Actor doc.Actor
}

type snapEvent struct {
	ID                      string
	Type                    doc.EventType
	Action                  string
	Modality                doc.Modality
	Agents, Targets, Places []int32
	Articles                []int32
	Story                   int32
	Dated, Lead, Headline   bool
	Phrasal                 []string
	Sentences               []sentence // what each report's sentence says (retold)
	Earliest, Latest        time.Time
	Seq                     int64
}

// Save writes what the resolver knows, for Load to restore in a later run
// without reading every event back from the store.
func (r *Resolver) Save(w io.Writer) error {
	s := snapshot{Version: snapshotVersion, Horizon: r.horizon}
	index := map[string]int32{}
	str := func(v string) int32 {
		i, ok := index[v]
		if !ok {
			i = int32(len(s.Strings))
			index[v] = i
			s.Strings = append(s.Strings, v)
		}
		return i
	}
	strs := func(vs []string) []int32 {
		out := make([]int32, len(vs))
		for i, v := range vs {
			out[i] = str(v)
		}
		return out
	}
	// Canonical actors first, in ID order so that equal states write
	// equal snapshots; then every other key's mapping to them.
	ids := make([]string, 0, len(r.actors))
	for id, ca := range r.actors {
		if id == ca.ID {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		s.Actors = append(s.Actors, snapActor{ID: str(id), Actor: r.actors[id].Actor})
	}
	aliases := make([]string, 0, len(r.actors)-len(ids))
	for id, ca := range r.actors {
		if id != ca.ID {
			aliases = append(aliases, id)
		}
	}
	slices.Sort(aliases)
	for _, id := range aliases {
		s.Aliases = append(s.Aliases, [2]int32{str(id), str(r.actors[id].ID)})
	}
	for _, d := range r.stories.docs {
		s.Stories = append(s.Stories, snapStory{
			Article: str(d.Article), Story: str(d.Story), Words: d.Words,
			Names: strs(d.Names), Links: strs(d.Links), Published: d.Published, Seq: d.Seq,
		})
	}
	for _, e := range r.known {
		s.Events = append(s.Events, snapEvent{
			ID: e.ID, Type: e.Type, Action: e.Action, Modality: e.Modality,
			Agents: strs(e.Agents), Targets: strs(e.Targets), Places: strs(e.Places),
			Articles: strs(e.Articles), Story: str(e.Story), Dated: e.Dated, Lead: e.Lead,
			Headline: e.Headline, Phrasal: e.Phrasal, Sentences: e.sentences,
			Earliest: e.Earliest, Latest: e.Latest, Seq: e.Seq,
		})
	}
	if err := gob.NewEncoder(w).Encode(&s); err != nil {
		return fmt.Errorf("saving resolver state: %w", err)
	}
	return nil
}

// Load restores into an empty resolver the state Save wrote; when it
// fails, the resolver is left empty. The resolver
// keeps its own horizon: a snapshot saved with another one is refused, as
// it may lack events this resolver would still know.
func (r *Resolver) Load(rd io.Reader) error {
	if len(r.eventsBy) > 0 || len(r.actors) > 0 {
		return fmt.Errorf("loading resolver state: the resolver is not empty")
	}
	var s snapshot
	if err := gob.NewDecoder(rd).Decode(&s); err != nil {
		return fmt.Errorf("reading resolver state: %w", err)
	}
	if s.Version != snapshotVersion {
		return fmt.Errorf("resolver state has version %d, want %d", s.Version, snapshotVersion)
	}
	if s.Horizon != r.horizon {
		return fmt.Errorf("resolver state was saved with a horizon of %d events, this resolver keeps %d", s.Horizon, r.horizon)
	}
	// Every reference is checked before anything is restored: a
	// damaged snapshot leaves the resolver empty.
	n := int32(len(s.Strings))
	valid := func(is ...int32) bool {
		for _, i := range is {
			if i < 0 || i >= n {
				return false
			}
		}
		return true
	}
	for _, a := range s.Actors {
		if !valid(a.ID) {
			return fmt.Errorf("reading resolver state: bad actor reference")
		}
	}
	for _, al := range s.Aliases {
		if !valid(al[0], al[1]) {
			return fmt.Errorf("reading resolver state: bad alias reference")
		}
	}
	for _, d := range s.Stories {
		if !valid(d.Article, d.Story) || !valid(d.Names...) || !valid(d.Links...) {
			return fmt.Errorf("reading resolver state: bad reference in the story of an article")
		}
	}
	for _, e := range s.Events {
		if !valid(e.Agents...) || !valid(e.Targets...) || !valid(e.Places...) || !valid(e.Articles...) || !valid(e.Story) {
			return fmt.Errorf("reading resolver state: bad reference in event %s", e.ID)
		}
	}
	strs := func(is []int32) []string {
		if len(is) == 0 {
			return nil
		}
		out := make([]string, len(is))
		for k, i := range is {
			out[k] = s.Strings[i]
		}
		return out
	}
	for _, a := range s.Actors {
		r.KnowActor(s.Strings[a.ID], a.Actor)
	}
	for _, al := range s.Aliases {
		if ca, ok := r.actors[s.Strings[al[1]]]; ok {
			r.actors[s.Strings[al[0]]] = ca
		}
	}
	for _, d := range s.Stories {
		r.KnowArticle(ArticleStory{
			Profile: Profile{Article: s.Strings[d.Article], Words: d.Words, Names: strs(d.Names), Published: d.Published},
			Seq:     d.Seq, Story: s.Strings[d.Story], Links: strs(d.Links),
		})
	}
	for _, se := range s.Events {
		r.KnowEvent(Event{
			ID: se.ID, Type: se.Type, Action: se.Action, Modality: se.Modality,
			Agents: strs(se.Agents), Targets: strs(se.Targets), Places: strs(se.Places),
			Articles: strs(se.Articles), Story: s.Strings[se.Story], Dated: se.Dated, Lead: se.Lead,
			Headline: se.Headline, Phrasal: se.Phrasal, sentences: se.Sentences,
			Earliest: se.Earliest, Latest: se.Latest, Seq: se.Seq,
		})
	}
	return nil
}
