// Command mixed checks cross-article identity on a stream that mixes
// corpora sharing no story: ECB+ documents (each sub-topic a story of its
// own), TempEval-3 TimeBank and AQUAINT texts (news of 1989-2000), and the
// HTML, feed and JSON-lines fixtures of the repository.
//
//	go run ./eval/mixed [-data DIR] [-ecb 1,2,3] [-orders 3] [-list N] [-storylead]
//
// Every source is rendered as the article a reader would meet (plain text
// with its date line, or the fixture file as it is), parsed and extracted
// as `eventgraph ingest` does, and resolved in one resolver in a mixed
// order. It reports:
//
//   - merges across corpora, and across ECB+ sub-topics: wrong by
//     construction (the corpora tell different stories);
//   - every cross-article merge (two articles' mentions in one event),
//     with the labels of testdata/merges.tsv, a hand-labelled sample: the
//     share of labelled merges that are right;
//   - order independence: the same articles in other orders and as
//     interleaved disjoint shards, compared with the first run by the
//     pairs of mentions they put in one event.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/eval/internal/coref"
	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/article"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/internal/pipeline"
	"github.com/eventgraph/eventgraph/resolve"
)

func main() {
	data := flag.String("data", "", "data directory holding ecbplus/ and tempeval3-train/; default ../shared/data from the repository root")
	topics := flag.String("ecb", strings.Join(DefaultTopics, ","), "comma-separated ECB+ topics to mix in")
	orders := flag.Int("orders", 3, "further orders (and shardings) to compare with the first")
	list := flag.Int("list", 0, "print up to N unlabelled cross-article merges of the sample (for labelling)")
	storyLead := flag.Bool("storylead", false, "resolve with resolve.Rules.StoryLead (merging on the lead within a story; off in ingest)")
	retold := flag.Bool("retold", false, "resolve with resolve.Rules.Retold (merging retold sentences within a story; off in ingest)")
	all := flag.Bool("all", false, "print every cross-article merge with its label (right, wrong, ? when unlabelled) and the resolver's evidence")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "")
	if err != nil {
		slog.Error("mixed", "err", err)
		os.Exit(1)
	}
	c, err := Load(dir, strings.Split(*topics, ","))
	if err != nil {
		slog.Error("mixed", "err", err)
		os.Exit(1)
	}
	root, err := evalkit.RepoRoot()
	if err != nil {
		slog.Error("mixed", "err", err)
		os.Exit(1)
	}
	labels, err := ReadLabels(filepath.Join(root, "eval", "mixed", "testdata", "merges.tsv"))
	if err != nil {
		slog.Warn("mixed: no labels", "err", err)
	}
	c.StoryLead = *storyLead
	c.Retold = *retold
	res := c.Run(labels, *orders)
	res.Print(os.Stdout)
	if *list > 0 {
		res.PrintUnlabelled(os.Stdout, *list)
	}
	if *all {
		res.PrintAll(os.Stdout)
	}
}

// DefaultTopics are the ECB+ topics mixed in by default: training topics,
// two sub-topics each.
var DefaultTopics = []string{"1", "3", "5", "8", "12", "19", "22", "24", "30", "33"}

// SampleSize is the size of the sample of cross-article merges labelled
// by hand in testdata/merges.tsv.
const SampleSize = 80

// Source is one extracted article with the story it is known to tell.
type Source struct {
	Corpus string // "ecb", "timeml", "fixture"
	// Story names the gold story: the ECB+ sub-topic, or the file for
	// the others (whose stories are not known in advance).
	Story string
	Doc   *doc.Document
}

// Corpus is the mixed stream, in the order it is resolved.
type Corpus struct {
	Sources []Source
	// StoryLead resolves with resolve.Rules.StoryLead (off in ingest).
	StoryLead bool
	// Retold resolves with resolve.Rules.Retold (off in ingest).
	Retold bool
}

var (
	dctRE  = regexp.MustCompile(`(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})`)
	textRE = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
	tagRE  = regexp.MustCompile(`<[^>]*>`)
)

