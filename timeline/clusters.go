package timeline

import (
	"slices"
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
// work grows with the number of near-duplicates, not with n². Clustering
// works on the distinct wordings (QuoteWordings): a store can cluster a
// corpus's quotations holding only those, and replay the rest
// (QuoteWordings.Representative, ClusterSpeaker, ClusterRank) on its rows.
func ClusterQuotes(quotes []Quote) []QuoteCluster {
	var ws QuoteWordings
	wording := make([]int, len(quotes))
	for i, q := range quotes {
		wording[i] = ws.Add(q.Text)
	}
	group := ws.Groups(nil)
	members := map[int][]int{}
	var groups []int // in order of their first quotation
	for i, w := range wording {
		g := group[w]
		if members[g] == nil {
			groups = append(groups, g)
		}
		members[g] = append(members[g], i)
	}
	out := make([]QuoteCluster, len(groups))
	ranks := make([]ClusterRank, len(groups))
	for k, g := range groups {
		ms := members[g]
		ranks[k] = ClusterRank{Variants: len(ms), First: ms[0]}
		out[k] = buildCluster(quotes, wording, &ws, ms)
		ranks[k].Text = out[k].Text
	}
	sort.Sort(clustersByRank{out, ranks})
	for i := range out {
		out[i].ID = i + 1
	}
	return out
}

// ClusterRank is what orders quotation clusters: the most variants first,
// then by representative text, then by their first quotation in the
// corpus.
type ClusterRank struct {
	Variants int
	Text     string
	First    int // the index of the cluster's first quotation in the corpus
}

// Before reports whether a cluster ranked r comes before one ranked o.
func (r ClusterRank) Before(o ClusterRank) bool {
	if r.Variants != o.Variants {
		return r.Variants > o.Variants
	}
	if r.Text != o.Text {
		return r.Text < o.Text
	}
	return r.First < o.First
}

type clustersByRank struct {
	cs    []QuoteCluster
	ranks []ClusterRank
}

func (s clustersByRank) Len() int           { return len(s.cs) }
func (s clustersByRank) Less(i, j int) bool { return s.ranks[i].Before(s.ranks[j]) }
func (s clustersByRank) Swap(i, j int) {
	s.cs[i], s.cs[j] = s.cs[j], s.cs[i]
	s.ranks[i], s.ranks[j] = s.ranks[j], s.ranks[i]
}

// QuoteWordings are the distinct wordings of a corpus's quotations: their
// words, lower-cased, as clustering compares them. Wire copies and
// repeated quotations share a wording, so its size grows with what is
// said, not with how often; each word is kept once, wordings hold their
// words' numbers.
type QuoteWordings struct {
	words  [][]int32          // per wording, its words (numbers in names)
	byHash map[uint64][]int32 // the wordings whose words hash so
	vocab  wordMap[int32]     // each word's number
	names  []string           // each word, by number
	stop   []bool             // whether it is a stop word, by number
	seq    []int32
	buf    []token
	arena  lowerArena
	// Scratch of the comparisons.
	ca, cb []int32
	have   map[int32]bool
}

// Add returns the wording of a quotation's text: a number from 0, in the
// order wordings first appear.
func (ws *QuoteWordings) Add(text string) int {
	if ws.byHash == nil {
		ws.byHash = map[uint64][]int32{}
	}
	ws.buf = cutTokens(ws.buf, text, &ws.arena)
	ws.seq = ws.seq[:0]
	h := uint64(14695981039346656037) // FNV-1a over the words' numbers
	for _, t := range ws.buf {
		id, ok := ws.vocab.get(t.text)
		if !ok {
			id = int32(len(ws.names))
			w := strings.Clone(t.text)
			ws.vocab.set(w, id)
			ws.names = append(ws.names, w)
			ws.stop = append(ws.stop, quoteStopwords[w])
		}
		ws.seq = append(ws.seq, id)
		h = (h ^ uint64(id)) * 1099511628211
	}
	for _, w := range ws.byHash[h] {
		if slices.Equal(ws.words[w], ws.seq) {
			return int(w)
		}
	}
	id := len(ws.words)
	ws.byHash[h] = append(ws.byHash[h], int32(id))
	ws.words = append(ws.words, slices.Clone(ws.seq))
	return id
}

// Len is the number of wordings.
func (ws *QuoteWordings) Len() int { return len(ws.words) }

// maxPairShare: a word pair (not both stop words) that more wordings
// share is a formula too common to say anything.
const maxPairShare = 200

// Groups returns each wording's group: the wordings of one utterance
// share it, and it is the first (lowest) of them. Each wording is
// compared with the earlier ones it shares a telling word pair with.
// progress, if not nil, is called as the comparisons go (done of total
// wordings; done reaches total once, at the end): they are most of the
// clustering's time.
func (ws *QuoteWordings) Groups(progress func(done, total int)) []int {
	words := ws.words
	parent := make([]int, len(words))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	pairKey := func(w []int32, k int) (uint64, bool) {
		return uint64(w[k])<<32 | uint64(uint32(w[k+1])), !(ws.stop[w[k]] && ws.stop[w[k+1]])
	}
	// The wordings with each pair, in order; past maxPairShare the pair
	// is not used, so its list stops growing.
	pairs := map[uint64][]int32{}
	for i, w := range words {
		for k := 0; k+1 < len(w); k++ {
			key, ok := pairKey(w, k)
			if !ok {
				continue
			}
			l := pairs[key]
			if n := len(l); n > maxPairShare || n > 0 && l[n-1] == int32(i) {
				continue
			}
			pairs[key] = append(l, int32(i))
		}
	}
	cand := map[int32]bool{}
	for i, w := range words {
		clear(cand)
		for k := 0; k+1 < len(w); k++ {
			key, ok := pairKey(w, k)
			if l := pairs[key]; ok && len(l) <= maxPairShare {
				for _, j := range l {
					if int(j) >= i {
						break
					}
					cand[j] = true
				}
			}
		}
		for j := range cand {
			if find(i) != find(int(j)) && ws.sameUtterance(i, int(j)) {
				parent[find(i)] = find(int(j))
			}
		}
		if progress != nil {
			progress(i+1, len(words))
		}
	}
	group := make([]int, len(words))
	first := make(map[int]int)
	for i := range words {
		r := find(i)
		g, ok := first[r]
		if !ok {
			g = i
			first[r] = i
		}
		group[i] = g
	}
	return group
}

// sameUtterance reports whether two wordings are one utterance
// (sameContent).
func (ws *QuoteWordings) sameUtterance(i, j int) bool {
	content := func(dst, w []int32) []int32 {
		dst = dst[:0]
		for _, x := range w {
			if !ws.stop[x] {
				dst = append(dst, x)
			}
		}
		return dst
	}
	ws.ca, ws.cb = content(ws.ca, ws.words[i]), content(ws.cb, ws.words[j])
	if ws.have == nil {
		ws.have = map[int32]bool{}
	}
	return sameContent(ws.ca, ws.cb, ws.have)
}

// WordingUse is one wording of a cluster and how many of its variants use
// it.
type WordingUse struct{ Wording, Count int }

// Representative returns which of a cluster's wordings represents it
// (an index in uses, the wordings in the order of their first variant):
// the wording most like the others, weighted by how often each is used
// (ties: the shorter, usually the core of the utterance). The cluster's
// text is its first variant with that wording.
func (ws *QuoteWordings) Representative(uses []WordingUse) int {
	order := make([]int, len(uses))
	for i := range order {
		order[i] = i
	}
	if len(order) > maxWordingsCompared {
		sort.SliceStable(order, func(a, b int) bool { return uses[order[a]].Count > uses[order[b]].Count })
		order = order[:maxWordingsCompared]
	}
	best, bestScore := order[0], -1.0
	for _, ki := range order {
		wi := ws.words[uses[ki].Wording]
		score := float64(uses[ki].Count - 1)
		for _, kj := range order {
			if kj != ki {
				wj := ws.words[uses[kj].Wording]
				score += float64(uses[kj].Count) * float64(lcsLen(wi, wj)) / float64(max(len(wi), len(wj)))
			}
		}
		if score > bestScore || score == bestScore && len(wi) < len(ws.words[uses[best].Wording]) {
			best, bestScore = ki, score
		}
	}
	return best
}

// Changes is how a wording differs from a cluster's representative one.
func (ws *QuoteWordings) Changes(representative, wording int) []WordChange {
	return wordChanges(ws.text(representative), ws.text(wording))
}

// text is a wording's words.
func (ws *QuoteWordings) text(wording int) []string {
	out := make([]string, len(ws.words[wording]))
	for k, x := range ws.words[wording] {
		out[k] = ws.names[x]
	}
	return out
}

// ClusterSpeaker is the speaker most of a cluster's variants attribute it
// to, given the variants per speaker id (ties: the first id in order), ""
// when none.
func ClusterSpeaker(votes map[string]int) string {
	if top := topKeys(votes, 1); len(top) == 1 {
		return top[0]
	}
	return ""
}

// byPlace orders a cluster's variants: by source, then by place in the
// article, then in corpus order.
func byPlace(quotes []Quote, members []int) {
	sort.SliceStable(members, func(i, j int) bool {
		a, b := &quotes[members[i]], &quotes[members[j]]
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Start < b.Start
	})
}

func buildCluster(quotes []Quote, wording []int, ws *QuoteWordings, members []int) QuoteCluster {
	byPlace(quotes, members)
	var uses []WordingUse
	at := map[int]int{}
	for _, i := range members {
		k, ok := at[wording[i]]
		if !ok {
			k = len(uses)
			at[wording[i]] = k
			uses = append(uses, WordingUse{Wording: wording[i]})
		}
		uses[k].Count++
	}
	best := uses[ws.Representative(uses)].Wording
	c := QuoteCluster{}
	changes := map[int][]WordChange{}
	votes := map[string]int{}
	found := false
	for _, i := range members {
		q := quotes[i]
		if !found && wording[i] == best {
			c.Text, found = q.Text, true
		}
		c.Variants = append(c.Variants, q)
		ch, ok := changes[wording[i]]
		if !ok {
			ch = ws.Changes(best, wording[i])
			changes[wording[i]] = ch
		}
		c.Changes = append(c.Changes, ch)
		if q.Speaker != "" {
			votes[q.Speaker]++
		}
	}
	if c.Speaker = ClusterSpeaker(votes); c.Speaker != "" {
		for _, q := range c.Variants {
			if q.Speaker == c.Speaker {
				c.SpeakerName = q.SpeakerName
				break
			}
		}
	}
	return c
}

var quoteStopwords = setOf("the", "a", "an", "of", "to", "in", "and", "or", "is", "it", "that", "this", "on", "for", "we", "i", "you", "he", "she", "they", "s", "t", "be", "was", "are", "have", "has", "with", "at", "by", "but", "not")

// sameContent compares two quotations by their content words (stop words
// say nothing about identity): the longest common subsequence must hold
// most of the shorter one. have is a scratch set.
func sameContent[T comparable](ca, cb []T, have map[T]bool) bool {
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
		clear(have)
		for _, w := range big {
			have[w] = true
		}
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
func lcsLen[T comparable](a, b []T) int {
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
