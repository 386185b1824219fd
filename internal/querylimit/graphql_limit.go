package querylimit

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/query/graphql"
	"github.com/dennwc/graphql/language/ast"
	"github.com/dennwc/graphql/language/parser"
)

// ErrNoLimit is returned when Limit cannot place a limit in a query it
// parsed (a position it cannot map back to the text).
var ErrNoLimit = errors.New("cannot apply the result limit to this GraphQL query")

// Limit rewrites a GraphQL query so that every field with a selection
// (each one a list of nodes in cayley) returns at most n results: it adds
// first: n where no limit is given and lowers a larger or negative one.
// cayley reads a limit from any argument named first, ~first or <first>,
// on the field or in its @rev directive; all of them are bounded. A query
// that does not parse is returned as it is, for cayley to report its error.
// Check the query first: the parser is recursive.
func Limit(q string, n int) (string, error) {
	doc, err := parseGraphQL(q)
	var refused *Error
	if errors.As(err, &refused) {
		return q, err
	}
	if err != nil {
		return q, nil
	}
	l := limiter{q: q, n: n}
	for _, def := range doc.Definitions {
		if op, ok := def.(*ast.OperationDefinition); ok {
			if err := l.set(op.SelectionSet); err != nil {
				return q, err
			}
		}
	}
	return l.apply(), nil
}

// ErrUnparsable is the reason for a query the GraphQL parser panics on
// (`""""""`, an empty block string, indexes past its end).
var ErrUnparsable = errors.New("query the parser cannot read")

// parseGraphQL parses q, turning a panic of the parser into an *Error.
func parseGraphQL(q string) (doc *ast.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, &Error{Lang: "graphql", Reason: ErrUnparsable, Detail: fmt.Sprint("the GraphQL parser failed: ", r)}
		}
	}()
	return parser.Parse(parser.ParseParams{Source: q})
}

type edit struct {
	start, end int // bytes of q replaced
	text       string
}

type limiter struct {
	q     string
	n     int
	edits []edit
}

func (l *limiter) set(ss *ast.SelectionSet) error {
	if ss == nil {
		return nil
	}
	for _, sel := range ss.Selections {
		f, ok := sel.(*ast.Field)
		if !ok || f.SelectionSet == nil {
			continue
		}
		if err := l.field(f); err != nil {
			return err
		}
		if err := l.set(f.SelectionSet); err != nil {
			return err
		}
	}
	return nil
}

// field bounds the limits of one field, or adds one.
func (l *limiter) field(f *ast.Field) error {
	args := f.Arguments
	for _, d := range f.Directives {
		if d.Name != nil && (d.Name.Value == "rev" || d.Name.Value == "reverse") {
			args = append(args[:len(args):len(args)], d.Arguments...)
		}
	}
	found := false
	for _, a := range args {
		if a.Name == nil || !isLimitKey(a.Name.Value) {
			continue
		}
		found = true
		v, ok := a.Value.(*ast.IntValue)
		if !ok || v.Loc == nil {
			continue // cayley refuses a limit that is not an integer
		}
		if k, err := strconv.Atoi(v.Value); err == nil && k >= 0 && k <= l.n {
			continue
		}
		// Numbers are located in bytes.
		if v.Loc.End > len(l.q) || v.Loc.Start > v.Loc.End || l.q[v.Loc.Start:v.Loc.End] != v.Value {
			return fmt.Errorf("%w (limit %q)", ErrNoLimit, v.Value)
		}
		l.edits = append(l.edits, edit{v.Loc.Start, v.Loc.End, strconv.Itoa(l.n)})
	}
	if found {
		return nil
	}
	// The lexer counts a name's end in characters from where the name
	// starts, and starts it in bytes after the previous token, so a name
	// is located only when every character outside strings before its end
	// is ASCII: checked here.
	if f.Name == nil || f.Name.Loc == nil {
		return ErrNoLimit
	}
	end := f.Name.Loc.End
	if end > len(l.q) || !strings.HasSuffix(l.q[:end], f.Name.Value) {
		return fmt.Errorf("%w (field %q: cayley's GraphQL lexer misplaces names after non-ASCII characters outside strings)", ErrNoLimit, f.Name.Value)
	}
	if len(f.Arguments) == 0 {
		l.edits = append(l.edits, edit{end, end, "(" + graphql.LimitKey + ": " + strconv.Itoa(l.n) + ")"})
		return nil
	}
	paren := skipIgnored(l.q, end)
	if paren >= len(l.q) || l.q[paren] != '(' {
		return fmt.Errorf("%w (field %q)", ErrNoLimit, f.Name.Value)
	}
	l.edits = append(l.edits, edit{paren + 1, paren + 1, graphql.LimitKey + ": " + strconv.Itoa(l.n) + ", "})
	return nil
}

// isLimitKey reports the argument names cayley takes as a limit.
func isLimitKey(name string) bool {
	name = strings.TrimPrefix(name, "~")
	if len(name) > 2 && name[0] == '<' && name[len(name)-1] == '>' {
		name = name[1 : len(name)-1]
	}
	return name == graphql.LimitKey
}

// skipIgnored skips GraphQL's ignored tokens (white space, commas, byte
// order marks, comments) from byte i.
func skipIgnored(q string, i int) int {
	for i < len(q) {
		switch {
		case q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r' || q[i] == ',':
			i++
		case strings.HasPrefix(q[i:], "\uFEFF"):
			i += len("\uFEFF")
		case q[i] == '#':
			for i < len(q) && q[i] != '\n' && q[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func (l *limiter) apply() string {
	if len(l.edits) == 0 {
		return l.q
	}
	sort.Slice(l.edits, func(i, j int) bool { return l.edits[i].start > l.edits[j].start })
	out := l.q
	for _, e := range l.edits {
		out = out[:e.start] + e.text + out[e.end:]
	}
	return out
}
