// Package event finds event mentions in an article — who did what to whom,
// when — and codes them with CAMEO event types, modality, time bounds and
// temporal links.
//
// It is a dictionary-driven shallow analyser: no parse trees and no models.
// Triggers come from data/patterns.tsv (verbs by lemma, nominalizations,
// phrasal and light-verb constructions, each mapped to a CAMEO code or a
// documented eventgraph extension from data/cameo.tsv). Complement-taking
// heads ("decision to", "threat of", "abstained from", "calls for") set the
// modality of the event they govern; word windows bounded by clause breaks
// give the arguments (subject search to the left, objects and prepositional
// roles to the right, possessives and pre-nominal modifiers for nouns,
// passive "by"-agents, coordination). Modal, temporal and connective cues are
// in data/cues.tsv.
package event

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Extract finds event mentions in d and fills d.Events and d.Links. It reads
// d.Article (Text, Published = DCT, may be nil), d.Sentences (with Tokens and
// Kind), d.Timexes, d.Actors and d.ActorMentions.
func Extract(d *doc.Document) {
	x := &extractor{l: load(), d: d}
	sc, _ := scratches.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	x.arena, x.cands = sc.toks[:0], sc.cands[:0]
	own := d.Events == nil
	if own {
		d.Events = sc.events[:0]
	}
	x.run()
	if own {
		// The document keeps an exact copy; the scratch array, grown to
		// the largest document seen, serves the next one.
		sc.events = d.Events
		d.Events = append(make([]doc.EventMention, 0, len(d.Events)), d.Events...)
		clear(sc.events)
	}
	// Nothing outside the extractor points into its tokens and candidates:
	// they are reused by the next document instead of being garbage.
	x.sents = nil
	sc.toks, sc.cands = x.arena[:0], x.cands[:0]
	scratches.Put(sc)
}

// scratch holds a document's working memory for reuse by the next one:
// tokens and candidates are the extractor's largest allocations, and the
// event list grew by doubling.
type scratch struct {
	toks   []token
	cands  []cand
	events []doc.EventMention
}

var scratches sync.Pool

// newTokens returns n tokens from the arena. Callers overwrite each token.
func (x *extractor) newTokens(n int) []token {
	if cap(x.arena)-len(x.arena) < n {
		// Earlier sentences keep the old arena alive until the document is
		// done; the new one is what gets reused.
		x.arena = make([]token, 0, max(2*cap(x.arena), n, 1024))
	}
	t := x.arena[len(x.arena) : len(x.arena)+n : len(x.arena)+n]
	x.arena = x.arena[:len(x.arena)+n]
	return t
}

// newCand returns a candidate holding c, from the candidates' arena.
func (x *extractor) newCand(c cand) *cand {
	if len(x.cands) == cap(x.cands) {
		// Pointers into the full arena stay valid; it is dropped with
		// the document.
		x.cands = make([]cand, 0, max(2*cap(x.cands), 64))
	}
	x.cands = append(x.cands, c)
	return &x.cands[len(x.cands)-1]
}

// Family returns the blocking family of a code, for the resolve step: the
// CAMEO root ("16" for "161") or, for an eventgraph extension
// ("EG-RESIGN"), the family declared in data/cameo.tsv ("office"), joined
// with every family data/compat.tsv pairs it with, so that types that can
// describe one event always share a block (the group is named by its
// smallest member: Family("161") = Family("EG-CANCELVISIT") = "01"...).
// Compatible then decides pairwise. It returns "" for an empty or unknown
// code.
func Family(code string) string {
	l := load()
	f := rootFamily(code)
	if f == "" {
		return ""
	}
	if g, ok := l.group[f]; ok {
		return g
	}
	return f
}

// rootFamily is the family of a code before compat.tsv groups families.
func rootFamily(code string) string {
	if ci, ok := load().codes[code]; ok && ci.ext {
		return ci.family
	}
	if len(code) >= 2 && code[0] >= '0' && code[0] <= '2' && code[1] >= '0' && code[1] <= '9' {
		return code[:2]
	}
	return ""
}

// typeFamily is the family of an event type: its extension's family when
// it has one, else its CAMEO root.
func typeFamily(t doc.EventType) string {
	if t.Extension != "" {
		if f := rootFamily(t.Extension); f != "" {
			return f
		}
	}
	return rootFamily(t.Code)
}

// Compatible reports whether two event types can describe the same
// real-world event: same family, or a pairing documented in data/compat.tsv
// (a cancelled visit and a reduction of relations, an attack and an
// assault...).
func Compatible(a, b doc.EventType) bool {
	if a.Code == "010" && a.Extension == "" || b.Code == "010" && b.Extension == "" {
		return false
	}
	fa, fb := typeFamily(a), typeFamily(b)
	if fa == "" || fb == "" {
		return a.Code != "" && a.Code == b.Code && a.Extension == b.Extension
	}
	if fa == fb {
		return true
	}
	return load().compat[[2]string{fa, fb}]
}

// token is a token with what the extractor knows about it.
type token struct {
	doc.Token
	low   string
	lemma string // verb lemma when the word is a known verb form
	form  byte   // verb form: b, s, d (past), n (participle), g (-ing)
	ment  int    // index into Document.ActorMentions, -1 when none
	cap   bool
	timex bool      // inside a temporal expression
	cls   uint16    // closed-class bits (cDet, cPrep...)
	lex   *wordInfo // patterns and cues of the word; noWord when unknown
}

// noWord is the wordInfo of words the lexicon does not know.
var noWord = &wordInfo{}

// cand is a candidate event mention in a sentence.
type cand struct {
	head, lo, hi int // head token; trigger tokens [lo, hi)
	p            *pattern
	code, action string
	mod          doc.Modality
	modFixed     bool // modality set by a governor
	realized     bool // complement of a "follow through": passes assertion down
	gov          int  // governing candidate in the sentence, -1
	objOf        int  // verb candidate this noun is the object of, -1
	comp         int  // complement candidate, -1
	absorbed     bool // not emitted: light verb, complement head or anaphor
	antecedent   int  // for anaphors: index into Document.Events, -1
	passive      bool
	perfect      bool // a past perfect verb: "had met"
	tense        byte // p past, r present, f future, 0 unknown
	args         []doc.Argument
	background   bool
	ev           int // index into Document.Events, -1
	decided      bool
	negated      bool
	said         []int  // for speech verbs: the candidates they report
	speechAct    string // the reported code that recoded a statement
}