// Load reads and extracts the corpus under dir: the ECB+ topics given,
// every TimeBank and AQUAINT text, and the fixtures of the repository.
func Load(dir string, topics []string) (*Corpus, error) {
	c := &Corpus{}
	seen := map[string]bool{}
	add := func(corpus, story, name string, data []byte) error {
		// A fixture may hold broken lines on purpose: the articles
		// that parse are kept, as ingest keeps them.
		arts, err := article.Parse(name, data, article.Auto)
		if err != nil && len(arts) == 0 {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, a := range arts {
			// An article read twice (the same text in two fixtures) is
			// stored once, as ingest does.
			if seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			c.Sources = append(c.Sources, Source{Corpus: corpus, Story: story, Doc: extract.Extract(a)})
		}
		return nil
	}
	for _, t := range topics {
		docs, err := ecb.ReadTopic(filepath.Join(dir, "ecbplus"), t)
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 {
			return nil, fmt.Errorf("no ECB+ topic %s under %s", t, dir)
		}
		for _, d := range docs {
			story := fmt.Sprintf("ecb %s/%v", d.Topic, d.Plus)
			if err := add("ecb", story, d.Name+".txt", []byte(ecbText(d))); err != nil {
				return nil, err
			}
		}
	}
	for _, sub := range []string{"TimeBank", "AQUAINT"} {
		files, err := filepath.Glob(filepath.Join(dir, "tempeval3-train", sub, "*.tml"))
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("no TimeML files under %s", filepath.Join(dir, "tempeval3-train", sub))
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			dct, text := dctRE.FindSubmatch(b), textRE.FindSubmatch(b)
			if dct == nil || text == nil {
				continue
			}
			body := strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(string(text[1]), "")))
			name := filepath.Base(f)
			if err := add("timeml", "timeml "+name, name+".txt", []byte("date "+string(dct[1])+"\n\n"+body+"\n")); err != nil {
				return nil, err
			}
		}
	}
	root, err := evalkit.RepoRoot()
	if err != nil {
		return nil, err
	}
	fixtures, err := filepath.Glob(filepath.Join(root, "extract", "article", "testdata", "*"))
	if err != nil {
		return nil, err
	}
	for _, f := range fixtures {
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			continue // extract/article/testdata/pages: page-reading fixtures
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if err := add("fixture", "fixture "+filepath.Base(f), filepath.Base(f), b); err != nil {
			return nil, err
		}
	}
	c.Sources = mixedOrder(c.Sources, 0)
	return c, nil
}

