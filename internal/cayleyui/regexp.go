package cayleyui

import (
	"time"

	"github.com/dlclark/regexp2"
)

// regexMatchTimeout bounds one match of a JavaScript regular expression in
// a Gizmo script. goja runs those with regexp2, which backtracks (a
// backreference or a lookahead in the pattern: `/^(a+)+\1b$/`) and cannot
// be interrupted: one match can take exponential time in Go code the VM's
// interrupt never reaches, so a stopped query's goroutine spun on for
// minutes after its request had ended. A match past the bound gives up
// and counts as no match (goja's handling of regexp2's timeout error),
// after which the script is interrupted as usual. Patterns regexp2 reads
// are compiled with regexp2.DefaultMatchTimeout, which is set here for the
// whole process: goja is its only user in eventgraph.
const regexMatchTimeout = 100 * time.Millisecond

func init() {
	regexp2.DefaultMatchTimeout = regexMatchTimeout
}