type sentence struct {
	cueHits  [][]cueHit // by token: longest cue of each kind starting there
	cuesDone bool
	isHead   []bool // tokens heading an emitted candidate
	seg      []int
	txs      []sentTimex // the sentence's dating expressions, in text order
	kids     [][]int     // dependents of each token, when parsed
	idx      int
	kind     doc.BlockKind
	toks     []token
	cands    []*cand
	title    bool
	// titleCased: a title with most words capitalized ("Netanyahu Cancels
	// Washington Trip"), whose parse is not to be trusted; a headline in
	// sentence case parses as prose.
	titleCased bool
}

type extractor struct {
	l      *lexicon
	d      *doc.Document
	arena  []token // backing store of the sentences' tokens
	cands  []cand  // backing store of the candidates
	lower  string  // the article's text with ASCII letters lower-cased
	bySent [][]int
	sents  []*sentence
	// lastEvents are recent emitted events for anaphora, newest last.
	lastMain []int
	// withParty are the emitted events with an agent, target or
	// participant, by action, in text order.
	withParty map[string][]int
}

func (x *extractor) run() {
	d := x.d
	d.Events = d.Events[:0]
	d.Links = d.Links[:0]
	x.sents = make([]*sentence, 0, len(d.Sentences))
	x.withParty = map[string][]int{}
	for si := range d.Sentences {
		s := x.prepare(si)
		x.sents = append(x.sents, s)
		x.detect(s)
		x.structure(s)
		x.conjunctModality(s)
		x.modality(s)
		x.arguments(s)
		x.coding(s)
		x.speechActs(s)
		x.emit(s)
	}
	for _, s := range x.sents {
		x.links(s)
	}
}

