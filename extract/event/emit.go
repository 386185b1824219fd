package event

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// emit appends the sentence's candidates to d.Events.
func (x *extractor) emit(s *sentence) {
	d := x.d
	x.background(s)
	for _, c := range s.cands {
		if c.absorbed {
			if c.antecedent >= 0 {
				c.ev = c.antecedent
			}
			continue
		}
		lo, hi := s.toks[c.lo].Start, s.toks[c.hi-1].End
		e := doc.EventMention{
			Sentence:    s.idx,
			Trigger:     doc.Span{Start: lo, End: hi},
			TriggerText: d.Article.Text[lo:hi],
			Action:      c.action,
			Type:        x.l.typeOf(c.code),
			Pattern:     c.p.name,
			Modality:    c.mod,
			Arguments:   c.args,
			Timex:       -1,
		}
		switch {
		case c.speechAct != "":
			e.Pattern += " (statement reporting " + c.speechAct + ": " + c.code + ")"
		case c.code != c.p.code:
			e.Pattern += " (decided negative: " + c.code + ")"
		}
		ante := x.nominalAntecedent(s, c, &e)
		if ante >= 0 && len(e.Arguments) == 0 {
			for _, a := range d.Events[ante].Arguments {
				e.Arguments = append(e.Arguments, doc.Argument{Role: a.Role, Actor: a.Actor, Mention: x.mentionIn(s, a.Actor, e.Trigger)})
			}
		} else {
			x.recalled(s, &e)
		}
		x.date(s, c, &e)
		if ante >= 0 && (e.Basis == doc.BasisPublication || e.Basis == doc.BasisUnknown) && !c.background {
			if a := d.Events[ante]; a.Basis == doc.BasisExplicit || a.Basis == doc.BasisRelative || a.Basis == doc.BasisInferred {
				e.Earliest, e.Latest, e.Granularity, e.Value = a.Earliest, a.Latest, a.Granularity, a.Value
				e.Basis, e.Timex = doc.BasisInferred, -1
			}
		}
		e.Summary = x.summary(s, c, &e)
		e.Salience = x.salience(s, c, &e)
		c.ev = len(d.Events)
		if hasParty(e.Arguments) {
			x.withParty[e.Action] = append(x.withParty[e.Action], c.ev)
		}
		d.Events = append(d.Events, e)
		if !c.p.has(fWeak) && !c.p.has(fSpeech) && c.p != verbPattern && c.p != nounPattern {
			x.lastMain = append(x.lastMain, c.ev)
		}
	}
	for _, c := range s.cands {
		if g := s.governor(c); !c.absorbed && c.ev >= 0 && g >= 0 {
			d.Events[c.ev].Governor = g + 1
		}
	}
}

// governor is the event of the candidate c is the object or complement
// of, past absorbed light verbs and weak heads ("decision to cancel"), or -1.
func (s *sentence) governor(c *cand) int {
	g := c.gov
	if g < 0 {
		g = c.objOf
	}
	for n := 0; g >= 0 && n < len(s.cands); n++ {
		if gc := s.cands[g]; !gc.absorbed && gc.ev >= 0 {
			return gc.ev
		}
		g = s.cands[g].gov
	}
	return -1
}

// nominalAntecedent finds, for a definite nominal without arguments ("the
// cancellation", "the quake"), the latest earlier event of the article with
// the same type and action: the same event mentioned again. It returns -1
// when there is none.
func (x *extractor) nominalAntecedent(s *sentence, c *cand, e *doc.EventMention) int {
	if !c.p.noun || len(e.Arguments) > 0 || c.lo == 0 {
		return -1
	}
	switch s.toks[c.lo-1].low {
	case "the", "this", "that", "these", "those", "its", "his", "her", "their":
	default:
		return -1
	}
	for i := len(x.d.Events) - 1; i >= 0; i-- {
		a := x.d.Events[i]
		if a.Type == e.Type && a.Action == e.Action && len(a.Arguments) > 0 && a.Modality == e.Modality {
			return i
		}
	}
	return -1
}

