package tagger

import "github.com/eventgraph/eventgraph/extract/syntax/internal/linear"

// candidates are the classes a word may take, as positions.
type candidates struct {
	pos   []uint16
	open  bool // pos are the open classes
	class int  // the class of a word with one, else -1
	// For a dictionary word with more than one class, the sums of the
	// weights of its own features (ownFeatures), so that scoring it adds
	// only those that see its context: own[(2*first+pass)*len(pos)+j] is
	// the sum for position pos[j] in pass, first (1) in its sentence or
	// not (0). Nil for other words.
	own []int32
}

// entry is a dictionary word laid out for tagging.
type entry struct {
	form   string
	word   word // described as a word not first in its sentence
	cands  candidates
	lemmas []string // by candidate
}

// entryTable finds the entries of the frequent words by the hash of their
// form (word.form): open addressing, each search starting at the hash's
// top bits.
type entryTable struct {
	shift uint32
	mask  uint32
	slots []dictSlot
}

type dictSlot struct {
	hash  uint64 // 0: empty
	entry *entry
}

// newEntryTable makes a table of the entries.
func newEntryTable(entries []*entry) *entryTable {
	bits := uint32(4)
	for 1<<bits < 2*len(entries) {
		bits++
	}
	d := &entryTable{shift: 64 - bits, mask: 1<<bits - 1, slots: make([]dictSlot, 1<<bits)}
	for _, e := range entries {
		h := max(e.word.form, 1)
		i := uint32(h >> d.shift)
		for d.slots[i].hash != 0 {
			i = (i + 1) & d.mask
		}
		d.slots[i] = dictSlot{h, e}
	}
	return d
}

// get returns the entry of form, whose hash is h, or nil.
func (d *entryTable) get(h uint64, form string) *entry {
	h = max(h, 1)
	for i := uint32(h >> d.shift); d.slots[i].hash != 0; i = (i + 1) & d.mask {
		if s := &d.slots[i]; s.hash == h && s.entry.form == form {
			return s.entry
		}
	}
	return nil
}

// prepareDictionary lays out t.dict for tagging, with the sums of the
// weights of each ambiguous word's own features.
func (t *Tagger) prepareDictionary() {
	positions := func(classes []uint16) []uint16 {
		pos := make([]uint16, len(classes))
		for j, c := range classes {
			pos[j] = t.pos.posOf[c]
		}
		return pos
	}
	entries := make([]*entry, 0, len(t.dict))
	var (
		feats linear.Features
		sums  sums
	)
	for form, classes := range t.dict {
		e := &entry{form: form, cands: candidates{pos: positions(classes), class: -1}}
		describeWord(&e.word, form, false, t.lower, t.lex)
		for _, c := range classes {
			e.lemmas = append(e.lemmas, t.Lemmas.Lemma(form, t.Tags[c].XPOS))
		}
		entries = append(entries, e)
		c := &e.cands
		if len(classes) == 1 {
			c.class = int(classes[0])
			continue
		}
		c.own = make([]int32, 0, 4*len(c.pos))
		for first := range 2 {
			w := e.word
			if first == 1 {
				w.flags |= flagFirst
			}
			feats = ownFeatures(feats[:0], &w)
			for pass := range t.tables {
				sums.reset(c)
				t.tables[pass].sum(feats, c, &sums)
				for _, p := range c.pos {
					c.own = append(c.own, sums.acc[p])
				}
			}
		}
	}
	t.entries = newEntryTable(entries)
	t.other = candidates{pos: positions(t.open), open: true, class: -1}
	if len(t.open) == 1 {
		t.other.class = int(t.open[0])
	}
}

// describe fills s.words, s.cands and s.entries for the words forms.
func (t *Tagger) describe(s *scratch, forms []string) {
	if cap(s.words) < len(forms) {
		s.words = make([]word, len(forms))
		s.cands = make([]*candidates, len(forms))
		s.entries = make([]*entry, len(forms))
	}
	s.words, s.cands, s.entries = s.words[:len(forms)], s.cands[:len(forms)], s.entries[:len(forms)]
	for i, f := range forms {
		w := &s.words[i]
		e := t.entries.get(formHash(f), f)
		s.entries[i] = e
		if e == nil {
			describeWord(w, f, i == 0, t.lower, t.lex)
			s.cands[i] = &t.other
			continue
		}
		*w = e.word
		if i == 0 {
			w.flags |= flagFirst
		}
		s.cands[i] = &e.cands
	}
}

// start begins scoring word i in pass: it sets the sums of its candidate
// positions to those of its own features when they are known, else to 0,
// and leaves in s.feats the own features left to add.
func (t *Tagger) start(s *scratch, i, pass int) {
	c := s.cands[i]
	s.feats = s.feats[:0]
	if c.own == nil {
		s.sums.reset(c)
		s.feats = ownFeatures(s.feats, &s.words[i])
		return
	}
	k := pass * len(c.pos)
	if i == 0 {
		k += 2 * len(c.pos)
	}
	s.sums.set(c, c.own[k:k+len(c.pos)])
}

// lemmas sets lemmas[i] to the lemma of forms[i] with class classes[i],
// after tag.
func (t *Tagger) lemmas(s *scratch, forms []string, classes []int, lemmas []string) {
	s.built, s.spans = s.built[:0], s.spans[:0]
	for i, f := range forms {
		if e := s.entries[i]; e != nil {
			p := t.pos.posOf[classes[i]]
			for j, q := range e.cands.pos {
				if q == p {
					lemmas[i] = e.lemmas[j]
				}
			}
			continue
		}
		tr := &t.lemmaRules[classes[i]]
		s.base = s.base[:0]
		if tr.keepCase {
			s.base = append(s.base, f...)
		} else {
			s.base = appendToLower(s.base, f)
		}
		found := t.Lemmas.find(s.base, tr)
		switch {
		case found.isExc:
			lemmas[i] = found.exception
		case found.r.add == "" && string(s.base) == f:
			lemmas[i] = f[:len(f)-found.r.cut]
		default:
			start := len(s.built)
			s.built = append(append(s.built, s.base[:len(s.base)-found.r.cut]...), found.r.add...)
			s.spans = append(s.spans, span{i, start, len(s.built)})
		}
	}
	if len(s.spans) > 0 {
		built := string(s.built)
		for _, sp := range s.spans {
			lemmas[sp.i] = built[sp.start:sp.end]
		}
	}
}
