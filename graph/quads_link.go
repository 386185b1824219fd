package graph

import (
	"github.com/eventgraph/eventgraph/extract/doc"
)

// links adds the temporal relations the article states between its
// events (shared, on the events).
func (m *mapping) links() {
	d, as, sh := m.d, m.as, &m.shared
	for _, l := range d.Links {
		if l.From < 0 || l.From >= len(d.Events) || l.To < 0 || l.To >= len(d.Events) {
			continue
		}
		from, to := NodeIRI(as.Events[l.From]), NodeIRI(as.Events[l.To])
		if from == to {
			continue
		}
		switch l.Type {
		case doc.RelAfter:
			sh.add(from, After, to)
		case doc.RelBefore:
			sh.add(from, Before, to)
		case doc.RelSimultaneous:
			sh.add(from, Same, to)
		}
	}
}
