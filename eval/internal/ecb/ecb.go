// Package ecb reads the ECB+ corpus (Cybulska and Vossen, 2014): the
// tokenized documents of ECB+/<topic>/*.xml with their mention markables and
// coreference relations, and ECBplus_coreference_sentences.csv, the list of
// sentences whose annotation is complete.
//
// A Document re-joins its tokens into a readable Text (sentences separated by
// a blank line, no space before closing punctuation, PTB quotes rendered as
// '"') and keeps the byte span of every token in it, so that eventgraph's
// extractors can run on Text and their output can be aligned with the gold
// mentions by byte offsets. Doc builds the doc.Document the extractors take.
//
// Coreference: a mention's Instance is the instance_id of the CROSS_DOC_COREF
// relation it is a source of (shared across the documents of a topic), or
// "INTRA:<doc>:<r_id>" for a within-document chain that takes part in no
// cross-document chain, or "" for a mention that is in no chain (a
// singleton; Mention.Chain then returns a unique id).
package ecb

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// TestTopics are the conventional ECB+ test topics (Cybulska and Vossen,
// 2015): nothing is tuned on them.
var TestTopics = []string{"36", "37", "38", "39", "40", "41", "42", "43", "44", "45"}

// Token is one gold token.
type Token struct {
	ID       int    // t_id
	Sentence int    // sentence number in the document (0-based, as in the file)
	Number   int    // position in the sentence
	Text     string // the token as written in the file
	// Span is the token's byte range in Document.Text. Its text equals Text
	// except for PTB quotes (`` and ''), rendered as '"'.
	Span doc.Span
}

// Mention is a markable anchored to tokens.
type Mention struct {
	ID  string // m_id, unique within the document
	Tag string // HUMAN_PART_PER, LOC_GEO, ACTION_OCCURRENCE...
	// Tokens index Document.Tokens, in text order.
	Tokens   []int
	Span     doc.Span // from the first token's start to the last token's end
	Sentence int      // sentence number of the first token
	Text     string   // Document.Text[Span]
	// Instance is the coreference chain: a CROSS_DOC_COREF instance id, an
	// "INTRA:<doc>:<r_id>" within-document chain, or "" (singleton).
	Instance string
	// Descriptor is the human-readable TAG_DESCRIPTOR of the instance, when
	// the chain is a cross-document one.
	Descriptor string

	doc string
}

// Class is the mention's main class: ACTION, NEG_ACTION, HUMAN_PART,
// NON_HUMAN_PART, LOC, TIME or UNKNOWN.
func (m Mention) Class() string { return Class(m.Tag) }

// Class maps an annotation tag to its main class.
func Class(tag string) string {
	for _, p := range []string{"NEG_ACTION", "ACTION", "HUMAN_PART", "NON_HUMAN_PART", "LOC", "TIME"} {
		if tag == p || strings.HasPrefix(tag, p+"_") {
			return p
		}
	}
	return "UNKNOWN"
}

// Chain returns the mention's coreference chain id; a mention in no chain
// gets a chain of its own, "SINGLE:<doc>:<m_id>".
func (m Mention) Chain() string {
	if m.Instance != "" {
		return m.Instance
	}
	return "SINGLE:" + m.doc + ":" + m.ID
}

// Sentence is one sentence of a document.
type Sentence struct {
	Number int      // sentence number as in the file
	Span   doc.Span // in Document.Text
	Tokens []int    // indexes into Document.Tokens
}

// Instance is a coreference target (a markable with a TAG_DESCRIPTOR).
type Instance struct {
	ID         string // instance_id
	Tag        string
	Descriptor string
}

// Document is one ECB+ file.
type Document struct {
	Name  string // file name without .xml: "1_10ecbplus"
	Topic string // "1"
	// Plus is true for the documents added by ECB+ (…ecbplus.xml), whose
	// sentence 0 is the URL the text was found at.
	Plus      bool
	Text      string
	Tokens    []Token
	Sentences []Sentence
	Mentions  []Mention
	// Instances are the cross-document instances the document links to,
	// by instance id.
	Instances map[string]Instance
}