// ecbText renders an ECB+ document as a plain-text article: its title line
// (the first sentence, after the URL line of the ECB+ half), a blank line,
// and one paragraph per sentence.
func ecbText(d *ecb.Document) string {
	var parts []string
	for _, s := range d.Sentences {
		if d.Plus && s.Number == 0 {
			continue
		}
		parts = append(parts, d.Text[s.Span.Start:s.Span.End])
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// mixedOrder shuffles the sources with a fixed seed.
func mixedOrder(s []Source, seed uint64) []Source {
	out := slices.Clone(s)
	rng := rand.New(rand.NewPCG(seed, 42))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// mention identifies an event mention: article and index.
type mention struct {
	article string
	index   int
}

// Merge is a cross-article merge: two mentions of different articles that
// the resolver put in one event (the mention and the first mention of
// another article already in the event).
type Merge struct {
	Event            string
	A, B             Source
	MentionA         int // index in A.Doc.Events
	MentionB         int
	SameCorpus       bool
	SameKnownStory   bool // both ECB+ and of one sub-topic
	KnownWrongStory  bool // different corpora, or different ECB+ sub-topics
	Label            string
	SentenceA, SentB string
	// Reasons is the resolver's evidence for the merge of B's mention.
	Reasons []string
}

// Key identifies a merge in the labels file, independently of article IDs:
// both sentences' first 60 bytes and both triggers, sorted.
func (m Merge) Key() string {
	ta := m.A.Doc.Events[m.MentionA].TriggerText
	tb := m.B.Doc.Events[m.MentionB].TriggerText
	a := ta + " | " + clip(m.SentenceA)
	b := tb + " | " + clip(m.SentB)
	if b < a {
		a, b = b, a
	}
	return a + " || " + b
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:60]
	}
	return s
}

// Result is the outcome of a run.
type Result struct {
	Articles, Events, Mentions int
	Merges                     []Merge
	WrongStory                 int // merges across corpora or ECB+ sub-topics
	CrossCorpus                int // merges across corpora
	// Labelled and Right count the merges of the sample (Sample) that
	// testdata/merges.tsv labels, and those labelled right.
	Labelled, Right int
	// LabelledInStory and RightInStory count those that are not wrong by
	// construction (within one corpus, and within one ECB+ sub-topic).
	LabelledInStory, RightInStory int
	// AllLabelled and AllRight count every cross-article merge the
	// labels cover, and those labelled right.
	AllLabelled, AllRight int
	// Stories counts the stories; MixedStories those holding articles of
	// different corpora or ECB+ sub-topics.
	Stories, MixedStories int
	Orders                []OrderResult
}

// OrderResult compares another order's clustering with the first run's.
type OrderResult struct {
	Name   string
	Events int
	// Agreement scores this order's events against the first run's, as
	// a response against a key (mentions are the same on both sides).
	Agreement coref.Report
	// StoryF1 is the F1 of this order's same-story pairs of articles
	// against the first run's.
	StoryF1 float64
}

// Run resolves the corpus, checks its cross-article merges against the
// labels and compares further orders with the first.
func (c *Corpus) Run(labels map[string]string, orders int) Result {
	var res Result
	events, reasons, r := c.resolveAll(c.Sources)
	res.Articles = len(c.Sources)
	ids := map[string]bool{}
	byEvent := map[string][]mention{}
	srcOf := map[string]Source{}
	for i, s := range c.Sources {
		srcOf[s.Doc.Article.ID] = s
		for k, id := range events[i] {
			ids[id] = true
			res.Mentions++
			byEvent[id] = append(byEvent[id], mention{s.Doc.Article.ID, k})
		}
	}
	res.Events = len(ids)
	storyMembers := map[string]map[string]bool{}
	for _, s := range c.Sources {
		st := r.StoryOf(s.Doc.Article.ID)
		if storyMembers[st] == nil {
			storyMembers[st] = map[string]bool{}
		}
		storyMembers[st][gold(s)] = true
	}
	res.Stories = len(storyMembers)
	for _, m := range storyMembers {
		if len(m) > 1 {
			res.MixedStories++
		}
	}
	evs := make([]string, 0, len(byEvent))
	for id := range byEvent {
		evs = append(evs, id)
	}
	sort.Strings(evs)
	for _, id := range evs {
		ms := byEvent[id]
		// Each article after the first is one merge, with the event's
		// first mention.
		first := ms[0]
		seen := map[string]bool{first.article: true}
		for _, m := range ms[1:] {
			if seen[m.article] {
				continue
			}
			seen[m.article] = true
			a, b := srcOf[first.article], srcOf[m.article]
			mg := Merge{Event: id, A: a, B: b, MentionA: first.index, MentionB: m.index}
			mg.SentenceA, mg.SentB = sentence(a.Doc, first.index), sentence(b.Doc, m.index)
			mg.SameCorpus = a.Corpus == b.Corpus
			mg.SameKnownStory = a.Corpus == "ecb" && a.Story == b.Story
			mg.KnownWrongStory = !mg.SameCorpus || a.Corpus == "ecb" && a.Story != b.Story
			if mg.KnownWrongStory {
				res.WrongStory++
			}
			if !mg.SameCorpus {
				res.CrossCorpus++
			}
			mg.Label = labels[mg.Key()]
			if mg.Label != "" {
				res.AllLabelled++
				if mg.Label == "right" {
					res.AllRight++
				}
			}
			mg.Reasons = reasons[mention{m.article, m.index}]
			res.Merges = append(res.Merges, mg)
		}
	}
	for _, mg := range res.Sample(SampleSize) {
		if mg.Label == "" {
			continue
		}
		res.Labelled++
		if !mg.KnownWrongStory {
			res.LabelledInStory++
		}
		if mg.Label == "right" {
			res.Right++
			if !mg.KnownWrongStory {
				res.RightInStory++
			}
		}
	}
	base := partition(c.Sources, events)
	for k := 1; k <= orders; k++ {
		order := mixedOrder(c.Sources, uint64(k))
		name := fmt.Sprintf("shuffled order %d", k)
		if k%2 == 0 {
			// Disjoint shards, as parallel workers bring them: shard j
			// holds every k-th article of the first order, and the
			// shards' articles arrive interleaved in blocks of 8.
			order = sharded(c.Sources, k+1, 8)
			name = fmt.Sprintf("%d disjoint shards, interleaved", k+1)
		}
		ev, _, r2 := c.resolveAll(order)
		or := OrderResult{Name: name, StoryF1: storyAgreement(c.Sources, r, r2)}
		seen := map[string]bool{}
		for _, e := range ev {
			for _, id := range e {
				seen[id] = true
			}
		}
		or.Events = len(seen)
		or.Agreement = coref.Evaluate(base, partition(order, ev))
		res.Orders = append(res.Orders, or)
	}
	return res
}

// storyAgreement is the F1 of the same-story article pairs of b against
// those of a.
func storyAgreement(s []Source, a, b *resolve.Resolver) float64 {
	both, na, nb := 0, 0, 0
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			x, y := s[i].Doc.Article.ID, s[j].Doc.Article.ID
			sa := a.StoryOf(x) == a.StoryOf(y)
			sb := b.StoryOf(x) == b.StoryOf(y)
			if sa {
				na++
			}
			if sb {
				nb++
			}
			if sa && sb {
				both++
			}
		}
	}
	return evalkit.F1(evalkit.Ratio(both, nb), evalkit.Ratio(both, na))
}

