// Package doc holds the data types that flow through eventgraph's extractors:
// an article, its sentences, and what the extractors found in them. Every
// extractor sub-package reads and writes these types, so they stay free of
// behaviour and of any storage concern.
//
// Offsets are byte offsets into Article.Text, the text eventgraph extracted
// from the source (for a plain-text file, the file itself).
package doc

import "time"

// Span is the half-open byte range [Start, End) of Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// BlockKind says what part of an article a block of text is.
type BlockKind string

// Block kinds.
const (
	BlockTitle    BlockKind = "title"
	BlockHeading  BlockKind = "heading"
	BlockBody     BlockKind = "body"
	BlockCaption  BlockKind = "caption"
	BlockMetadata BlockKind = "metadata"
)

// Block is a paragraph-like unit of an article: its title, a heading, a body
// paragraph or a photo caption. Captions are kept apart from the body because
// they describe a picture, often one taken long before the article.
type Block struct {
	Span
	Kind BlockKind `json:"kind"`
}

// Article is one news article as read from its source, before extraction.
type Article struct {
	// ID is a stable identifier derived from the normalized content (see
	// package extract/article); it becomes the article's IRI in the graph.
	ID string `json:"id"`
	// Source is where the article was read from: a path, a URL or "-".
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	// Published is the document creation time; nil when the article has none.
	// It is never invented.
	Published *time.Time `json:"published,omitempty"`
	// Text is the article text all offsets point into.
	Text   string  `json:"-"`
	Blocks []Block `json:"blocks"`
	// Props holds any further metadata (author, site, language, feed fields).
	Props map[string]string `json:"props,omitempty"`
}

// Token is a word or punctuation mark, with what the parser (package
// extract/syntax) says of it. A token the parser splits ("don't",
// "U.S.-Israel") takes the analysis of its syntactic head. Tag is empty
// when the sentence was not parsed.
type Token struct {
	Span
	Text  string `json:"text"`
	Lemma string `json:"lemma,omitempty"`
	Tag   string `json:"tag,omitempty"`  // UD universal part of speech: VERB, NOUN, PROPN...
	XPOS  string `json:"xpos,omitempty"` // Penn Treebank tag: VBD, VBN, NNS...
	// Head indexes the sentence's Tokens; -1 for the root (or unparsed).
	Head int    `json:"head"`
	Rel  string `json:"rel,omitempty"` // UD relation to the head: nsubj, obj, obl, nmod:poss...
	// Event is the TimeML class of the event this token heads
	// (OCCURRENCE, REPORTING, STATE, I_ACTION...; package extract/detect),
	// "" when it heads none.
	Event string `json:"event,omitempty"`
}

// Sentence is a sentence of one block.
type Sentence struct {
	Span
	Index  int       `json:"index"`
	Block  int       `json:"block"`
	Kind   BlockKind `json:"kind"`
	Tokens []Token   `json:"tokens,omitempty"`
}

// Granularity is the precision of a time value.
type Granularity string

// Granularities, finest first.
const (
	GranTime    Granularity = "time"
	GranDay     Granularity = "day"
	GranWeek    Granularity = "week"
	GranMonth   Granularity = "month"
	GranQuarter Granularity = "quarter"
	GranSeason  Granularity = "season"
	GranYear    Granularity = "year"
	GranDecade  Granularity = "decade"
	GranCentury Granularity = "century"
	GranUnknown Granularity = "unknown"
)

// Basis says where a date came from.
type Basis string

// Bases of a date.
const (
	BasisExplicit    Basis = "explicit"    // an absolute date in the text
	BasisRelative    Basis = "relative"    // a relative expression anchored to the DCT or another date
	BasisPublication Basis = "publication" // bounded by the publication date (tense)
	BasisInferred    Basis = "inferred"    // borrowed from a related or coreferent event
	BasisUnknown     Basis = "unknown"
)

// Timex is a temporal expression normalized as a TimeML TIMEX3.
type Timex struct {
	Span
	Text string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type string `json:"type"`
	// Value is the TIMEX3 value: 2024-03-25, 2024-W13, P3D, PRESENT_REF,
	// XXXX-03-25 when a relative date cannot be anchored...
	Value string `json:"value"`
	// Mod is the TIMEX3 mod attribute (BEFORE, AFTER, START, MID, END,
	// APPROX...), empty when none.
	Mod string `json:"mod,omitempty"`
	// Earliest and Latest bound the days the expression can denote,
	// inclusive; zero when unknown.
	Earliest    time.Time   `json:"earliest"`
	Latest      time.Time   `json:"latest"`
	Granularity Granularity `json:"granularity"`
	Basis       Basis       `json:"basis"`
	Sentence    int         `json:"sentence"`
}

// Bounded reports whether both day bounds are known.
func (t Timex) Bounded() bool { return !t.Earliest.IsZero() && !t.Latest.IsZero() }

// ActorKind is the kind of entity an actor is.
type ActorKind string

// Actor kinds.
const (
	KindPerson       ActorKind = "person"
	KindCountry      ActorKind = "country"
	KindGovernment   ActorKind = "government"
	KindOrganization ActorKind = "organization"
	KindIGO          ActorKind = "igo"
	KindGroup        ActorKind = "group" // armed groups, parties, ethnic/religious groups
	KindPlace        ActorKind = "place"
	KindOffice       ActorKind = "office" // "Netanyahu's office", "the White House press office"
)

// ActorMention is one place in the text that names or refers to an actor.
type ActorMention struct {
	Span
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// Actor indexes Document.Actors.
	Actor int `json:"actor"`
	// Head is the span of the name itself inside a longer mention such as
	// "Israeli Prime Minister Benjamin Netanyahu".
	Head Span `json:"head"`
	// How says which rule found it (name, title, alias, surname, pronoun,
	// possessive, metonymy, definite description...).
	How string `json:"how"`
}

