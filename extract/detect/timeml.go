package detect

import (
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/syntax"
	"github.com/eventgraph/eventgraph/extract/text"
	"github.com/eventgraph/eventgraph/extract/timex/timeml"
)

// AnalyzeText splits txt into sentences as the extractor does and analyzes
// each one (Analyze); token offsets are into txt.
func AnalyzeText(txt string) [][]syntax.Token {
	spans := text.Sentences(txt, doc.Span{Start: 0, End: len(txt)})
	out := make([][]syntax.Token, 0, len(spans))
	for _, sp := range spans {
		if toks := Analyze(txt, sp.Start, sp.End); len(toks) > 0 {
			out = append(out, toks)
		}
	}
	return out
}

// Analyze tokenizes, tags and parses the sentence txt[start:end]: the
// analysis Detect reads, what syntax.Analyze is documented to do.
func Analyze(txt string, start, end int) []syntax.Token {
	toks := syntax.Tokenize(txt, start, end)
	syntax.Tag(toks)
	syntax.Parse(toks)
	return toks
}

// Label returns the analyzed sentences of a TimeML document with the gold
// class of each token: an EVENT's class goes to the token it overlaps
// most (the first of equals).
func Label(d *timeml.Doc) []Labeled {
	sents := AnalyzeText(d.Text)
	out := make([]Labeled, len(sents))
	ev := d.Events
	for k, toks := range sents {
		l := Labeled{Toks: toks, Class: make([]string, len(toks))}
		for len(ev) > 0 && ev[0].End <= toks[0].Start {
			ev = ev[1:] // between sentences: no token to carry it
		}
		for _, e := range ev {
			if e.Start >= toks[len(toks)-1].End {
				break
			}
			best, bestOv := -1, 0
			for i, t := range toks {
				if ov := min(t.End, e.End) - max(t.Start, e.Start); ov > bestOv {
					best, bestOv = i, ov
				}
			}
			if best >= 0 {
				l.Class[best] = e.Class
			}
		}
		out[k] = l
	}
	return out
}

// DetectText finds the events of a text, sentence by sentence.
func (m *Model) DetectText(txt string) []Event {
	var out []Event
	for _, toks := range AnalyzeText(txt) {
		out = append(out, m.Detect(toks)...)
	}
	return out
}

// ToTimeML converts events to TimeML annotations.
func ToTimeML(ev []Event) []timeml.Event {
	out := make([]timeml.Event, len(ev))
	for k, e := range ev {
		out[k] = timeml.Event{
			Start: e.Start, End: e.End, Class: e.Class,
			Tense: e.Tense, Aspect: e.Aspect, Polarity: e.Polarity, Modality: e.Modality, POS: e.POS,
		}
	}
	return out
}
