package conllu

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# newdoc id = doc1
# sent_id = doc1-1
# newpar id = doc1-p1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	know	know	VERB	VB	_	_	_	4:conj	CopyOf=4
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = doc1-2
# text = Yes.
1	Yes	yes	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	1:punct	_
`

func TestRead(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID != "doc1-1" || s.Doc != "doc1" || !s.NewDoc || !s.NewPar || s.Text != "I don't know." {
		t.Errorf("metadata: %+v", s)
	}
	var forms []string
	for _, w := range s.Words {
		forms = append(forms, w.Form)
	}
	if got := strings.Join(forms, " "); got != "I do n't know ." {
		t.Errorf("words %q", got)
	}
	if len(s.Multiword) != 1 || s.Multiword[0] != (Multiword{First: 2, Last: 3, Form: "don't", SpaceAfter: true}) {
		t.Errorf("multiword %+v", s.Multiword)
	}
	if w := s.Words[1]; w.SpaceAfter || w.Lemma != "do" || w.XPOS != "VBP" || w.Head != 4 || w.Rel != "aux" {
		t.Errorf("word 2 %+v", w)
	}
	if !s.Words[2].SpaceAfter || s.Words[3].SpaceAfter {
		t.Errorf("spacing: n't %v, know %v", s.Words[2].SpaceAfter, s.Words[3].SpaceAfter)
	}
	if s2 := sents[1]; s2.Doc != "doc1" || s2.NewDoc || s2.NewPar || s2.Words[0].Head != 0 {
		t.Errorf("second sentence %+v", s2)
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{
		"1\tI\tI\tPRON\n",
		"2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n",
		"1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q): no error", in)
		}
	}
}

// TestTreebank reads the real EWT dev split and checks that the words,
// with their spacing, spell out each sentence's text.
func TestTreebank(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "data", "ud", "en_ewt-ud-dev.conllu.gz")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("SKIP: no treebank at %s: %v", path, err)
	}
	sents, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2001 {
		t.Errorf("%d sentences, want 2001", len(sents))
	}
	bad := 0
	for _, s := range sents {
		if spell(s) != s.Text {
			bad++
			if bad < 5 {
				t.Logf("%s: %q != %q", s.ID, spell(s), s.Text)
			}
		}
	}
	if bad > len(sents)/100 {
		t.Errorf("%d of %d sentences do not spell out their text", bad, len(sents))
	}
}

// spell rebuilds a sentence's text from its surface tokens.
func spell(s Sentence) string {
	var b strings.Builder
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		form := w.Form
		for _, m := range s.Multiword {
			if m.First == w.ID {
				form, i = m.Form, m.Last-1
				w = s.Words[i]
			}
		}
		b.WriteString(form)
		if w.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}
