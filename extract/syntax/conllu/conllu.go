// Package conllu reads Universal Dependencies treebanks in CoNLL-U format
// (https://universaldependencies.org/format.html), plain or gzipped.
//
// A sentence holds its syntactic words: multiword-token range lines
// ("1-2 don't") are not words but are kept in Multiword so that words can be
// aligned with the surface text, and empty nodes ("8.1") of enhanced graphs
// are skipped.
package conllu

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word (a numbered line).
type Word struct {
	ID         int    // 1-based position in the sentence
	Form       string // FORM
	Lemma      string // LEMMA
	UPOS       string // universal tag
	XPOS       string // language-specific (Penn) tag
	Feats      string // FEATS, "_" when none
	Head       int    // HEAD: 0 for the root
	Rel        string // DEPREL (basic tree), with its subtype: "nmod:poss"
	Misc       string // MISC
	SpaceAfter bool   // false when MISC says SpaceAfter=No or inside a multiword token
}

// Multiword is a multiword token: the surface form of words First..Last.
type Multiword struct {
	First, Last int    // word IDs, inclusive
	Form        string // surface form, "don't"
	SpaceAfter  bool
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	ID        string // # sent_id
	Doc       string // the # newdoc id in force (empty when the file names none)
	NewDoc    bool   // a # newdoc line precedes the sentence
	NewPar    bool   // a # newpar line precedes the sentence
	Text      string // # text
	Words     []Word
	Multiword []Multiword
}

// ReadFile reads every sentence of the CoNLL-U file at path, gunzipping it
// when its name ends in ".gz".
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("conllu: %s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	sents, err := Read(r)
	if err != nil {
		return nil, fmt.Errorf("conllu: %s: %w", path, err)
	}
	return sents, nil
}

// ReadFiles reads the sentences of every file in turn.
func ReadFiles(paths ...string) ([]Sentence, error) {
	var all []Sentence
	for _, p := range paths {
		s, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, s...)
	}
	return all, nil
}

// Read reads every sentence from r.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		out  []Sentence
		cur  Sentence
		doc  string
		line int
	)
	flush := func() {
		if len(cur.Words) > 0 {
			cur.spaceInMultiwords()
			out = append(out, cur)
		}
		cur = Sentence{Doc: doc}
	}
	for sc.Scan() {
		line++
		s := sc.Text()
		switch {
		case s == "":
			flush()
		case strings.HasPrefix(s, "#"):
			key, val := comment(s)
			switch key {
			case "sent_id":
				cur.ID = val
			case "text":
				cur.Text = val
			case "newdoc", "newdoc id":
				doc = val
				cur.Doc = val
				cur.NewDoc = true
			case "newpar", "newpar id":
				cur.NewPar = true
			}
		default:
			if err := cur.addLine(s); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// spaceInMultiwords gives the words of a multiword token the spacing of
// its surface form: none between them, the token's own after the last.
func (s *Sentence) spaceInMultiwords() {
	for _, m := range s.Multiword {
		for id := m.First; id <= m.Last && id <= len(s.Words); id++ {
			s.Words[id-1].SpaceAfter = id == m.Last && m.SpaceAfter
		}
	}
}

// comment splits "# key = value" into its key and value.
func comment(s string) (key, val string) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "#"))
	key, val, ok := strings.Cut(s, "=")
	if !ok {
		return s, ""
	}
	return strings.TrimSpace(key), strings.TrimSpace(val)
}

func (s *Sentence) addLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fmt.Errorf("%d fields, want 10", len(f))
	}
	id := f[0]
	if strings.IndexByte(id, '.') >= 0 { // empty node of the enhanced graph
		return nil
	}
	spaceAfter := !hasMisc(f[9], "SpaceAfter=No")
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("bad range %q", id)
		}
		s.Multiword = append(s.Multiword, Multiword{First: first, Last: last, Form: f[1], SpaceAfter: spaceAfter})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("bad id %q", id)
	}
	if n != len(s.Words)+1 {
		return fmt.Errorf("word %d out of order", n)
	}
	head := 0
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("bad head %q", f[6])
		}
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5],
		Head: head, Rel: f[7], Misc: f[9], SpaceAfter: spaceAfter,
	})
	return nil
}

// hasMisc reports whether the MISC field holds the attribute attr.
func hasMisc(misc, attr string) bool {
	for _, a := range strings.Split(misc, "|") {
		if a == attr {
			return true
		}
	}
	return false
}

// Spans returns the byte offsets of the sentence's words in its Text,
// [start, end) for word i at 2*i. Words are found in order, after any
// spaces; a multiword token's words share its surface form, split by the
// lengths of their forms when these spell it out. bad counts the words not
// found where expected (given a best-guess span).
func (s *Sentence) Spans() (spans []int, bad int) {
	spans = make([]int, 0, 2*len(s.Words))
	text, pos := s.Text, 0
	skip := func() {
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n') {
			pos++
		}
	}
	mw := 0
	for i := 0; i < len(s.Words); i++ {
		skip()
		for mw < len(s.Multiword) && s.Multiword[mw].First < i+1 {
			mw++
		}
		if mw < len(s.Multiword) && s.Multiword[mw].First == i+1 {
			m := s.Multiword[mw]
			end := pos + len(m.Form)
			if !strings.HasPrefix(text[pos:], m.Form) {
				bad += m.Last - m.First + 1
				end = min(end, len(text))
			}
			for j := m.First; j <= m.Last; j++ {
				n := len(s.Words[j-1].Form)
				if j == m.Last || pos+n > end {
					n = end - pos
				}
				spans = append(spans, pos, pos+n)
				pos += n
			}
			i = m.Last - 1
			continue
		}
		f := s.Words[i].Form
		if !strings.HasPrefix(text[pos:], f) {
			bad++
		}
		end := min(pos+len(f), len(text))
		spans = append(spans, pos, end)
		pos = end
	}
	return spans, bad
}
