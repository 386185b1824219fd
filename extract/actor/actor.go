// Package actor recognizes the actors of an article — people, countries and
// their governments, organizations (IGOs, armed groups, parties, companies,
// newspapers), offices and places — resolves their mentions within the
// article, and ties people to the bodies they hold roles in.
//
// # Rules
//
// People are found from the text alone, never from a list of person names:
// runs of capitalized words, composed with titles ("Israeli Prime Minister
// Benjamin Netanyahu"), honorifics ("Mr."), and context (a following speech
// verb, a preceding title or "who"). A surname alone refers to the person
// of the article whose full name ends with it; "the prime minister" or "the
// Israeli leader" refers to the person holding that title (for that
// country); he/she/they/who refer to the latest fitting actor.
//
// Countries, ISO codes and capitals come from github.com/biter777/countries.
// The package's own gazetteer (data/*.tsv, embedded) adds organizations and
// their news aliases, titles, demonyms and common nouns. Lookups walk a trie
// over lowercase tokens from each position, so matching is linear in the
// length of the text (times the longest phrase, a constant).
//
// # Keys and codes
//
// Actor keys are article-independent so that actors merge across articles:
//
//	person:<full name, lowercase>   person:benjamin netanyahu; person:<surname>
//	                                when the article never gives the full name
//	country:<ISO3>                  country:ISR
//	gov:<ISO3>                      gov:ISR, the country's government
//	mil:<ISO3>                      mil:ISR, its armed forces
//	leg:<ISO3>                      leg:ISR, its legislature (Knesset)
//	igo:<name>                      igo:united nations security council
//	org:<name>, group:<name>        org:microsoft, group:hamas
//	office:<name>                   office:white house, office:kremlin
//	office:<owner key>              the office of an owner: "Netanyahu's office"
//	place:<name>                    place:rafah
//	gov:of:<person key>             the government a person heads ("the Biden
//	                                administration") when its country is unknown
//	desc:<article id>:<noun>        an anonymous actor known only by a
//	                                description ("the man", "police"); it is
//	                                local to its article and never merges.
//
// Codes follow CAMEO: a country is its ISO3 code (ISR); a government adds GOV
// (ISRGOV), armed forces MIL, legislatures LEG, police COP, judiciary JUD;
// IGOs start with IGO (IGOUNO for the UN and its Security Council, IGOWSTNAT
// for NATO, IGOEUREEC for the EU); armed non-state groups take the ISO3 code
// of their base and REB (Hamas PSEREB, Hezbollah LBNREB), transnational
// militant groups IMGMOS... (al-Qaeda IMGMOSALQ), parties PTY. A person with
// a role in a government or military takes that body's code (Netanyahu
// ISRGOV).
package actor

import (
	"cmp"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// How values of the mentions this package makes.
const (
	HowName           = "name"           // a capitalized name
	HowTitle          = "title"          // a name composed with its title
	HowAlias          = "alias"          // a gazetteer name or alias
	HowSurname        = "surname"        // a surname referring to a full name before
	HowPronoun        = "pronoun"        // he, she, they, its
	HowRelative       = "relative"       // who, whom, whose
	HowPossessive     = "possessive"     // "Netanyahu's office"
	HowMetonymy       = "metonymy"       // "Washington said"
	HowNominal        = "nominal"        // "the suspect", "police"
	HowDefinite       = "definite"       // "the prime minister", "Israel's defense minister"
	HowDemonym        = "demonym"        // "Israeli", "American officials"
	HowCompound       = "compound"       // a part of "US-Israel"
	HowAdministration = "administration" // "the Biden administration"
)

type tok struct {
	text  string
	low   string
	span  doc.Span
	cap   bool   // starts with an uppercase letter
	upper bool   // all letters are uppercase, at least two letters
	word  bool   // contains a letter
	first bool   // first word of the sentence (or after an opening quote)
	tag   string // the parser's part of speech (doc.Token.Tag), "" when unparsed
	stop  bool   // a stopword
	mDone bool   // mEnd and mEnts hold the gazetteer match at this token
	cls   uint32 // wordClass bits of low
	mEnd  int32
	root  *node // the gazetteer trie's child for low, or nil
	mEnts []int32
}

// lowRef places the lowercase form of token all[tok] at lowBytes[off:off+n].
type lowRef struct{ tok, off, n int32 }

type mention struct {
	span, head doc.Span
	sent       int
	actor      int
	how        string
}

type relation struct {
	kind, title string
	obj         int
	men         int // evidence mention, -1 when none
}

type actorT struct {
	key, name   string
	kind        doc.ActorKind
	code        string
	rels        []relation
	parent      int
	first, last string // person name parts, lowercase
	full        bool   // a person with a first and last name
	iso         string // for countries, governments and armies
	owner       int    // for offices of an owner: the owner; -1
	govOf       int    // for an administration of unknown country: the person; -1
	desc        bool
	firstMen    int
}

type state struct {
	all     []tok // tokens of the whole document
	sents   [][]tok
	tc      []bool
	textBuf []byte // the text and 8 zero bytes, for 8-byte loads
	keyBuf  []byte // an actor key being built (keyed)
	words   []string
	counts  []int // salientPerson's mentions per actor
	// Lowercase forms of the tokens written with uppercase letters:
	// their bytes, and where each token's form lies in them (tokens).
	lowBytes    []byte
	lowPend     []lowRef
	g           *gazetteer
	d           *doc.Document
	actors      []actorT
	byKey       map[string]int
	mentions    []mention
	surnames    map[string][]int // last name -> full-name persons
	surnameCand map[string]bool  // last words of name-like runs anywhere in the article
	capEvidence map[string]bool  // words written capitalized inside normal sentences
	countryN    map[string]int   // mentions per ISO3
	toks        []tok
	sent        int
	titleCase   bool
	lastPerson  int
	lastPSent   int
	lastPlural  int
	lastPlSent  int
	lastOrg     int
	lastOrgSent int
}

// Recognize finds actor mentions in d's sentences (d.Article.Text,
// d.Sentences with Tokens filled) and fills d.Actors, d.ActorMentions, and
// the actors' Relations (roles, affiliations, owners).
func Recognize(d *doc.Document) {
	s := statePool.Get().(*state)
	defer s.release()
	s.reset(d)
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].Tokens)
	}
	if cap(s.all) < n {
		s.all = make([]tok, 0, n+n/4)
	}
	sents := s.sents[:0]
	tc := s.tc[:0]
	for i := range d.Sentences {
		ts, titled := s.tokens(d.Sentences[i].Tokens)
		sents = append(sents, ts)
		tc = append(tc, titled)
	}
	s.setLows()
	for i := range sents {
		if !tc[i] {
			s.scanEvidence(sents[i])
		}
	}
	for i := range d.Sentences {
		s.sent = i
		s.toks = sents[i]
		s.titleCase = tc[i]
		s.sentence()
	}
	s.finish()
	s.sents, s.tc = sents, tc
}

var statePool = sync.Pool{New: func() any {
	return &state{byKey: map[string]int{}, surnames: map[string][]int{},
		surnameCand: map[string]bool{}, capEvidence: map[string]bool{}, countryN: map[string]int{}}
}}

// reset prepares a pooled state for document d.
func (s *state) reset(d *doc.Document) {
	s.g, s.d = load(), d
	clear(s.byKey)
	clear(s.surnames)
	clear(s.surnameCand)
	clear(s.capEvidence)
	clear(s.countryN)
	s.actors = s.actors[:0]
	s.mentions = s.mentions[:0]
	s.all = s.all[:0]
	s.lastPerson, s.lastPlural, s.lastOrg = -1, -1, -1
	s.lastPSent, s.lastPlSent, s.lastOrgSent = 0, 0, 0
	s.lowBytes, s.lowPend = s.lowBytes[:0], s.lowPend[:0]
	txt := d.Article.Text
	s.textBuf = append(append(s.textBuf[:0], txt...), 0, 0, 0, 0, 0, 0, 0, 0)
}