// gold names the story a source is known to tell (its corpus for those
// whose stories are not known).
func gold(s Source) string {
	if s.Corpus == "ecb" {
		return s.Story
	}
	return s.Corpus
}

// sharded splits the sources into n shards (article i into shard i mod n)
// and interleaves them block by block.
func sharded(s []Source, n, block int) []Source {
	shards := make([][]Source, n)
	for i, x := range s {
		shards[i%n] = append(shards[i%n], x)
	}
	var out []Source
	for len(out) < len(s) {
		for j := range shards {
			k := min(block, len(shards[j]))
			out = append(out, shards[j][:k]...)
			shards[j] = shards[j][k:]
		}
	}
	return out
}

// resolveAll resolves the sources in order with the ingest rules (and
// StoryLead when c asks for it): each source's events, and the evidence
// of each mention that joined a known event.
func (c *Corpus) resolveAll(s []Source) ([][]string, map[mention][]string, *resolve.Resolver) {
	rules := pipeline.Rules()
	rules.StoryLead = c.StoryLead
	rules.Retold = c.Retold
	r := resolve.New(rules)
	out := make([][]string, len(s))
	reasons := map[mention][]string{}
	for i, x := range s {
		as := r.Add(x.Doc)
		out[i] = as.Events
		for _, m := range as.Merges {
			reasons[mention{x.Doc.Article.ID, m.Mention}] = m.Reasons
		}
	}
	return out, reasons, r
}

// partition gives each mention its event.
func partition(s []Source, events [][]string) coref.Partition {
	out := coref.Partition{}
	for i, x := range s {
		for k, id := range events[i] {
			out[fmt.Sprintf("%s#%d", x.Doc.Article.ID, k)] = id
		}
	}
	return out
}

func sentence(d *doc.Document, k int) string {
	si := d.Events[k].Sentence
	if si < 0 || si >= len(d.Sentences) {
		return ""
	}
	s := d.Sentences[si]
	return d.Article.Text[s.Start:s.End]
}

// Print writes the report.
func (r Result) Print(w io.Writer) {
	fmt.Fprintf(w, "mixed corpus: %d articles, %d event mentions, %d events, %d stories (%d mixing corpora or ECB+ sub-topics)\n",
		r.Articles, r.Mentions, r.Events, r.Stories, r.MixedStories)
	byKind := map[string]int{}
	for _, m := range r.Merges {
		k := m.A.Corpus + "+" + m.B.Corpus
		if m.A.Corpus > m.B.Corpus {
			k = m.B.Corpus + "+" + m.A.Corpus
		}
		byKind[k]++
	}
	fmt.Fprintf(w, "cross-article merges: %d %v; across corpora: %d; across ECB+ sub-topics of one topic (wrong by construction): %d\n", len(r.Merges), byKind, r.CrossCorpus, r.WrongStory-r.CrossCorpus)
	fmt.Fprintf(w, "sample of %d cross-article merges: %d labelled (testdata/merges.tsv), %d right (%.1f%%); leaving out those across ECB+ sub-topics: %d of %d right (%.1f%%)\n",
		min(SampleSize, len(r.Merges)), r.Labelled, r.Right, 100*evalkit.Ratio(r.Right, r.Labelled), r.RightInStory, r.LabelledInStory, 100*evalkit.Ratio(r.RightInStory, r.LabelledInStory))
	fmt.Fprintf(w, "all %d cross-article merges: %d labelled, %d right (%.1f%%)\n", len(r.Merges), r.AllLabelled, r.AllRight, 100*evalkit.Ratio(r.AllRight, r.AllLabelled))
	for _, o := range r.Orders {
		a := o.Agreement
		fmt.Fprintf(w, "order independence, %-32s events %d (first run %d); against the first run: events MUC %.3f B-cubed %.3f CEAF-e %.3f CoNLL %.3f, same-story article pairs F1 %.3f\n",
			o.Name, o.Events, r.Events, a.MUC.F1(), a.B3.F1(), a.CEAFe.F1(), a.CoNLL(), o.StoryF1)
	}
}

