package timeline

import (
	"sort"
	"strings"
)

// QuoteCluster gathers the variants of one utterance across sources
// (MemeTracker-style: truncations, altered wordings and partial quotes of
// the same words).
type QuoteCluster struct {
	ID          int
	Speaker     string // actor id most variants attribute it to
	SpeakerName string
	Text        string // the representative wording
	Variants    []Quote
	Changes     [][]WordChange // per variant, how its wording differs from Text
}

// WordChange is one difference of a variant from the representative:
// words the variant adds (+) or lacks (-).
type WordChange struct {
	Op   string // "+" or "-"
	Text string
}

// maxWordingsCompared bounds the choice of a cluster's representative to
// its most used wordings.
const maxWordingsCompared = 50

// Two quotations are one utterance when their longest common sequence of
// content words holds this share of the shorter one (and two words).
const minSharedFrac = 0.6

// ClusterQuotes groups quotations that share most of their words in order.
// Candidate pairs come from shared word pairs (not all stop words), so the
// work grows with the number of near-duplicates, not with n².
func ClusterQuotes(quotes []Quote) []QuoteCluster {
	words := make([][]string, len(quotes))
	keys := make([]string, len(quotes)) // the words joined: a wording's identity
	var buf []token
	var arena lowerArena
	for i, q := range quotes {
		buf = cutTokens(buf, q.Text, &arena)
		if len(buf) > 0 {
			words[i] = make([]string, len(buf))
			for k, t := range buf {
				words[i][k] = t.text
			}
		}
		keys[i] = strings.Join(words[i], " ")
	}
	parent := make([]int, len(quotes))
	for i := range parent {
		parent[i] = i
	}
	// Identical wordings (wire copies, repeated quotes) join at once; only
	// the first of each is compared with the others below.
	first := map[string]int{}
	unique := make([]bool, len(quotes))
	for i, key := range keys {
		if j, ok := first[key]; ok {
			parent[i] = j
			continue
		}
		first[key] = i
		unique[i] = true
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	bigrams := map[string][]int{}
	for i, ws := range words {
		if !unique[i] {
			continue
		}
		seen := map[string]bool{}
		for k := 0; k+1 < len(ws); k++ {
			if quoteStopwords[ws[k]] && quoteStopwords[ws[k+1]] {
				continue
			}
			key := ws[k] + " " + ws[k+1]
			if !seen[key] {
				seen[key] = true
				bigrams[key] = append(bigrams[key], i)
			}
		}
	}
	checked := map[[2]int]bool{}
	for _, ids := range bigrams {
		if len(ids) > 200 {
			continue // a formula too common to say anything
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				i, j := ids[x], ids[y]
				if checked[[2]int{i, j}] || find(i) == find(j) {
					continue
				}
				checked[[2]int{i, j}] = true
				if sameUtterance(words[i], words[j]) {
					parent[find(i)] = find(j)
				}
			}
		}
	}
	groups := map[int][]int{}
	for i := range quotes {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out []QuoteCluster
	for _, members := range groups {
		out = append(out, buildCluster(quotes, words, keys, members))
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Variants) != len(out[j].Variants) {
			return len(out[i].Variants) > len(out[j].Variants)
		}
		return out[i].Text < out[j].Text
	})
	for i := range out {
		out[i].ID = i + 1
	}
	return out
}

var quoteStopwords = setOf("the", "a", "an", "of", "to", "in", "and", "or", "is", "it", "that", "this", "on", "for", "we", "i", "you", "he", "she", "they", "s", "t", "be", "was", "are", "have", "has", "with", "at", "by", "but", "not")