// setLows gives the tokens written with uppercase letters their lowercase
// forms, slices of one string.
func (s *state) setLows() {
	low := string(s.lowBytes)
	for _, r := range s.lowPend {
		s.all[r.tok].low = low[r.off : r.off+r.n]
	}
}

// pendLow appends text to lowBytes, for the lowercase form of the token
// being added at all[len(all)-1] (setLows), and returns its bytes there to
// be lowercased.
func (s *state) pendLow(text string) []byte {
	off := len(s.lowBytes)
	s.lowBytes = append(s.lowBytes, text...)
	s.lowPend = append(s.lowPend, lowRef{tok: int32(len(s.all) - 1), off: int32(off), n: int32(len(text))})
	return s.lowBytes[off:]
}

func (s *state) release() {
	s.d, s.toks = nil, nil
	// Drop references into the document so the pool does not keep it.
	for i := range s.actors {
		s.actors[i] = actorT{}
	}
	for i := range s.sents {
		s.sents[i] = nil
	}
	// Only [0, len) was written since the last release cleared it.
	clear(s.all)
	statePool.Put(s)
}

// tokens turns the document tokens of a sentence into the recognizer's
// tokens, and reports whether the sentence is title-cased.
func (s *state) tokens(in []doc.Token) ([]tok, bool) {
	start := len(s.all)
	first := true
	content, caps := 0, 0
	for _, t := range in {
		// Fill the token in place: all[len(all):cap(all)] is zero (fresh,
		// or cleared by release).
		s.all = s.all[:len(s.all)+1]
		k := &s.all[len(s.all)-1]
		k.text, k.span, k.tag = t.Text, t.Span, t.Tag
		letters, uppers := 0, 0
		var wi wordInfo
		ascii := false
		inText := t.Span.End <= len(s.d.Article.Text) && s.d.Article.Text[t.Span.Start:t.Span.End] == t.Text
		if n := len(t.Text); n <= 8 && inText {
			// A short token as written in the text: its bytes in one word.
			x := binary.LittleEndian.Uint64(s.textBuf[t.Span.Start:]) & (^uint64(0) >> (64 - 8*n))
			if x&swarHigh == 0 {
				ascii = true
				up, lo := swarCase(x)
				if up == 0 {
					k.low = t.Text
				} else {
					b := s.pendLow(t.Text)
					for i := range b {
						b[i] |= byte(up>>(8*i+2)) & 0x20
					}
				}
				k.cap = up&0x80 != 0
				letters, uppers = bits.OnesCount64(up|lo), bits.OnesCount64(up)
				wi = s.g.short.get(x|up>>2, n)
			}
		}
		if !ascii {
			ascii = true
			for i := 0; i < len(t.Text); i++ {
				if t.Text[i] >= 0x80 {
					ascii = false
					break
				}
			}
			if ascii {
				if c := t.Text[0]; c >= 'A' && c <= 'Z' {
					k.cap = true
				}
				for i := 0; i < len(t.Text); i++ {
					switch c := t.Text[i]; {
					case c >= 'a' && c <= 'z':
						letters++
					case c >= 'A' && c <= 'Z':
						letters++
						uppers++
					}
				}
				switch {
				case !inText:
					k.low = norm(t.Text)
				case uppers == 0:
					k.low = t.Text
				default:
					// the lowercase form, set by setLows; looked up here
					// from its bytes
					b := s.pendLow(t.Text)
					for i, c := range b {
						if c >= 'A' && c <= 'Z' {
							b[i] = c + 'a' - 'A'
						}
					}
					wi = s.g.wordBytes(b)
				}
			} else {
				k.low = norm(t.Text)
				r, _ := utf8.DecodeRuneInString(t.Text)
				k.cap = unicode.IsUpper(r)
				for _, c := range t.Text {
					if unicode.IsLetter(c) {
						letters++
						if unicode.IsUpper(c) {
							uppers++
						}
					}
				}
			}
			if k.low != "" || !ascii {
				wi = s.g.word(k.low)
			}
		}
		k.cls, k.root = wi.cls, wi.root
		k.stop = letters > 0 && wi.cls&cStop != 0
		k.word = letters > 0
		k.upper = letters >= 2 && letters == uppers
		if k.word {
			k.first = first
			first = false
			if !k.stop && len(k.text) >= 3 {
				content++
				if k.cap {
					caps++
				}
			}
		} else if ascii {
			// the opening quotes “ and ‘ are not ASCII
			for i := 0; i < len(t.Text); i++ {
				if c := t.Text[i]; c == '"' || c == ':' || c == '(' {
					first = true
					break
				}
			}
		} else if strings.ContainsAny(t.Text, "\"“‘:(") {
			first = true
		}
	}
	return s.all[start:len(s.all):len(s.all)], titleCasedCounts(content, caps)
}

// titleCasedCounts reports whether a sentence with content words (words
// that are not stopwords, of at least 3 bytes) of which caps are
// capitalized is title-cased, as in a headline: capitalization then says
// little.
func titleCasedCounts(content, caps int) bool {
	return content >= 2 && (caps == content || content >= 8 && caps >= content-1)
}

// scanEvidence records which words appear capitalized inside a normal
// sentence, and the last words of name-like runs.
func (s *state) scanEvidence(ts []tok) {
	run := 0
	for i := range ts {
		t := &ts[i]
		isName := t.word && t.cap && !t.stop
		if isName && !t.first {
			s.capEvidence[t.low] = true
		}
		if isName {
			run++
		}
		if !isName || i == len(ts)-1 {
			end := i
			if isName {
				end = i + 1
			}
			if run >= 2 && run <= 3 {
				last := ts[end-1].low
				if ts[end-1].cls&(cOrgSuffix|cFacSuffix|cGeoSuffix) == 0 && !ts[end-1].upper {
					ok := true
					for k := end - run; k < end; k++ {
						if n := ts[k].root; n != nil && len(n.ents) > 0 {
							ok = false
						}
					}
					if ok {
						s.surnameCand[last] = true
					}
				}
			}
			run = 0
		}
	}
}

func isPoss(t *tok) bool { return t.low == "'s" || t.low == "'" }

// match finds the longest gazetteer phrase at i whose case fits; it returns
// its end and entries.
func (s *state) match(i int) (int, []int32) {
	t := &s.toks[i]
	if !t.mDone {
		end, ents := s.match1(i)
		t.mEnd, t.mEnts = int32(end), ents
		t.mDone = true
	}
	return int(t.mEnd), t.mEnts
}

func (s *state) match1(i int) (int, []int32) {
	n := s.toks[i].root
	bestEnd, best := i, []int32(nil)
	for j := i; j < len(s.toks) && j-i < s.g.maxLen; j++ {
		if j > i {
			n = n.next[s.toks[j].low]
		}
		if n == nil {
			break
		}
		if len(n.ents) > 0 {
			if ok := s.fits(i, n.ents); len(ok) > 0 {
				bestEnd, best = j+1, ok
			}
		}
	}
	return bestEnd, best
}

// fits filters entries by the case of the text at i.
func (s *state) fits(i int, ents []int32) []int32 {
	t := &s.toks[i]
	all := true
	for _, id := range ents {
		if !s.fit(t, &s.g.ents[id]) {
			all = false
			break
		}
	}
	if all {
		return ents
	}
	var out []int32
	for _, id := range ents {
		if s.fit(t, &s.g.ents[id]) {
			out = append(out, id)
		}
	}
	return out
}