// SentenceIndex returns the index in Sentences of sentence number n, or -1.
func (d *Document) SentenceIndex(n int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Number >= n })
	if i < len(d.Sentences) && d.Sentences[i].Number == n {
		return i
	}
	return -1
}

// Doc builds the extractors' input: a doc.Document whose Article.Text is
// d.Text, with one doc.Sentence per gold sentence (Index = position in
// d.Sentences) tokenized by text.Tokens. The URL line of an ECB+ document is
// a BlockMetadata sentence; the first sentence of the text is its title.
func (d *Document) Doc() *doc.Document {
	out := &doc.Document{Article: doc.Article{ID: d.Name, Source: d.Name, Text: d.Text}}
	for i, s := range d.Sentences {
		kind := doc.BlockBody
		switch {
		case d.Plus && s.Number == 0:
			kind = doc.BlockMetadata
		case (d.Plus && s.Number == 1) || (!d.Plus && s.Number == 0):
			kind = doc.BlockTitle
			out.Article.Title = d.Text[s.Span.Start:s.Span.End]
		}
		out.Article.Blocks = append(out.Article.Blocks, doc.Block{Span: s.Span, Kind: kind})
		out.Sentences = append(out.Sentences, doc.Sentence{
			Span: s.Span, Index: i, Block: i, Kind: kind,
			Tokens: text.Tokens(d.Text, s.Span),
		})
	}
	return out
}

// xml shapes.
type xmlDoc struct {
	Name      string     `xml:"doc_name,attr"`
	Tokens    []xmlToken `xml:"token"`
	Markables struct {
		Items []xmlMarkable `xml:",any"`
	} `xml:"Markables"`
	Relations struct {
		Items []xmlRelation `xml:",any"`
	} `xml:"Relations"`
}

