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
// their news aliases, titles, demonyms and common nouns; data/words.tsv
// holds the closed-class and other word lists the rules test (stop words,
// name suffixes, speech verbs...). Lookups walk a trie over lowercase
// tokens from each position, so matching is linear in the length of the
// text (times the longest phrase, a constant).
//
// The recognizer's files follow its steps: tokens.go (token forms and
// capitalization evidence), match.go (gazetteer matching), scan.go (the
// scan of a sentence and owner phrases), names.go (name runs and their
// kind), titles.go (titles, roles and titled names), coref.go (pronouns,
// nominals, surnames), offices.go (offices and administrations),
// registry.go (actors and their keys) and write.go (the document's actors,
// relations and codes).
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
// (ISRGOV), armed forces MIL, legislatures LEG, police COP, judiciary JUD,
// news media MED ("Iranian media": IRNMED);
// IGOs start with IGO (IGOUNO for the UN and its Security Council, IGOWSTNAT
// for NATO, IGOEUREEC for the EU); armed non-state groups take the ISO3 code
// of their base and REB (Hamas PSEREB, Hezbollah LBNREB), transnational
// militant groups IMGMOS... (al-Qaeda IMGMOSALQ), parties PTY. A person with
// a role in a government or military takes that body's code (Netanyahu
// ISRGOV).
package actor

import (
	"sync"

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
	gender      byte // 'f', 'm' or 0: what a nominal mention says
	firstMen    int
	guessed     bool // an organization for want of evidence (nameKind)
}

type state struct {
	guess    bool  // nameKind's last answer was a guess
	all      []tok // tokens of the whole document
	sents    [][]tok
	tc       []bool
	textBuf  []byte // the text and 8 zero bytes, for 8-byte loads
	keyBuf   []byte // an actor key being built (keyed)
	words    []string
	titleBuf []string // titleWords' words
	counts   []int    // salientPerson's mentions per actor
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
	// the latest person who may be "he" (not known female), and "she"
	lastHe, lastHeSent, lastShe, lastSheSent int
	prevHe, prevHeSent, prevShe, prevSheSent int // the person before lastHe, lastShe
	lastPlural                               int
	lastPlSent                               int
	lastOrg                                  int
	lastOrgSent                              int
	// he or she before any antecedent, waiting for a person named later
	// in the same sentence
	cataphors []cataphor
	// first-person singular pronouns of the sentence ("I", "me"), waiting
	// for the speaker of their quotation
	firsts []int
	// at is the token of the sentence where the step under way started
	at int
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
	s.lastPerson, s.lastPlural, s.lastOrg, s.lastHe, s.lastShe = -1, -1, -1, -1, -1
	s.prevHe, s.prevShe = -1, -1
	s.lastPSent, s.lastPlSent, s.lastOrgSent = 0, 0, 0
	s.lowBytes, s.lowPend = s.lowBytes[:0], s.lowPend[:0]
	txt := d.Article.Text
	s.textBuf = append(append(s.textBuf[:0], txt...), 0, 0, 0, 0, 0, 0, 0, 0)
}

// release returns s to the pool, dropping its references into the
// document.
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
	clear(s.words[:cap(s.words)])
	clear(s.titleBuf[:cap(s.titleBuf)])
	statePool.Put(s)
}

// finish resolves what needs the whole article and writes d's actors.
func (s *state) finish() {
	s.mergeSurnames()
	s.placeAdministrations()
	s.write()
}
