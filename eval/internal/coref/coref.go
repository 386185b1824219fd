// Package coref scores a coreference partition (the response) against a
// gold one (the key) with the measures of the CoNLL-2011/2012 shared tasks,
// as the reference scorer defines them (Pradhan et al., 2014, "Scoring
// Coreference Partitions of Predicted Mentions: A Reference
// Implementation"): MUC (Vilain et al., 1995), B-cubed (Bagga and Baldwin,
// 1998), entity-based CEAF (CEAF-e, Luo, 2005) and their CoNLL average.
//
// Key and response may hold different mentions, as when a system finds its
// own: a key mention the response lacks counts against recall, a response
// mention the key lacks against precision, exactly as in the reference
// scorer (MUC treats a mention missing from the other side as a partition
// of its own; B-cubed and CEAF-e just find no overlap for it).
package coref

import (
	"cmp"
	"fmt"
	"slices"
)

// Partition gives each mention its cluster: Partition[mention] = cluster
// label. Labels only group mentions; their values mean nothing else.
type Partition map[string]string

// Score is a precision and recall.
type Score struct{ P, R float64 }

// F1 is the harmonic mean of P and R, 0 when both are 0.
func (s Score) F1() float64 {
	if s.P+s.R == 0 {
		return 0
	}
	return 2 * s.P * s.R / (s.P + s.R)
}

func (s Score) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f", s.P, s.R, s.F1())
}

// Report holds every measure.
type Report struct {
	MUC, B3, CEAFe Score
	// Key and Response count mentions and clusters on each side.
	KeyMentions, KeyClusters, RespMentions, RespClusters int
}

// CoNLL is the unweighted mean of the MUC, B-cubed and CEAF-e F1.
func (r Report) CoNLL() float64 { return (r.MUC.F1() + r.B3.F1() + r.CEAFe.F1()) / 3 }

// Evaluate scores resp against key with every measure.
func Evaluate(key, resp Partition) Report {
	k, r := clusters(key), clusters(resp)
	return Report{
		MUC: MUC(key, resp), B3: BCubed(key, resp), CEAFe: CEAFe(key, resp),
		KeyMentions: len(key), KeyClusters: len(k), RespMentions: len(resp), RespClusters: len(r),
	}
}

// clusters returns the mentions of each cluster of p, clusters and
// mentions in a fixed order.
func clusters(p Partition) [][]string {
	by := map[string][]string{}
	for m, c := range p {
		by[c] = append(by[c], m)
	}
	out := make([][]string, 0, len(by))
	for _, ms := range by {
		slices.Sort(ms)
		out = append(out, ms)
	}
	slices.SortFunc(out, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// MUC is the link-based measure: recall is, over key clusters k,
// sum(|k| - |p(k)|) / sum(|k| - 1), where p(k) is the partition of k by
// the response clusters (a mention the response lacks is a part of its
// own); precision swaps the roles. Singletons count on neither side.
func MUC(key, resp Partition) Score {
	return Score{P: mucRecall(resp, key), R: mucRecall(key, resp)}
}

func mucRecall(key, resp Partition) float64 {
	num, den := 0, 0
	for _, k := range clusters(key) {
		parts := map[string]bool{}
		for _, m := range k {
			c, ok := resp[m]
			if !ok {
				c = "\x00missing:" + m
			}
			parts[c] = true
		}
		num += len(k) - len(parts)
		den += len(k) - 1
	}
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// BCubed is the mention-based measure: recall is
// sum over key clusters k and response clusters r of |k∩r|²/|k|, divided
// by the number of key mentions; precision swaps the roles.
func BCubed(key, resp Partition) Score {
	return Score{P: b3Recall(resp, key), R: b3Recall(key, resp)}
}

func b3Recall(key, resp Partition) float64 {
	if len(key) == 0 {
		return 0
	}
	var sum float64
	for _, k := range clusters(key) {
		inter := map[string]int{}
		for _, m := range k {
			if c, ok := resp[m]; ok {
				inter[c]++
			}
		}
		for _, n := range inter {
			sum += float64(n*n) / float64(len(k))
		}
	}
	return sum / float64(len(key))
}

// CEAFe is the entity-based CEAF: key and response clusters are aligned
// one to one so as to maximize the sum of φ4(k, r) = 2|k∩r|/(|k|+|r|)
// (Kuhn-Munkres); recall is that sum over the number of key clusters,
// precision over the number of response clusters.
func CEAFe(key, resp Partition) Score {
	k, r := clusters(key), clusters(resp)
	if len(k) == 0 || len(r) == 0 {
		return Score{}
	}
	total := alignment(k, r, resp)
	return Score{P: total / float64(len(r)), R: total / float64(len(k))}
}

// alignment returns the largest sum of φ4 over one-to-one alignments of
// the key clusters k and the response clusters r. Clusters that share no
// mention score 0 together, so the alignment is solved for each connected
// component of the overlap graph on its own.
func alignment(k, r [][]string, resp Partition) float64 {
	rIndex := map[string]int{}
	for j, c := range r {
		rIndex[resp[c[0]]] = j
	}
	// overlaps[i] maps response cluster j to |k_i ∩ r_j|.
	overlaps := make([]map[int]int, len(k))
	byResp := make([][]int, len(r))
	for i, c := range k {
		overlaps[i] = map[int]int{}
		for _, m := range c {
			if l, ok := resp[m]; ok {
				j := rIndex[l]
				if overlaps[i][j] == 0 {
					byResp[j] = append(byResp[j], i)
				}
				overlaps[i][j]++
			}
		}
	}
	seenK, seenR := make([]bool, len(k)), make([]bool, len(r))
	var total float64
	for start := range k {
		if seenK[start] || len(overlaps[start]) == 0 {
			continue
		}
		// The component of key cluster start.
		var ks, rs []int
		queue := []int{start}
		seenK[start] = true
		for len(queue) > 0 {
			i := queue[0]
			queue = queue[1:]
			ks = append(ks, i)
			for j := range overlaps[i] {
				if seenR[j] {
					continue
				}
				seenR[j] = true
				rs = append(rs, j)
				for _, i2 := range byResp[j] {
					if !seenK[i2] {
						seenK[i2] = true
						queue = append(queue, i2)
					}
				}
			}
		}
		slices.Sort(rs)
		w := make([][]float64, len(ks))
		for a, i := range ks {
			w[a] = make([]float64, len(rs))
			for b, j := range rs {
				if n := overlaps[i][j]; n > 0 {
					w[a][b] = 2 * float64(n) / float64(len(k[i])+len(r[j]))
				}
			}
		}
		total += maxAssignment(w)
	}
	return total
}

// maxAssignment returns the largest sum of w[i][σ(i)] over one-to-one
// assignments of rows to columns (Kuhn-Munkres with potentials, O(n²m)).
// Weights are non-negative, so leaving a row unassigned is never better
// than assigning it; a matrix with more rows than columns is transposed.
func maxAssignment(w [][]float64) float64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	m := len(w[0])
	if n > m {
		t := make([][]float64, m)
		for j := range t {
			t[j] = make([]float64, n)
			for i := range w {
				t[j][i] = w[i][j]
			}
		}
		return maxAssignment(t)
	}
	// Minimize -w. Rows and columns are 1-based; column 0 is the virtual
	// start of each augmenting path.
	const inf = 1e18
	u, v := make([]float64, n+1), make([]float64, m+1)
	p, way := make([]int, m+1), make([]int, m+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for j0 != 0 {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
		}
	}
	var sum float64
	for j := 1; j <= m; j++ {
		if p[j] != 0 {
			sum += w[p[j]-1][j-1]
		}
	}
	return sum
}
