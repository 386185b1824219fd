package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Language identification. eventgraph's extractors read English; an
// article in another language is still stored, tagged with its language,
// but nothing is extracted from it (doc.Article.English). The language is
// identified from the article's own text with whatlanggo (trigram
// profiles of 84 languages; go-trafilatura already links it, so it adds
// nothing to the binary): a page's declared language is often a
// template's default.
const (
	// languageSample bounds the text identified: a few paragraphs decide.
	languageSample = 4000
	// minLanguageLetters is the least text identified: shorter texts
	// keep their declared language.
	minLanguageLetters = 200
)

// LanguageOf is the ISO 639-1 code of an article's language ("en", "de"),
// empty when unknown.
func LanguageOf(a doc.Article) string {
	l := strings.ToLower(strings.TrimSpace(a.Props[doc.PropLanguage]))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// setLanguage identifies the article's language from its body text and
// records it in Props[doc.PropLanguage]; a declared language that
// differs is kept in Props["language_declared"]. A text too short or too
// mixed to tell keeps the declared language.
func setLanguage(a *doc.Article) {
	declared := LanguageOf(*a)
	sample, letters := languageText(*a)
	if letters < minLanguageLetters {
		if declared != "" {
			setProp(a, doc.PropLanguage, declared)
		}
		return
	}
	info := whatlanggo.Detect(sample)
	detected := info.Lang.Iso6391()
	switch {
	case info.Lang == whatlanggo.Eng:
		detected = "en"
	case detected == "" || !info.IsReliable():
		return // keeps the declared language
	}
	setProp(a, doc.PropLanguage, detected)
	if declared != "" && declared != detected {
		setProp(a, "language_declared", declared)
	}
}

// languageText is the start of the article's body (its title and
// metadata lines say little) and the number of letters in it.
func languageText(a doc.Article) (string, int) {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != doc.BlockBody && bl.Kind != doc.BlockHeading {
			continue
		}
		b.WriteString(a.Text[bl.Start:bl.End])
		b.WriteByte('\n')
		if b.Len() >= languageSample {
			break
		}
	}
	s := b.String()
	if len(a.Blocks) == 0 {
		s = a.Text
	}
	if len(s) > languageSample {
		i := languageSample
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s = s[:i]
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return s, letters
}
