package resolve

import (
	"cmp"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Retelling: articles of one story often carry the same sentence, or a
// close rewrite of it (wire copy, a follow-up repeating the background),
// and the same action told in two such sentences is one happening,
// whether or not they name a participant ("They then set fire to the
// vehicle and escaped in another car").
const (
	// retoldDice is the least Dice overlap of two sentences' content
	// words (SentenceWords) for one to retell the other.
	retoldDice = 0.7
	// retoldShared is the least number of content words they share.
	retoldShared = 4
)

// retold reports, under Rules.Retold, whether c, a report of e's action
// from another article of e's story, is told in a sentence that retells
// one of e's reports' sentences: content words overlapping by retoldDice
// at least, and no thing counted differently ("captured 26 pirates" /
// "captured 23 pirates"). Each of e's sentences is compared on its own,
// never their union: a report joins the one it retells, not what other
// reports added. The mention must say something of its own, an argument
// (a description too) or a time expression ("trade", "piracy", "anger"
// alone name no happening), and its action must not be a light verb ("a
// high end store").
func (r *Resolver) retold(e, c *Event) bool {
	if !r.rules.Retold || !c.argued || lightVerbs[c.Action] || len(c.sentences) == 0 || !r.sameStory(e, c) {
		return false
	}
	cs := c.sentences[0]
	for _, es := range e.sentences {
		if es.retells(cs) {
			return true
		}
	}
	return false
}

// sentence is what retold keeps of a report's sentence.
type sentence struct {
	// Words are its content words (SentenceWords).
	Words []string
	// Counts are what it counts (SentenceCounts).
	Counts []string
	// Object is the count its report's trigger is followed by
	// (ObjectCount): "26 somali" for "apprehending 26 Somali pirates".
	Object string
	// Weekday is the day of the week of the time expression dating its
	// report (Weekday), 0 when none.
	Weekday int
	// Hash identifies the report by its sentence's words and counts, its
	// object count and its weekday (hashSentence).
	Hash uint64
}

// hashSentence is an FNV-1a hash of a sentence's words and counts, its
// report's object count and weekday.
func hashSentence(words, counts []string, object string, weekday int) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	h.Write([]byte{'|'})
	for _, c := range counts {
		h.Write([]byte(c))
		h.Write([]byte{' '})
	}
	h.Write([]byte{'|'})
	h.Write([]byte(object))
	h.Write([]byte{'|', byte('0' + weekday)})
	return h.Sum64()
}

// retells reports whether s and t retell each other: their content words
// overlap by retoldDice (retoldShared words at least) and they count no
// thing differently.
func (s sentence) retells(t sentence) bool {
	n := sharedCount(s.Words, t.Words)
	return n >= retoldShared && 2*float64(n) >= retoldDice*float64(len(s.Words)+len(t.Words)) &&
		!countsConflict(s.Counts, t.Counts)
}

// maxSentenceWords bounds the sentences retold compares: a "sentence" of
// more content words is a list or a page read as one sentence, not news
// prose, and keeping its words for every mention it holds would cost
// memory in proportion to its length squared.
const maxSentenceWords = 80

// maxSentenceBytes bounds the text AddSentence reads, before it reads
// its words: every mention of a page read as one sentence (15,000 in the
// hostile 512 KiB article) would otherwise tokenize all of it. News
// sentences of up to maxSentenceWords content words are shorter.
const maxSentenceBytes = 2048

// AddSentence records what the sentence of one more report of e says,
// its trigger ending at byte trigEnd of text, and timex, the TIMEX3 value
// of the time expression dating the report ("" when none: not a date
// borrowed from the publication day or another report). The store calls
// it for each mention it reads back, so that a reloaded resolver sees
// what this one saw. A sentence without content words, with more than
// maxSentenceWords or longer than maxSentenceBytes, is not kept.
func (e *Event) AddSentence(text string, trigEnd int, timex string) {
	if len(text) > maxSentenceBytes {
		return
	}
	w := SentenceWords(text)
	if len(w) == 0 || len(w) > maxSentenceWords {
		return
	}
	counts, object, day := SentenceCounts(text), ObjectCount(text, trigEnd), Weekday(timex)
	e.addSentence(sentence{Words: w, Counts: counts, Object: object, Weekday: day, Hash: hashSentence(w, counts, object, day)})
}

// maxEventSentences bounds the sentences an event keeps for retold, so
// that comparing a new report with an event costs a bounded number of
// comparisons however many reports it has.
const maxEventSentences = 32

// addSentence keeps s among e's sentences: each sentence once, and of
// more than maxEventSentences the ones whose hash is lowest. The set
// kept depends on the sentences alone, not on the order they came in,
// so a resolver reloaded from the store (which reads mentions in another
// order) keeps the same.
func (e *Event) addSentence(s sentence) {
	i, found := slices.BinarySearchFunc(e.sentences, s.Hash, func(x sentence, h uint64) int { return cmp.Compare(x.Hash, h) })
	if found || i >= maxEventSentences {
		return
	}
	e.sentences = slices.Insert(e.sentences, i, s)
	if len(e.sentences) > maxEventSentences {
		e.sentences = e.sentences[:maxEventSentences]
	}
}

// SentenceWords are the content words of a sentence (contentWord),
// sorted, without repeats.
func SentenceWords(sentence string) []string {
	var out []string
	for _, t := range text.Tokens(sentence, doc.Span{Start: 0, End: len(sentence)}) {
		if w, ok := contentWord(sentence[t.Start:t.End]); ok {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sharedCount is the number of words two sorted lists share.
func sharedCount(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// numberWords are the counts written as words.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
}

// SentenceCounts are the counts a sentence gives of things, as
// "pirate=26" for "26 Somali pirates": each number with the content
// words of the two tokens after it, sorted.
func SentenceCounts(sentence string) []string {
	toks := text.Tokens(sentence, doc.Span{Start: 0, End: len(sentence)})
	var out []string
	for i, t := range toks {
		n := number(sentence[t.Start:t.End])
		if n == "" {
			continue
		}
		for _, u := range toks[i+1 : min(i+3, len(toks))] {
			if w, ok := contentWord(sentence[u.Start:u.End]); ok {
				out = append(out, w+"="+n)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// number is tok as a count ("26", "1,500", "12.5", "three": "3"), or "".
func number(tok string) string {
	if n, ok := numberWords[strings.ToLower(tok)]; ok {
		return n
	}
	digits := false
	for _, r := range tok {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r != '.' && r != ',':
			return ""
		}
	}
	if !digits {
		return ""
	}
	return strings.ReplaceAll(tok, ",", "")
}

// countsConflict reports whether b counts a thing that a counts too,
// never with b's number ("captured 26 pirates" / "captured 23 pirates").
func countsConflict(a, b []string) bool {
	for _, x := range b {
		thing, _, _ := strings.Cut(x, "=")
		differ := false
		for _, y := range a {
			if t, _, _ := strings.Cut(y, "="); t != thing {
				continue
			}
			if y == x {
				differ = false
				break
			}
			differ = true
		}
		if differ {
			return true
		}
	}
	return false
}
