// Command cameo measures how well extract/event's CAMEO coding agrees with
// the PETRARCH validation records in ../shared/data/cameo-validation.
//
//	go run ./eval/cameo [-data DIR] [-errors N]
//
// Each record is one sentence with its gold <EventCoding eventcode
// sourcecode targetcode> lines (or noevents="True"). The sentence goes
// through the extraction pipeline (text.Sentences/Tokens, actor.Recognize,
// event.Extract; the record's date is the publication date) and the
// sentence's primary event is chosen (see Primary). Scores, per file:
//
//   - root agreement: share of records with gold events whose primary event's
//     root code (first two digits) is the root of one of the gold codings;
//   - any-event root agreement: share whose gold root is the root of any
//     coded event of the sentence (an upper bound for primary selection);
//   - no-event precision: share of noevents records where no primary event
//     was coded;
//   - source and target agreement: over records whose root agrees, share
//     whose primary event's agent (target) actor code has the same first three
//     letters (the country or IGO/organization root: "USA" of "USAGOV") as the
//     gold sourcecode (targetcode) of a gold coding with that root. Records
//     whose gold actor is empty are not counted. An actor without a code
//     (a person) takes the code of the organization or country its first
//     coded relation points to (see ActorCode); with no agent, participants
//     stand for the source.
//
// PETR2_GSR_validation.xml holds real news sentences (its codings are
// PETRARCH-2 output checked by hand); PETR_Validate_records_2_02.xml holds
// functional tests with fictional actors (Arnor, Gondor) coded with the
// test verb dictionary, so only its event codes mean anything here, and
// records marked evaluate="false" are skipped.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/eval/internal/evalkit"
	"github.com/eventgraph/eventgraph/extract"
	"github.com/eventgraph/eventgraph/extract/doc"
	"github.com/eventgraph/eventgraph/extract/text"
)

// Files are the validation files scored, real news first.
var Files = []string{"PETR2_GSR_validation.xml", "PETR_Validate_records_2_02.xml"}

func main() {
	data := flag.String("data", "", "cameo-validation directory; default ../shared/data/cameo-validation from the repository root")
	errs := flag.Int("errors", 0, "print up to N disagreements per file")
	flag.Parse()
	dir, err := evalkit.DataDir(*data, "cameo-validation")
	if err != nil {
		slog.Error("cameo", "err", err)
		os.Exit(1)
	}
	for _, f := range Files {
		recs, err := ReadFile(filepath.Join(dir, f))
		if err != nil {
			slog.Error("cameo", "err", err)
			os.Exit(1)
		}
		res := Score(recs, 0)
		res.Print(os.Stdout, f)
		if *errs > 0 {
			res.PrintErrors(os.Stdout, *errs)
		}
	}
}

// Coding is one gold event coding.
type Coding struct{ Event, Source, Target string }

// Record is one validation sentence.
type Record struct {
	ID       string
	Date     *time.Time
	Text     string
	Codings  []Coding
	NoEvents bool
}

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	reAttr     = regexp.MustCompile(`(\w+)="([^"]*)"`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*)/?>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[a[1]] = a[2]
	}
	return m
}

// ReadFile reads a PETRARCH validation file. The files are not always
// well-formed XML (some <Sentence> tags are self-closed before their
// content), so records are cut out with patterns instead of a parser.
func ReadFile(path string) ([]Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cameo: %w", err)
	}
	s := reComment.ReplaceAllString(string(b), "")
	var out []Record
	for _, m := range reSentence.FindAllStringSubmatch(s, -1) {
		a := attrs(m[1])
		if a["evaluate"] == "false" {
			continue
		}
		body := m[2]
		tm := reText.FindStringSubmatch(body)
		if tm == nil {
			continue
		}
		r := Record{ID: a["id"], Text: strings.Join(strings.Fields(tm[1]), " ")}
		if d, err := time.Parse("20060102", a["date"]); err == nil {
			r.Date = &d
		}
		for _, c := range reCoding.FindAllStringSubmatch(body, -1) {
			ca := attrs(c[1])
			if strings.EqualFold(ca["noevents"], "true") {
				r.NoEvents = true
				continue
			}
			if ca["eventcode"] == "" {
				continue
			}
			r.Codings = append(r.Codings, Coding{Event: ca["eventcode"], Source: ca["sourcecode"], Target: ca["targetcode"]})
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("cameo: %s: no records", path)
	}
	return out, nil
}