func (s *state) fit(t *tok, e *entry) bool {
	if e.exact {
		if !t.upper || s.titleCase && allUpperSentence(s.toks) {
			return false
		}
		return true
	}
	if e.lower {
		return true
	}
	return t.cap
}

func allUpperSentence(ts []tok) bool {
	for i := range ts {
		if t := &ts[i]; t.word && !t.upper && len(t.text) > 1 {
			return false
		}
	}
	return true
}

// pick returns the first entry of type typ among ents, or nil.
func (s *state) pick(ents []int32, typ entryType) *entry {
	for _, id := range ents {
		if s.g.ents[id].typ == typ {
			return &s.g.ents[id]
		}
	}
	return nil
}

// ownerEntry returns the entry that can own a title or a possession: an
// entity (not a person, not a bare place), a country, a demonym or a capital.
func (s *state) ownerEntry(ents []int32) *entry {
	for _, typ := range []entryType{eEntity, eCountry, eDemonym, eCapital, ePlace} {
		if e := s.pick(ents, typ); e != nil {
			if typ == eEntity && (e.kind == doc.KindPerson) {
				continue
			}
			return e
		}
	}
	return nil
}

func (s *state) sentence() {
	i := 0
	for i < len(s.toks) {
		// step does nothing at a word that starts no gazetteer phrase and
		// is neither capitalized nor a pronoun.
		if t := &s.toks[i]; !t.word || t.root == nil && !t.cap && t.cls&cPronoun == 0 {
			i++
			continue
		}
		j := s.step(i)
		if j <= i {
			j = i + 1
		}
		i = j
	}
}

// step recognizes what starts at token i and returns where to go on.
func (s *state) step(i int) int {
	ts := s.toks
	t := &ts[i]
	end, ents := s.match(i)

	// Hyphenated compounds: "US-Israel", "Bibi-Biden".
	if end == i && t.cap && strings.Contains(t.text, "-") {
		if s.compound(i) {
			return i + 1
		}
	}

	if end > i {
		if e := s.ownerEntry(ents); e != nil {
			if j, ok := s.owned(i, end, e); ok {
				return j
			}
		}
		if e := s.pick(ents, eTitle); e != nil {
			if n := s.pick(ents, eNoun); n != nil && !t.cap && s.nameRun(end) == end {
				return s.nominal(i, end, n)
			}
			if j, ok := s.titled(i, -1, "", i); ok {
				return j
			}
		}
		if e := s.pick(ents, eEntity); e != nil && e.kind == doc.KindPerson {
			a := s.entityActor(e)
			m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowAlias)
			return s.afterMention(end, a, m)
		}
		if e := s.pick(ents, eDemonymPl); e != nil {
			a := s.countryActor(e.iso)
			s.countryN[e.iso]++
			m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowDemonym)
			s.setPlural(a)
			_ = m
			return end
		}
		if e := s.pick(ents, eNoun); e != nil {
			if !t.cap || t.first || s.titleCase {
				return s.nominal(i, end, e)
			}
		}
	}
	if t.cap && !t.stop {
		return s.nameAt(i)
	}
	if (!t.cap || t.first) && t.cls&cPronoun != 0 {
		switch {
		case t.cls&cPossDeterminer != 0:
			// "his", "their": possessive determiners rarely name a participant.
		case t.cls&(cMalePron|cFemalePron) != 0:
			if s.lastPerson >= 0 && s.sent-s.lastPSent <= 2 {
				s.addMention(t.span.Start, t.span.End, s.lastPerson, HowPronoun)
			}
		case t.cls&cPluralPron != 0:
			if s.lastPlural >= 0 && s.sent-s.lastPlSent <= 2 {
				s.addMention(t.span.Start, t.span.End, s.lastPlural, HowPronoun)
			}
		case t.cls&cNeutPron != 0:
			if s.lastOrg >= 0 && s.sent-s.lastOrgSent <= 2 {
				s.addMention(t.span.Start, t.span.End, s.lastOrg, HowPronoun)
			}
		case t.cls&cRelativePron != 0:
			if a := s.relativeAntecedent(i); a >= 0 {
				s.addMention(t.span.Start, t.span.End, a, HowRelative)
			}
		}
	}
	return i + 1
}

// relativeAntecedent returns the actor of the mention just before "who".
func (s *state) relativeAntecedent(i int) int {
	k := i - 1
	if k >= 0 && s.toks[k].text == "," {
		k--
	}
	if k < 0 || len(s.mentions) == 0 {
		return -1
	}
	m := s.mentions[len(s.mentions)-1]
	if m.span.End != s.toks[k].span.End {
		return -1
	}
	return m.actor
}

// compound splits "US-Israel" into its parts when a part is a known name.
func (s *state) compound(i int) bool {
	t := s.toks[i]
	parts := strings.Split(t.text, "-")
	if len(parts) < 2 {
		return false
	}
	known := false
	for _, p := range parts {
		if p == "" {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
		lp := norm(p)
		if n := s.g.root.next[lp]; n != nil && len(n.ents) > 0 {
			known = true
		}
		if len(s.surnames[lp]) > 0 {
			known = true
		}
	}
	if !known {
		return false
	}
	off := t.span.Start
	for _, p := range parts {
		sp := doc.Span{Start: off, End: off + len(p)}
		off += len(p) + 1
		lp := norm(p)
		a := -1
		if n := s.g.root.next[lp]; n != nil && len(n.ents) > 0 {
			pt := tok{text: p, low: lp, span: sp, cap: true, upper: isAcronym(p), word: true}
			ents := s.fits2(&pt, n.ents)
			if e := s.ownerEntry(ents); e != nil {
				a = s.entryActor(e)
			} else if e := s.pick(ents, eEntity); e != nil {
				a = s.entityActor(e)
			}
		}
		if a < 0 {
			if ps := s.surnames[lp]; len(ps) > 0 {
				a = ps[len(ps)-1]
			}
		}
		if a >= 0 {
			s.addMention(sp.Start, sp.End, a, HowCompound)
		}
	}
	return true
}

func (s *state) fits2(t *tok, ents []int32) []int32 {
	var out []int32
	for _, id := range ents {
		if s.fit(t, &s.g.ents[id]) {
			out = append(out, id)
		}
	}
	return out
}

// entryActor returns the actor an owner entry names on its own: the entity,
// the country (for a country name or a demonym) or the capital as a place.
func (s *state) entryActor(e *entry) int {
	switch e.typ {
	case eCountry, eDemonym, eDemonymPl:
		s.countryN[e.iso]++
		return s.countryActor(e.iso)
	case eCapital, ePlace:
		return s.actor("place:"+normPhrase(e.name), e.name, doc.KindPlace, "")
	}
	return s.entityActor(e)
}

// owned handles a phrase starting with an owner entry e spanning [i, end):
// a demonym, country, organization or capital, possibly possessive,
// possibly followed by a title and a name.
func (s *state) owned(i, end int, e *entry) (int, bool) {
	ts := s.toks
	j := end
	poss := j < len(ts) && isPoss(&ts[j])
	if poss {
		j++
	}
	// Absorb into a longer name: "Denzel Washington" is handled by nameAt;
	// here "Israel Katz", "Washington Post", "Gaza City".
	if !poss && j < len(ts) && (e.typ == eCountry || e.typ == eCapital || e.typ == eDemonym || e.kind == doc.KindPlace) &&
		s.capUnknown(j) && !s.titleCase {
		return s.nameAt(i), true
	}
	ownerA := s.entryActor(e)
	if e.typ == eCapital {
		s.countryN[e.iso]++
	}
	how := HowAlias
	switch e.typ {
	case eDemonym:
		how = HowDemonym
	case eCountry:
		how = HowName
	}
	// The body a title holder of this owner belongs to.
	body := func() int {
		switch e.typ {
		case eCountry, eDemonym, eCapital:
			return s.govActor(e.iso)
		}
		return ownerA
	}
	// Owner + title (+ name).
	if k, ok := s.titleStart(j); ok {
		om := s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, how)
		_ = om
		return s.titled(k, body(), e.iso, i)
	}
	if !poss && j < len(ts) {
		nx := &ts[j]
		if e.typ == eDemonym || e.typ == eCountry || e.typ == eCapital {
			switch {
			case nx.cls&cGovNoun != 0 && !nx.cap || nx.cls&cGovNoun != 0 && e.typ == eCountry:
				g := s.govActor(e.iso)
				s.addMention(ts[i].span.Start, nx.span.End, g, HowDemonym)
				s.setPlural(g)
				return j + 1, true
			case nx.cls&cMilNoun != 0 && !nx.cap:
				m := s.milActor(e.iso)
				k := j + 1
				if nx.low == "air" && k < len(ts) && ts[k].low == "force" {
					k++
				}
				s.addMention(ts[i].span.Start, ts[k-1].span.End, m, HowDemonym)
				s.setPlural(m)
				return k, true
			}
		}
	}
	if e.typ == eCapital {
		if s.capitalIsGov(i, end) {
			g := s.govActor(e.iso)
			m := s.addMention(ts[i].span.Start, ts[end-1].span.End, g, HowMetonymy)
			return s.afterMention(end, g, m), true
		}
		m := s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, HowName)
		return s.afterMention(end, ownerA, m), true
	}
	if e.typ == eDemonym {
		// A bare nationality adjective ("Israeli signals") is not a
		// mention of the country.
		return end, true
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, ownerA, how)
	switch s.actors[ownerA].kind {
	case doc.KindOrganization, doc.KindIGO, doc.KindGroup, doc.KindGovernment, doc.KindOffice, doc.KindCountry:
		s.setOrg(ownerA)
	}
	return s.afterMention(end, ownerA, m), true
}

