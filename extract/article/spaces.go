package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// spaceMark stands for the white space at the edge of a text node while
// the extractor runs. go-trafilatura trims the text of every node it
// keeps, so "call the <a>Lifeline</a> at" would come back as "call
// theLifelineat"; a mark survives the trimming and turns back into a
// space when the text is assembled. U+FDD0 is a Unicode noncharacter,
// reserved for such internal use: no page has it as text.
const spaceMark = "\uFDD0"

// markSpaces puts spaceMark at the edges of the body's text nodes that
// start or end with white space, and at the start of a text node that a
// white-space-only node (between two links, say) precedes.
func markSpaces(root *html.Node) {
	body := findElement(root, atom.Body)
	if body == nil {
		body = root
	}
	pending := false
	stack := []*html.Node{body}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.TextNode:
			s := n.Data
			trimmed := strings.TrimFunc(s, unicode.IsSpace)
			if trimmed == "" {
				pending = pending || s != ""
				continue
			}
			if pending || strings.HasPrefix(s, trimmed) == false {
				s = spaceMark + s
			}
			if !strings.HasSuffix(s, trimmed) {
				s += spaceMark
			}
			n.Data = s
			pending = false
			continue
		case html.ElementNode:
			if skipTags[n.DataAtom] {
				continue
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// isSpaceOrMark reports white space and spaceMark.
func isSpaceOrMark(r rune) bool { return r == '\uFDD0' || unicode.IsSpace(r) }

// unwrapPageForms turns a <form> that holds most of the page's text into
// a <div>. ASP.NET pages wrap their whole body in one form; the extractor
// drops forms (search boxes, sign-up boxes), and with it the article.
func unwrapPageForms(root *html.Node) {
	body := findElement(root, atom.Body)
	if body == nil {
		return
	}
	total := len(normSpace(textContent(body)))
	for _, n := range elements(body) {
		if n.DataAtom != atom.Form {
			continue
		}
		if t := len(normSpace(textContent(n))); t >= minPageFormText && 2*t >= total {
			n.Data, n.DataAtom = "div", atom.Div
		}
	}
}

// minPageFormText is the least text of a form that wraps a page: more
// than any sign-up or comment form says.
const minPageFormText = 500
