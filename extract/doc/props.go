package doc

import "strings"

// Keys of Article.Props that the readers fill from the source's own
// metadata and that the store keeps on the article node.
const (
	// PropAuthor names the author(s), several joined by "; ".
	PropAuthor = "author"
	// PropSite is the publication's name ("The Denver Post").
	PropSite = "site"
	// PropLanguage is the article's language, an ISO 639-1 code ("en").
	PropLanguage = "language"
	// PropModified is the last modification, ISO 8601 with the source's
	// offset (or a bare day).
	PropModified = "modified"
	// PropPublishedTime is the publication time, RFC 3339 with the
	// source's offset, when the source gave a time of day.
	PropPublishedTime = "published_time"
	// PropPublishedYear is the publication year when the source gave
	// nothing finer: Published is then nil, since a day would be invented.
	PropPublishedYear = "published_year"
)

// English reports an article in English, or in a language not known:
// the extractors read English, and an article in another language gets
// no extraction.
func (a Article) English() bool {
	l := strings.ToLower(a.Props[PropLanguage])
	return l == "" || l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}
