package timeline

import "math"

// Corroboration that raises an event above its most salient mention.
const (
	salPerArticle = 0.10 // each further article that reports it (up to 2)
	salPerMention = 0.05 // each further mention (up to 2)
)

// salience is an event's salience: its most salient mention's, plus
// corroboration by more articles and mentions, at most 1.
func salience(e Event) float64 {
	best := 0.0
	for _, m := range e.Mentions {
		best = max(best, m.Salience)
	}
	arts := articles(e)
	v := best + salPerArticle*float64(min(max(arts-1, 0), 2)) + salPerMention*float64(min(max(len(e.Mentions)-arts, 0), 2))
	return math.Round(min(v, 1)*100) / 100
}
