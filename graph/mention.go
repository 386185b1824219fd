package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// EventMention is an event mention read back: its handle unpacked, and
// the texts it points at once Resolve is given its article's text.
type EventMention struct {
	Node    quad.Value
	Event   quad.Value // eg:mentionOf
	Article quad.Value // MentionArticle: named by its IRI
	// Order is the mention's place among its article's event mentions.
	Order int
	MentionHandle
	// SentenceText, Trigger and TimeText are read from the article's
	// text by Resolve (or stored explicitly, see MentionHandle).
	SentenceText, Trigger, TimeText string
}

// ArticleMentions returns the event mentions of an article, in order:
// <eg:mention/ID/0>, <eg:mention/ID/1>... as long as they are stored (an
// article's mentions are numbered from 0, mentionIRI). One index lookup
// each, no scan.
func (s *Store) ArticleMentions(id string) []quad.Value {
	var out []quad.Value
	for n := 0; ; n++ {
		m := mentionIRI(id, n)
		if s.QuadStore.ValueOf(m) == nil {
			return out
		}
		out = append(out, m)
	}
}

// ReadEventMention reads an event mention: its node's quads (one index
// lookup), and its handle from handles, its article's eg:handles (which
// the caller reads once per article, with the article's text).
func (s *Store) ReadEventMention(ctx context.Context, node quad.Value, handles string) (EventMention, error) {
	p, err := s.Out(ctx, node)
	if err != nil {
		return EventMention{}, err
	}
	return EventMentionFrom(node, p, handles)
}

// ArticleHandles reads an article's eg:handles (for one mention; readers
// of many read the article once, with its text).
func (s *Store) ArticleHandles(ctx context.Context, article quad.Value) (string, error) {
	p, err := s.Out(ctx, article)
	if err != nil {
		return "", err
	}
	return p.Str(Handles), nil
}

// EventMentionFrom unpacks an event mention from its properties and its
// article's eg:handles.
func EventMentionFrom(node quad.Value, p Props, handles string) (EventMention, error) {
	m := EventMention{Node: node, Event: p.First(MentionOf), Article: MentionArticle(node),
		Trigger: p.Str(Trigger), TimeText: p.Str(TimeText), MentionHandle: MentionHandle{Sentence: -1, TimexStart: -1, TimexEnd: -1}}
	iri := Str(node)
	n, err := strconv.Atoi(iri[strings.LastIndexByte(iri, '/')+1:])
	if err != nil {
		return m, fmt.Errorf("%s is not an event mention's IRI", iri)
	}
	m.Order = n
	if handles == "" {
		return m, fmt.Errorf("event mention %s: its article has no %s: %w", iri, Handles, ErrOldVocabulary)
	}
	if m.MentionHandle, err = HandleAt(handles, n); err != nil {
		return m, fmt.Errorf("event mention %s: %w", iri, err)
	}
	return m, nil
}

// Resolve reads the mention's sentence, trigger and time expression from
// its article's text (schema:text).
func (m *EventMention) Resolve(text string) {
	m.SentenceText = Slice(text, m.SentStart, m.SentEnd)
	if m.Trigger == "" {
		m.Trigger = Slice(text, m.TrigStart, m.TrigEnd)
	}
	if m.TimeText == "" && m.TimexStart >= 0 {
		m.TimeText = Slice(text, m.TimexStart, m.TimexEnd)
	}
}

// ActorMention is what an article says of one actor: its mentions, as
// spans into the article's text (eg:spans under the article's label).
type ActorMention struct {
	Article quad.Value
	Spans   string
}

// ActorMentions returns the articles that name actor, with their spans:
// one scan of the actor's own quads (by the subject index; the quads of
// other predicates are skipped by reference, without reading their
// values).
func (s *Store) ActorMentions(ctx context.Context, actor quad.Value) ([]ActorMention, error) {
	ref, pred := s.QuadStore.ValueOf(actor), s.QuadStore.ValueOf(Spans)
	if ref == nil || pred == nil {
		return nil, nil
	}
	predKey := cgraph.ToKey(pred)
	var out []ActorMention
	it := s.QuadStore.QuadIterator(quad.Subject, ref)
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if cgraph.ToKey(s.QuadStore.QuadDirection(r, quad.Predicate)) == predKey {
			q := s.QuadStore.Quad(r)
			out = append(out, ActorMention{Article: q.Label, Spans: Str(q.Object)})
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("reading the mentions of %s: %w", actor, err)
	}
	return out, nil
}

// CountActorMentions returns the number of actor mentions stored: the
// spans of every actor mention node, in one scan of eg:spans.
func (s *Store) CountActorMentions(ctx context.Context) (int, error) {
	n := 0
	err := s.eachObject(ctx, Spans, func(_, obj quad.Value) {
		n += len(strings.Fields(Str(obj)))
	})
	if err != nil {
		return 0, fmt.Errorf("counting actor mentions: %w", err)
	}
	return n, nil
}

// CountEventMentions returns the number of event mentions stored, in one
// scan of eg:mentionOf (a mention's one quad).
func (s *Store) CountEventMentions(ctx context.Context) (int, error) {
	n := 0
	if err := s.eachObject(ctx, MentionOf, func(_, _ quad.Value) { n++ }); err != nil {
		return 0, fmt.Errorf("counting event mentions: %w", err)
	}
	return n, nil
}

// EventMentions returns every stored event mention node.
func (s *Store) EventMentions(ctx context.Context) ([]quad.Value, error) {
	var out []quad.Value
	if err := s.eachObject(ctx, MentionOf, func(sub, _ quad.Value) { out = append(out, sub) }); err != nil {
		return nil, fmt.Errorf("listing event mentions: %w", err)
	}
	return out, nil
}
