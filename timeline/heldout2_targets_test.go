package timeline_test

// Targets on the second held-out set (testdata/heldout2), raised as the
// engine improves: all gold people found with their spellings merged, no
// non-person among the people, every quote pair together and every
// speaker right.
const (
	heldOut2ActorsMissing = 0
	heldOut2Unmerged      = 0
	heldOut2NonPersons    = 0
	heldOut2PairRecall    = 1.0
	heldOut2Speakers      = 29 // of 29
)