// prepare tokenizes a sentence and maps actor mentions onto its tokens.
func (x *extractor) prepare(si int) *sentence {
	d := x.d
	ds := &d.Sentences[si]
	toks := ds.Tokens
	if len(toks) == 0 {
		toks = text.Tokens(d.Article.Text, ds.Span)
	}
	s := &sentence{idx: si, kind: ds.Kind, toks: x.newTokens(len(toks))}
	upper := 0
	words := 0
	for i, t := range toks {
		low := x.lowerOf(t)
		wi := x.l.words[low]
		if wi == nil {
			wi = noWord
		}
		tk := &s.toks[i]
		*tk = token{Token: t, low: low, ment: -1, cls: wi.cls, lemma: wi.lemma, form: wi.form, lex: wi}
		if tk.lemma == "" && t.Tag == "VERB" {
			// A verb the dictionary does not know: the parser's lemma
			// and form.
			tk.lemma, tk.form = strings.ToLower(t.Lemma), verbForm(t.XPOS)
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		tk.cap = unicode.IsUpper(r)
		if unicode.IsLetter(r) {
			words++
			if tk.cap {
				upper++
			}
		}
	}
	for ti, t := range d.Timexes {
		if !ds.Span.Overlaps(t.Span) {
			continue
		}
		lo, hi := s.tokenRange(t.Span)
		for i := lo; i < hi; i++ {
			s.toks[i].timex = true
		}
		if lo < hi && t.Type != "DURATION" && t.Type != "SET" && (t.Sentence == si || ds.Span.Contains(t.Span)) {
			s.txs = append(s.txs, sentTimex{idx: ti, tok: lo})
		}
	}
	s.title = ds.Kind == doc.BlockTitle || ds.Kind == doc.BlockHeading || (words >= 4 && upper*10 >= words*7)
	s.titleCased = s.title && upper*2 >= words
	for _, mi := range x.mentionsOf(si) {
		m := d.ActorMentions[mi]
		if s.title && x.verbStartsName(s, m) {
			continue // "Netanyahu Cancels Washington Trip": not a name
		}
		lo, hi := s.tokenRange(m.Span)
		for i := lo; i < hi; i++ {
			if s.toks[i].ment < 0 || d.ActorMentions[s.toks[i].ment].Len() < m.Len() {
				s.toks[i].ment = mi
			}
		}
	}
	return s
}

// sentTimex is a time expression of a sentence: its index in
// Document.Timexes and its first token.
type sentTimex struct{ idx, tok int }

// tokenRange returns the tokens [lo, hi) that overlap sp, by binary search
// over the sentence's ordered tokens.
func (s *sentence) tokenRange(sp doc.Span) (lo, hi int) {
	lo = sort.Search(len(s.toks), func(i int) bool { return s.toks[i].End > sp.Start })
	hi = lo
	for hi < len(s.toks) && s.toks[hi].Start < sp.End {
		hi++
	}
	return lo, hi
}

// lowerOf returns the token's text in lower case with ’ as '. ASCII
// tokens are sliced from one lower-cased copy of the article, made once,
// instead of each capitalized word allocating its own.
func (x *extractor) lowerOf(t doc.Token) string {
	text := x.d.Article.Text
	ascii := t.End <= len(text) && text[t.Start:t.End] == t.Text
	for i := 0; ascii && i < len(t.Text); i++ {
		ascii = t.Text[i] < utf8.RuneSelf
	}
	if !ascii {
		low := strings.ToLower(t.Text)
		if strings.IndexByte(low, 0xE2) >= 0 { // first byte of ’
			low = strings.ReplaceAll(low, "’", "'")
		}
		return low
	}
	if x.lower == "" {
		b := []byte(text)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		x.lower = string(b)
	}
	return x.lower[t.Start:t.End]
}

// mentionsOf returns the indexes of the actor mentions of sentence si.
func (x *extractor) mentionsOf(si int) []int {
	if x.bySent == nil {
		x.bySent = make([][]int, len(x.d.Sentences))
		for mi, m := range x.d.ActorMentions {
			s := m.Sentence
			if s < 0 || s >= len(x.d.Sentences) || !x.d.Sentences[s].Span.Contains(m.Span) {
				s = x.d.SentenceAt(m.Start)
			}
			if s >= 0 {
				x.bySent[s] = append(x.bySent[s], mi)
			}
		}
	}
	return x.bySent[si]
}

// verbStartsName reports whether a name found in a title-case headline
// starts with an inflected verb of the dictionary ("Cancels Washington").
func (x *extractor) verbStartsName(s *sentence, m doc.ActorMention) bool {
	if m.How != "name" {
		return false
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.Start < m.Start {
			continue
		}
		if t.Start >= m.End {
			break
		}
		return (t.form == 's' || t.form == 'd') && x.hasPattern(t)
	}
	return false
}

// mentionRange returns the token range of the mention group ending at i.
func (s *sentence) mentionStart(i int) int {
	m := s.toks[i].ment
	for i > 0 && s.toks[i-1].ment == m {
		i--
	}
	return i
}

func (s *sentence) mentionEnd(i int) int {
	m := s.toks[i].ment
	for i+1 < len(s.toks) && s.toks[i+1].ment == m {
		i++
	}
	return i + 1
}

// detect finds trigger candidates.
func (x *extractor) detect(s *sentence) {
	used := make([]bool, len(s.toks))
	for i := range s.toks {
		if used[i] {
			continue
		}
		if s.imperative(i) {
			continue // "Sign up for our newsletter": the reader is told
		}
		if s.captionPosition(i) {
			continue // "Raquel Montoya-Lewis, left, walks": where she stands
		}
		if x.epithet(s, i) {
			continue // "the convicted killer": what he is called
		}
		c := x.match(s, i)
		if c == nil {
			c = x.verbCand(s, i)
		}
		if c == nil {
			c = x.nounCand(s, i)
		}
		if c == nil {
			continue
		}
		if c.lo < i {
			// A multiword noun ("press briefing") replaces what its
			// modifiers matched alone.
			keep := s.cands[:0]
			for _, o := range s.cands {
				if o.hi <= c.lo {
					keep = append(keep, o)
				}
			}
			s.cands = keep
		}
		for k := c.lo; k < c.hi; k++ {
			used[k] = true
			// A nominal mention that is an event ("the host", "rehab")
			// is the event, not a participant.
			if m := s.toks[k].ment; m >= 0 && x.d.ActorMentions[m].How == "nominal" {
				s.toks[k].ment = -1
			}
		}
		s.cands = append(s.cands, c)
	}
}

// epithet reports whether token i is an accusing participle that names
// someone before the noun it modifies ("Accused Kraft Killer Pleads Not
// Guilty", "the convicted killer"), or a participle that gives a name ("a
// gunman named John Smith"): a label, not an event of the story.
func (x *extractor) epithet(s *sentence, i int) bool {
	t := &s.toks[i]
	if t.Rel == "acl" && t.XPOS == "VBN" && i+1 < len(s.toks) && s.toks[i+1].Tag == "PROPN" && x.l.label[t.lemma] {
		return true // "a gunman named John Smith"
	}
	if t.Rel != "amod" || t.Head <= i || t.XPOS != "VBN" && t.XPOS != "JJ" {
		return false
	}
	if _, ok := x.l.accuse[t.Lemma]; ok {
		return true
	}
	_, ok := x.l.accuse[t.lemma]
	return ok
}

// captionPosition reports whether token i is a photo caption's position
// of the person named before it, set off by commas or parentheses:
// "Judge Raquel Montoya-Lewis, left, walks with Gov. Jay Inslee", "Debra
// Stephens (right)".
func (s *sentence) captionPosition(i int) bool {
	switch s.toks[i].low {
	case "left", "right", "center", "centre":
	default:
		return false
	}
	if i < 2 || i+1 >= len(s.toks) {
		return false
	}
	open, close := s.toks[i-1].low, s.toks[i+1].low
	return (open == "," && (close == "," || close == ")") || open == "(" && close == ")") && s.toks[i-2].ment >= 0
}

// nounish reports whether the word at i is used as a noun: after a
// determiner, possessive, adjective-like or number, or a preposition.
func (s *sentence) nounish(i int) bool {
	if i == 0 {
		return false
	}
	prev := s.toks[i-1].low
	if s.toks[i-1].cls&cDet != 0 || prev == "'s" {
		return true
	}
	if s.toks[i-1].cls&cPrep != 0 && prev != "to" {
		return s.toks[i].form != 'g'
	}
	if s.toks[i-1].ment >= 0 && !s.title {
		// "US abstention", "Rafah offensive"; a subject is followed by a
		// verb form instead.
		f := s.toks[i].form
		return f == 'b' || f == 0
	}
	if len(prev) > 3 && (strings.HasSuffix(prev, "al") || strings.HasSuffix(prev, "ive") || strings.HasSuffix(prev, "ful") || strings.HasSuffix(prev, "ous") || strings.HasSuffix(prev, "ary")) && s.toks[i].form != 'd' {
		return true
	}
	return false
}

// verbish reports whether the word at i is used as a verb.
func (s *sentence) verbish(i int) bool {
	if i == 0 {
		return !s.title || s.toks[i].form != 0
	}
	prev := s.toks[i-1].low
	if s.toks[i-1].cls&cAux != 0 || prev == "to" || s.toks[i-1].cls&cSubj != 0 || prev == "not" || prev == "n't" || s.toks[i-1].cls&cAdv != 0 || s.toks[i-1].cls&cRel != 0 {
		return true
	}
	return false
}

func (x *extractor) match(s *sentence, i int) *cand {
	t := &s.toks[i]
	if isPunct(t.low) {
		return nil
	}
	// Proper names are not triggers ("Fire Department", "Security
	// Council"), except in title-case headlines.
	inMention := false
	if t.ment >= 0 {
		switch x.d.ActorMentions[t.ment].How {
		case "pronoun", "possessive":
		case "nominal":
			// "rehab", "the host": an event noun tagged as a participant
			inMention = !x.nounTrigger(t)
		default:
			inMention = true
		}
	}
	if inMention || (t.cap && i > 0 && !s.title && !isSentenceStart(s, i)) {
		return nil
	}
	if _, n := x.cueAt(s, i, "link"); n > 1 && !x.hasPattern(t) {
		return nil // "came after": the verb only carries the connective
	}
	// The best reading so far is kept by value: most words try several
	// patterns, and only the winner needs to live on.
	var bestC cand
	found := false
	bestScore := -100
	consider := func(p *pattern, lo, hi int, noun bool) {
		if !s.titleCased && (noun && t.Tag == "VERB" || !noun && (s.predicativeAdj(i) || s.argumentNoun(i) || x.arenaModifier(s, i) || s.attributiveAdj(i)) ||
			x.setPhrase(s, i)) {
			// "Bananas can't talk": the tagger reads a verb; "feel
			// free": an adjective; "finalized rules", "a trade war": a
			// noun; "breaking news", "the ruling party": a set phrase;
			// "free shipping": an adjective.
			return
		}
		score := 0
		if p.objs != nil {
			if !x.hasObj(s, p, hi) {
				return
			}
			score += 4
		}
		score += 2 * (len(p.words) - 1)
		if !p.has(fWeak) {
			score++
		}
		// Part of speech: prefer the reading the context supports.
		if noun && s.nounish(i) || !noun && s.verbish(i) && !s.nounish(i) {
			score += 3
		}
		if !noun && s.nounish(i) && t.form != 'd' {
			score -= 2
		}
		if !noun && t.form == 'd' || !noun && t.form == 'g' && !s.nounish(i) {
			score += 2
		}
		// The tagger's reading, where a parse of prose stands behind it:
		// "a petrol bomb attack" is a noun.
		if t.Tag != "" && !s.titleCased && noun == isNounTag(t.Tag) {
			score += 2
		}
		if score > bestScore {
			bestScore, found = score, true
			bestC = cand{head: i, lo: lo, hi: hi, p: p, code: p.code, action: p.action, gov: -1, objOf: -1, comp: -1, antecedent: -1, ev: -1}
		}
	}
	// Verbs.
	if t.lemma != "" {
		for _, p := range t.lex.verbs {
			hi, ok := s.particles(i, p.words[1:])
			if !ok {
				continue
			}
			consider(p, i, hi, false)
		}
	}
	// Nouns: the head noun is the last word of the pattern.
	nounSeen := false
	for _, ps := range t.lex.nouns {
		for _, p := range ps {
			n := len(p.words)
			lo := i - (n - 1)
			if lo < 0 {
				continue
			}
			ok := true
			for k := 0; k < n-1; k++ {
				if s.toks[lo+k].low != p.words[k] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			consider(p, lo, i+1, true)
			nounSeen = true
		}
		if nounSeen {
			break
		}
	}
	if !found {
		return nil
	}
	best := x.newCand(bestC)
	best.mod = doc.Asserted
	// A weak verb reading right before a finite verb is a noun: "the air
	// force said".
	if best.p.has(fWeak) && !best.p.noun && t.form != 'd' && i+1 < len(s.toks) {
		if n := &s.toks[i+1]; n.lemma != "" && (n.form == 'd' || n.form == 's') && n.ment < 0 {
			return nil
		}
	}
	// A weak verb reading of a word used as a noun ("its forces").
	if best.p.has(fWeak) && !best.p.noun && (t.form == 'b' || t.form == 's') && s.nounish(i) {
		return nil
	}
	// A weak reading used as an adjective ("the working meeting") or a
	// participle before a noun is not an event.
	if best.p.has(fWeak) && !best.p.noun && (t.form == 'g' || t.form == 'd' || t.form == 'n') && i > 0 && (s.toks[i-1].cls&cDet != 0 || s.toks[i-1].cls&cDeg != 0) {
		return nil
	}
	// A weak noun modifying a name ("Defense officials") is not an event.
	if best.p.has(fWeak) && best.p.noun && i+1 < len(s.toks) && s.toks[i+1].ment >= 0 {
		return nil
	}
	// "adding to the turmoil" is not a statement.
	if best.p.has(fSpeech) && i+1 < len(s.toks) && s.toks[i+1].low == "to" && t.lemma == "add" {
		return nil
	}
	return best
}

// nounTrigger reports whether a word has a non-weak noun trigger reading.
func (x *extractor) nounTrigger(t *token) bool {
	for _, ps := range t.lex.nouns {
		for _, p := range ps {
			if !p.has(fWeak) && len(p.words) == 1 {
				return true
			}
		}
	}
	return false
}

// hasPattern reports whether a word has a non-weak trigger reading.
func (x *extractor) hasPattern(t *token) bool {
	if t.lemma != "" {
		for _, p := range t.lex.verbs {
			if !p.has(fWeak) {
				return true
			}
		}
	}
	return false
}

func isSentenceStart(s *sentence, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if !isPunct(s.toks[k].low) {
			return false
		}
	}
	return true
}

// particles checks that the words follow the head at i in order, each within
// three tokens of the previous, and returns the end of the trigger.
func (s *sentence) particles(i int, words []string) (int, bool) {
	hi := i + 1
	pos := i
	for _, w := range words {
		found := false
		for k := pos + 1; k < len(s.toks) && k <= pos+3; k++ {
			if isClauseBreak(s.toks[k].low) || s.toks[k].low == "," {
				break
			}
			if s.toks[k].low == w || s.toks[k].lemma == w || contains(singularForms(s.toks[k].low).list(), w) {
				pos = k
				found = true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	if pos+1 > hi {
		hi = pos + 1
	}
	return hi, true
}

func contains(ss []string, w string) bool {
	for _, s := range ss {
		if s == w {
			return true
		}
	}
	return false
}

// hasObj reports whether one of p's object words follows within six tokens
// in the same clause (or, for a noun, precedes it as a modifier).
func (x *extractor) hasObj(s *sentence, p *pattern, from int) bool {
	for k := from; k < len(s.toks) && k < from+7; k++ {
		w := s.toks[k].low
		if isClauseBreak(w) || w == "," || (s.toks[k].cls&cRel != 0 && w != "that") {
			break
		}
		if k+1 < len(s.toks) && s.toks[k+1].timex && s.toks[k].Tag == "ADP" {
			continue // "fired coach Cheeks on Saturday": no "fire on"
		}
		sf := singularForms(w)
		for _, f := range sf.list() {
			if p.objs[f] {
				return true
			}
		}
		if s.toks[k].lemma != "" && p.objs[s.toks[k].lemma] {
			return true
		}
	}
	// A participle after its object: "the trip was cancelled", "the
	// cancelled trip" is handled as the noun's modifier.
	if !p.noun && from-1 >= 0 {
		h := from - 1
		for h > 0 && s.toks[h].lemma == "" {
			h--
		}
		if f := s.toks[h].form; f == 'd' || f == 'n' {
			for k := h - 1; k >= 0 && k >= h-5; k-- {
				w := s.toks[k].low
				if isClauseBreak(w) || w == "," {
					break
				}
				sf := singularForms(w)
				for _, f := range sf.list() {
					if p.objs[f] {
						return true
					}
				}
			}
		}
	}
	return false
}

// structure links light verbs, complement heads and their complements, and
// objects of cancelling verbs; it absorbs heads that only modify.
func (x *extractor) structure(s *sentence) {
	at := make(map[int]int, len(s.cands)) // token -> cand index
	for ci, c := range s.cands {
		for k := c.lo; k < c.hi; k++ {
			at[k] = ci
		}
	}
	candAt := func(k int) int {
		if ci, ok := at[k]; ok {
			return ci
		}
		return -1
	}
	// nounAfter finds the first noun candidate in the noun phrase starting
	// at k (up to n tokens of determiners and modifiers).
	nounAfter := func(k, n int) int {
		for j := k; j < len(s.toks) && j < k+n; j++ {
			w := s.toks[j].low
			if isClauseBreak(w) || w == "," || (s.toks[j].cls&cPrep != 0 && w != "of") || s.toks[j].cls&cRel != 0 {
				return -1
			}
			if ci := candAt(j); ci >= 0 {
				if s.cands[ci].p.noun || s.nounish(s.cands[ci].head) {
					return ci
				}
				if s.toks[j].form == 'g' || s.toks[j].form == 'd' {
					continue // "a planned delegation"
				}
				return -1
			}
		}
		return -1
	}
	// Light verbs: "launch an offensive", "attend a meeting", "hold talks".
	for ci, c := range s.cands {
		if !c.p.has(fLight) || c.p.noun {
			continue
		}
		if n := nounAfter(c.hi, 7); n >= 0 && n != ci {
			c.absorbed = true
			c.comp = n
			s.cands[n].gov = ci
		}
	}
	// Complement heads.
	for ci, c := range s.cands {
		if c.p.compl == "" && !c.p.has(fObjNeg) {
			continue
		}
		comp := -1
		neg := false
		k := c.hi
		// Object control: "urged Israel to stop", "wants Putin to attack".
		if !c.p.noun && k < len(s.toks) && s.toks[k].ment >= 0 {
			if e := s.mentionEnd(k); e < len(s.toks) && s.toks[e].low == "to" {
				k = e
			}
		}
		if k < len(s.toks) {
			switch w := s.toks[k].low; {
			case w == "to":
				j := k + 1
				for j < len(s.toks) && (s.toks[j].cls&cAdv != 0 || s.toks[j].low == "not" || s.toks[j].low == "never") {
					if s.toks[j].low == "not" || s.toks[j].low == "never" {
						neg = true
					}
					j++
				}
				if j < len(s.toks) {
					comp = candAt(j)
					if comp < 0 && s.toks[j].lemma != "" {
						// "intent to launch" with launch unknown: look past it.
						comp = nounAfter(j+1, 5)
					}
				}
			case w == "from" || w == "on" || w == "for" || w == "of" || w == "over" || w == "against":
				comp = candAt(k + 1)
				if comp < 0 {
					comp = nounAfter(k+1, 5)
				}
			default:
				if c.p.compl != "" && c.p.noun {
					break
				}
				comp = nounAfter(k, 5)
			}
		}
		if comp < 0 && s.parsed() {
			comp = s.treeComplement(c, candAt)
		}
		if comp < 0 || comp == ci {
			continue
		}
		cc := s.cands[comp]
		// Follow a light verb to its noun.
		if cc.absorbed && cc.comp >= 0 {
			comp = cc.comp
			cc = s.cands[comp]
		}
		if cc.gov >= 0 && s.cands[cc.gov].p.has(fLight) && s.cands[cc.gov].absorbed && cc.gov != ci {
			// keep the light verb as governor but route modality through c
			s.cands[cc.gov].gov = ci
		} else {
			cc.gov = ci
		}
		c.comp = comp
		if c.p.has(fObjNeg) && c.p.compl == "" {
			cc.mod = doc.Negated
			cc.modFixed = true
			continue
		}
		switch {
		case c.p.compl == "asserted" || c.realized:
			cc.mod = doc.Asserted
			cc.realized = true
		case neg && x.isDecide(c):
			cc.decided = true
			cc.negated = true
			x.negConvert(cc)
			cc.mod = doc.Asserted
		case x.isDecide(c) && cc.p.has(fPerf):
			cc.mod = doc.Asserted
		case neg:
			cc.mod = doc.Negated
		default:
			cc.mod = c.p.compl
		}
		cc.modFixed = true
		// A weak head only frames its complement: "decision to cancel".
		if c.p.has(fWeak) {
			c.absorbed = true
			if c.lo < cc.lo && cc.lo-c.hi <= 4 {
				cc.lo = c.lo
			}
		}
	}
	// A realized complement head passes assertion down ("followed through
	// on his threat to pull out the delegation").
	for _, c := range s.cands {
		if c.realized && c.comp >= 0 {
			cc := s.cands[c.comp]
			if cc.mod == doc.Threatened || cc.mod == doc.Planned {
				cc.mod = doc.Asserted
			}
		}
	}
	// A verb pattern whose object word is itself an event noun of the same
	// CAMEO class is one event: "imposed sanctions", "expressed concern".
	for _, c := range s.cands {
		if c.p.noun || c.p.objs == nil || c.absorbed {
			continue
		}
		for k := c.hi; k < len(s.toks) && k < c.hi+7; k++ {
			ci := candAt(k)
			if ci < 0 || !s.cands[ci].p.noun || s.cands[ci].absorbed {
				continue
			}
			o := s.cands[ci]
			if len(o.code) >= 2 && len(c.code) >= 2 && o.code[:2] == c.code[:2] || o.code == c.code {
				o.absorbed = true
			}
			break
		}
	}
	// Event nouns that are the object of an event verb ("will host talks",
	// "did not hold talks") take its modality unless something governs them.
	for ci, c := range s.cands {
		if c.p.noun || c.absorbed && !c.p.has(fLight) || c.p.has(fSpeech) {
			continue
		}
		if n := nounAfter(c.hi, 4); n >= 0 && n != ci && s.cands[n].gov < 0 && s.cands[n].objOf < 0 {
			s.cands[n].objOf = ci
		}
	}
	// Anaphoric event nouns: "this move", "Netanyahu's decision".
	for _, c := range s.cands {
		if !c.p.noun || !c.p.has(fWeak) || c.comp >= 0 || c.absorbed {
			continue
		}
		if !x.l.anaph[s.toks[c.head].low] && !x.l.anaph[singular(s.toks[c.head].low)[len(singular(s.toks[c.head].low))-1]] {
			continue
		}
		j := c.lo - 1
		for j >= 0 && s.toks[j].cls&cDet == 0 && j >= c.lo-2 {
			j--
		}
		if j < 0 || s.toks[j].cls&cDet == 0 || s.toks[j].low == "a" || s.toks[j].low == "an" {
			continue
		}
		if a := x.antecedent(); a >= 0 {
			c.absorbed = true
			c.antecedent = a
		}
	}
}

func (x *extractor) isDecide(c *cand) bool {
	return x.l.decide[c.p.action] || x.l.decide[c.p.words[len(c.p.words)-1]]
}

// negConvert recodes a decided non-event: a decision not to send a
// delegation is a cancellation of the visit.
func (x *extractor) negConvert(c *cand) {
	for _, nc := range x.l.negconv {
		if strings.HasPrefix(c.code, nc.words[0]) {
			c.code = nc.value
			c.action = nc.extra[0]
			return
		}
	}
}

// antecedent returns the latest event of earlier sentences that an
// anaphoric noun can refer to, or -1.
func (x *extractor) antecedent() int {
	for i := len(x.lastMain) - 1; i >= 0; i-- {
		return x.lastMain[i]
	}
	return -1
}

// modality sets the local modality of candidates not fixed by a governor.
func (x *extractor) modality(s *sentence) {
	for _, c := range s.cands {
		x.localModality(s, c)
		x.tense(s, c)
	}
	// A negated head that negates its complement leaves it possible: "has
	// not ruled out resigning", "did not refuse to negotiate".
	for _, c := range s.cands {
		if c.gov >= 0 && c.modFixed && c.mod == doc.Negated {
			if g := s.cands[c.gov]; g.mod == doc.Negated && g.p.compl == doc.Negated {
				c.mod = doc.Hypothetical
			}
		}
	}
	// Light verbs and verbs pass their modality to their object nouns:
	// "Israel will launch an offensive", "Egypt will host talks".
	for _, c := range s.cands {
		g := c.objOf
		if c.gov >= 0 && s.cands[c.gov].p.has(fLight) {
			g = c.gov
		}
		if g < 0 || c.modFixed || c.mod != doc.Asserted {
			continue
		}
		switch m := s.cands[g].mod; m {
		case doc.Planned, doc.Hypothetical, doc.Negated, doc.Threatened, doc.Demanded:
			c.mod = m
		}
	}
	// Reported speech: complements of speech verbs and attribution cues.
	for ci, c := range s.cands {
		if !c.p.has(fSpeech) || c.absorbed || c.p.noun {
			continue
		}
		lo, hi := c.hi, len(s.toks)
		// ", officials said." closes the sentence: the report is before.
		if s.saysAfter(c) {
			lo, hi = 0, c.lo
		}
		// What it reports ends at the next speech verb (which reports
		// its own): each candidate is claimed at most twice, so a long
		// run-on sentence stays linear.
		for cj := ci + 1; cj < len(s.cands) && lo == c.hi; cj++ {
			if o := s.cands[cj]; o.p.has(fSpeech) && !o.absorbed && !o.p.noun {
				hi = min(hi, o.lo)
				break
			}
		}
		from := sort.Search(len(s.cands), func(j int) bool { return s.cands[j].head >= lo })
		for cj := from; cj < len(s.cands) && s.cands[cj].head < hi; cj++ {
			o := s.cands[cj]
			if cj == ci || o.p.has(fSpeech) || lo == c.hi && s.coordinatedWith(c.head, o.head) {
				continue
			}
			if !o.absorbed {
				c.said = append(c.said, cj)
			}
			if o.mod == doc.Asserted {
				o.mod = doc.Reported
			}
		}
	}
	for i := range s.toks {
		if _, n := x.cueAt(s, i, "report"); n > 0 {
			for _, o := range s.cands {
				if o.mod == doc.Asserted && !o.p.has(fSpeech) {
					o.mod = doc.Reported
				}
			}
			break
		}
	}
}

// coordinatedWith reports whether token k stands in a clause coordinated
// with verb v's: "Meghan said there was concern, and Harry condemned his
// relatives" does not report the condemnation.
func (s *sentence) coordinatedWith(v, k int) bool {
	for n := 0; k >= 0 && n < len(s.toks); n++ {
		if s.toks[k].Head == v {
			return s.toks[k].Rel == "conj"
		}
		k = s.toks[k].Head
	}
	return false
}

// pastPerfect reports whether the participle at h follows "had" (adverbs
// and a negation may come between: "had not yet met").
func (s *sentence) pastPerfect(h int) bool {
	if f := s.toks[h].form; f != 'd' && f != 'n' {
		return false
	}
	for k := h - 1; k >= 0 && k >= h-4; k-- {
		switch w := s.toks[k].low; {
		case w == "had" || w == "'d" || w == "’d":
			return true
		case s.toks[k].cls&cAdv != 0 || w == "not" || w == "never":
			continue
		}
		return false
	}
	return false
}

// saysAfter reports whether the speech verb c follows what it reports:
// "..., a senior official said on Saturday."
func (s *sentence) saysAfter(c *cand) bool {
	if c.hi >= len(s.toks)-1 {
		return true
	}
	if s.toks[c.head].form == 'g' {
		return false // ", emphasizing that ..." reports what follows
	}
	// What follows the verb: nothing but a time or place adverbial up to
	// the end or a comma ("..., an AFP correspondent said, two weeks
	// after ...").
	j := c.hi
	for j < len(s.toks) && (s.toks[j].timex || s.toks[j].low == "on" || s.toks[j].low == "here" || s.toks[j].low == "in" && j+1 < len(s.toks) && s.toks[j+1].ment >= 0 || s.toks[j].ment >= 0) {
		j++
	}
	if j < len(s.toks) && s.toks[j].low != "," && s.toks[j].low != "." && s.toks[j].low != ";" {
		return false
	}
	k := c.lo - 1
	for k >= 0 && (s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0) {
		k--
	}
	for n := 0; k >= 0 && n < 6; n++ {
		w := s.toks[k].low
		if w == "," || w == "''" || w == "\"" || w == "”" {
			return true
		}
		if isPunct(w) || s.toks[k].lemma != "" && s.toks[k].cls&cDet == 0 && s.toks[k].ment < 0 {
			return false
		}
		k--
	}
	return false
}

type cueHit struct {
	c *cue
	n int
}

// cueAt returns the longest cue of kind starting at token i (n = 0 when
// none). All cues of a sentence are found in one pass on first use; most
// tokens start none, so the lookup is usually one nil check.
func (x *extractor) cueAt(s *sentence, i int, kind string) (cue, int) {
	if !s.cuesDone {
		s.cuesDone = true
		s.findCues()
	}
	if s.cueHits == nil {
		return cue{}, 0
	}
	for _, h := range s.cueHits[i] {
		if h.c.kind == kind {
			return *h.c, h.n
		}
	}
	return cue{}, 0
}

// findCues fills s.cueHits: for each token, the longest cue of each kind
// starting there.
func (s *sentence) findCues() {
	for k := range s.toks {
		for ci := range s.toks[k].lex.cues {
			cu := &s.toks[k].lex.cues[ci]
			n := len(cu.words)
			if k+n > len(s.toks) {
				continue
			}
			ok := true
			for j := 1; j < n; j++ {
				if s.toks[k+j].low != cu.words[j] {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if s.cueHits == nil {
				s.cueHits = make([][]cueHit, len(s.toks))
			}
			hits := s.cueHits[k]
			found := false
			for hi := range hits {
				if hits[hi].c.kind == cu.kind {
					found = true
					if n > hits[hi].n {
						hits[hi] = cueHit{cu, n}
					}
				}
			}
			if !found {
				s.cueHits[k] = append(hits, cueHit{cu, n})
			}
		}
	}
}

func (x *extractor) localModality(s *sentence, c *cand) {
	if c.modFixed {
		// A negation right before a governed verb still negates it
		// ("refused to not..."), other local cues do not override.
		return
	}
	// Verb group / noun phrase to the left.
	for k := c.lo - 1; k >= 0 && k >= c.lo-5; k-- {
		w := s.toks[k].low
		if cu, n := x.cueAt(s, k, "neg"); n > 0 && k+n <= c.lo {
			_ = cu
			if w == "no" && k+1 < len(s.toks) && s.toks[k+1].low == "one" {
				break
			}
			c.mod = doc.Negated
			return
		}
		if cu, n := x.cueAt(s, k, "modal"); n > 0 && k+n <= c.lo {
			if !c.p.noun || n > 1 {
				c.mod = doc.Modality(cu.value)
				return
			}
		}
		if c.p.noun {
			if cu, n := x.cueAt(s, k, "premod"); n > 0 {
				c.mod = doc.Modality(cu.value)
				return
			}
			if s.toks[k].cls&cDet != 0 && w != "no" {
				// "the potential consequences of a Rafah offensive": the
				// governing noun phrase's modifier carries over.
				if k >= 2 && s.toks[k-1].low == "of" {
					for j := k - 2; j >= 0 && j >= k-4; j-- {
						if cu, n := x.cueAt(s, j, "premod"); n > 0 && cu.value != string(doc.Negated) {
							c.mod = doc.Modality(cu.value)
							return
						}
						if s.toks[j].cls&cDet != 0 || isPunct(s.toks[j].low) {
							break
						}
					}
				}
				break
			}
			if s.toks[k].cls&cPrep != 0 || isPunct(w) {
				break
			}
			continue
		}
		if s.toks[k].cls&cAux != 0 || s.toks[k].cls&cAdv != 0 || w == "to" {
			continue
		}
		break
	}
	// A conditional clause: "if" earlier in the same clause.
	for k := c.lo - 1; k >= 0; k-- {
		w := s.toks[k].low
		if w == ";" || w == "," && k < c.lo-1 && s.toks[k+1].low != "if" {
			break
		}
		if w == "if" || w == "unless" {
			c.mod = doc.Hypothetical
			return
		}
	}
	// A yes-no question asks whether it happens: "Are bicycles allowed?",
	// "Will Israel invade Rafah?".
	if c.mod == doc.Asserted && s.yesNoQuestion() {
		c.mod = doc.Hypothetical
	}
}

// yesNoQuestion reports whether the sentence asks a yes-no question: it
// ends with a question mark and starts with an auxiliary ("Is", "Will",
// "Did"), quotes aside.
func (s *sentence) yesNoQuestion() bool {
	first, last := 0, len(s.toks)-1
	for first <= last && isPunct(s.toks[first].low) {
		first++
	}
	for last >= first && isPunct(s.toks[last].low) && s.toks[last].low != "?" {
		last--
	}
	return first < last && s.toks[last].low == "?" && s.toks[first].cls&cAux != 0
}

// tense sets c.tense from auxiliaries and the verb form, or for a noun from
// its governor or the nearest finite verb.
func (x *extractor) tense(s *sentence, c *cand) {
	verbTense := func(h int) byte {
		for k := h - 1; k >= 0 && k >= h-4; k-- {
			w := s.toks[k].low
			switch {
			case s.toks[k].cls&cFut != 0 || w == "would":
				return 'f'
			case w == "going" && k+1 < len(s.toks) && s.toks[k+1].low == "to":
				return 'f'
			case s.toks[k].cls&cPast != 0:
				return 'p'
			case s.toks[k].cls&cPres != 0:
				if s.toks[h].form == 'g' {
					return 'r'
				}
				return 'r'
			case w == "to":
				return 0
			case s.toks[k].cls&cAdv != 0 || s.toks[k].cls&cAux != 0:
				continue
			}
			break
		}
		switch s.toks[h].form {
		case 'd', 'n':
			return 'p'
		case 's':
			return 'r'
		case 'b':
			if h > 0 && !s.title {
				return 'r'
			}
			return 'r'
		}
		return 0
	}
	if !c.p.noun && s.toks[c.head].lemma != "" && s.toks[c.head].form != 'g' {
		c.perfect = s.pastPerfect(c.head)
		if t := verbTense(c.head); t != 0 {
			c.tense = t
			return
		}
	}
	if c.gov >= 0 {
		g := s.cands[c.gov]
		if g.tense == 0 {
			x.tense(s, g)
		}
		c.tense = g.tense
		if c.tense != 0 {
			return
		}
	}
	// Nearest finite verb: right first (a nominal subject), then left.
	find := func(k int) byte {
		t := &s.toks[k]
		switch {
		case t.cls&cFut != 0:
			return 'f'
		case t.cls&cPast != 0:
			return 'p'
		case t.cls&cPres != 0:
			return 'r'
		case t.lemma != "" && (t.form == 'd') && !determiners[prevLow(s, k)]:
			return 'p'
		case t.lemma != "" && t.form == 's' && !determiners[prevLow(s, k)]:
			return 'r'
		}
		return 0
	}
	for k := c.hi; k < len(s.toks); k++ {
		if s.toks[k].low == ";" {
			break
		}
		if t := find(k); t != 0 {
			c.tense = t
			return
		}
	}
	for k := c.lo - 1; k >= 0; k-- {
		if t := find(k); t != 0 {
			c.tense = t
			return
		}
	}
}

func prevLow(s *sentence, k int) string {
	if k == 0 {
		return ""
	}
	return s.toks[k-1].low
}

// predicativeAdj reports whether the tagger reads token i as an adjective
// in predicate position ("feel free", "is free"), not as a participle
// ("was injured", "three wounded soldiers") nor as a verb it mistagged
// ("would free the prisoners": an auxiliary without a copula).
func (s *sentence) predicativeAdj(i int) bool {
	t := &s.toks[i]
	if t.XPOS == "VBG" && t.Rel == "conj" && t.Head >= 0 && s.child(i, "obj") < 0 && s.predicativeAdj(t.Head) {
		return true // "more revealing, explosive and potentially damaging"
	}
	if t.XPOS != "JJ" || t.Rel == "amod" || pastParticipleLike(t.low) {
		return false // "was injured" (an -ing word tagged JJ is an adjective: "was revealing")
	}
	return s.child(i, "aux") < 0 || s.child(i, "cop") >= 0
}

// compoundOfActor reports whether noun i is a compound modifier, directly
// or through other compounds, of an actor mention: "travel" in "the travel
// team", "bomb" in "a bomb squad technician".
func (s *sentence) compoundOfActor(i int) bool {
	k := i
	for n := 0; n < 4 && s.toks[k].Rel == "compound" && s.toks[k].Head > k; n++ {
		k = s.toks[k].Head
		if s.toks[k].ment >= 0 {
			return true
		}
	}
	return false
}

// pastParticipleLike reports whether a word has a past participle's ending.
func pastParticipleLike(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en")
}

// argumentNoun reports whether the tagger reads token i as a noun and the
// parser as an argument of a verb or a noun's modifier: "finalized rules",
// "the rules say", "State police" have no verb in them.
func (s *sentence) argumentNoun(i int) bool {
	if !isNounTag(s.toks[i].Tag) {
		return false
	}
	switch r, _ := s.rel(i); r {
	case "obj", "nsubj", "iobj":
		return true
	case "compound":
		// "State police", "the travel team"; but a "car crash case" is a
		// crash, a plural may be a headline's verb ("Sudan 'bombs
		// refugees'"), and ECB+ reads "a consulting company" as an event
		t := &s.toks[i]
		return t.Tag == "PROPN" || t.XPOS == "NN" && !strings.HasSuffix(t.low, "ing") && s.compoundOfActor(i)
	}
	return false
}

// attributiveAdj reports whether the tagger reads token i as an adjective
// before its noun, in its own form: "free shipping" frees no one ("the
// freed hostages", "the slain teen": participles, whose verb lemma differs).
func (s *sentence) attributiveAdj(i int) bool {
	t := &s.toks[i]
	return t.XPOS == "JJ" && t.Rel == "amod" && t.Head > i && t.lemma == t.low
}

// setPhrase reports whether a set phrase whose words name no event starts
// at token i: "breaking news", "the ruling party" (cues.tsv attribute).
func (x *extractor) setPhrase(s *sentence, i int) bool {
	_, n := x.cueAt(s, i, "attribute")
	return n > 0
}

// arenaModifier reports whether token i is a noun naming the arena of the
// noun after it ("trade" in "a trade war"): the modifier is no event.
func (x *extractor) arenaModifier(s *sentence, i int) bool {
	t := &s.toks[i]
	return t.Tag == "NOUN" && t.Rel == "compound" && t.Head > i && (x.l.arena[t.low] || x.l.arena[t.Lemma])
}