// Extract runs the pipeline on one record.
func Extract(r Record) *doc.Document {
	a := doc.Article{ID: r.ID, Text: r.Text, Published: r.Date}
	a.Blocks = []doc.Block{{Span: doc.Span{Start: 0, End: len(r.Text)}, Kind: doc.BlockBody}}
	d := &doc.Document{Article: a}
	for _, sp := range text.Sentences(r.Text, doc.Span{Start: 0, End: len(r.Text)}) {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp, Index: len(d.Sentences), Kind: doc.BlockBody, Tokens: text.Tokens(r.Text, sp)})
	}
	extract.Sentenced(d)
	return d
}

// Primary returns the index of the sentence's primary event, or -1. Among
// the coded, asserted, reported or planned events it takes a statement
// coded by what it reports (CAMEO codes "X said Y attacked Z" as X accusing
// Y), else the first event with an actor argument, else the first event;
// planned events ("is scheduled to attend a summit", which event coders
// code as the visit) after asserted ones of the same rank; gerunds heading
// adjuncts ("jailed a student for helping militants") after main-clause
// events; plain statements (010) only when nothing else is coded.
func Primary(d *doc.Document) int {
	best, bestScore := -1, -1
	for i, e := range d.Events {
		if e.Type.Code == "" || e.Modality != doc.Asserted && e.Modality != doc.Reported && e.Modality != doc.Planned {
			continue
		}
		score := 2
		if len(e.Arguments) > 0 {
			score = 4
		}
		if strings.Contains(e.Pattern, "statement reporting") {
			score = 6
		}
		if secondary(d, e) {
			score -= 2
		}
		if e.Modality == doc.Planned {
			// "is scheduled to attend a summit": coders code the visit
			score--
		}
		if e.Type.Code == "010" && e.Type.Extension == "" {
			score = 0
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// ActorCode is an actor's CAMEO code, or for an actor without one (a
// person) the code of the first organization, government or country it
// holds a role in or belongs to.
func ActorCode(d *doc.Document, i int) string {
	a := d.Actors[i]
	if a.Code != "" {
		return a.Code
	}
	for _, r := range a.Relations {
		if r.Object >= 0 && r.Object < len(d.Actors) && d.Actors[r.Object].Code != "" {
			return d.Actors[r.Object].Code
		}
	}
	return ""
}

// secondary reports whether a verbal trigger heads an adjunct ("jailed a
// student for helping militants", "after killing"): a coder codes the main
// clause.
func secondary(d *doc.Document, e doc.EventMention) bool {
	toks := d.Sentences[e.Sentence].Tokens
	for i, t := range toks {
		if t.Start == e.Trigger.Start {
			if i == 0 {
				return false
			}
			switch strings.ToLower(toks[i-1].Text) {
			case "for", "after", "before", "by", "of", "while", "when", "without", "since", "in":
				return strings.HasSuffix(strings.ToLower(t.Text), "ing")
			}
			return false
		}
	}
	return false
}

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

func actorRoot(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// Result holds the counts of one file.
type Result struct {
	Records, WithEvents, RootOK, AnyOK int
	NoEvent, NoEventOK                 int
	SrcN, SrcOK, TgtN, TgtOK           int
	Errors                             []string
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// RootAgreement is the primary event's root-code agreement.
func (r Result) RootAgreement() float64 { return pct(r.RootOK, r.WithEvents) }

func (r Result) Print(w io.Writer, name string) {
	fmt.Fprintf(w, "CAMEO validation %s: %d records, %d with gold events\n", name, r.Records, r.WithEvents)
	fmt.Fprintf(w, "  root agreement (primary event)  %.3f (%d/%d)\n", r.RootAgreement(), r.RootOK, r.WithEvents)
	fmt.Fprintf(w, "  root agreement (any event)      %.3f (%d/%d)\n", pct(r.AnyOK, r.WithEvents), r.AnyOK, r.WithEvents)
	fmt.Fprintf(w, "  no-event records left uncoded   %.3f (%d/%d)\n", pct(r.NoEventOK, r.NoEvent), r.NoEventOK, r.NoEvent)
	fmt.Fprintf(w, "  source actor root agreement     %.3f (%d/%d)\n", pct(r.SrcOK, r.SrcN), r.SrcOK, r.SrcN)
	fmt.Fprintf(w, "  target actor root agreement     %.3f (%d/%d)\n", pct(r.TgtOK, r.TgtN), r.TgtOK, r.TgtN)
}

func (r Result) PrintErrors(w io.Writer, n int) {
	for i, e := range r.Errors {
		if i >= n {
			break
		}
		fmt.Fprintln(w, "  ", e)
	}
}

// Score codes every record (the first limit records when limit > 0).
func Score(recs []Record, limit int) Result {
	var res Result
	for i, r := range recs {
		if limit > 0 && i >= limit {
			break
		}
		res.Records++
		d := Extract(r)
		p := Primary(d)
		if len(r.Codings) == 0 {
			if r.NoEvents {
				res.NoEvent++
				if p < 0 {
					res.NoEventOK++
				} else {
					res.Errors = append(res.Errors, fmt.Sprintf("%s noevents, coded %s %q: %s", r.ID, d.Events[p].Type.Code, d.Events[p].TriggerText, r.Text))
				}
			}
			continue
		}
		res.WithEvents++
		gold := map[string]bool{}
		for _, c := range r.Codings {
			gold[root(c.Event)] = true
		}
		for _, e := range d.Events {
			if e.Type.Code != "" && gold[root(e.Type.Code)] {
				res.AnyOK++
				break
			}
		}
		if p < 0 {
			res.Errors = append(res.Errors, fmt.Sprintf("%s gold %s, none coded: %s", r.ID, r.Codings[0].Event, r.Text))
			continue
		}
		e := d.Events[p]
		if !gold[root(e.Type.Code)] {
			res.Errors = append(res.Errors, fmt.Sprintf("%s gold %s, coded %s %q (%s): %s", r.ID, r.Codings[0].Event, e.Type.Code, e.TriggerText, e.Pattern, r.Text))
			continue
		}
		res.RootOK++
		codes := func(role string) []string {
			var out []string
			for _, a := range e.Arguments {
				if a.Role == role && a.Actor >= 0 && a.Actor < len(d.Actors) {
					out = append(out, actorRoot(ActorCode(d, a.Actor)))
				}
			}
			return out
		}
		src, tgt := codes(doc.RoleAgent), codes(doc.RoleTarget)
		if len(src) == 0 {
			src = codes(doc.RoleParticipant)
		}
		for _, c := range r.Codings {
			if root(c.Event) != root(e.Type.Code) {
				continue
			}
			if c.Source != "" {
				res.SrcN++
				if contains(src, actorRoot(c.Source)) {
					res.SrcOK++
				} else {
					res.Errors = append(res.Errors, fmt.Sprintf("%s source %s, coded %v (%s %q): %s", r.ID, c.Source, src, e.Type.Code, e.TriggerText, r.Text))
				}
			}
			if c.Target != "" {
				res.TgtN++
				if contains(tgt, actorRoot(c.Target)) {
					res.TgtOK++
				} else {
					res.Errors = append(res.Errors, fmt.Sprintf("%s target %s, coded %v (%s %q): %s", r.ID, c.Target, tgt, e.Type.Code, e.TriggerText, r.Text))
				}
			}
			break
		}
	}
	return res
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
