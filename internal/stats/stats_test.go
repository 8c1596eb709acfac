package stats

import "testing"

func TestPercentiles(t *testing.T) {
	cases := []struct {
		in            []uint64
		p50, p99, max uint64
	}{
		{nil, 0, 0, 0},
		{[]uint64{7}, 7, 7, 7},
		{[]uint64{3, 1, 2}, 2, 3, 3},
		{[]uint64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
			1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 30}, 1, 9, 30},
	}
	for _, c := range cases {
		p50, p99, mx := Percentiles(c.in)
		if p50 != c.p50 || p99 != c.p99 || mx != c.max {
			t.Errorf("Percentiles(%v) = %d, %d, %d; want %d, %d, %d", c.in, p50, p99, mx, c.p50, c.p99, c.max)
		}
	}
}
