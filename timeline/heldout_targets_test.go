package timeline_test

// Targets on the held-out set (testdata/heldout), raised as the engine
// improves; the README gives the latest scores.
const (
	heldOutPhaseF1              = 0.95
	heldOutActorsMissing        = 1
	heldOutNonPersons           = 3
	heldOutPairRecall           = 0.6
	heldOutSpeakers             = 0.5
	heldOutDisagreementsMissing = 0
)
