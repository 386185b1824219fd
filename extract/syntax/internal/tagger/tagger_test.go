package tagger

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// tiny is a small training set: "word/UPOS/XPOS" tokens.
var tiny = []string{
	"The/DET/DT dog/NOUN/NN barked/VERB/VBD ./PUNCT/.",
	"A/DET/DT cat/NOUN/NN slept/VERB/VBD ./PUNCT/.",
	"The/DET/DT cats/NOUN/NNS sleep/VERB/VBP ./PUNCT/.",
	"Dogs/NOUN/NNS bark/VERB/VBP at/ADP/IN the/DET/DT cat/NOUN/NN ./PUNCT/.",
	"Boeing/PROPN/NNP challenged/VERB/VBD the/DET/DT award/NOUN/NN ./PUNCT/.",
	"The/DET/DT award/NOUN/NN went/VERB/VBD to/ADP/IN Airbus/PROPN/NNP ./PUNCT/.",
}

func tinyData() ([]Tag, []Example, []Pair) {
	index := map[Tag]int{}
	var tags []Tag
	var data []Example
	var pairs []Pair
	for _, s := range tiny {
		var ex Example
		for _, tok := range strings.Fields(s) {
			p := strings.Split(tok, "/")
			tag := Tag{UPOS: p[1], XPOS: p[2]}
			if _, ok := index[tag]; !ok {
				index[tag] = len(tags)
				tags = append(tags, tag)
			}
			ex.Forms = append(ex.Forms, p[0])
			ex.Tags = append(ex.Tags, index[tag])
			pairs = append(pairs, Pair{Form: p[0], XPOS: p[2], Lemma: strings.ToLower(p[0])})
		}
		data = append(data, ex)
	}
	// Twenty copies: every word is frequent enough for the dictionary.
	for range 4 {
		data = append(data, data...)
	}
	return tags, data, pairs
}

func trainTiny(t *testing.T) (*Tagger, []byte) {
	tags, data, pairs := tinyData()
	lex := map[string]uint16{"dog": 1, "dogs": 2, "bark": 4, "barked": 8}
	tr := NewTrainer(tags, data, lex, 7, 2)
	for range 5 {
		tr.Epoch()
	}
	tg := tr.Tagger(0, Learn(pairs, nil, nil, nil))
	tg.Margin = 1
	b, err := tg.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	return tg, b
}

func TestTrainTiny(t *testing.T) {
	tg, b := trainTiny(t)
	_, data, _ := tinyData()
	got := make([]int, 16)
	for _, ex := range data[:len(tiny)] {
		tg.Tag(ex.Forms, got)
		if !slices.Equal(got[:len(ex.Forms)], ex.Tags) {
			t.Errorf("%v: tags %v, want %v", ex.Forms, got[:len(ex.Forms)], ex.Tags)
		}
	}
	// Same data and seed: same bytes.
	if _, b2 := trainTiny(t); !bytes.Equal(b, b2) {
		t.Error("training twice gave different model bytes")
	}
	// Round trip.
	tg2, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if tg2.Margin != 1 || len(tg2.Tags) != len(tg.Tags) {
		t.Errorf("decoded margin %v, %d tags", tg2.Margin, len(tg2.Tags))
	}
	forms := []string{"The", "dogs", "barked", "at", "Airbus", "."}
	want, got2 := make([]int, len(forms)), make([]int, len(forms))
	tg.Tag(forms, want)
	tg2.Tag(forms, got2)
	if !slices.Equal(want, got2) {
		t.Errorf("decoded tagger: %v, want %v", got2, want)
	}
	for n := 0; n < len(b)-1; n += 1 + n/8 {
		if _, err := Decode(b[:n]); err == nil {
			t.Fatalf("Decode of %d of %d bytes: no error", n, len(b))
		}
	}
}

// A trainer that takes its dictionary classes from a trained tagger
// (UseLexiconOf, as jackknifing does) learns the same model as one given
// the dictionary itself, and a different one from a trainer without it.
func TestUseLexiconOf(t *testing.T) {
	like, want := trainTiny(t)
	tags, data, pairs := tinyData()
	train := func(tr *Trainer) []byte {
		for range 5 {
			tr.Epoch()
		}
		tg := tr.Tagger(0, Learn(pairs, nil, nil, nil))
		tg.Margin = 1
		b, err := tg.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	without := train(NewTrainer(tags, data, nil, 7, 2))
	if bytes.Equal(without, want) {
		t.Fatal("the dictionary made no difference: the test shows nothing")
	}
	tr := NewTrainer(tags, data, nil, 7, 2)
	tr.UseLexiconOf(like)
	if got := train(tr); !bytes.Equal(got, want) {
		t.Errorf("trained with the lexicon of a tagger: %d bytes, with the dictionary: %d bytes, not the same", len(got), len(want))
	}
}
