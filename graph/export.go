package graph

import (
	"math"
	"regexp"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// XSD datatypes of exported literals.
const (
	XSDInteger    = quad.IRI(NSXSD + "integer")
	XSDDecimal    = quad.IRI(NSXSD + "decimal")
	XSDDouble     = quad.IRI(NSXSD + "double")
	XSDBoolean    = quad.IRI(NSXSD + "boolean")
	XSDDate       = quad.IRI(NSXSD + "date")
	XSDGYearMonth = quad.IRI(NSXSD + "gYearMonth")
	XSDGYear      = quad.IRI(NSXSD + "gYear")
)

// ExportQuad returns q as exports write it, for RDF tools: every IRI
// expanded (eg:event/… → https://eventgraph.dev/ns#event/…), numbers as
// xsd:integer and xsd:decimal, booleans as xsd:boolean, and the days of
// date predicates as xsd:date, xsd:gYearMonth or xsd:gYear (xsd:dateTime
// with a time). The store keeps short IRIs and cayley's native values, so
// queries read as the README writes them.
func ExportQuad(q quad.Quad) quad.Quad {
	q.Subject, q.Predicate = expand(q.Subject), expand(q.Predicate)
	q.Object = expand(TypedLiteral(q.Predicate, q.Object))
	if q.Label != nil {
		q.Label = expand(q.Label)
	}
	return q
}

func expand(v quad.Value) quad.Value {
	switch v := v.(type) {
	case quad.IRI:
		return quad.IRI(voc.FullIRI(string(v)))
	case quad.TypedString:
		v.Type = quad.IRI(voc.FullIRI(string(v.Type)))
		return v
	}
	return v
}

// datePredicates hold days ("2024-03-26", "2024-03", "2024") or times.
var datePredicates = map[string]bool{
	string(Published): true, NSSchema + "datePublished": true,
	string(Modified): true, NSSchema + "dateModified": true,
}

var (
	dayRE       = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	yearMonthRE = regexp.MustCompile(`^\d{4}-\d{2}$`)
	yearRE      = regexp.MustCompile(`^\d{4}$`)
	dateTimeRE  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$`)
)

// TypedLiteral returns the object of predicate pred typed with its XSD
// datatype (see ExportQuad); IRIs and other values as they are.
func TypedLiteral(pred, v quad.Value) quad.Value {
	typed := func(s string, t quad.IRI) quad.Value { return quad.TypedString{Value: quad.String(s), Type: t} }
	switch v := v.(type) {
	case quad.Int:
		return typed(strconv.FormatInt(int64(v), 10), XSDInteger)
	case quad.Float:
		f := float64(v)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return typed(strconv.FormatFloat(f, 'g', -1, 64), XSDDouble)
		}
		return typed(strconv.FormatFloat(f, 'f', -1, 64), XSDDecimal)
	case quad.Bool:
		return typed(strconv.FormatBool(bool(v)), XSDBoolean)
	case quad.String:
		p, _ := pred.(quad.IRI)
		if !datePredicates[string(p)] {
			return v
		}
		switch s := string(v); {
		case dayRE.MatchString(s):
			return typed(s, XSDDate)
		case yearMonthRE.MatchString(s):
			return typed(s, XSDGYearMonth)
		case yearRE.MatchString(s):
			return typed(s, XSDGYear)
		case dateTimeRE.MatchString(s):
			return typed(s, XSDDateTime)
		}
	}
	return v
}