type xmlToken struct {
	ID       int    `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Number   int    `xml:"number,attr"`
	Text     string `xml:",chardata"`
}

type xmlMarkable struct {
	XMLName    xml.Name
	ID         string `xml:"m_id,attr"`
	Descriptor string `xml:"TAG_DESCRIPTOR,attr"`
	Instance   string `xml:"instance_id,attr"`
	Anchors    []struct {
		TID int `xml:"t_id,attr"`
	} `xml:"token_anchor"`
}

type xmlRelation struct {
	XMLName xml.Name
	ID      string `xml:"r_id,attr"`
	Note    string `xml:"note,attr"`
	Sources []struct {
		ID string `xml:"m_id,attr"`
	} `xml:"source"`
	Target struct {
		ID string `xml:"m_id,attr"`
	} `xml:"target"`
}

// ReadFile reads one ECB+ XML file.
func ReadFile(path string) (*Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ecb: %w", err)
	}
	defer f.Close()
	d, err := Read(bufio.NewReader(f), filepath.Base(path))
	if err != nil {
		return nil, fmt.Errorf("ecb: %s: %w", path, err)
	}
	return d, nil
}

// Read parses an ECB+ document from r; name is its file name
// ("1_10ecbplus.xml"), used when the document has no doc_name.
func Read(r io.Reader, name string) (*Document, error) {
	var x xmlDoc
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("decode xml: %w", err)
	}
	if x.Name != "" {
		name = x.Name
	}
	name = strings.TrimSuffix(name, ".xml")
	d := &Document{Name: name, Plus: strings.HasSuffix(name, "plus"), Instances: map[string]Instance{}}
	if i := strings.IndexByte(name, '_'); i > 0 {
		d.Topic = name[:i]
	}
	d.join(x.Tokens)

	byTID := make(map[int]int, len(d.Tokens))
	for i, t := range d.Tokens {
		byTID[t.ID] = i
	}
	byMID := map[string]int{}
	for _, m := range x.Markables.Items {
		tag := m.XMLName.Local
		if len(m.Anchors) == 0 {
			if m.Instance != "" || m.Descriptor != "" {
				id := m.Instance
				if id == "" {
					id = "DESC:" + m.Descriptor
				}
				d.Instances[m.ID] = Instance{ID: id, Tag: tag, Descriptor: m.Descriptor}
			}
			continue
		}
		men := Mention{ID: m.ID, Tag: tag, doc: name}
		for _, a := range m.Anchors {
			if i, ok := byTID[a.TID]; ok {
				men.Tokens = append(men.Tokens, i)
			}
		}
		if len(men.Tokens) == 0 {
			continue
		}
		sort.Ints(men.Tokens)
		first, last := d.Tokens[men.Tokens[0]], d.Tokens[men.Tokens[len(men.Tokens)-1]]
		men.Span = doc.Span{Start: first.Span.Start, End: last.Span.End}
		men.Sentence = first.Sentence
		men.Text = d.Text[men.Span.Start:men.Span.End]
		byMID[m.ID] = len(d.Mentions)
		d.Mentions = append(d.Mentions, men)
	}
	// Instances were keyed by markable id while reading; re-key by instance id.
	byMarkable := d.Instances
	d.Instances = map[string]Instance{}
	for _, rel := range x.Relations.Items {
		switch rel.XMLName.Local {
		case "CROSS_DOC_COREF":
			inst := byMarkable[rel.Target.ID]
			id := rel.Note
			if id == "" {
				id = inst.ID
			}
			if id == "" {
				id = "CROSS:" + name + ":" + rel.ID
			}
			if inst.ID == "" {
				inst.ID = id
			}
			d.Instances[id] = inst
			for _, s := range rel.Sources {
				if i, ok := byMID[s.ID]; ok {
					d.Mentions[i].Instance = id
					d.Mentions[i].Descriptor = inst.Descriptor
				}
			}
		case "INTRA_DOC_COREF":
			id := "INTRA:" + name + ":" + rel.ID
			ids := []string{rel.Target.ID}
			for _, s := range rel.Sources {
				ids = append(ids, s.ID)
			}
			for _, mid := range ids {
				if i, ok := byMID[mid]; ok && d.Mentions[i].Instance == "" {
					d.Mentions[i].Instance = id
				}
			}
		}
	}
	return d, nil
}

// join renders the tokens as text.
func (d *Document) join(xt []xmlToken) {
	var b strings.Builder
	d.Tokens = make([]Token, 0, len(xt))
	prevSent := -1
	quoteOpen := false
	var prev string
	for _, t := range xt {
		tok := Token{ID: t.ID, Sentence: t.Sentence, Number: t.Number, Text: t.Text}
		out := t.Text
		isQuote := false
		switch out {
		case "``", "''", "\"":
			isQuote = true
			out = "\""
		}
		if t.Sentence != prevSent {
			if prevSent >= 0 {
				d.Sentences[len(d.Sentences)-1].Span.End = b.Len()
				b.WriteString("\n\n")
			}
			d.Sentences = append(d.Sentences, Sentence{Number: t.Sentence, Span: doc.Span{Start: b.Len()}})
			prevSent = t.Sentence
			quoteOpen = false
			prev = ""
		} else if needSpace(prev, t.Text, isQuote, quoteOpen) {
			b.WriteByte(' ')
		}
		if isQuote {
			switch t.Text {
			case "``":
				quoteOpen = true
			case "''":
				quoteOpen = false
			default:
				quoteOpen = !quoteOpen
			}
		}
		tok.Span = doc.Span{Start: b.Len(), End: b.Len() + len(out)}
		b.WriteString(out)
		s := &d.Sentences[len(d.Sentences)-1]
		s.Tokens = append(s.Tokens, len(d.Tokens))
		d.Tokens = append(d.Tokens, tok)
		prev = t.Text
	}
	if len(d.Sentences) > 0 {
		d.Sentences[len(d.Sentences)-1].Span.End = b.Len()
	}
	d.Text = b.String()
}

// needSpace decides whether a space separates prev and cur. quoteOpen says
// whether a '"' is open before cur.
func needSpace(prev, cur string, curIsQuote, quoteOpen bool) bool {
	if prev == "" {
		return false
	}
	switch prev {
	case "(", "[", "{", "$", "``", "#":
		return false
	case "\"":
		if quoteOpen { // the quote just opened
			return false
		}
	}
	if curIsQuote {
		// A closing quote hugs the previous word.
		return cur == "``" || (cur == "\"" && !quoteOpen)
	}
	switch cur {
	case ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "’s", "n't", "'re", "'ve", "'ll", "'d", "'m", "...":
		return false
	case "-":
		return !isWordy(prev)
	}
	if prev == "-" {
		return false
	}
	return true
}

func isWordy(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// Selected is the set of annotated sentences per document:
// Selected["1_10ecbplus"][3] is true when sentence 3 of 1_10ecbplus.xml is
// in ECBplus_coreference_sentences.csv.
type Selected map[string]map[int]bool

// Has reports whether sentence n of document name is selected.
func (s Selected) Has(name string, n int) bool { return s[name][n] }

// ReadSelected reads ECBplus_coreference_sentences.csv.
func ReadSelected(path string) (Selected, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ecb: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	out := Selected{}
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("ecb: %s: %w", path, err)
		}
		if len(rec) < 3 || line == 1 && rec[0] == "Topic" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(rec[2]))
		if err != nil {
			return nil, fmt.Errorf("ecb: %s:%d: sentence number: %w", path, line, err)
		}
		name := strings.TrimSpace(rec[0]) + "_" + strings.TrimSpace(rec[1])
		if out[name] == nil {
			out[name] = map[int]bool{}
		}
		out[name][n] = true
	}
	return out, nil
}

// Corpus is a set of topics read from an ECB+ release.
type Corpus struct {
	Root     string // the directory holding ECB+/ and the csv
	Docs     []*Document
	Selected Selected
}

// Topics lists the topic directories under root/ECB+, in numeric order.
func Topics(root string) ([]string, error) {
	ents, err := os.ReadDir(filepath.Join(root, "ECB+"))
	if err != nil {
		return nil, fmt.Errorf("ecb: %w", err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, ea := strconv.Atoi(out[i])
		b, eb := strconv.Atoi(out[j])
		if ea == nil && eb == nil {
			return a < b
		}
		return out[i] < out[j]
	})
	return out, nil
}

// ReadTopic reads every document of one topic, sorted by name.
func ReadTopic(root, topic string) ([]*Document, error) {
	paths, err := filepath.Glob(filepath.Join(root, "ECB+", topic, "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("ecb: %w", err)
	}
	sort.Strings(paths)
	var out []*Document
	for _, p := range paths {
		d, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		if d.Topic == "" {
			d.Topic = topic
		}
		out = append(out, d)
	}
	return out, nil
}

// ReadCorpus reads the given topics (all topics when none are given) and the
// selected-sentence list from root, the directory that holds ECB+/ and
// ECBplus_coreference_sentences.csv.
func ReadCorpus(root string, topics ...string) (*Corpus, error) {
	if len(topics) == 0 {
		var err error
		if topics, err = Topics(root); err != nil {
			return nil, err
		}
	}
	c := &Corpus{Root: root}
	for _, t := range topics {
		docs, err := ReadTopic(root, t)
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			return nil, fmt.Errorf("ecb: topic %q: no documents under %s", t, filepath.Join(root, "ECB+", t))
		}
		c.Docs = append(c.Docs, docs...)
	}
	sel, err := ReadSelected(filepath.Join(root, "ECBplus_coreference_sentences.csv"))
	if err != nil {
		return nil, err
	}
	c.Selected = sel
	return c, nil
}

// Mixed returns docs in a fixed order that interleaves topics and
// sub-topics (by a hash of each document's name and seed), as a stream of
// news would bring them: a resolver that reads them in this order gets no
// hint of the gold topic grouping from the order. Different seeds give
// different orders.
func Mixed(docs []*Document, seed uint64) []*Document {
	out := slices.Clone(docs)
	key := func(d *Document) uint64 {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d/%s", seed, d.Name)
		return h.Sum64()
	}
	slices.SortStableFunc(out, func(a, b *Document) int { return cmp.Compare(key(a), key(b)) })
	return out
}
