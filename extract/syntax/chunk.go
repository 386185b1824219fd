package syntax

// MaxTokens is the longest stretch of a sentence analyzed as one: a
// sentence of more tokens is tagged and parsed in chunks of at most
// MaxTokens (ChunkEnd), and package extract splits its sentences the same
// way. Parsing, event detection and event extraction do per-token work
// that grows with the sentence (a token's dependents, the time
// expressions and words around it), so an unbounded sentence makes an
// article's extraction superlinear: a 512 KiB run-on "sentence" or comma
// list would hold 100,000 tokens. No sentence of UD English-EWT or
// TempEval-3 comes near (their longest hold 159 and 120 tokens), so the
// cap only ever cuts hostile or garbled text.
const MaxTokens = 256

// ChunkEnd returns where the chunk of tokens that starts at from ends
// (exclusive), for a sentence of n tokens: n when the rest fits in
// MaxTokens, else just after the last token in the chunk's second half
// for which clause reports a clause boundary (a comma, a semicolon), else
// after MaxTokens tokens.
func ChunkEnd(from, n int, clause func(i int) bool) int {
	if n-from <= MaxTokens {
		return n
	}
	end := from + MaxTokens
	for i := end - 1; i >= from+MaxTokens/2; i-- {
		if clause(i) {
			return i + 1
		}
	}
	return end
}

// Clause reports whether a token's text ends a clause or a list item, a
// place to cut an over-long sentence.
func Clause(form string) bool {
	switch form {
	case ",", ";", ":", "--", "—", "–":
		return true
	}
	return false
}