// capitalIsGov decides whether a capital city at [i, end) stands for its
// government: the subject of a speech or action verb, a possessor, the
// partner in "talks with Washington", the goal of "a delegation to
// Washington".
func (s *state) capitalIsGov(i, end int) bool {
	ts := s.toks
	if end < len(ts) {
		nx := &ts[end]
		if isPoss(nx) || nx.cls&cSpeechVerb != 0 && !nx.cap {
			return true
		}
	}
	if i > 0 {
		p := ts[i-1].low
		if p == "with" || p == "against" || p == "by" {
			return true
		}
		if p == "to" && i > 1 && ts[i-2].cls&cDelegationNoun != 0 {
			return true
		}
	}
	return false
}

// capUnknown reports whether token j is a capitalized word that the
// gazetteer does not know.
func (s *state) capUnknown(j int) bool {
	t := &s.toks[j]
	if !t.word || !t.cap || t.stop {
		return false
	}
	end, ents := s.match(j)
	return end == j || s.pick(ents, eEntity) == nil && s.pick(ents, eCountry) == nil &&
		s.pick(ents, eTitle) == nil && s.pick(ents, eDemonym) == nil
}

// titleStart reports whether a title (possibly with capitalized modifiers,
// "National Security Communications Advisor") starts at j.
func (s *state) titleStart(j int) (int, bool) {
	k := j
	for k < len(s.toks) && k-j < 5 {
		end, ents := s.match(k)
		if end > k && s.pick(ents, eTitle) != nil {
			return j, true
		}
		if !s.capUnknown(k) {
			return 0, false
		}
		k++
	}
	return 0, false
}

// titled parses [modifiers] title+ [name] at k. body is the actor the title
// is held in (-1 when unknown), iso its country, start the first token of
// the whole phrase.
func (s *state) titled(k, body int, iso string, start int) (int, bool) {
	ts := s.toks
	var words []string
	class := ""
	j := k
	sawTitle := false
	for j < len(ts) {
		end, ents := s.match(j)
		if end > j {
			if e := s.pick(ents, eTitle); e != nil {
				if e.class != "honor" {
					words = append(words, e.title)
					if class == "" || e.class == "head" {
						class = e.class
					}
				} else if class == "" {
					class = "honor"
				}
				sawTitle = true
				j = end
				continue
			}
		}
		if s.capUnknown(j) && (!sawTitle || s.titleWithin(j+1, 2)) {
			words = append(words, ts[j].low)
			j++
			continue
		}
		if sawTitle && (ts[j].low == "and" || ts[j].low == "&") && j+1 < len(ts) {
			if e2, ents2 := s.match(j + 1); e2 > j+1 && s.pick(ents2, eTitle) != nil {
				words = append(words, "and")
				j++
				continue
			}
		}
		break
	}
	if !sawTitle {
		return k, false
	}
	title := strings.Join(words, " ")
	modified := len(words) > 0 && !sawTitleFirst(s, k)
	// "President of Israel": the body follows.
	if body < 0 && j+1 < len(ts) && ts[j].low == "of" {
		if end, ents := s.match(j + 1); end > j+1 {
			if e := s.ownerEntry(ents); e != nil && e.typ != eDemonym {
				a := s.entryActor(e)
				if e.typ == eCountry || e.typ == eCapital {
					body = s.govActor(e.iso)
				} else {
					body = a
				}
				s.addMention(ts[j+1].span.Start, ts[end-1].span.End, a, HowName)
				// a name may follow after a comma: "the President of Israel, Isaac Herzog"
				j = end
			}
		}
	}
	nameEnd := s.nameRun(j)
	if nameEnd > j {
		a, how := s.personFromRun(j, nameEnd)
		if how == HowName {
			how = HowTitle
		}
		m := s.addMentionHead(ts[start].span.Start, ts[nameEnd-1].span.End, ts[j].span.Start, ts[nameEnd-1].span.End, a, how)
		if title != "" && class != "honor" {
			s.addRole(a, title, class, body, m)
		} else if body >= 0 {
			s.addRel(a, "affiliation", "", body, m)
		}
		return s.afterMention(nameEnd, a, m), true
	}
	if class == "honor" || title == "" {
		return j, true
	}
	if modified && body < 0 {
		return k, false // "Abir Sultan": capitalized words before a title need a name after it
	}
	if body < 0 {
		if start == 0 || ts[start-1].cls&cDefiniteBefore == 0 {
			return j, true
		}
		if !ts[k].cap && ambiguousTitle[title] && ts[start-1].low != "the" {
			return j, true
		}
	}
	// A title without a name: "the prime minister", "Israel's defense
	// minister", "the Israeli leader".
	if body < 0 && !(start > 0 && (ts[start-1].low == "the" || ts[start-1].low == "a" || ts[start-1].low == "an")) && start == k {
		// "minister" inside a phrase we did not understand: no mention.
		if !ts[k].cap {
			return j, true
		}
	}
	a := s.resolveRole(title, class, body, iso)
	m := s.addMention(ts[start].span.Start, ts[j-1].span.End, a, HowDefinite)
	s.setPerson(a)
	return s.afterMention(j, a, m), true
}