// recalled gives an event mention with no party of its own the parties of
// the last earlier mention of the same action in the article that its own
// sentence names again: in "Smith shot three men on Monday. ... Smith's
// lawyer called the shooting an accident" Smith shot. The argument is the
// mention in this sentence.
func (x *extractor) recalled(s *sentence, e *doc.EventMention) {
	if hasParty(e.Arguments) {
		return
	}
	seen := x.withParty[e.Action]
	for n := len(seen) - 1; n >= 0 && n >= len(seen)-recallDepth; n-- {
		a := &x.d.Events[seen[n]]
		if !sameKind(a.Type, e.Type) {
			continue
		}
		for _, arg := range a.Arguments {
			if !isParty(arg.Role) || slices.ContainsFunc(e.Arguments, func(b doc.Argument) bool { return b.Actor == arg.Actor }) {
				continue
			}
			if m := x.mentionIn(s, arg.Actor, e.Trigger); m >= 0 {
				e.Arguments = append(e.Arguments, doc.Argument{Role: arg.Role, Actor: arg.Actor, Mention: m})
			}
		}
		return
	}
}

// sameKind reports whether two mentions of one action may be one kind of
// event: the same family, or one of them without a specific one.
func sameKind(a, b doc.EventType) bool {
	fa, fb := typeFamily(a), typeFamily(b)
	generic := func(f string) bool { return f == "" || f == "occur" }
	return fa == fb || generic(fa) || generic(fb)
}

// recallDepth bounds how many earlier mentions of an action recalled
// looks at, newest first.
const recallDepth = 4

// isParty reports whether role is one of those who take part in an event:
// agent, target or participant (not its place).
func isParty(role string) bool {
	return role == doc.RoleAgent || role == doc.RoleTarget || role == doc.RoleParticipant
}

// hasParty reports whether args name an agent, target or participant.
func hasParty(args []doc.Argument) bool {
	return slices.ContainsFunc(args, func(a doc.Argument) bool { return isParty(a.Role) })
}

// mentionIn returns a mention of actor in sentence s outside span, or -1.
func (x *extractor) mentionIn(s *sentence, actor int, span doc.Span) int {
	for _, m := range x.mentionsOf(s.idx) {
		if am := x.d.ActorMentions[m]; am.Actor == actor && !am.Span.Overlaps(span) {
			return m
		}
	}
	return -1
}

// background marks events dated to their own time: "since the beginning
// of the conflict", "the anniversary of the attack", "years ago".
func (x *extractor) background(s *sentence) {
	for i := range s.toks {
		cu, n := x.cueAt(s, i, "background")
		if n == 0 {
			continue
		}
		_ = cu
		if s.toks[i].low == "anniversary" {
			for _, c := range s.cands {
				if c.head > i && c.head <= i+n+4 {
					c.background = true
					break
				}
			}
			continue
		}
		// The phrase's own object is background too ("since the
		// beginning of the conflict").
		for _, c := range s.cands {
			if c.head >= i+n && c.head <= i+n+3 {
				c.background = true
			}
		}
		// The phrase modifies the nearest event before it in its clause.
		var best *cand
		for _, c := range s.cands {
			if c.head < i && i-c.head <= 10 && !c.absorbed {
				best = c
			}
		}
		if best != nil {
			best.background = true
		}
	}
}

// segments splits a sentence into clause segments for timex attachment:
// commas, semicolons, subordinators and connectives end a segment.
func (x *extractor) segments(s *sentence) []int {
	if s.seg != nil {
		return s.seg
	}
	seg := make([]int, len(s.toks))
	s.seg = seg
	id := 0
	for i := range s.toks {
		w := s.toks[i].low
		if w == "," || w == ";" || w == ":" || s.toks[i].cls&cSub != 0 && w != "as" || s.toks[i].cls&cRel != 0 && w != "that" {
			id++
		} else if _, n := x.cueAt(s, i, "link"); n > 0 {
			id++
		}
		seg[i] = id
	}
	return seg
}

