package timeline

// wordMap maps strings (folded words, names, actor IDs) to values: an
// open-addressed table probed from the string's wordSig, cheaper than a Go
// map for the short strings the extractors look up for every name. Like a
// map, it is not safe for concurrent writes; it has no order to range
// over, so it only serves tables that are looked up.
// The zero wordMap is empty and ready to use.
type wordMap[V any] struct {
	keys []string
	sigs []uint64 // each key's wordSig; 0 marks an empty slot
	vals []V
	n    int  // keys held (the empty string apart)
	bits uint // len(keys) is 1<<bits once the table has slots

	// The empty string, whose signature marks empty slots, is kept
	// apart.
	hasEmpty bool
	empty    V
}

// find returns w's slot and whether w is there (else the empty slot where
// it would go). The table must have slots.
func (m *wordMap[V]) find(w string, sig uint64) (uint64, bool) {
	mask := uint64(1)<<m.bits - 1
	h := sig ^ sig>>29
	for i := (h * 0x9e3779b97f4a7c15) >> (64 - m.bits); ; i = (i + 1) & mask {
		switch m.sigs[i] {
		case sig:
			if len(w) <= 5 || m.keys[i] == w { // a word of up to five bytes is its signature
				return i, true
			}
		case 0:
			return i, false
		}
	}
}

// get returns w's value and whether w is in the table.
func (m *wordMap[V]) get(w string) (V, bool) {
	sig := wordSig(w)
	if sig == 0 {
		return m.empty, m.hasEmpty
	}
	if m.n == 0 {
		var zero V
		return zero, false
	}
	i, ok := m.find(w, sig)
	return m.vals[i], ok // an empty slot's value is the zero value
}

// value returns w's value, the zero value when w is not in the table.
func (m *wordMap[V]) value(w string) V {
	v, _ := m.get(w)
	return v
}

// at returns a pointer to w's value, adding w with the zero value when it
// is not in the table. The pointer is good until the next addition.
func (m *wordMap[V]) at(w string) *V {
	sig := wordSig(w)
	if sig == 0 {
		m.hasEmpty = true
		return &m.empty
	}
	if 2*(m.n+1) > len(m.keys) {
		m.grow()
	}
	i, ok := m.find(w, sig)
	if !ok {
		m.keys[i], m.sigs[i] = w, sig
		m.n++
	}
	return &m.vals[i]
}

// set gives w the value v.
func (m *wordMap[V]) set(w string, v V) { *m.at(w) = v }

// grow doubles the table (to 16 slots at first) and places the keys anew.
func (m *wordMap[V]) grow() {
	keys, sigs, vals := m.keys, m.sigs, m.vals
	m.bits = max(4, m.bits+1)
	m.keys = make([]string, 1<<m.bits)
	m.sigs = make([]uint64, 1<<m.bits)
	m.vals = make([]V, 1<<m.bits)
	for j, sig := range sigs {
		if sig != 0 {
			i, _ := m.find(keys[j], sig)
			m.keys[i], m.sigs[i], m.vals[i] = keys[j], sig, vals[j]
		}
	}
}

// len returns the number of keys in the table.
func (m *wordMap[V]) len() int {
	if m.hasEmpty {
		return m.n + 1
	}
	return m.n
}