// resolveRole finds the person of the article holding title in body (any
// body when body < 0), or makes an anonymous one.
func (s *state) resolveRole(title, class string, body int, iso string) int {
	for a := len(s.actors) - 1; a >= 0; a-- {
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.parent != -1 {
			continue
		}
		for _, r := range ac.rels {
			if r.kind != "role" {
				continue
			}
			if body >= 0 && r.obj >= 0 && s.find(r.obj) != s.find(body) {
				continue
			}
			if body >= 0 && r.obj < 0 {
				continue
			}
			if r.title == title || strings.HasSuffix(r.title, " "+title) || title == "leader" && class == "head" && r.title != "" && s.titleClass(r.title) == "head" {
				return a
			}
		}
	}
	key := "desc:" + s.d.Article.ID + ":"
	if iso != "" {
		key += strings.ToLower(iso) + " "
	}
	key += title
	a := s.actor(key, title, doc.KindPerson, "")
	s.actors[a].desc = true
	s.addRole(a, title, class, body, -1)
	return a
}

func (s *state) titleClass(title string) string {
	n := s.g.root
	for _, w := range strings.Fields(title) {
		if n = n.next[w]; n == nil {
			return ""
		}
	}
	if e := s.pick(n.ents, eTitle); e != nil {
		return e.class
	}
	return ""
}

// nameRun returns the end of the run of name tokens at j.
func (s *state) nameRun(j int) int {
	ts := s.toks
	k := j
	for k < len(ts) {
		t := &ts[k]
		if t.word && t.cap && !t.stop {
			if k > j {
				// a title, an entity alias or a country ends the name:
				// "Kirby, White House..." has a comma anyway.
				if end, ents := s.match(k); end > k && (s.pick(ents, eTitle) != nil || s.pick(ents, eEntity) != nil && s.pick(ents, eCountry) == nil) {
					if s.pick(ents, eCapital) == nil && s.pick(ents, eDemonym) == nil {
						break
					}
				}
			} else if end, ents := s.match(k); end > k && s.pick(ents, eTitle) != nil {
				break
			}
			if s.titleCase && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !(k == j && k+1 < len(ts) && s.capEvidence[ts[k+1].low]) {
				break
			}
			k++
			continue
		}
		if k > j && t.cls&cNameParticle != 0 && !t.cap && k+1 < len(ts) && ts[k+1].cap && ts[k+1].word && !ts[k+1].stop {
			k++
			continue
		}
		if k > j && t.cls&cNameSuffix != 0 {
			k++
			continue
		}
		break
	}
	// Drop trailing particles.
	for k > j && ts[k-1].cls&cNameParticle != 0 {
		k--
	}
	return k
}

// nameAt handles a capitalized name run starting at i.
func (s *state) nameAt(i int) int {
	ts := s.toks
	if _, ok := s.titleStart(i); ok {
		if j, ok := s.titled(i, -1, "", i); ok {
			return j
		}
	}
	end := s.nameRun(i)
	if end <= i {
		return i + 1
	}
	// Leading "The" was a stopword, so the run starts at a content word.
	n := end - i
	t := &ts[i]
	nx, nxCls := "", uint32(0)
	if end < len(ts) {
		nx, nxCls = ts[end].low, ts[end].cls
	}
	prev, prevCls := "", uint32(0)
	if i > 0 {
		prev, prevCls = ts[i-1].low, ts[i-1].cls
	}
	last, lastCls := ts[end-1].low, ts[end-1].cls
	// Unknown single words at the start of a sentence or in a headline need
	// evidence that they are names: the body writes them capitalized, they
	// are a known surname, a speech verb or a possessive follows, or (at
	// the start of a body sentence) the parser reads a proper noun that
	// is the subject of the verb after it ("Boeing challenged the award").
	if n == 1 && (t.first || s.titleCase) && !s.capEvidence[t.low] && len(s.surnames[t.low]) == 0 && !s.surnameCand[t.low] &&
		nxCls&cSpeechVerb == 0 && nx != "'s" && !(t.first && !s.titleCase && s.properSubject(i)) {
		return end
	}
	if s.titleCase && n > 1 {
		// In a headline, keep the run up to its last word that the body
		// also writes capitalized.
		k := -1
		for x := i; x < end; x++ {
			if s.capEvidence[ts[x].low] || len(s.surnames[ts[x].low]) > 0 {
				k = x + 1
			}
		}
		if k < 0 {
			return end
		}
		end = k
		n = end - i
		last, lastCls = ts[end-1].low, ts[end-1].cls
	}
	if !s.nameLike(i, end) {
		return end
	}
	var a int
	how := HowName
	kind, known := doc.KindPerson, doc.ActorKind("")
	switch {
	case lastCls&cOrgSuffix != 0 || ts[end-1].upper && n == 1:
		kind = doc.KindOrganization
	case lastCls&(cFacSuffix|cGeoSuffix) != 0 || t.cls&cGeoPrefix != 0 && n > 1:
		kind = doc.KindPlace
	case n == 1 && len(s.surnames[t.low]) > 0:
		kind = doc.KindPerson
	case n == 1 && func() bool { known = s.known(t.low); return known != "" }():
		kind = known
	case nxCls&cAdminNoun != 0 && !ts[end].cap:
		kind = doc.KindPerson
	case prevCls&cPlacePrep != 0 && prev != "from" && prev != "between" && !s.surnameCand[last]:
		kind = doc.KindPlace
	case n <= 2 && end < len(ts) && s.placeNounAt(end):
		kind = doc.KindPlace // "a Huntsville prison", "Huntsville, Texas"
	case n == 1 && s.surnameCand[t.low]:
		kind = doc.KindPerson
	case n == 1 && (nxCls&cSpeechVerb != 0 && nx != "has" && nx != "is" && nx != "was" || nx == "," && end+1 < len(ts) && ts[end+1].low == "who"):
		kind = doc.KindPerson
	case n == 1:
		kind = doc.KindOrganization
	case n > 5:
		kind = doc.KindOrganization
	}
	switch kind {
	case doc.KindPerson:
		a, how = s.personFromRun(i, end)
	case doc.KindPlace:
		name := s.text(i, end)
		s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "place:"...), name)
		a = s.keyedBuf(func() string { return name }, doc.KindPlace, "")
	default:
		name := s.text(i, end)
		s.keyBuf = appendNormPhrase(append(s.keyBuf[:0], "org:"...), name)
		a = s.keyedBuf(func() string { return name }, doc.KindOrganization, "")
		s.setOrg(a)
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, how)
	return s.afterMention(end, a, m)
}

// properSubject reports whether the parser tags token i a proper noun
// followed by a verb.
func (s *state) properSubject(i int) bool {
	ts := s.toks
	if ts[i].tag != "PROPN" || i+1 >= len(ts) {
		return false
	}
	switch ts[i+1].tag {
	case "VERB", "AUX":
		return true
	}
	return false
}

// nameLike rejects runs that are not names of actors: single letters,
// bare suffix words ("Street"), codes with digits, holidays, and names of
// events, laws, awards and products by their last word.
func (s *state) nameLike(i, end int) bool {
	ts := s.toks
	if end-i == 1 {
		t := &ts[i]
		if utf8.RuneCountInString(t.text) < 2 || t.cls&(cOrgSuffix|cFacSuffix|cGeoSuffix|cNotActor) != 0 {
			return false
		}
	}
	for k := i; k < end; k++ {
		if hasDigit(ts[k].text) {
			return false
		}
	}
	return ts[end-1].cls&cEventSuffix == 0 && ts[i].cls&cNotActor == 0
}