// timexOwnerOf is the event head token time expression t dates: the one
// the tree attaches it to (timexOwner), except that a month or a coarser
// period fronted before a speech verb dates what the verb reports, not the
// saying, which a news article reports as recent: "In 2020, Manning said
// that contribution was 57 per cent" (a day or a week still dates the
// saying: "On Monday, Manning said").
func (x *extractor) timexOwnerOf(s *sentence, t sentTimex) int {
	k := s.timexOwner(t)
	switch x.d.Timexes[t.idx].Granularity {
	case doc.GranMonth, doc.GranQuarter, doc.GranSeason, doc.GranYear, doc.GranDecade, doc.GranCentury:
	default:
		return k
	}
	if k < 0 || t.tok > k {
		return k
	}
	for _, c := range s.cands {
		if c.head == k && c.p.has(fSpeech) && len(c.said) > 0 {
			return s.cands[c.said[0]].head
		}
	}
	return k
}

func dayOf(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// date sets the event's time from a timex of its clause, the caption, or
// its tense and the publication date.
func (x *extractor) date(s *sentence, c *cand, e *doc.EventMention) {
	d := x.d
	e.Granularity = doc.GranUnknown
	e.Basis = doc.BasisUnknown
	txs := s.txs
	use := func(ti int) {
		t := d.Timexes[ti]
		e.Timex = ti
		e.Earliest, e.Latest, e.Value = t.Earliest, t.Latest, t.Value
		e.Granularity = t.Granularity
		if e.Granularity == "" {
			e.Granularity = doc.GranUnknown
		}
		e.Basis = t.Basis
		if e.Basis == "" {
			e.Basis = doc.BasisExplicit
		}
	}
	if s.kind == doc.BlockCaption {
		// A caption describes its picture: its own date or none, never
		// the article's.
		for _, t := range txs {
			if d.Timexes[t.idx].Bounded() {
				use(t.idx)
				return
			}
		}
		if len(txs) > 0 {
			use(txs[0].idx)
		}
		return
	}
	seg := x.segments(s)
	abs := func(v int) int {
		if v < 0 {
			return -v
		}
		return v
	}
	dct := d.Article.Published
	best, bestDist := -1, 1<<30
	// First the expression the tree attaches to the event itself, in
	// whatever segment.
	for _, t := range txs {
		if x.timexOwnerOf(s, t) == c.head && x.timexFits(c, e, d.Timexes[t.idx]) {
			use(t.idx)
			return
		}
	}
	// Not an expression that dates what the event reports.
	reported := func(t sentTimex) bool {
		o := s.timexOwner(t)
		return o == c.head && x.timexOwnerOf(s, t) != o
	}
	// Segment numbers grow along the sentence: the expressions of the
	// event's segment are one run of txs.
	first := sort.Search(len(txs), func(j int) bool { return seg[txs[j].tok] >= seg[c.head] })
	for _, t := range txs[first:] {
		if seg[t.tok] != seg[c.head] {
			break
		}
		if !x.timexFits(c, e, d.Timexes[t.idx]) || s.otherEventNoun(t, c.head) || reported(t) {
			continue
		}
		dist := abs(t.tok - c.head)
		if dist < bestDist {
			best, bestDist = t.idx, dist
		}
	}
	if best < 0 {
		// A fronted time adverbial: "On Monday, the US abstained".
		for _, t := range txs {
			if seg[t.tok] == seg[c.head]-1 && t.tok < c.head && !reported(t) {
				empty := true
				for _, o := range s.cands {
					if seg[o.head] == seg[t.tok] {
						empty = false
					}
				}
				if empty && seg[t.tok] == 0 {
					best = t.idx
				}
			}
		}
	}
	if best >= 0 {
		use(best)
		return
	}
	if c.background {
		return
	}
	if dct == nil {
		return
	}
	day := dayOf(*dct)
	e.Basis = doc.BasisPublication
	switch {
	case e.Modality == doc.Planned || e.Modality == doc.Threatened || e.Modality == doc.Demanded || e.Modality == doc.Hypothetical || c.tense == 'f':
		// After the publication day, but not placed on it.
		e.Earliest = day
	case c.perfect && c.tense == 'p':
		// "had met": before some past reference point, not the day of
		// the report.
		e.Latest = day
	default:
		// A news event reported without a date happened on or before
		// the publication day, and the day of the report is where
		// readers (and annotators) place it.
		e.Latest = day
		e.Value = day.Format(time.DateOnly)
		e.Granularity = doc.GranDay
	}
}

// timexFits reports whether tm can date c: a future date does not date a
// past event, nor a past date a planned one ("announced it will deploy
// troops next month").
func (x *extractor) timexFits(c *cand, e *doc.EventMention, tm doc.Timex) bool {
	dct := x.d.Article.Published
	if dct == nil {
		return true
	}
	if c.tense == 'p' && !tm.Earliest.IsZero() && tm.Earliest.After(dayOf(*dct)) {
		return false
	}
	if (c.tense == 'f' || e.Modality == doc.Planned) && !tm.Latest.IsZero() && tm.Latest.Before(dayOf(*dct)) {
		return false
	}
	return true
}

// summary writes "Agent action target" with actor names.
func (x *extractor) summary(s *sentence, c *cand, e *doc.EventMention) string {
	var agents, targets, parts, places []string
	placeText := "" // how the sentence names the first place: "Gaza"
	for _, a := range e.Arguments {
		if a.Actor < 0 || a.Actor >= len(x.d.Actors) {
			continue
		}
		n := x.d.Actors[a.Actor].Name
		switch a.Role {
		case doc.RoleAgent:
			agents = append(agents, n)
		case doc.RoleTarget:
			targets = append(targets, n)
		case doc.RoleParticipant:
			parts = append(parts, n)
		case doc.RolePlace:
			places = append(places, n)
			if len(places) == 1 && a.Mention >= 0 {
				placeText = x.d.ActorMentions[a.Mention].Text
			}
		}
	}
	var b strings.Builder
	subj := append(agents, parts...)
	if len(agents) > 0 {
		subj = agents
	}
	if len(subj) > 0 {
		b.WriteString(strings.Join(subj, " and "))
		b.WriteByte(' ')
		if len(subj) > 1 || len(agents) == 1 && x.pluralNoun(s, e.Arguments) {
			b.WriteString(e.Action) // "officials say"
		} else {
			b.WriteString(thirdPerson(e.Action))
		}
	} else {
		b.WriteString(e.Action)
	}
	obj := ""
	if !c.p.has(fSpeech) {
		obj = x.objectPhrase(s, c)
	}
	switch {
	case obj != "":
		b.WriteByte(' ')
		b.WriteString(obj)
	case len(targets) > 0:
		b.WriteByte(' ')
		b.WriteString(strings.Join(targets, " and "))
	}
	if len(agents) > 0 && len(parts) > 0 && !strings.Contains(" "+obj, " with ") {
		b.WriteString(" with ")
		b.WriteString(strings.Join(parts, " and "))
	}
	if len(places) > 0 && !strings.Contains(b.String(), places[0]) && (placeText == "" || !strings.Contains(b.String(), placeText)) {
		b.WriteString(" in ")
		b.WriteString(places[0])
	}
	if e.Modality != doc.Asserted {
		b.WriteString(" (")
		b.WriteString(string(e.Modality))
		b.WriteByte(')')
	}
	return b.String()
}

// objectPhrase returns the noun phrase right after a verbal trigger, or the
// "of"-phrase of a nominal one, without its determiner: "delegation to
// Washington".
func (x *extractor) objectPhrase(s *sentence, c *cand) string {
	k := c.hi
	if c.p.noun {
		if k < len(s.toks) && s.toks[k].low == "of" && !c.p.has(fIntr) {
			k++
		} else {
			return ""
		}
	} else if c.passive {
		return ""
	}
	for k < len(s.toks) && (s.toks[k].cls&cDet != 0 || s.toks[k].low == "'s") {
		k++
	}
	start := k
	end := k
	for ; k < len(s.toks) && k < start+6; k++ {
		w := s.toks[k].low
		if isPunct(w) && w != "-" || s.toks[k].cls&cSub != 0 || s.toks[k].cls&cRel != 0 || w == "and" || w == "by" || s.toks[k].cls&cAux != 0 && w != "'s" || s.toks[k].timex {
			break
		}
		if s.toks[k].lemma != "" && s.toks[k].ment < 0 && (s.toks[k].form == 'd' || s.toks[k].form == 's') && k > start {
			break
		}
		if s.toks[k].cls&cPrep != 0 && k > start && w != "to" && w != "of" && w != "in" {
			break
		}
		if k > start && s.toks[k].cls&cPrep == 0 && s.toks[k].cls&cDet == 0 && k+1 < len(s.toks) && s.toks[k+1].cls&cDet != 0 {
			break // "delegation highlights the ...": the next verb
		}
		end = k + 1
	}
	// Do not end on a preposition or determiner.
	for end > start && (s.toks[end-1].cls&cPrep != 0 || s.toks[end-1].cls&cDet != 0) {
		end--
	}
	if end <= start {
		return ""
	}
	return x.d.Article.Text[s.toks[start].Start:s.toks[end-1].End]
}

// pluralNoun reports whether the agent among args is known only by a
// plural common noun ("officials"); a name takes a singular verb whatever
// its form ("United States says"), and so do "US officials" that stand
// for a named government.
func (x *extractor) pluralNoun(s *sentence, args []doc.Argument) bool {
	for _, a := range args {
		if a.Role != doc.RoleAgent || a.Mention < 0 {
			continue
		}
		if pluralPronouns[strings.ToLower(x.d.ActorMentions[a.Mention].Text)] && x.anonymous(a.Mention) {
			return true // "They said": the experts say (but a government says)
		}
		one := x.oneWordName(a.Mention)
		if !one && !x.anonymous(a.Mention) && !x.pluralName(a.Mention) {
			continue
		}
		end := x.d.ActorMentions[a.Mention].Head.End
		for i := range s.toks {
			if t := &s.toks[i]; t.End == end {
				// "officials", "Chicagoans", "three" (people) in "Three
				// killed"; not "the United States"
				return t.XPOS == "NNS" || one && t.XPOS == "NNPS" || t.Tag == "NUM" && t.low != "one" && t.low != "1"
			}
		}
	}
	return false
}

// pluralPronouns stand for a plural agent whatever its name.
var pluralPronouns = map[string]bool{"they": true, "we": true}

// pluralName reports whether the actor of mention m is named after the
// mention's last word: "Syria rebels" for "Syrian rebels", whose number the
// verb follows; not a name headed before "of" ("the Department of Health
// and Human Services says").
func (x *extractor) pluralName(m int) bool {
	men := x.d.ActorMentions[m]
	text := men.Text
	if strings.Contains(text, " of ") {
		return false
	}
	if k := strings.LastIndexByte(text, ' '); k >= 0 {
		text = text[k+1:]
	}
	name := x.d.Actors[men.Actor].Name
	// "Georgian demonstrators" names "Georgia protesters": another plural.
	return strings.HasSuffix(name, " "+text) || strings.HasSuffix(text, "s") && strings.HasSuffix(name, "s") && strings.Contains(name, " ")
}

// oneWordName reports whether the actor of mention m is named by the
// mention's one word: "Chicagoans".
func (x *extractor) oneWordName(m int) bool {
	men := x.d.ActorMentions[m]
	return x.d.Actors[men.Actor].Name == men.Text && !strings.Contains(men.Text, " ")
}

// thirdPerson inflects a verb lemma for a singular subject.
func thirdPerson(v string) string {
	switch v {
	case "be":
		return "is"
	case "have":
		return "has"
	}
	n := len(v)
	afterConsonant := n > 1 && !strings.ContainsRune("aeiou", rune(v[n-2]))
	switch {
	case strings.HasSuffix(v, "y") && afterConsonant:
		return v[:n-1] + "ies"
	case strings.HasSuffix(v, "o") && afterConsonant: // "vetoes", "goes"
		return v + "es"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z"):
		return v + "es"
	}
	return v + "s"
}

// links finds temporal links signalled by connectives.
func (x *extractor) links(s *sentence) {
	d := x.d
	evAt := func(c *cand) int { return c.ev }
	// events of the sentence in order, with their head token
	type ev struct{ tok, ev int }
	var evs []ev
	for _, c := range s.cands {
		if e := evAt(c); e >= 0 {
			evs = append(evs, ev{c.head, e})
		}
	}
	add := func(from, to int, typ, cueText string) {
		if from < 0 || to < 0 || from == to {
			return
		}
		if typ == "included" {
			from, to, typ = to, from, doc.RelIncludes
		}
		for _, l := range d.Links {
			if l.From == from && l.To == to || l.From == to && l.To == from {
				return
			}
		}
		d.Links = append(d.Links, doc.Link{From: from, To: to, Type: typ, Cue: cueText, Sentence: s.idx})
	}
	firstAfter := func(k, limit int) int {
		for _, e := range evs {
			if e.tok >= k && e.tok < limit {
				return e.ev
			}
		}
		return -1
	}
	// segStart returns the start of the clause segment that ends at k.
	segStart := func(k int) int {
		for j := k - 1; j >= 0; j-- {
			w := s.toks[j].low
			if w == "," || w == ";" {
				return j + 1
			}
			if _, n := x.cueAt(s, j, "link"); n > 0 && j+n <= k {
				return j + n
			}
		}
		return 0
	}
	prevEvent := func(k int) int {
		// first event of the nearest clause segment before k that has one
		end := k
		for end > 0 {
			st := segStart(end)
			if e := firstAfter(st, end); e >= 0 {
				return e
			}
			if st-1 >= end {
				break
			}
			end = st - 1
		}
		if s.idx > 0 {
			// last event of the previous sentence
			for i := len(d.Events) - 1; i >= 0; i-- {
				if d.Events[i].Sentence < s.idx {
					return i
				}
			}
		}
		return -1
	}
	for i := 0; i < len(s.toks); i++ {
		if _, n := x.cueAt(s, i, "background"); n > 0 {
			i += n - 1
			continue
		}
		if cu, n := x.cueAt(s, i, "link"); n > 0 {
			cueText := strings.Join(cu.words, " ")
			fronted := len(cu.extra) > 0 && cu.extra[0] == "^" && isSentenceStart(s, i)
			if fronted {
				// "After X, Y": Y <rel> X.
				comma := len(s.toks)
				for j := i + n; j < len(s.toks); j++ {
					if s.toks[j].low == "," {
						comma = j
						break
					}
				}
				sub := firstAfter(i+n, comma)
				main := firstAfter(comma, len(s.toks))
				add(main, sub, cu.value, cueText)
			} else {
				from := -1
				if i > 0 {
					from = firstAfter(segStart(i), i)
					if from < 0 {
						from = prevEvent(segStart(i))
					}
				}
				// The event the cue introduces is in its own clause.
				end := len(s.toks)
				for j := i + n; j < len(s.toks); j++ {
					if w := s.toks[j].low; w == "," || w == ";" {
						end = j
						break
					}
				}
				to := firstAfter(i+n, end)
				add(from, to, cu.value, cueText)
			}
			i += n - 1
			continue
		}
		if cu, n := x.cueAt(s, i, "seq"); n > 0 {
			to := firstAfter(i+n, len(s.toks))
			if to < 0 {
				continue
			}
			from := -1
			for _, e := range evs {
				if e.tok < i {
					from = e.ev
				}
			}
			if from < 0 {
				from = prevEvent(0)
			}
			add(to, from, doc.RelAfter, strings.Join(cu.words, " "))
			i += n - 1
			continue
		}
		if cu, n := x.cueAt(s, i, "same"); n > 0 {
			this := firstAfter(0, len(s.toks))
			if i < len(s.toks)/2 {
				this = firstAfter(i+n, len(s.toks))
			}
			prev := -1
			for k := len(d.Events) - 1; k >= 0; k-- {
				if d.Events[k].Sentence < s.idx {
					prev = k
					break
				}
			}
			add(this, prev, doc.RelSimultaneous, strings.Join(cu.words, " "))
			i += n - 1
		}
	}
}