// Sample returns the n cross-article merges whose keys hash lowest: a
// random sample that stays the same as long as the merges do.
func (r Result) Sample(n int) []Merge {
	ms := slices.Clone(r.Merges)
	hash := func(m Merge) uint64 {
		h := fnv.New64a()
		io.WriteString(h, m.Key())
		return h.Sum64()
	}
	slices.SortFunc(ms, func(a, b Merge) int { return cmp.Compare(hash(a), hash(b)) })
	return ms[:min(n, len(ms))]
}

// PrintUnlabelled writes up to n merges of the sample the labels do not
// cover, as lines to add to testdata/merges.tsv once judged.
func (r Result) PrintUnlabelled(w io.Writer, n int) {
	for _, m := range r.Sample(SampleSize) {
		if m.Label != "" || n == 0 {
			continue
		}
		n--
		fmt.Fprintf(w, "?\t%s\t%s %s\n", m.Key(), m.A.Story, m.B.Story)
		fmt.Fprintf(w, "#   A: %s\n#   B: %s\n", strings.Join(strings.Fields(m.SentenceA), " "), strings.Join(strings.Fields(m.SentB), " "))
	}
}

// PrintAll writes every cross-article merge: its label ("?" when
// unlabelled), whether it is in the sample, the gold stories, both
// sentences and the resolver's evidence.
func (r Result) PrintAll(w io.Writer) {
	inSample := map[string]bool{}
	for _, m := range r.Sample(SampleSize) {
		inSample[m.Key()] = true
	}
	for _, m := range r.Merges {
		label := cmp.Or(m.Label, "?")
		if inSample[m.Key()] {
			label += "*"
		}
		fmt.Fprintf(w, "%s\t%s\t%s %s\n", label, m.Key(), m.A.Story, m.B.Story)
		fmt.Fprintf(w, "#   A: %s\n#   B: %s\n", strings.Join(strings.Fields(m.SentenceA), " "), strings.Join(strings.Fields(m.SentB), " "))
		fmt.Fprintf(w, "#   evidence: %s\n", strings.Join(m.Reasons, "; "))
		fmt.Fprintf(w, "#   A: %s\n#   B: %s\n", describe(m.A.Doc, m.MentionA), describe(m.B.Doc, m.MentionB))
	}
}

// describe gives a mention's modality, arguments and time expression, as
// the extractor found them.
func describe(d *doc.Document, k int) string {
	e := d.Events[k]
	parts := []string{fmt.Sprintf("%s %s", e.Action, e.Modality)}
	for _, a := range e.Arguments {
		if a.Actor >= 0 && a.Actor < len(d.Actors) {
			parts = append(parts, a.Role+"="+d.Actors[a.Actor].Key)
		}
	}
	if e.Timex >= 0 && e.Timex < len(d.Timexes) {
		t := d.Timexes[e.Timex]
		parts = append(parts, fmt.Sprintf("timex %q=%s", t.Text, t.Value))
	}
	return strings.Join(parts, " ")
}

// ReadLabels reads the labelled merges: lines "right|wrong<TAB>key[<TAB>
// note]"; lines starting with # and blank lines are skipped.
func ReadLabels(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) < 2 || cols[0] != "right" && cols[0] != "wrong" {
			return nil, fmt.Errorf("%s:%d: want right|wrong<TAB>key", path, line)
		}
		out[cols[1]] = cols[0]
	}
	return out, sc.Err()
}