// placeNounAt reports whether token j starts a place noun ("prison",
// "facility") or ", <state or country>".
func (s *state) placeNounAt(j int) bool {
	t := &s.toks[j]
	if t.text == "," && j+1 < len(s.toks) {
		end, ents := s.match(j + 1)
		return end > j+1 && (s.pick(ents, ePlace) != nil || s.pick(ents, eCountry) != nil)
	}
	return !t.cap && (t.cls&(cFacSuffix|cGeoSuffix) != 0 || t.low == "facility" || t.low == "resort" || t.low == "area" || t.low == "home")
}

// known returns the kind a one-word name already has in the article.
func (s *state) known(low string) doc.ActorKind {
	for _, p := range [...]struct {
		prefix string
		kind   doc.ActorKind
	}{{"person:", doc.KindPerson}, {"place:", doc.KindPlace}, {"org:", doc.KindOrganization}} {
		s.keyBuf = append(append(s.keyBuf[:0], p.prefix...), low...)
		if _, ok := s.byKey[string(s.keyBuf)]; ok {
			return p.kind
		}
	}
	return ""
}

// titleWithin reports whether a title starts within n capitalized words
// from j.
func (s *state) titleWithin(j, n int) bool {
	for k := j; k < len(s.toks) && k < j+n; k++ {
		if end, ents := s.match(k); end > k && s.pick(ents, eTitle) != nil {
			return true
		}
		if !s.capUnknown(k) {
			return false
		}
	}
	return false
}

// sawTitleFirst reports whether the phrase at k starts with a title.
func sawTitleFirst(s *state, k int) bool {
	end, ents := s.match(k)
	return end > k && s.pick(ents, eTitle) != nil
}

