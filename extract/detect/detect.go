// Package detect finds events in a syntax-analyzed sentence as TimeML
// defines them: verbs, event nominals ("decision", "resignation"),
// predicative states, each with its TimeML class (OCCURRENCE, REPORTING,
// STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION), tense, aspect,
// polarity and modality.
//
// Which tokens are events, and their class, is learned: averaged
// perceptrons (four, on different shufflings of the data, their weights
// averaged) over features of the token and its place in the dependency
// tree (form, lemma, tags, suffixes, relation, head, function-word
// dependents) and what the project's event trigger dictionary says of its
// lemma (Lexicon), trained on the EVENT tags of TimeBank and AQUAINT
// (TempEval-3) by `make train` and embedded from model/. Tense, aspect,
// polarity and modality follow from the tree by rule (see attrs).
//
// Sentences come from Analyze (tokens, tags, tree); AnalyzeText splits a
// text first, and Model.DetectText does both.
package detect

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/eventgraph/eventgraph/extract/syntax"
)

// Event is one event of a sentence: its head token and TimeML attributes.
type Event struct {
	Token      int    // index of the event's token in the sentence
	Start, End int    // byte span of the token in the text
	Class      string // OCCURRENCE, REPORTING, STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION
	Tense      string // PAST, PRESENT, FUTURE, INFINITIVE, PRESPART, PASTPART, NONE
	Aspect     string // PROGRESSIVE, PERFECTIVE, PERFECTIVE_PROGRESSIVE, NONE
	Polarity   string // POS, NEG
	Modality   string // the modal auxiliary ("would", "could"), "" when none
	POS        string // the MAKEINSTANCE pos: VERB, NOUN, ADJECTIVE, PREPOSITION, OTHER
}

// Classes are the TimeML event classes, in the model's order after "no
// event" (class 0).
var Classes = []string{"OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"}

// Model is a trained event detector. It is safe for concurrent use.
type Model struct {
	m   *model
	lex Lexicon
	// bias is subtracted from the score of "no event" before the best
	// class is taken: the perceptron, trained on annotations that leave
	// some events untagged, is otherwise too shy.
	bias float32
}

//go:embed model/events.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Decode(embedded)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("detect: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Detect finds the events of one analyzed sentence (Analyze) with
// the embedded model. It panics if the embedded model is corrupt, which a
// test rules out.
func Detect(toks []syntax.Token) []Event {
	m, err := Default()
	if err != nil {
		panic(err)
	}
	return m.Detect(toks)
}

// Detect finds the events of one analyzed sentence.
func (m *Model) Detect(toks []syntax.Token) []Event {
	if len(toks) == 0 {
		return nil
	}
	s := newSentence(toks, m.lex)
	defer s.free()
	var (
		out    []Event
		feats  = make([]uint64, 0, 64)
		scores = make([]float32, m.m.classes)
	)
	for i := range toks {
		if !candidate(toks[i].UPOS) {
			continue
		}
		feats = s.features(i, feats[:0])
		m.m.score(feats, scores)
		scores[0] -= m.bias
		c := argmax(scores)
		if c == 0 {
			continue
		}
		e := Event{Token: i, Start: toks[i].Start, End: toks[i].End, Class: Classes[c-1]}
		s.attrs(&e)
		out = append(out, e)
	}
	return out
}

// candidate reports whether a token with this UD tag may be an event:
// verbs, auxiliaries (stative "be", "have"), nouns and adjectives carry
// 99.5% of the EVENT tags of TimeBank and AQUAINT; the rest (adverbs such
// as "there", prepositions, proper nouns) are mostly tagging accidents.
func candidate(upos string) bool {
	switch upos {
	case "VERB", "AUX", "NOUN", "ADJ":
		return true
	}
	return false
}

// Decode reads a model written by MarshalBinary.
func Decode(b []byte) (*Model, error) {
	if len(b) < 4 {
		return nil, errors.New("truncated model")
	}
	bias := math.Float32frombits(binary.LittleEndian.Uint32(b))
	lex, rest, err := decodeLexicon(b[4:])
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	m, rest, err := decodeModel(rest)
	if err != nil {
		return nil, err
	}
	if len(rest) != 0 {
		return nil, fmt.Errorf("%d bytes after the model", len(rest))
	}
	if m.classes != len(Classes)+1 {
		return nil, fmt.Errorf("model has %d classes, want %d", m.classes, len(Classes)+1)
	}
	return &Model{m: m, lex: lex, bias: bias}, nil
}

// MarshalBinary encodes the model: the bias, the lexicon, the weights.
// The same model gives the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	b := binary.LittleEndian.AppendUint32(nil, math.Float32bits(m.bias))
	b = m.lex.appendBinary(b)
	return m.m.appendBinary(b), nil
}

// Features is the number of features the model keeps.
func (m *Model) Features() int { return len(m.m.keys) }

func argmax(s []float32) int {
	best := 0
	for c, v := range s {
		if v > s[best] {
			best = c
		}
	}
	return best
}

// EveryVerb marks every verb of the sentence as an OCCURRENCE, with the
// same tense, aspect and polarity rules: the naive baseline event
// detection is measured against.
func EveryVerb(toks []syntax.Token) []Event {
	s := newSentence(toks, nil)
	defer s.free()
	var out []Event
	for i, t := range toks {
		if t.UPOS != "VERB" {
			continue
		}
		e := Event{Token: i, Start: t.Start, End: t.End, Class: Classes[0]}
		s.attrs(&e)
		out = append(out, e)
	}
	return out
}
