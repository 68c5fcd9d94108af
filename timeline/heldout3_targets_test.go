package timeline_test

// Targets on the third held-out set (testdata/heldout3), raised as the
// engine improves: every gold disagreement found, scored strictly (each
// source's claim carries the gold value's numbers).
const heldOut3DisagreementsMissing = 0
