package timeline

// OrderPhases orders phases merged outside a TimelineBuilder (a store
// rebuilding the timeline from summary tables) as TimelineBuilder.Timeline
// orders them: canonically, timed phases by start, then the relative cues
// (votes counted as the builder counts them) of at least a third of the
// narratives. Each phase's Sources and Evidence must already be sorted and
// its span closed.
func OrderPhases(ps []TimelinePhase, votes map[[2]string]int, narratives int) {
	orderPhases(ps)
	applyRelativeOrder(ps, votes, max(1, narratives/3))
}
