package actor

import "github.com/eventgraph/eventgraph/extract/doc"

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

// match1 is match without the memo.
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

// fit reports whether the case of token t fits entry e: acronyms only
// in uppercase (and not in an all-uppercase headline), entries flagged
// lower in any case, others capitalized.
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

// fits2 filters entries by the case of token t, which need not be one of
// the sentence's (a part of a compound).
func (s *state) fits2(t *tok, ents []int32) []int32 {
	var out []int32
	for _, id := range ents {
		if s.fit(t, &s.g.ents[id]) {
			out = append(out, id)
		}
	}
	return out
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
