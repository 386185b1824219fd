package main

import (
	"fmt"
	"io"

	"github.com/eventgraph/eventgraph/eval/internal/ecb"
	"github.com/eventgraph/eventgraph/extract/doc"
)

// AgentCount scores participants on the matched event mentions whose
// sentence has a gold human participant (HUMAN_PART_*). ECB+ does not link
// participants to events, nor say which is the agent, so an argument is
// counted right when its actor mention overlaps one of the sentence's gold
// human participants: it catches arguments that are missing or that are no
// participant at all ("Rafah" for "calls"), not a participant given the
// wrong role, and a passive's patient ("Jeffs was charged") counts as the
// event's participant.
type AgentCount struct {
	Mentions int // matched mentions with a gold human participant in their sentence
	Args     int // of those, with an agent or target that is a gold participant
	Given    int // of those, with an agent
	Right    int // of those, with an agent that is a gold participant

	Keep   int      // how many mentions without a participant argument to keep, for error analysis
	Missed []string // up to Keep such mentions: trigger, gold participants, sentence
}

// Add counts the matched mentions of one document.
func (a *AgentCount) Add(g *ecb.Document, d *doc.Document, dr docResult) {
	parts := map[int][]doc.Span{} // sentence number -> human participants
	for _, m := range g.Mentions {
		if ecb.Class(m.Tag) == "HUMAN_PART" {
			parts[m.Sentence] = append(parts[m.Sentence], m.Span)
		}
	}
	for si, gm := range dr.matched {
		ps := parts[gm.Sentence]
		if len(ps) == 0 {
			continue
		}
		a.Mentions++
		given, right, arg := false, false, false
		for _, x := range d.Events[si].Arguments {
			if x.Role == doc.RolePlace || x.Mention < 0 {
				continue
			}
			part := false
			am := d.ActorMentions[x.Mention].Span
			for _, p := range ps {
				part = part || am.Overlaps(p)
			}
			arg = arg || part && (x.Role == doc.RoleAgent || x.Role == doc.RoleTarget)
			if x.Role == doc.RoleAgent {
				given = true
				right = right || part
			}
		}
		if !arg && len(a.Missed) < a.Keep {
			a.Missed = append(a.Missed, missText(g, d, si, ps))
		}
		a.Args += b2i(arg)
		a.Given += b2i(given)
		a.Right += b2i(right)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Print writes the counts.
func (a AgentCount) Print(w io.Writer, name string) {
	frac := func(n, d int) float64 {
		if d == 0 {
			return 0
		}
		return float64(n) / float64(d)
	}
	fmt.Fprintf(w, "  %s participants, over %d matched mentions with a gold human participant in their sentence:\n", name, a.Mentions)
	fmt.Fprintf(w, "    agent or target a gold participant %.3f; agent given %.3f, right %.3f; a gold participant when given %.3f\n",
		frac(a.Args, a.Mentions), frac(a.Given, a.Mentions), frac(a.Right, a.Mentions), frac(a.Right, a.Given))
}

// missText describes a matched mention with no gold participant argument.
func missText(g *ecb.Document, d *doc.Document, si int, ps []doc.Span) string {
	e := d.Events[si]
	var gold, args []string
	for _, p := range ps {
		gold = append(gold, g.Text[p.Start:p.End])
	}
	for _, x := range e.Arguments {
		if x.Mention >= 0 {
			args = append(args, string(x.Role)+"="+d.ActorMentions[x.Mention].Text)
		}
	}
	sent := ""
	if e.Sentence >= 0 && e.Sentence < len(g.Sentences) {
		sp := g.Sentences[e.Sentence].Span
		sent = g.Text[sp.Start:sp.End]
	}
	return fmt.Sprintf("%s %q [%s] gold=%q sys=%q in: %s", g.Name, e.TriggerText, syntaxOf(d, e), gold, args, sent)
}

// syntaxOf describes the trigger's head token in the parse: tag, relation
// and dependents, for error analysis.
func syntaxOf(d *doc.Document, e doc.EventMention) string {
	if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return ""
	}
	toks := d.Sentences[e.Sentence].Tokens
	for i, t := range toks {
		if t.Start < e.Trigger.Start || t.Start >= e.Trigger.End {
			continue
		}
		out := fmt.Sprintf("%s %s", t.Tag, t.Rel)
		if t.Head >= 0 {
			out += "<" + toks[t.Head].Text
		}
		for _, c := range toks {
			if c.Head == i && c.Rel != "punct" && c.Rel != "det" && c.Rel != "case" && c.Rel != "aux" {
				out += " " + c.Rel + ":" + c.Text
			}
		}
		return out
	}
	return ""
}