// personFromRun makes or finds the person named by tokens [i, end).
func (s *state) personFromRun(i, end int) (int, string) {
	ts := s.toks
	words := s.words[:0]
	for k := i; k < end; k++ {
		words = append(words, ts[k].low)
	}
	s.words = words
	core := words
	for len(core) > 1 && nameSuffixes[core[len(core)-1]] {
		core = core[:len(core)-1]
	}
	last := core[len(core)-1]
	if len(core) == 1 {
		if ps := s.surnames[last]; len(ps) > 0 {
			a := s.find(ps[len(ps)-1])
			s.setPerson(a)
			return a, HowSurname
		}
		// A nickname alias of a known person is matched by the gazetteer;
		// otherwise a surname-only person.
		a := s.keyed(func() string { return ts[i].text }, doc.KindPerson, "", "person:", last)
		s.actors[a].last = last
		s.setPerson(a)
		return a, HowName
	}
	name := s.text(i, end)
	b := append(s.keyBuf[:0], "person:"...)
	for k, w := range words {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	s.keyBuf = b
	a := s.keyedBuf(func() string { return name }, doc.KindPerson, "")
	ac := &s.actors[a]
	ac.first, ac.last, ac.full = core[0], last, true
	found := false
	for _, p := range s.surnames[last] {
		if p == a {
			found = true
		}
	}
	if !found {
		s.surnames[last] = append(s.surnames[last], a)
	}
	a = s.find(a)
	s.setPerson(a)
	return a, HowName
}

// afterMention handles what follows a mention of actor a ending at token
// j: a possessive office or administration, "<Name> administration".
func (s *state) afterMention(j, a, m int) int {
	ts := s.toks
	if j >= len(ts) {
		return j
	}
	k := j
	poss := isPoss(&ts[k])
	if poss {
		k++
	}
	if k >= len(ts) {
		return j
	}
	nx := &ts[k]
	if nx.cap && !poss {
		return j
	}
	ac := &s.actors[s.find(a)]
	switch {
	case nx.cls&cAdminNoun != 0 && (ac.kind == doc.KindPerson || ac.kind == doc.KindCountry):
		g := s.adminOf(a)
		start := s.mentions[m].span.Start
		gm := s.addMention(start, nx.span.End, g, HowAdministration)
		if ac.kind == doc.KindPerson {
			s.linkAdmin(a, g, gm)
		}
		s.setPlural(g)
		// "Biden administration officials": the officials speak for it.
		if k+1 < len(ts) && ts[k+1].cls&cGovNoun != 0 {
			s.addMention(start, ts[k+1].span.End, g, HowAdministration)
			return k + 2
		}
		return k + 1
	case poss && nx.cls&cOfficeNoun != 0:
		o := s.officeOf(a, nx.low)
		s.addMention(s.mentions[m].span.Start, nx.span.End, o, HowPossessive)
		return k + 1
	}
	return j
}

// adminOf returns the government of a person or country.
func (s *state) adminOf(a int) int {
	a = s.find(a)
	ac := s.actors[a]
	if ac.kind == doc.KindCountry {
		return s.govActor(ac.iso)
	}
	for _, r := range ac.rels {
		if r.obj >= 0 {
			o := s.actors[s.find(r.obj)]
			if o.kind == doc.KindGovernment {
				return s.find(r.obj)
			}
		}
	}
	key := "gov:of:" + ac.key
	g := s.actor(key, ac.name+" administration", doc.KindGovernment, "")
	s.actors[g].govOf = a
	return g
}

// linkAdmin ties a person to the government named after them.
func (s *state) linkAdmin(p, g, m int) {
	p = s.find(p)
	ac := &s.actors[p]
	for i, r := range ac.rels {
		if r.kind == "role" && r.obj < 0 {
			ac.rels[i].obj = g
			return
		}
		if r.obj >= 0 && s.find(r.obj) == s.find(g) {
			return
		}
	}
	ac.rels = append(ac.rels, relation{kind: "role", title: "head of government", obj: g, men: m})
}

// officeOf returns the office an owner possesses.
func (s *state) officeOf(owner int, noun string) int {
	owner = s.find(owner)
	key := "office:" + s.actors[owner].key
	if noun != "office" {
		key += "/" + noun
	}
	o := s.actor(key, s.actors[owner].name+"'s "+noun, doc.KindOffice, "")
	s.actors[o].owner = owner
	return o
}

// nominal handles a common noun for people, groups or places.
func (s *state) nominal(i, end int, e *entry) int {
	ts := s.toks
	var a int
	switch {
	case (e.title == "company" || e.title == "firm" || e.title == "team" || e.title == "club") && s.lastOrg >= 0:
		a = s.lastOrg
	case e.kind == doc.KindGovernment && s.singleGov() >= 0:
		a = s.singleGov()
	case e.kind == doc.KindPerson && !e.plural && i > 0 && ts[i-1].low == "the" && s.salientPerson() >= 0:
		// "the actress", "the star": the article's most mentioned person.
		a = s.salientPerson()
	default:
		kind := e.kind
		if kind == doc.KindGovernment {
			kind = doc.KindGovernment
		}
		a = s.keyed(func() string { return e.title }, kind, "", "desc:", s.d.Article.ID, ":", e.title)
		s.actors[a].desc = true
	}
	m := s.addMention(ts[i].span.Start, ts[end-1].span.End, a, HowNominal)
	switch s.actors[a].kind {
	case doc.KindPerson:
		if e.plural {
			s.setPlural(a)
		} else {
			s.setPerson(a)
		}
	case doc.KindPlace:
	default:
		if e.plural {
			s.setPlural(a)
		} else {
			s.setOrg(a)
		}
	}
	return s.afterMention(end, a, m)
}

// salientPerson returns the named person with the most mentions so far,
// when they have at least two; -1 otherwise.
func (s *state) salientPerson() int {
	n := append(s.counts[:0], make([]int, len(s.actors))...)
	s.counts = n
	best, bestN := -1, 1
	for i := range s.mentions {
		a := s.find(s.mentions[i].actor)
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.desc {
			continue
		}
		n[a]++
		if n[a] > bestN {
			best, bestN = a, n[a]
		}
	}
	return best
}

func (s *state) singleGov() int {
	g := -1
	for a := range s.actors {
		if s.actors[a].kind == doc.KindGovernment && s.actors[a].parent == -1 && !s.actors[a].desc {
			if g >= 0 {
				return -1
			}
			g = a
		}
	}
	return g
}

func (s *state) setPerson(a int) { s.lastPerson, s.lastPSent = a, s.sent }
func (s *state) setPlural(a int) { s.lastPlural, s.lastPlSent = a, s.sent }
func (s *state) setOrg(a int) {
	s.lastOrg, s.lastOrgSent = a, s.sent
	s.lastPlural, s.lastPlSent = a, s.sent
}

func (s *state) text(i, end int) string {
	return strings.ReplaceAll(s.d.Article.Text[s.toks[i].span.Start:s.toks[end-1].span.End], "’", "'")
}

// normPhrase lowercases a name for a key and folds spaces.
func normPhrase(s string) string {
	return strings.Join(strings.Fields(norm(s)), " ")
}

// appendNormPhrase appends normPhrase(s) to b.
func appendNormPhrase(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(b, normPhrase(s)...)
		}
	}
	// ASCII: strings.Fields splits at these six bytes.
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' }
	start := len(b)
	for i := 0; i < len(s); {
		for i < len(s) && space(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		if len(b) > start {
			b = append(b, ' ')
		}
		for ; i < len(s) && !space(s[i]); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return b
}

// hasDigit reports whether s contains an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// actor returns the actor with key, creating it.
func (s *state) actor(key, name string, kind doc.ActorKind, code string) int {
	if a, ok := s.byKey[key]; ok {
		return s.find(a)
	}
	return s.newActor(key, name, kind, code)
}

// keyed returns the actor whose key is the concatenation of parts, creating
// it with name (name() is called only then), kind and code. It is actor
// without building the key string unless the actor is new.
func (s *state) keyed(name func() string, kind doc.ActorKind, code string, parts ...string) int {
	b := s.keyBuf[:0]
	for _, p := range parts {
		b = append(b, p...)
	}
	s.keyBuf = b
	return s.keyedBuf(name, kind, code)
}

// keyedBuf is keyed for the key in s.keyBuf.
func (s *state) keyedBuf(name func() string, kind doc.ActorKind, code string) int {
	if a, ok := s.byKey[string(s.keyBuf)]; ok {
		return s.find(a)
	}
	return s.newActor(string(s.keyBuf), name(), kind, code)
}

// newActor adds an actor with a key that no actor has.
func (s *state) newActor(key, name string, kind doc.ActorKind, code string) int {
	s.actors = append(s.actors, actorT{key: key, name: name, kind: kind, code: code, parent: -1, owner: -1, govOf: -1, firstMen: -1})
	a := len(s.actors) - 1
	s.byKey[key] = a
	return a
}

func (s *state) countryActor(iso string) int {
	a := s.keyed(func() string { return s.g.countryName(iso) }, doc.KindCountry, iso, "country:", iso)
	s.actors[a].iso = iso
	return a
}

func (s *state) govActor(iso string) int {
	if a, ok := s.byKey["gov:"+iso]; ok {
		return s.find(a)
	}
	c := s.countryActor(iso)
	a := s.actor("gov:"+iso, s.g.countryName(iso)+" government", doc.KindGovernment, iso+"GOV")
	s.actors[a].iso = iso
	s.actors[a].rels = append(s.actors[a].rels, relation{kind: "part_of", obj: c, men: -1})
	return a
}

func (s *state) milActor(iso string) int {
	if a, ok := s.byKey["mil:"+iso]; ok {
		return s.find(a)
	}
	g := s.govActor(iso)
	a := s.actor("mil:"+iso, s.g.countryName(iso)+" military", doc.KindOrganization, iso+"MIL")
	s.actors[a].iso = iso
	s.actors[a].rels = append(s.actors[a].rels, relation{kind: "part_of", obj: g, men: -1})
	return a
}

// keyActor returns the actor for a gazetteer key.
func (s *state) keyActor(key string) int {
	switch {
	case strings.HasPrefix(key, "gov:"):
		return s.govActor(key[4:])
	case strings.HasPrefix(key, "country:"):
		return s.countryActor(key[8:])
	case strings.HasPrefix(key, "mil:"):
		if _, ok := s.g.byKey[key]; !ok {
			return s.milActor(key[4:])
		}
	}
	if id, ok := s.g.byKey[key]; ok {
		return s.entityActor(&s.g.ents[id])
	}
	return -1
}

// entityActor returns the actor of a gazetteer entity, with its relation.
func (s *state) entityActor(e *entry) int {
	if e.typ == eCountry {
		return s.countryActor(e.iso)
	}
	if a, ok := s.byKey[e.key]; ok {
		return s.find(a)
	}
	a := s.actor(e.key, e.name, e.kind, e.code)
	if strings.HasPrefix(e.key, "leg:") || strings.HasPrefix(e.key, "mil:") {
		s.actors[a].iso = e.key[4:]
	}
	if e.kind == doc.KindPerson {
		ws := strings.Fields(norm(e.name))
		s.actors[a].first, s.actors[a].last, s.actors[a].full = ws[0], ws[len(ws)-1], len(ws) > 1
		s.surnames[ws[len(ws)-1]] = append(s.surnames[ws[len(ws)-1]], a)
	}
	if e.relKey != "" {
		if o := s.keyActor(e.relKey); o >= 0 {
			kind := e.relKind
			if kind == "seat_of" {
				kind = "part_of"
			}
			s.actors[a].rels = append(s.actors[a].rels, relation{kind: kind, obj: o, men: -1})
		}
	}
	return a
}

func (s *state) addRole(a int, title, class string, body, m int) {
	a = s.find(a)
	ac := &s.actors[a]
	for i, r := range ac.rels {
		if r.kind == "role" && r.title == title {
			if r.obj < 0 && body >= 0 {
				ac.rels[i].obj = body
			}
			return
		}
	}
	ac.rels = append(ac.rels, relation{kind: "role", title: title, obj: body, men: m})
}

func (s *state) addRel(a int, kind, title string, obj, m int) {
	a = s.find(a)
	for _, r := range s.actors[a].rels {
		if r.kind == kind && r.obj >= 0 && s.find(r.obj) == s.find(obj) {
			return
		}
	}
	s.actors[a].rels = append(s.actors[a].rels, relation{kind: kind, title: title, obj: obj, men: m})
}

func (s *state) addMention(start, end, a int, how string) int {
	return s.addMentionHead(start, end, start, end, a, how)
}

func (s *state) addMentionHead(start, end, hs, he, a int, how string) int {
	a = s.find(a)
	s.mentions = append(s.mentions, mention{span: doc.Span{Start: start, End: end}, head: doc.Span{Start: hs, End: he}, sent: s.sent, actor: a, how: how})
	if s.actors[a].firstMen < 0 {
		s.actors[a].firstMen = len(s.mentions) - 1
	}
	return len(s.mentions) - 1
}

func (s *state) find(a int) int {
	for s.actors[a].parent >= 0 {
		a = s.actors[a].parent
	}
	return a
}

// merge folds actor b into a.
func (s *state) merge(a, b int) {
	a, b = s.find(a), s.find(b)
	if a == b {
		return
	}
	s.actors[b].parent = a
	s.actors[a].rels = append(s.actors[a].rels, s.actors[b].rels...)
	s.actors[b].rels = nil
}

// finish resolves what needs the whole article and writes d's actors.
func (s *state) finish() {
	// Surname-only people whose full name the article gives.
	for a := range s.actors {
		ac := &s.actors[a]
		if ac.kind != doc.KindPerson || ac.full || ac.desc || ac.parent >= 0 || ac.last == "" {
			continue
		}
		cands := s.surnames[ac.last]
		uniq := -1
		for _, c := range cands {
			c = s.find(c)
			if c == a {
				continue
			}
			if uniq >= 0 && uniq != c {
				uniq = -2
				break
			}
			uniq = c
		}
		if uniq >= 0 {
			s.merge(uniq, a)
		}
	}
	// Administrations of unknown country: the most mentioned country
	// whose government has no known head.
	for g := range s.actors {
		ac := s.actors[g]
		if ac.govOf < 0 || ac.parent >= 0 {
			continue
		}
		if p := s.find(ac.govOf); s.personGov(p) >= 0 {
			s.merge(s.personGov(p), g)
			continue
		}
		iso := s.headlessCountry()
		if iso == "" {
			continue
		}
		gv := s.govActor(iso)
		s.merge(gv, g)
	}
	s.write()
}

// personGov returns the government a person has a role in, or -1.
func (s *state) personGov(p int) int {
	for _, r := range s.actors[p].rels {
		if r.obj >= 0 {
			o := s.find(r.obj)
			if s.actors[o].kind == doc.KindGovernment && s.actors[o].govOf < 0 {
				return o
			}
		}
	}
	return -1
}

func (s *state) headlessCountry() string {
	headed := map[string]bool{}
	for a := range s.actors {
		ac := s.actors[a]
		if ac.kind != doc.KindPerson || ac.parent >= 0 {
			continue
		}
		for _, r := range ac.rels {
			if r.kind == "role" && r.obj >= 0 && s.titleClass(r.title) == "head" {
				o := s.actors[s.find(r.obj)]
				if o.iso != "" && o.govOf < 0 {
					headed[o.iso] = true
				}
			}
		}
	}
	best, bestN, tie := "", 0, false
	for iso, n := range s.countryN {
		if headed[iso] {
			continue
		}
		switch {
		case n > bestN:
			best, bestN, tie = iso, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie || bestN < 2 {
		return ""
	}
	return best
}

// write builds d.Actors and d.ActorMentions: mentions in text order,
// actors in order of first mention (then actors only related to).
func (s *state) write() {
	d := s.d
	order := make([]int, len(s.mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		a, b := &s.mentions[x], &s.mentions[y]
		if a.span.Start != b.span.Start {
			return cmp.Compare(a.span.Start, b.span.Start)
		}
		return cmp.Compare(b.span.End, a.span.End)
	})
	menIdx := make([]int, len(s.mentions))
	actIdx := make([]int, len(s.actors))
	for i := range actIdx {
		actIdx[i] = -1
	}
	acts := make([]doc.Actor, 0, len(s.actors))
	src := make([]int, 0, len(s.actors))
	newActor := func(a int) int {
		if actIdx[a] >= 0 {
			return actIdx[a]
		}
		ac := s.actors[a]
		actIdx[a] = len(acts)
		acts = append(acts, doc.Actor{Key: ac.key, Name: ac.name, Kind: ac.kind, Code: ac.code})
		src = append(src, a)
		return actIdx[a]
	}
	ments := make([]doc.ActorMention, 0, len(s.mentions))
	for _, mi := range order {
		m := s.mentions[mi]
		a := s.find(m.actor)
		ai := newActor(a)
		menIdx[mi] = len(ments)
		ments = append(ments, doc.ActorMention{
			Span: m.span, Text: d.Article.Text[m.span.Start:m.span.End], Sentence: d.Sentences[m.sent].Index,
			Actor: ai, Head: m.head, How: m.how,
		})
	}
	// Each actor's mentions, in order, in one array.
	counts := make([]int, len(acts))
	for k := range ments {
		counts[ments[k].Actor]++
	}
	all := make([]int, len(ments))
	off := 0
	for ai, n := range counts {
		if n > 0 {
			acts[ai].Mentions = all[off : off : off+n]
			off += n
		}
	}
	for k := range ments {
		ai := ments[k].Actor
		acts[ai].Mentions = append(acts[ai].Mentions, k)
	}
	// Related actors, transitively.
	for k := 0; k < len(src); k++ {
		a := src[k]
		for _, r := range s.actors[a].rels {
			if r.obj >= 0 {
				newActor(s.find(r.obj))
			}
		}
		if o := s.actors[a].owner; o >= 0 {
			newActor(s.find(o))
		}
	}
	for k, a := range src {
		ac := s.actors[a]
		out := &acts[k]
		// Keys that depend on the article's resolution.
		if ac.owner >= 0 {
			o := s.find(ac.owner)
			suffix := ""
			if i := strings.LastIndexByte(ac.key, '/'); i > 0 {
				suffix = ac.key[i:]
			}
			out.Key = "office:" + s.actors[o].key + suffix
			out.Name = s.actors[o].name + "'s " + strings.TrimPrefix(suffix, "/")
			if suffix == "" {
				out.Name += "office"
			}
			out.Relations = append(out.Relations, doc.Relation{Kind: "owner", Object: actIdx[o]})
		}
		for _, r := range ac.rels {
			obj := -1
			if r.obj >= 0 {
				o := s.find(r.obj)
				if o == a {
					continue
				}
				obj = actIdx[o]
			}
			var ev []int
			if r.men >= 0 {
				ev = []int{menIdx[r.men]}
			}
			if j := findRel(out.Relations, r.kind, r.title, obj); j >= 0 {
				out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
				continue
			}
			// A role with an object replaces the same role without one.
			if obj >= 0 {
				for j := range out.Relations {
					if out.Relations[j].Kind == r.kind && out.Relations[j].Title == r.title && out.Relations[j].Object < 0 {
						out.Relations[j].Object = obj
						out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
						obj = -2
						break
					}
				}
				if obj == -2 {
					continue
				}
			} else if r.title != "" {
				dup := false
				for j := range out.Relations {
					if out.Relations[j].Kind == r.kind && out.Relations[j].Title == r.title {
						out.Relations[j].Mentions = appendUniq(out.Relations[j].Mentions, ev...)
						dup = true
					}
				}
				if dup {
					continue
				}
			}
			out.Relations = append(out.Relations, doc.Relation{Kind: r.kind, Title: r.title, Object: obj, Mentions: ev})
		}
		// People take the CAMEO code of the body they hold a role in.
		if ac.kind == doc.KindPerson {
			for _, r := range out.Relations {
				if (r.Kind == "role" || r.Kind == "affiliation") && r.Object >= 0 && acts[r.Object].Code != "" {
					out.Code = acts[r.Object].Code
					break
				}
			}
		}
		// Aliases: the distinct names the article uses.
		for _, mi := range out.Mentions {
			m := ments[mi]
			switch m.How {
			case HowName, HowTitle, HowAlias, HowSurname, HowCompound:
				n := strings.ReplaceAll(d.Article.Text[m.Head.Start:m.Head.End], "’", "'")
				if n != out.Name && !contains(out.Aliases, n) {
					out.Aliases = append(out.Aliases, n)
				}
			}
		}
	}
	d.Actors = acts
	d.ActorMentions = ments
}

func appendUniq(xs []int, ys ...int) []int {
	for _, y := range ys {
		found := false
		for _, x := range xs {
			if x == y {
				found = true
			}
		}
		if !found {
			xs = append(xs, y)
		}
	}
	return xs
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func findRel(rs []doc.Relation, kind, title string, obj int) int {
	for j, r := range rs {
		if r.Kind == kind && r.Title == title && r.Object == obj {
			return j
		}
	}
	return -1
}
