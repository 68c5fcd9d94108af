package timeline

import "strings"

// variantSurnameKey folds the spelling differences that one surname shows
// across outlets but translit keeps apart, or returns k: the Russian ё
// after a hushing consonant written "o" by some house styles
// ("Gorbachov", "Khrushchov": "-chev", "-shev") and a German umlaut
// written out ("Woerner", "Schaeuble": "Worner", "Schauble", as Wörner
// and Schäuble fold). A key is only ever folded to one that names people
// in the same corpus, so a surname that merely looks so stays itself.
func variantSurnameKey(k string) string {
	if len(k) < 5 {
		return k
	}
	// Cheap byte checks first: most keys have neither shape.
	ends := strings.HasSuffix(k, "hov") || strings.HasSuffix(k, "hova")
	umlaut := false
	for i := 1; i < len(k); i++ {
		if k[i] == 'e' && (k[i-1] == 'o' || k[i-1] == 'a' || k[i-1] == 'u') && i >= 2 && k[i-2] != 'q' {
			umlaut = true
			break
		}
	}
	if !ends && !umlaut {
		return k
	}
	if ends {
		if strings.HasSuffix(k, "hova") {
			k = k[:len(k)-2] + "eva"
		} else {
			k = k[:len(k)-2] + "ev"
		}
	}
	if umlaut {
		k = umlautFold.Replace(k)
	}
	return k
}

// umlautFold writes a German umlaut's two-letter spelling as its vowel.
var umlautFold = strings.NewReplacer("oe", "o", "ae", "a", "ue", "u")

// variantAlias is the key of the group that a surname key with no group
// of its own belongs to after mergeVariantSurnames, or "".
func (idx *actorIndex) variantAlias(k string) string {
	if v := variantSurnameKey(k); v != k && idx.groups[v] != nil {
		return v
	}
	return ""
}

// mergeVariantSurnames gives the people of a surname spelt with a
// variant (variantSurnameKey) to the people of the folded spelling when
// the corpus names both: "Mr Gorbachov" in one outlet is the "Mikhail
// Gorbachev" of another, and "Manfred Woerner" the "Manfred Wörner". A
// person whose first name differs from all of theirs is a namesake and
// keeps the variant key.
func (idx *actorIndex) mergeVariantSurnames(spell map[*person]*spelling) {
	var keys []string
	for k := range idx.groups {
		if v := variantSurnameKey(k); v != k && idx.groups[v] != nil {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		target := idx.groups[variantSurnameKey(k)]
		var kept []*person
	people:
		for _, p := range idx.groups[k] {
			if len(p.first) == 0 {
				mergeInto(dominant(target), p, spell)
				continue
			}
			for _, q := range target {
				for f := range q.first {
					for g := range p.first {
						if sameFirst(f, g) {
							mergeInto(q, p, spell)
							continue people
						}
					}
				}
			}
			kept = append(kept, p)
		}
		if kept == nil {
			delete(idx.groups, k)
		} else {
			idx.groups[k] = kept
		}
	}
	idx.mergeCompoundSurnames(spell)
}

// plainSpelling is the spelling of p's surname to show when the most
// written one is a variant that mergeVariantSurnames folded ("Gorbachov",
// "Woerner"): the most written one spelt as the surname's key
// ("Gorbachev", "Wörner"), or last itself.
func plainSpelling(p *person, last map[string]int, top string) string {
	if k := surfaceKey(top); k == p.surname || variantSurnameKey(k) != p.surname {
		return top
	}
	for _, s := range topKeys(last, 0) {
		if surfaceKey(s) == p.surname {
			return s
		}
	}
	return top
}

// surfaceKey is the surname key of a written word.
func surfaceKey(s string) string {
	toks := tokenize(s)
	if len(toks) != 1 {
		return ""
	}
	return translit(toks[0].text)
}

// withNameSuffix is the end of the mention toks[from:to] with the
// generational suffix written after it ("James A. Baker III", "Robert F.
// Kennedy Jr."): part of the name as written, though not of its key.
func withNameSuffix(text string, toks []token, from, to int) int {
	if to-from >= 2 && to < len(toks) && toks[to].upper && nameSuffixes[toks[to].text] && text[toks[to-1].end:toks[to].start] == " " {
		return to + 1
	}
	return to
}

// mergeCompoundSurnames gives a person named by two words and a title
// ("Dr Fenech Adami", "Mr Mifsud Bonnici") to the one person of the same
// surname whose three-word name has the first of them in the middle
// ("Eddie Fenech Adami"): the two words are one surname, not a first
// name and a surname. The merged first word resolves mentions but is
// never shown as a first name.
func (idx *actorIndex) mergeCompoundSurnames(spell map[*person]*spelling) {
	for sur, group := range idx.groups {
		if len(group) < 2 {
			continue
		}
		var kept []*person
		for _, p := range group {
			if q := compoundHolder(p, group); q != nil {
				sp := spell[p]
				mergeInto(q, p, spell)
				if sq := spell[q]; sp != nil && sq != sp {
					// p's "first name" and its empty middle are q's middle
					// name: not shown as q's.
					for _, m := range [][2]map[string]int{{sq.first, sp.first}, {sq.middle, sp.middle}} {
						for k, n := range m[1] {
							if m[0][k] -= n; m[0][k] <= 0 {
								delete(m[0], k)
							}
						}
					}
				}
				continue
			}
			kept = append(kept, p)
		}
		idx.groups[sur] = kept
	}
}

// compoundHolder is the one other person of group whose middle name is
// p's only first name, when p has a title and no middle name of its own.
func compoundHolder(p *person, group []*person) *person {
	if len(p.first) != 1 || len(p.middles) > 0 || len(p.titles) == 0 || p.familyFirst {
		return nil
	}
	var f string
	for k := range p.first {
		f = k
	}
	var holder *person
	for _, q := range group {
		if q == p || q.familyFirst || q.middles[f] == 0 || q.first[f] > 0 {
			continue
		}
		if holder != nil {
			return nil // two candidates: no telling
		}
		holder = q
	}
	return holder
}

// workWords name a work: the capitalised words after them are its title,
// not a person ("the 1982 film Yeh Vaada Raha", "the novel Anna
// Karenina", "the song Tu Hai Wahi").
var workWords = setOf("film", "movie", "song", "album", "novel", "book", "opera", "play", "poem", "painting", "series", "sitcom", "musical", "ballet", "symphony", "hymn", "anthem")

// affiliationThenSpeech reports whether the name ending at token i is
// followed by its organisation and, further on, a speech verb ("Howard
// Kessler of the Liberty Policy Council, a conservative group, said"): a
// person opening the sentence, not a heading.
func affiliationThenSpeech(text string, toks []token, i int) bool {
	if i+2 >= len(toks) || toks[i].text != "of" {
		return false
	}
	k := i + 1
	if toks[k].text == "the" {
		k++
	}
	if k >= len(toks) || !toks[k].upper {
		return false
	}
	for k+1 < len(toks) && toks[k+1].upper && text[toks[k].end:toks[k+1].start] == " " {
		k++ // the organisation's name
	}
	// The verb right after the name, or after the comma closing an
	// appositive ("…, a conservative research group, said").
	if k+1 < len(toks) && toks[k+1].lex&lexSpeech != 0 {
		return true
	}
	for j := k + 2; j < len(toks) && j < k+20; j++ {
		if toks[j].lex&lexSpeech != 0 && text[toks[j-1].end:toks[j].start] == ", " {
			return true
		}
	}
	return false
}
