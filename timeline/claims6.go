package timeline

import (
	"math"
	"strconv"
)

// tidy rounds away the binary noise of a product ("about 200" is 180 to
// 220, not 220.00000000000003): ten significant digits are more than any
// source states.
func tidy(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 10, 64), 64)
	if err != nil {
		return x
	}
	return v
}