// sameUtterance compares two quotations by their content words (stop
// words say nothing about identity): the longest common subsequence must
// hold most of the shorter one.
func sameUtterance(a, b []string) bool {
	ca, cb := contentWords(a), contentWords(b)
	shorter := min(len(ca), len(cb))
	if shorter < 2 {
		return false
	}
	if shorter <= 4 {
		// A fragment ("get a little heat") belongs to a quotation holding
		// all its content words, in any order.
		small, big := ca, cb
		if len(cb) < len(ca) {
			small, big = cb, ca
		}
		have := setOf(big...)
		for _, w := range small {
			if !have[w] {
				return false
			}
		}
		return true
	}
	l := lcsLen(ca, cb)
	return float64(l) >= minSharedFrac*float64(shorter)
}

func contentWords(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if !quoteStopwords[w] {
			out = append(out, w)
		}
	}
	return out
}

// lcsLen is the length of the longest common subsequence of two word
// lists.
func lcsLen(a, b []string) int {
	if len(a) > 400 || len(b) > 400 {
		a, b = a[:min(len(a), 400)], b[:min(len(b), 400)]
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func buildCluster(quotes []Quote, words [][]string, keys []string, members []int) QuoteCluster {
	sort.Slice(members, func(i, j int) bool {
		a, b := quotes[members[i]], quotes[members[j]]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Start < b.Start
	})
	// The representative is the wording most like the others, weighted by
	// how often each is used (ties: the shorter, usually the core of the
	// utterance). Identical wordings are compared once.
	wordings := map[string][]int{}
	var order []string
	for _, i := range members {
		key := keys[i]
		if wordings[key] == nil {
			order = append(order, key)
		}
		wordings[key] = append(wordings[key], i)
	}
	if len(order) > maxWordingsCompared {
		sort.SliceStable(order, func(a, b int) bool { return len(wordings[order[a]]) > len(wordings[order[b]]) })
		order = order[:maxWordingsCompared]
	}
	best, bestScore := wordings[order[0]][0], -1.0
	for _, ki := range order {
		i := wordings[ki][0]
		score := float64(len(wordings[ki]) - 1)
		for _, kj := range order {
			if kj != ki {
				j := wordings[kj][0]
				score += float64(len(wordings[kj])) * float64(lcsLen(words[i], words[j])) / float64(max(len(words[i]), len(words[j])))
			}
		}
		if score > bestScore || score == bestScore && len(words[i]) < len(words[best]) {
			best, bestScore = i, score
		}
	}
	c := QuoteCluster{Text: quotes[best].Text}
	changes := map[string][]WordChange{}
	for _, i := range members {
		q := quotes[i]
		c.Variants = append(c.Variants, q)
		key := keys[i]
		ch, ok := changes[key]
		if !ok {
			ch = wordChanges(words[best], words[i])
			changes[key] = ch
		}
		c.Changes = append(c.Changes, ch)
	}
	votes := map[string]int{}
	for _, i := range members {
		if q := quotes[i]; q.Speaker != "" {
			votes[q.Speaker]++
		}
	}
	if top := topKeys(votes, 1); len(top) == 1 {
		c.Speaker = top[0]
		for _, q := range c.Variants {
			if q.Speaker == c.Speaker {
				c.SpeakerName = q.SpeakerName
				break
			}
		}
	}
	return c
}

// wordChanges lists the words variant adds to or lacks from base, by a
// longest-common-subsequence alignment.
func wordChanges(base, variant []string) []WordChange {
	n, m := len(base), len(variant)
	if n > 400 || m > 400 {
		return nil
	}
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if base[i] == variant[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out []WordChange
	add := func(op, w string) {
		if k := len(out) - 1; k >= 0 && out[k].Op == op {
			out[k].Text += " " + w
			return
		}
		out = append(out, WordChange{op, w})
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case base[i] == variant[j]:
			i, j = i+1, j+1
		case dp[i+1][j] >= dp[i][j+1]:
			add("-", base[i])
			i++
		default:
			add("+", variant[j])
			j++
		}
	}
	for ; i < n; i++ {
		add("-", base[i])
	}
	for ; j < m; j++ {
		add("+", variant[j])
	}
	return out
}

// FormatChanges renders changes as "-until +without".
func FormatChanges(cs []WordChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Op + c.Text
	}
	return strings.Join(parts, " ")
}
