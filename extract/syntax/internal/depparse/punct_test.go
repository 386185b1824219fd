package depparse

import (
	"slices"
	"testing"
)

func TestAttachPairs(t *testing.T) {
	word := func(form, upos string, head int, rel string) Word {
		return Word{Form: form, UPOS: upos, Head: head, Rel: rel}
	}
	tests := []struct {
		name string
		sent []Word
		want []int
	}{
		{"quotes split between two heads go to the quoted clause", []Word{
			word("He", "PRON", 1, "nsubj"), word("said", "VERB", -1, "root"), word(`"`, "PUNCT", 1, "punct"),
			word("we", "PRON", 4, "nsubj"), word("won", "VERB", 1, "ccomp"), word(`"`, "PUNCT", 4, "punct"),
			word(".", "PUNCT", 1, "punct"),
		}, []int{1, -1, 4, 4, 1, 4, 1}},
		{"brackets already on the bracketed phrase stay", []Word{
			word("a", "DET", 1, "det"), word("(", "PUNCT", 2, "punct"), word("b", "NOUN", -1, "root"),
			word("c", "NOUN", 2, "conj"), word(")", "PUNCT", 2, "punct"), word("d", "NOUN", 2, "conj"),
		}, []int{1, 2, -1, 2, 2, 2}},
		{"a mark with a dependent is left alone", []Word{
			word("(", "PUNCT", -1, "root"), word("x", "NOUN", 0, "dep"), word(")", "PUNCT", 1, "punct"),
		}, []int{-1, 0, 1}},
	}
	for _, tt := range tests {
		attachPairs(tt.sent)
		var got []int
		for _, w := range tt.sent {
			got = append(got, w.Head)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: heads %v, want %v", tt.name, got, tt.want)
		}
	}
}
