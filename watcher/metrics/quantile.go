package metrics

import (
	"fmt"
	"math"

	dto "github.com/prometheus/client_model/go"
)

// Reaction summarises the challenge reaction histogram of one kind: how
// many challenges were observed and the p50 and p99 in seconds, estimated
// from the buckets as Prometheus' histogram_quantile does (linear within
// the bucket holding the quantile).
type Reaction struct {
	Count uint64
	P50   float64
	P99   float64
}

// ReactionOf reads the reaction histogram of kind; ok is false when nothing
// was observed for it.
func (m *Metrics) ReactionOf(kind string) (r Reaction, ok bool, err error) {
	if m == nil {
		return Reaction{}, false, nil
	}
	obs, err := m.reaction.GetMetricWithLabelValues(kind)
	if err != nil {
		return Reaction{}, false, fmt.Errorf("metrics: reaction of %s: %w", kind, err)
	}
	var pb dto.Metric
	if err := obs.(interface{ Write(*dto.Metric) error }).Write(&pb); err != nil {
		return Reaction{}, false, fmt.Errorf("metrics: read reaction of %s: %w", kind, err)
	}
	h := pb.GetHistogram()
	if h.GetSampleCount() == 0 {
		return Reaction{}, false, nil
	}
	r = Reaction{Count: h.GetSampleCount(), P50: bucketQuantile(0.5, h), P99: bucketQuantile(0.99, h)}
	return r, true, nil
}

// bucketQuantile estimates quantile q of h: linear interpolation inside the
// bucket that holds it, from 0 for the first bucket; past the last finite
// bound it is that bound (the estimate cannot say more).
func bucketQuantile(q float64, h *dto.Histogram) float64 {
	rank := q * float64(h.GetSampleCount())
	lower, below := 0.0, 0.0
	for _, b := range h.GetBucket() {
		upper, cum := b.GetUpperBound(), float64(b.GetCumulativeCount())
		if math.IsInf(upper, 1) {
			break
		}
		if cum >= rank {
			if cum == below {
				return upper
			}
			return lower + (upper-lower)*(rank-below)/(cum-below)
		}
		lower, below = upper, cum
	}
	return lower
}
