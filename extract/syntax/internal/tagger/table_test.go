package tagger

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/internal/linear"
)

// randomModel is a model of 40 classes whose features have from one weight
// to all 40, positive and negative: rows inline, long sparse and dense; the
// last feature has the largest weight for every class.
func randomModel(r *rand.Rand) (*linear.Model, []uint64) {
	const classes = 40
	tr := linear.NewTrainer(classes)
	var feats []uint64
	for f := range 300 {
		h := linear.Mix(linear.Hash(7), uint64(f))
		feats = append(feats, h)
		for range 1 + r.IntN(f%classes+1) {
			tr.Add([]uint64{h}, r.IntN(classes), float32(r.IntN(2001)-1000))
		}
	}
	// A feature of the largest weight for every class: 33 of them overflow
	// lanes that are not folded in time.
	big := linear.Hash(8)
	feats = append(feats, big)
	for c := range classes {
		tr.Add([]uint64{big}, c, 1e6)
	}
	tr.Tick()
	return tr.Model(0), feats
}

// TestTableScores checks the sums of the table against the model's own
// scores, for all classes and for the open classes (lanes).
func TestTableScores(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	m, feats := randomModel(r)
	b, err := m.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	open := []uint16{1, 3, 4, 9, 17, 20, 21, 22, 30, 38, 39}
	pos := newPositions(m.Classes(), open)
	tb, rest, err := decodeTable(b, pos)
	if err != nil || len(rest) != 0 {
		t.Fatalf("decodeTable: %v, %d bytes left", err, len(rest))
	}
	if tb.features != m.Features() || tb.weights != m.Weights() {
		t.Errorf("table of %d features, %d weights; model %d, %d", tb.features, tb.weights, m.Features(), m.Weights())
	}
	kinds := map[uint8]int{} // sparseRef, denseRef, 0 for inline
	for _, s := range tb.slots {
		switch {
		case s.key == 0:
		case s.pos[0] >= denseRef:
			kinds[s.pos[0]]++
		default:
			kinds[0]++
		}
	}
	if kinds[0] == 0 || kinds[sparseRef] == 0 || kinds[denseRef] == 0 {
		t.Fatalf("rows inline, sparse, dense: %d, %d, %d; want some of each", kinds[0], kinds[sparseRef], kinds[denseRef])
	}

	all := &candidates{class: -1}
	for c := range m.Classes() {
		all.pos = append(all.pos, pos.posOf[c])
	}
	openCands := &candidates{open: true, class: -1}
	for _, c := range open {
		openCands.pos = append(openCands.pos, pos.posOf[c])
	}
	// Items of random features, the last of more dense rows than lanes
	// hold at once.
	items := make([][]uint64, 200)
	for i := range items {
		for range 1 + r.IntN(50) {
			if r.IntN(4) == 0 {
				items[i] = append(items[i], r.Uint64()) // no such feature
			} else {
				items[i] = append(items[i], feats[r.IntN(len(feats))])
			}
		}
	}
	var dense []uint64
	for _, h := range feats {
		if sl := tb.slots[tb.find(h)]; sl.pos[0] == denseRef {
			dense = append(dense, h)
		}
	}
	for len(items[len(items)-1]) <= 3*maxLaneRows {
		items[len(items)-1] = append(items[len(items)-1], dense...)
	}
	items = append(items, slices.Repeat(feats[len(feats)-1:], 3*maxLaneRows))
	want := make([]float32, m.Classes())
	var s sums
	for _, item := range items {
		m.Score(item, want)
		s.reset(all)
		tb.sum(item, all, &s)
		for c := range m.Classes() {
			if got := float32(s.acc[pos.posOf[c]]) * tb.scale; got != want[c] {
				t.Fatalf("class %d: %v, model %v", c, got, want[c])
			}
		}
		s.reset(openCands)
		tb.sum(item, openCands, &s)
		b, second, vb, vs := s.best2(openCands)
		if vb < vs || float32(vb)*tb.scale != want[pos.classOf[b]] || float32(vs)*tb.scale != want[pos.classOf[second]] {
			t.Fatalf("open classes: best %d (%d), second %d (%d); model %v", b, vb, second, vs, want)
		}
		for _, c := range open {
			if want[c] > want[pos.classOf[b]] || c != uint16(pos.classOf[b]) && want[c] > want[pos.classOf[second]] {
				t.Fatalf("open classes: best %d, second %d; model %v", pos.classOf[b], pos.classOf[second], want)
			}
		}
	}
}

// TestDictionarySums checks that the stored sums of the dictionary's words'
// own features give the tags that adding the features does, on the seed
// articles.
func TestDictionarySums(t *testing.T) {
	tg := embedded(t)
	plain := embedded(t)
	for _, e := range plain.entries.slots {
		if e.entry != nil {
			e.entry.cands.own = nil
		}
	}
	n := 0
	for _, forms := range seedSentences(t) {
		got, want := make([]int, len(forms)), make([]int, len(forms))
		tg.Tag(forms, got)
		plain.Tag(forms, want)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: %v, adding up all features %v", forms, got, want)
		}
		n += len(forms)
	}
	if n < 500 {
		t.Fatalf("only %d words", n)
	}
}

// TestTagLemmas checks the lemmas of TagLemmas (stored or built a sentence
// at a time) against the lemmatizer's.
func TestTagLemmas(t *testing.T) {
	tg := embedded(t)
	for _, forms := range seedSentences(t) {
		classes, lemmas := make([]int, len(forms)), make([]string, len(forms))
		tg.TagLemmas(forms, classes, lemmas)
		for i, f := range forms {
			if want := tg.Lemmas.Lemma(f, tg.Tags[classes[i]].XPOS); lemmas[i] != want {
				t.Errorf("%s/%s: lemma %q, want %q", f, tg.Tags[classes[i]].XPOS, lemmas[i], want)
			}
		}
	}
}

// embedded decodes the tagger that package syntax embeds.
func embedded(t *testing.T) *Tagger {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "model", "tagger.bin"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// seedSentences are the paragraphs of the seed articles as words, split
// at spaces and before final punctuation.
func seedSentences(t *testing.T) [][]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "..", "..", "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	var sents [][]string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			var forms []string
			for _, f := range strings.Fields(line) {
				word := strings.TrimRight(f, `.,;:!?"`)
				if word != "" {
					forms = append(forms, word)
				}
				for _, c := range f[len(word):] {
					forms = append(forms, string(c))
				}
			}
			if len(forms) > 0 {
				sents = append(sents, forms)
			}
		}
	}
	return sents
}

// find returns the slot of feature h (which the table has).
func (t *table) find(h uint64) uint32 {
	k := linear.Key(h)
	i := k >> t.shift
	for t.slots[i].key != k {
		i = (i + 1) & t.mask
	}
	return i
}
