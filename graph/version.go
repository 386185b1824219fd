package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
)

// Version is the vocabulary version this eventgraph writes and reads:
// 1 stored every mention as a record of its own (sentence text repeated,
// coding on every mention), 2 as a handle (MentionHandle) into the
// article's text, stored once; 3 (issue 19, second step) states an
// event type's codes on its type node, not on every event, and an
// article's mentions of an actor as one quad on the actor (eg:spans
// under the article's label), not as a node of three, and no longer
// repeats an event's actors as sem:hasActor nor its first article's
// story; 4 (issue 19, third step) no longer states what is derivable: a
// mention's article (prov:wasDerivedFrom; its IRI names it,
// MentionArticle), an event's sequence number (eg:seq; the order of its
// first mention, eventKey) nor the modality "asserted" (DefaultModality);
// 5 (issue 19, fourth step) stores an event mention as one quad
// (eg:mentionOf) and its handle as a line of its article's eg:handles,
// not as a second quad of its own (eg:handle), and states no eg:key on
// description actors (IsDescription); 6 (issue 19, fifth step) types an
// event by its type node, a subclass of sem:Event (rdf:type
// <eg:cameo/CODE>), instead of rdf:type sem:Event and sem:eventType; 7
// (sixth step) types an event by its action's class instead, a subclass of
// its type node and of sem:Event that states the action (rdf:type
// <eg:cameo/CODE/ACTION>, ActionClass; no eg:action on the event), and
// an actor by its kind's class, a subclass of sem:Actor (rdf:type
// <eg:kind/person>, KindClass), instead of rdf:type sem:Actor and
// eg:kind.
//
// Stores of another version are refused, both ways: this eventgraph on a
// version 6 store, and an eventgraph of version 6 on a version 7 store,
// answer ErrOldVocabulary with the command that rebuilds the store
// (checkVersion) rather than, for the older one, mentions without
// handles, hence without dates, sentences or salience.
const Version = 7

// StoreNode and VocabVersion record a store's vocabulary version:
// <eg:store> eg:vocabularyVersion Version, written (unlabelled) when a store
// is created.
var (
	StoreNode    = quad.IRI("eg:store")
	VocabVersion = quad.IRI("eg:vocabularyVersion")
	// Writing marks an article whose quads are being written in several
	// transactions: <eg:store> eg:writing <eg:article/ID>, unlabelled, from
	// the first to after the last (WriteBatch, RecoverWrites).
	Writing = quad.IRI("eg:writing")
)

// ErrOldVocabulary is returned when a store was written with another
// vocabulary version than this eventgraph's: its answers would be wrong.
var ErrOldVocabulary = errors.New("store written by another eventgraph version")

// checkVersion fails with ErrOldVocabulary on a store whose articles were
// written with another vocabulary version: the error says how to rebuild
// it. A store without articles is fine; the version is recorded with the
// first write (versionQuad).
func (s *Store) checkVersion(ctx context.Context) error {
	p, err := s.Out(ctx, StoreNode)
	if err != nil {
		return fmt.Errorf("reading the store's vocabulary version: %w", err)
	}
	v := p.Int(VocabVersion)
	if v == Version {
		s.mu.Lock()
		s.versioned = true
		s.mu.Unlock()
		return nil
	}
	arts, err := s.In(ctx, ClassArticle, Type)
	if err != nil {
		return fmt.Errorf("reading the store's articles: %w", err)
	}
	if len(arts) == 0 {
		return nil
	}
	if v == 0 {
		v = 1 // stores written before versions were recorded
	}
	var sources []string
	for _, a := range arts {
		ap, err := s.Out(ctx, a)
		if err != nil {
			return err
		}
		if src := ap.Str(Source); src != "" {
			sources = append(sources, shellQuote(src))
		}
	}
	cmd := "eventgraph ingest --dbpath NEW_STORE " + strings.Join(first(sources, 5), " ")
	if len(sources) > 5 {
		cmd += fmt.Sprintf(" ... (%d sources in all)", len(sources))
	}
	return fmt.Errorf("%w: vocabulary version %d, this eventgraph reads version %d; rebuild it by re-ingesting its %d article(s) from their recorded sources: %s",
		ErrOldVocabulary, v, Version, len(arts), cmd)
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@%+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// versionQuad is the quad recording the store's vocabulary version, to
// add to a write when the store may not hold it yet (nil otherwise).
func (s *Store) versionQuad() *quad.Quad {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.versioned {
		return nil
	}
	q := quad.Make(StoreNode, VocabVersion, quad.Int(Version), nil)
	return &q
}

// versionWritten notes that the store holds its version.
func (s *Store) versionWritten() {
	s.mu.Lock()
	s.versioned = true
	s.mu.Unlock()
}