// Relation ties an actor to another: a role held in it, a membership, an owner.
type Relation struct {
	// Kind is "role", "affiliation", "member", "part_of" or "owner".
	Kind string `json:"kind"`
	// Title is the role or office held, for Kind "role": "prime minister".
	Title string `json:"title,omitempty"`
	// Object indexes Document.Actors; -1 when the relation has no object
	// actor (a title without a known organization).
	Object int `json:"object"`
	// Mentions index Document.ActorMentions and are the relation's evidence.
	Mentions []int `json:"mentions,omitempty"`
}

// Actor is an entity an article mentions, canonical within the article.
type Actor struct {
	// Key is a canonical, article-independent key: "person:benjamin netanyahu",
	// "country:ISR", "gov:ISR", "org:united nations security council". The
	// resolve step merges actors across articles by key and alias.
	Key     string    `json:"key"`
	Name    string    `json:"name"`
	Kind    ActorKind `json:"kind"`
	Code    string    `json:"code,omitempty"` // CAMEO actor code: ISR, USAGOV, IGOUNO...
	Aliases []string  `json:"aliases,omitempty"`
	// Relations go from this actor to others.
	Relations []Relation `json:"relations,omitempty"`
	Mentions  []int      `json:"mentions,omitempty"`
}

// Modality of an event mention.
type Modality string

// Modalities.
const (
	Asserted     Modality = "asserted"
	Negated      Modality = "negated"
	Planned      Modality = "planned"
	Threatened   Modality = "threatened"
	Demanded     Modality = "demanded"
	Reported     Modality = "reported"
	Hypothetical Modality = "hypothetical"
)

// Argument roles of an event.
const (
	RoleAgent       = "agent"
	RoleTarget      = "target"
	RoleParticipant = "participant"
	RolePlace       = "place"
)

// Argument is an actor taking part in an event.
type Argument struct {
	Role  string `json:"role"`
	Actor int    `json:"actor"` // indexes Document.Actors
	// Mention indexes Document.ActorMentions; -1 when the argument is implied.
	Mention int `json:"mention"`
}

// EventType is a CAMEO event type.
type EventType struct {
	Code      string  `json:"code"`  // CAMEO code as a string: "0874", "161"
	Label     string  `json:"label"` // "Cancel or postpone a visit"
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	// Extension is the eventgraph extension code when CAMEO has none
	// (e.g. "EG-ABSTAIN"); Code is then its nearest CAMEO code.
	Extension string `json:"extension,omitempty"`
}

// EventMention is one report of an event in one sentence.
type EventMention struct {
	Sentence int `json:"sentence"`
	// Trigger is the exact text expressing the event: "decision to not send".
	Trigger     Span   `json:"trigger"`
	TriggerText string `json:"trigger_text"`
	// Action is the normalized action: a verb lemma ("cancel", "abstain").
	Action    string     `json:"action"`
	Type      EventType  `json:"type"`
	Pattern   string     `json:"pattern"` // the dictionary pattern that produced Type
	Modality  Modality   `json:"modality"`
	Arguments []Argument `json:"arguments,omitempty"`
	// Timex indexes Document.Timexes for the expression that dates this
	// mention; -1 when none.
	Timex int `json:"timex"`
	// Earliest/Latest bound the event's days when known (from the timex, or
	// inferred from tense and publication date); zero when unknown.
	Earliest    time.Time   `json:"earliest"`
	Latest      time.Time   `json:"latest"`
	Granularity Granularity `json:"granularity"`
	Basis       Basis       `json:"basis"`
	// Value is where a timeline places the event, as a TIMEX3 value: the
	// value of its time expression, or, for a past or present event that
	// the text does not date, the publication day (YYYY-MM-DD, Basis
	// publication: the event is reported that day and happened on or
	// before it). Empty when the event cannot be placed: a future or
	// planned event, background, a caption without a date, an undated
	// article.
	Value string `json:"value,omitempty"`
	// Summary is a short who-did-what-to-whom line.
	Summary string `json:"summary"`
	// Salience in [0, 1] says how much an analyst would want the mention
	// as a timeline row: named actors, a CAMEO code, the sentence's main
	// clause or a headline, an explicit date.
	Salience float64 `json:"salience"`
	// Governor is the event this mention is the object or complement of
	// in its sentence ("cancelled the visit", "the cancellation of the
	// visit": the cancellation governs the visit), as its index in
	// Document.Events plus one; 0 when none, so that a mention built
	// without it has none.
	Governor int `json:"governor,omitempty"`
}

// Temporal relation types between event mentions.
const (
	RelBefore       = "before"
	RelAfter        = "after"
	RelSimultaneous = "simultaneous"
	RelIncludes     = "includes"
)

// Link is a temporal (or causal) relation between two event mentions of the
// same document: From <Type> To, e.g. cancellation after abstention.
type Link struct {
	From int    `json:"from"` // indexes Document.Events
	To   int    `json:"to"`
	Type string `json:"type"`
	// Cue is the connective that signalled it: "after", "prompting".
	Cue      string `json:"cue"`
	Sentence int    `json:"sentence"`
}

// Document is an article with everything extracted from it.
type Document struct {
	Article       Article        `json:"article"`
	Sentences     []Sentence     `json:"sentences"`
	Timexes       []Timex        `json:"timexes"`
	Actors        []Actor        `json:"actors"`
	ActorMentions []ActorMention `json:"actor_mentions"`
	Events        []EventMention `json:"events"`
	Links         []Link         `json:"links"`
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
