package extract_test

import (
	"fmt"
	"time"

	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// Extract reads who did what to whom, and when: a date in the text, or
// the publication day for a past event the text does not date.
func ExampleExtract() {
	published := time.Date(2008, 7, 10, 0, 0, 0, 0, time.UTC)
	d := extract.Extract(doc.Article{
		ID:        "gao",
		Text:      "The Air Force selected Northrop Grumman on February 29. Boeing challenged the award, and a spokesman said the GAO upheld the protest.",
		Published: &published,
	})
	for _, e := range d.Events {
		var args []string
		for _, a := range e.Arguments {
			args = append(args, a.Role+"="+d.Actors[a.Actor].Name)
		}
		fmt.Printf("%s %q %v on %s (%s)\n", e.Action, e.TriggerText, args, e.Value, e.Basis)
	}
	// Output:
	// select "selected" [agent=Air Force target=Northrop Grumman] on 2008-02-29 (relative)
	// challenge "challenged" [agent=Boeing] on 2008-07-10 (publication)
	// award "award" [] on 2008-07-10 (publication)
	// say "said" [agent=spokesman] on 2008-07-10 (publication)
	// uphold "upheld" [agent=GAO] on 2008-07-10 (publication)
	// protest "protest" [] on 2008-07-10 (publication)
}
