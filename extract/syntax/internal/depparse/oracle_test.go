package depparse

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/eventgraph/eventgraph/extract/syntax/conllu"
)

// treebank reads a file of ../shared/data/ud, skipping the test when the
// data is missing.
func treebank(t testing.TB, name string) [][]Word {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		if parent := filepath.Dir(dir); parent != dir {
			dir = parent
			continue
		}
		t.Fatal("no go.mod above the test")
	}
	path := filepath.Join(dir, "..", "shared", "data", "ud", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("SKIP: UD treebank missing (%v)", err)
	}
	s, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return FromCoNLLU(s)
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		name        string
		heads, want []int
	}{
		{"projective", []int{1, -1, 1}, []int{1, -1, 1}},
		// "A hearing is scheduled on-it today": word 4 "on-it" depends
		// on 1 "hearing" across 3 "scheduled" (the root) and is lifted to
		// the head of "hearing".
		{"lifted", []int{1, 3, 3, -1, 1, 3}, []int{1, 3, 3, -1, 3, 3}},
	}
	for _, tt := range tests {
		if got := projectivize(tt.heads); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// oracleParse follows the cheapest move (the first on ties) from the start
// and returns the heads it builds and the largest cost it paid.
func oracleParse(n int, gold []int32) ([]int32, int) {
	var s state
	s.reset(n)
	worst := 0
	for !s.terminal() {
		best, bestCost := numMoves, 0
		for mv := range numMoves {
			if !s.legal(mv) {
				continue
			}
			if c := s.cost(mv, gold); best == numMoves || c < bestCost {
				best, bestCost = mv, c
			}
		}
		worst = max(worst, bestCost)
		s.apply(best, 0)
	}
	return s.head[:n], worst
}

// The oracle rebuilds every projectivized training tree at zero cost.
func TestOracleReproducesTrees(t *testing.T) {
	sents := treebank(t, "en_ewt-ud-train.conllu.gz")
	lifted := 0
	for i, sent := range sents {
		gold := goldHeads(sent)
		for d, w := range sent {
			if h := int(gold[d]); (h == len(sent) && w.Head != -1) || (h != len(sent) && h != w.Head) {
				lifted++
			}
		}
		got, worst := oracleParse(len(sent), gold)
		if worst != 0 || !slices.Equal(got, gold[:len(sent)]) {
			t.Fatalf("sentence %d: oracle built %v at cost %d, want %v", i, got, worst, gold[:len(sent)])
		}
	}
	t.Logf("%d sentences, %d arcs lifted", len(sents), lifted)
	if lifted == 0 {
		t.Error("no arc lifted: EWT has non-projective trees")
	}
}

// bestReachable is the largest number of gold arcs of any parse that
// continues from s, found by trying every move sequence (memo holds the
// futures of one sentence).
func bestReachable(s *state, gold []int32, memo map[string]int) int {
	c := 0
	for d := range s.n {
		if s.head[d] == gold[d] {
			c++
		}
	}
	return c + future(s.stack, s.b, s.n, gold, memo)
}

// future is the largest number of gold arcs that moves from the stack and
// buffer front b can still add (arcs depend on nothing else).
func future(stack []int32, b, n int32, gold []int32, memo map[string]int) int {
	if b == n && len(stack) == 0 {
		return 0
	}
	key := fmt.Sprint(stack, b)
	if v, ok := memo[key]; ok {
		return v
	}
	best := 0
	top := len(stack) - 1
	if b < n { // shift
		best = future(append(slices.Clone(stack), b), b+1, n, gold, memo)
	}
	if top >= 0 && (b < n || top == 0) { // left
		v := future(stack[:top], b, n, gold, memo)
		if gold[stack[top]] == b {
			v++
		}
		best = max(best, v)
	}
	if top >= 1 { // right
		v := future(stack[:top], b, n, gold, memo)
		if gold[stack[top]] == stack[top-1] {
			v++
		}
		best = max(best, v)
	}
	memo[key] = best
	return best
}

func clone(s *state) *state {
	c := *s
	c.stack = slices.Clone(s.stack)
	c.head = slices.Clone(s.head)
	c.label = slices.Clone(s.label)
	c.lc1, c.lc2 = slices.Clone(s.lc1), slices.Clone(s.lc2)
	c.rc1, c.rc2 = slices.Clone(s.rc1), slices.Clone(s.rc2)
	c.nl, c.nr = slices.Clone(s.nl), slices.Clone(s.nr)
	c.ls, c.rs = slices.Clone(s.ls), slices.Clone(s.rs)
	return &c
}

// On short treebank sentences, from configurations reached by random moves,
// the cost of every legal move is exactly the number of gold arcs it puts
// out of reach.
func TestOracleCostIsExact(t *testing.T) {
	sents := treebank(t, "en_ewt-ud-dev.conllu.gz")
	r := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for _, sent := range sents {
		if len(sent) < 3 || len(sent) > 12 {
			continue
		}
		gold := goldHeads(sent)
		memo := map[string]int{}
		var s state
		s.reset(len(sent))
		for !s.terminal() {
			here := bestReachable(&s, gold, memo)
			var legal []move
			for mv := range numMoves {
				if !s.legal(mv) {
					continue
				}
				legal = append(legal, mv)
				c := clone(&s)
				c.apply(mv, 0)
				if want := here - bestReachable(c, gold, memo); s.cost(mv, gold) != want {
					t.Fatalf("%v: move %d after stack %v buffer %d: cost %d, want %d",
						sent, mv, s.stack, s.b, s.cost(mv, gold), want)
				}
				checked++
			}
			s.apply(legal[r.IntN(len(legal))], 0)
		}
		if checked > 20000 {
			break
		}
	}
	if checked < 5000 {
		t.Fatalf("only %d moves checked", checked)
	}
}
