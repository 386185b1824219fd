package resolve

import (
	_ "embed"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Stories: before any event is merged, each article is placed in a story,
// the set of articles that tell of the same happenings. An article joins
// the story of every earlier article it is close enough to (a link);
// an article that links to none starts a story of its own, and one that
// links to articles of two stories joins them. Closeness is the cosine of
// the two articles' profiles: their content words and the named actors
// they mention, each weighted by how rare it is among the articles seen
// (TF-IDF), so that two reports of one earthquake share "quake",
// "magnitude", the town and the agency, while two articles on different
// subjects share little but words every article uses. Headlines count as
// any other sentence: the same article under another headline keeps its
// story.
//
// A link depends on the two articles and on the word statistics of what
// was seen before, not on which other articles came first, so stories are
// nearly independent of arrival order (see the tests for the bound).

// Profile is what story detection keeps of an article.
type Profile struct {
	Article string
	// Words are the article's content words (lower case, plurals
	// reduced) with their counts, the most frequent first, at most
	// maxWords of them.
	Words []WordCount
	// Names are the named actors the article mentions (canonical actor
	// IDs), sorted.
	Names []string
	// Published is the publication day; zero when unknown.
	Published time.Time
}

// WordCount is a word and how often an article uses it.
type WordCount struct {
	Word  string
	Count int
}

// maxWords bounds an article's profile: the most frequent content words
// carry what it is about, and the bound keeps the index small.
const maxWords = 64

// StoryWindow is how many of the latest articles a new article is compared
// with (and whose word statistics weigh words).
const StoryWindow = 20000

// LinkThreshold is the cosine above which two articles tell one story.
var LinkThreshold = 0.25

// maxStoryGap is how far apart two dated articles of one story can be
// published.
const maxStoryGap = 30 * 24 * time.Hour

// nameWeight scales a named actor against a content word: a shared name
// says more than a shared word of the same rarity.
const nameWeight = 2.0

// idfPrior is the number of unseen articles assumed to lack every word, so
// that in the first articles of a stream a word they share is not taken
// for a word every article uses.
const idfPrior = 50

//go:embed data/stopwords.txt
var stopwordData string

var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(stopwordData, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// ProfileOf builds the profile of d; names are the canonical IDs of the
// named actors it mentions.
func ProfileOf(d *doc.Document, names []string) Profile {
	p := Profile{Article: d.Article.ID, Names: names}
	if d.Article.Published != nil {
		t := d.Article.Published.UTC()
		p.Published = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	counts := map[string]int{}
	txt := d.Article.Text
	for _, s := range d.Sentences {
		if s.Kind == doc.BlockCaption || s.Kind == doc.BlockMetadata {
			continue
		}
		toks := s.Tokens
		if len(toks) == 0 && s.Start >= 0 && s.Start <= s.End && s.End <= len(txt) {
			toks = text.Tokens(txt, s.Span) // a document built without tokens
		}
		for _, t := range toks {
			if t.End > len(txt) || t.Start < 0 || t.Start >= t.End {
				continue
			}
			if w, ok := contentWord(txt[t.Start:t.End]); ok {
				counts[w]++
			}
		}
	}
	p.Words = topWords(counts, maxWords)
	return p
}

// topWords returns the n most frequent words, ties in word order.
func topWords(counts map[string]int, n int) []WordCount {
	out := make([]WordCount, 0, len(counts))
	for w, c := range counts {
		out = append(out, WordCount{w, c})
	}
	slices.SortFunc(out, func(a, b WordCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Word, b.Word)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// contentWord normalizes a token and reports whether it is a content word:
// letters (inner hyphens and apostrophes allowed), three or more of them,
// not a stopword. Plurals and possessives are reduced.
func contentWord(tok string) (string, bool) {
	if len(tok) < 3 || len(tok) > 40 {
		return "", false
	}
	var b strings.Builder
	for _, r := range tok {
		switch {
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '-' || r == '\'' || r == '’' || r == '.':
			// kept out: "U.S." is "us", "Sa'ar" is "saar"
		default:
			return "", false
		}
	}
	w := stem(strings.TrimSuffix(b.String(), "s'"))
	if utf8.RuneCountInString(w) < 3 || stopwords[w] {
		return "", false
	}
	return w, true
}

// stem reduces an English plural to its singular ("quakes" "quake",
// "casualties" "casualty"); other words are left as they are.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// feature is a word or a name of a profile, numbered by the index.
type feature struct {
	id     int32
	weight float32 // 1 + log(count), times nameWeight for names
}

// ArticleStory is an article's place in a story, as the store keeps it.
type ArticleStory struct {
	Profile
	// Seq numbers articles in the order they were placed, across runs.
	Seq int64
	// Story is the story the article started or joined (stories that
	// merge later are found through Resolver.StoryOf).
	Story string
	// Links are the earlier articles it was found close to.
	Links []string
}

// storyDoc is an article known to the story index.
type storyDoc struct {
	ArticleStory
	feats []feature
}

// stories is the story index: the latest articles' profiles, an inverted
// index from features to them, and the stories as sets of articles.
type stories struct {
	ids   map[string]int32 // feature ("w:quake", "n:actor/...") -> id
	df    []int32          // per feature: articles in the window that have it
	post  [][]*storyDoc    // per feature: those articles, oldest first
	docs  []*storyDoc      // the window, oldest first
	byID  map[string]*storyDoc
	alias map[string]string // a story merged into another -> that one
	seq   int64
}

func newStories() *stories {
	return &stories{ids: map[string]int32{}, byID: map[string]*storyDoc{}, alias: map[string]string{}}
}

// find returns the story a story ID now belongs to.
func (s *stories) find(id string) string {
	for {
		to, ok := s.alias[id]
		if !ok {
			return id
		}
		if next, ok := s.alias[to]; ok {
			s.alias[id] = next // path halving
		}
		id = to
	}
}

// union merges two stories; the smaller ID names the result, so the
// outcome does not depend on the order of the calls.
func (s *stories) union(a, b string) string {
	a, b = s.find(a), s.find(b)
	if a == b {
		return a
	}
	if b < a {
		a, b = b, a
	}
	s.alias[b] = a
	return a
}

// StoryOf returns the story an article was placed in, "" when the article
// is unknown (or forgotten).
func (r *Resolver) StoryOf(article string) string {
	d, ok := r.stories.byID[article]
	if !ok {
		return ""
	}
	return r.stories.find(d.Story)
}

// features numbers a profile's words and names.
func (s *stories) features(p Profile) []feature {
	out := make([]feature, 0, len(p.Words)+len(p.Names))
	add := func(key string, w float32) {
		id, ok := s.ids[key]
		if !ok {
			id = int32(len(s.df))
			s.ids[key] = id
			s.df = append(s.df, 0)
			s.post = append(s.post, nil)
		}
		out = append(out, feature{id, w})
	}
	for _, wc := range p.Words {
		add("w:"+wc.Word, float32(1+math.Log(float64(wc.Count))))
	}
	for _, n := range p.Names {
		add("n:"+n, nameWeight)
	}
	slices.SortFunc(out, func(a, b feature) int { return int(a.id - b.id) })
	return slices.CompactFunc(out, func(a, b feature) bool { return a.id == b.id })
}

// idf is the weight of feature id's rarity among the articles in the window.
func (s *stories) idf(id int32) float64 {
	n := float64(len(s.docs) + idfPrior)
	return math.Log(n / float64(1+s.df[id]))
}

// cosine compares two articles' features under the current weights.
func (s *stories) cosine(a, b []feature) float64 {
	var dot, na, nb float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].id < b[j].id:
			w := float64(a[i].weight) * s.idf(a[i].id)
			na += w * w
			i++
		case i == len(a) || b[j].id < a[i].id:
			w := float64(b[j].weight) * s.idf(b[j].id)
			nb += w * w
			j++
		default:
			idf := s.idf(a[i].id)
			wa, wb := float64(a[i].weight)*idf, float64(b[j].weight)*idf
			dot += wa * wb
			na += wa * wa
			nb += wb * wb
			i, j = i+1, j+1
		}
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// maxPostings bounds how many of the latest articles per feature are
// looked at to find an article's candidates.
const maxPostings = 512

// A feature of more than one article in commonShare of the window (and
// of more than minCommon articles) finds no candidates.
const (
	commonShare = 20
	minCommon   = 64
)

// place adds an article to the index and returns its place: the story it
// joins, with the earlier articles it was found close to.
func (s *stories) place(p Profile) ArticleStory {
	if d, ok := s.byID[p.Article]; ok { // seen already (a re-run)
		a := d.ArticleStory
		a.Story = s.find(a.Story)
		return a
	}
	d := &storyDoc{ArticleStory: ArticleStory{Profile: p, Seq: s.seq, Story: p.Article}}
	d.feats = s.features(p)
	// Candidates: the articles sharing a feature, by the latest postings
	// of each; a word most articles use finds none (it still counts in
	// the cosine), which keeps the cost per article bounded on long
	// streams.
	seen := map[*storyDoc]bool{}
	var cands []*storyDoc
	common := max(minCommon, int32(len(s.docs)/commonShare))
	for _, f := range d.feats {
		if s.df[f.id] > common {
			continue
		}
		post := s.post[f.id]
		for _, o := range post[max(0, len(post)-maxPostings):] {
			if !seen[o] {
				seen[o] = true
				cands = append(cands, o)
			}
		}
	}
	// The document frequencies include the new article, as they will
	// for the articles after it.
	s.count(d, 1)
	for _, o := range cands {
		if datesAllow(d.Published, o.Published) && s.cosine(d.feats, o.feats) >= LinkThreshold {
			d.Links = append(d.Links, o.Article)
			d.Story = s.union(d.Story, o.Story)
		}
	}
	slices.Sort(d.Links)
	s.add(d)
	return d.ArticleStory
}

// know adds an article placed before (read back from the store or a
// snapshot), in the order they were placed.
func (s *stories) know(a ArticleStory) {
	if _, ok := s.byID[a.Article]; ok {
		return
	}
	d := &storyDoc{ArticleStory: a, feats: s.features(a.Profile)}
	s.count(d, 1)
	for _, l := range a.Links {
		if o, ok := s.byID[l]; ok {
			s.union(a.Story, o.Story)
		}
	}
	s.add(d)
}

// add indexes d as the latest article and forgets the oldest beyond the
// window.
func (s *stories) add(d *storyDoc) {
	s.seq = max(s.seq, d.Seq+1)
	for _, f := range d.feats {
		s.post[f.id] = append(s.post[f.id], d)
	}
	s.docs = append(s.docs, d)
	s.byID[d.Article] = d
	s.forget()
}

// KnowArticle seeds the resolver with an article's place in a story, read
// back from the store; articles must come in the order of their Seq, and
// before the events they report.
func (r *Resolver) KnowArticle(a ArticleStory) { r.stories.know(a) }

// count adds delta to the document frequencies of d's features.
func (s *stories) count(d *storyDoc, delta int32) {
	for _, f := range d.feats {
		s.df[f.id] += delta
	}
}

// forget drops the articles that fell out of the window.
func (s *stories) forget() {
	for len(s.docs) > StoryWindow {
		d := s.docs[0]
		s.docs[0] = nil
		s.docs = s.docs[1:]
		s.count(d, -1)
		for _, f := range d.feats {
			if l := s.post[f.id]; len(l) > 0 && l[0] == d {
				l[0] = nil
				s.post[f.id] = l[1:]
			}
		}
		delete(s.byID, d.Article)
	}
}

// datesAllow reports whether two articles published on a and b (zero when
// unknown) can tell one story.
func datesAllow(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return d <= maxStoryGap && d >= -maxStoryGap
}
