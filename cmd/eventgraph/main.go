// Command eventgraph turns news articles into a chronological event timeline
// and a knowledge graph stored as quads in cayley.
//
//	eventgraph ingest seeds/          # extract and store
//	eventgraph timeline               # print the ordered events
//	eventgraph query 'g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").Out("<rdf:type>").Out("<eg:action>").All()'
//	eventgraph serve                  # cayley's UI and the timeline page
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first signal asks the command to stop after the work in
		// hand; signals are then left to their default, so a second one
		// ends the process at once.
		s := <-sig
		signal.Stop(sig)
		cancel(fmt.Errorf("received %v", s))
		fmt.Fprintln(os.Stderr, "eventgraph: stopping after the work in hand (interrupt again to quit at once)")
	}()
	err := newRootCmd(osApp()).ExecuteContext(ctx)
	signal.Stop(sig)
	interrupted := ctx.Err() != nil
	cancel(nil)
	if err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "eventgraph:", err)
		if interrupted {
			os.Exit(interruptedStatus)
		}
		os.Exit(1)
	}
}

// interruptedStatus is the exit status of a command stopped by SIGINT or
// SIGTERM, as a shell gives it.
const interruptedStatus = 130

// exitError ends the program with a status code after its message was
// already printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
