// Package depparse is a greedy transition-based labelled dependency parser:
// the arc-hybrid system, trained with a dynamic oracle and exploration
// (Goldberg and Nivre 2012, 2013), scored by two averaged perceptrons over
// hashed features (linear): one picks the move (shift, left, right), the
// other the label of the arc a left or right move adds.
package depparse

import (
	"fmt"
	"slices"
	"sync"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// Word is one word of a sentence: its form and tags in, its head and
// relation out (or in, as gold for training).
type Word struct {
	Form, Lemma, UPOS, XPOS string

	Head int    // index of the head word, -1 for the root
	Rel  string // UD relation with subtype
}

// RootRel is the relation of the word under the root.
const RootRel = "root"

// Model is a trained parser. It is read-only and safe for concurrent use.
type Model struct {
	moves  []byte      // the move model, encoded (linear.Model.AppendBinary)
	table  *moveTable  // the move model, laid out for parsing
	labels []byte      // the label model, encoded
	ltable *labelTable // the label model, laid out for parsing
	names  []string    // label names by id
	dirOK  [2][]bool   // dirOK[dir][id]: label id seen with dependents on that side (0 left, 1 right)
	sides  [2][]uint16 // the ids of dirOK[dir]
	root   int16       // id of RootRel

	moveFeatures, moveWeights int
}

// parser is the per-call scratch memory.
type parser struct {
	st     state
	ws     words
	f      fset
	scores []float32
	sums   labelSums
}

var parsers = sync.Pool{New: func() any { return new(parser) }}

// Parse sets Head and Rel of every word of sent.
func (m *Model) Parse(sent []Word) {
	if len(sent) == 0 {
		return
	}
	p := parsers.Get().(*parser)
	defer parsers.Put(p)
	p.scores = resize(p.scores, max(int(numMoves), len(m.names)), 0)
	s := &p.st
	s.reset(len(sent))
	p.ws.reset(sent)
	for !s.terminal() {
		mv, ok := s.forced()
		if !ok {
			s.moveFeatures(&p.ws, &p.f)
			m.table.score(p.f.f, p.scores)
			mv = bestMove(s, p.scores)
		}
		lab := int16(-1)
		if mv != shift {
			lab = m.label(s, mv, &p.ws, &p.f, p.scores, &p.sums, nil)
		}
		s.apply(mv, lab)
	}
	for i := range sent {
		h := int(s.head[i])
		if h == len(sent) {
			h = -1
		}
		sent[i].Head = h
		sent[i].Rel = m.names[s.label[i]]
	}
	attachPairs(sent)
}

// bestMove returns the highest-scoring legal move.
func bestMove(s *state, scores []float32) move {
	best := numMoves
	for mv := range numMoves {
		if s.legal(mv) && (best == numMoves || scores[mv] > scores[best]) {
			best = mv
		}
	}
	return best
}

// label returns the best label for the arc that mv adds, summing its
// weights in sums. With tr set, the scores come from the trainer instead.
func (m *Model) label(s *state, mv move, ws *words, f *fset, scores []float32, sums *labelSums, tr *linear.Trainer) int16 {
	h, d := s.arc(mv)
	if h == s.n {
		return m.root
	}
	s.labelFeatures(ws, h, d, f)
	dir := 1
	if d < h {
		dir = 0
	}
	side := m.sides[dir]
	switch {
	case len(side) == 0: // no label was seen on this side: not with real data
		return m.root
	case tr == nil:
		return m.ltable.best(f.f, side, sums)
	}
	tr.Score(f.f, scores)
	best := side[0]
	for _, id := range side[1:] {
		if scores[id] > scores[best] {
			best = id
		}
	}
	return int16(best)
}

// setSides lists the label ids allowed on each side.
func (m *Model) setSides() {
	for dir, ok := range m.dirOK {
		m.sides[dir] = m.sides[dir][:0]
		for id, yes := range ok {
			if yes {
				m.sides[dir] = append(m.sides[dir], uint16(id))
			}
		}
	}
}

// Sizes describes the model: features and weights of its move and label
// models.
func (m *Model) Sizes() string {
	return fmt.Sprintf("moves %d features %d weights, labels %d features %d weights",
		m.moveFeatures, m.moveWeights, m.ltable.features, m.ltable.weights)
}

// Labels returns the relation names the model can assign.
func (m *Model) Labels() []string { return slices.Clone(m.names) }
