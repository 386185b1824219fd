package main

import (
	"bytes"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline elements run into their neighbours when a page is rendered; every
// other element is a word boundary.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true,
	atom.Var: true, atom.Wbr: true, atom.Strike: true, atom.Tt: true, atom.Big: true, atom.Ins: true,
	atom.Del: true, atom.Label: true, atom.Nobr: true,
}

// pageWords are the words of a page as a browser renders it: text nodes
// within inline elements run together, every other element separates
// words. Words are folded by fold.
func pageWords(data []byte) map[string]bool {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			if !inline[n.DataAtom] {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	words := map[string]bool{}
	for _, w := range strings.Fields(b.String()) {
		if w = fold(w); w != "" {
			words[w] = true
		}
	}
	return words
}

// glued counts the words of text that are no word of the page but two of
// its words run together ("3.6.0here").
func glued(text string, page map[string]bool) int {
	return len(gluedWords(text, page, -1))
}

// gluedWords lists up to max (all when negative) glued words of text.
func gluedWords(text string, page map[string]bool, max int) []string {
	if page == nil {
		return nil
	}
	var out []string
	for _, w := range strings.Fields(text) {
		w = fold(w)
		if w == "" || page[w] {
			continue
		}
		for i := 1; i < len(w); i++ {
			if page[w[:i]] && page[w[i:]] {
				out = append(out, w)
				break
			}
		}
		if len(out) == max {
			break
		}
	}
	return out
}

// fold lower-cases a word and trims the punctuation around it.
func fold(w string) string {
	return strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }))
}
