package article

import (
	"strings"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// LanguageOf is the ISO 639-1 code of an article's language ("en", "de"),
// empty when unknown.
func LanguageOf(a doc.Article) string {
	l := strings.ToLower(strings.TrimSpace(a.Props["language"]))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}
