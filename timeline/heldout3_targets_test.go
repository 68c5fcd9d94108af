package timeline_test

// Targets on the third held-out set (testdata/heldout3), raised as the
// engine improves: all gold people found with their spellings merged, no
// non-person among the people, every quote pair together and every
// speaker right.
const (
	heldOut3ActorsMissing = 0
	heldOut3Unmerged      = 0
	heldOut3NonPersons    = 0
	heldOut3PairRecall    = 1.0
	heldOut3Speakers      = 42 // of 42
)
