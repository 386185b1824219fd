package syntax_test

import (
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/text"
)

// TestProject: a token the parser splits takes the analysis of its head
// part, and heads are mapped between the two tokenizations.
func TestProject(t *testing.T) {
	const s = "Israel doesn't harm ceasefire-related ties."
	toks := text.Tokens(s, doc.Span{Start: 0, End: len(s)})
	w := func(form string, start int, upos, rel string, head int) syntax.Token {
		return syntax.Token{Start: start, End: start + len(form), Form: form, Lemma: form, UPOS: upos, Rel: rel, Head: head}
	}
	// Israel does n't harm ceasefire - related ties .
	words := []syntax.Token{
		w("Israel", 0, "PROPN", "nsubj", 3),
		w("does", 7, "AUX", "aux", 3),
		w("n't", 11, "PART", "advmod", 3),
		w("harm", 15, "VERB", "root", -1),
		w("ceasefire", 20, "NOUN", "obl:npmod", 6),
		w("-", 29, "PUNCT", "punct", 6),
		w("related", 30, "ADJ", "amod", 7),
		w("ties", 38, "NOUN", "obj", 3),
		w(".", 42, "PUNCT", "punct", 3),
	}
	syntax.Project(toks, words)
	type got struct {
		text, tag, rel string
		head           string
	}
	want := map[string]got{
		"Israel":            {"Israel", "PROPN", "nsubj", "harm"},
		"doesn't":           {"doesn't", "AUX", "aux", "harm"},
		"harm":              {"harm", "VERB", "root", ""},
		"ceasefire-related": {"ceasefire-related", "ADJ", "amod", "ties"},
		"ties":              {"ties", "NOUN", "obj", "harm"},
	}
	for _, tk := range toks {
		wt, ok := want[tk.Text]
		if !ok {
			continue
		}
		head := ""
		if tk.Head >= 0 {
			head = toks[tk.Head].Text
		}
		if tk.Tag != wt.tag || tk.Rel != wt.rel || head != wt.head {
			t.Errorf("%q: tag %s rel %s head %q, want %s %s %q", tk.Text, tk.Tag, tk.Rel, head, wt.tag, wt.rel, wt.head)
		}
		delete(want, tk.Text)
	}
	for k := range want {
		t.Errorf("no token %q in %v", k, toks)
	}
}

// TestProjectCycle: a malformed tree (a head cycle) does not hang.
func TestProjectCycle(t *testing.T) {
	const s = "a b"
	toks := text.Tokens(s, doc.Span{Start: 0, End: len(s)})
	words := []syntax.Token{{Start: 0, End: 1, Head: 1}, {Start: 2, End: 3, Head: 0}}
	syntax.Project(toks, words)
	if toks[0].Head != 1 || toks[1].Head != 0 {
		t.Errorf("heads %d %d", toks[0].Head, toks[1].Head)
	}
}
