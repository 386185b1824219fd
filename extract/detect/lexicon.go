package detect

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/extract/internal/tsv"
)

// Lexicon maps "n:lemma" (a noun) and "v:lemma" (a verb) to what the
// event trigger dictionary of package event (extract/event/data/
// patterns.tsv) says of the word: "trigger", and the flags of its
// patterns ("speech" for reporting verbs, "compl" for words that take an
// event complement, "objneg", "perf", "light", "intr", "recip", "weak").
// The detector reads these as features, so that an event noun the
// TimeML corpora never tagged ("abstention") is known as one, and the
// flags hint at the class; their weights are learned like any other.
type Lexicon map[string][]string

// ReadTriggers reads the trigger dictionary name in fsys into a Lexicon.
// A phrasal or constrained trigger ("v:pull out", "n:call +ceasefire")
// counts for its first word.
func ReadTriggers(fsys fs.FS, name string) (Lexicon, error) {
	lx := Lexicon{}
	err := tsv.Read(fsys, name, func(_ int, cols []string) error {
		if len(cols) < 4 {
			return fmt.Errorf("want 4 columns, have %d", len(cols))
		}
		word := strings.Fields(cols[0])[0]
		if !strings.HasPrefix(word, "n:") && !strings.HasPrefix(word, "v:") {
			return fmt.Errorf("trigger %q is neither n: nor v:", cols[0])
		}
		flags := []string{"trigger"}
		if cols[3] != "-" {
			for _, f := range strings.Split(cols[3], ",") {
				name, _, _ := strings.Cut(f, "=")
				flags = append(flags, name)
			}
		}
		lx[word] = append(lx[word], flags...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for w, flags := range lx {
		slices.Sort(flags)
		lx[w] = slices.Compact(flags)
	}
	return lx, nil
}

// flags returns the lexicon's flags for token i of s.
func (lx Lexicon) flags(s *sentence, i int) []string {
	if len(lx) == 0 {
		return nil
	}
	pos := "v:"
	if s.toks[i].UPOS == "NOUN" {
		pos = "n:"
	}
	return lx[pos+s.lemma(i)]
}

// otherFlags returns the lexicon's flags for the lemma of token i taken
// as the other part of speech: a verb's as a noun ("angered": n:anger), a
// noun's as a verb. Words that are both name the same happening more
// often than not ("protest", "attack", "anger").
func (lx Lexicon) otherFlags(s *sentence, i int) []string {
	if len(lx) == 0 {
		return nil
	}
	pos := "n:"
	if s.toks[i].UPOS == "NOUN" {
		pos = "v:"
	}
	return lx[pos+s.lemma(i)]
}

// appendBinary appends the lexicon: the number of words, then each word
// (sorted) with its flags, strings prefixed by their length.
func (lx Lexicon) appendBinary(b []byte) []byte {
	words := slices.Sorted(maps.Keys(lx))
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = appendString(b, w)
		b = binary.AppendUvarint(b, uint64(len(lx[w])))
		for _, f := range lx[w] {
			b = appendString(b, f)
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeLexicon decodes a lexicon written by appendBinary from the start
// of b and returns the bytes after it.
func decodeLexicon(b []byte) (Lexicon, []byte, error) {
	d := decoder{b: b}
	str := func() string {
		n := d.uvarint()
		if n > uint64(len(d.b)) {
			d.fail()
			return ""
		}
		s := string(d.b[:n])
		d.b = d.b[n:]
		return s
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	lx := make(Lexicon, n)
	for range n {
		if d.err != nil {
			break
		}
		w := str()
		flags := make([]string, min(d.uvarint(), uint64(len(d.b))))
		for k := range flags {
			flags[k] = str()
		}
		lx[w] = flags
	}
	if d.err != nil {
		return nil, nil, d.err
	}
	return lx, d.b, nil
}
