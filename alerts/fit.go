package alerts

import "unicode/utf8"

// Chat services limit what one message holds (Telegram 4096 characters,
// Slack 50 blocks, Discord 10 embeds and 6000 characters). Receivers never
// cut alerts out of a message: a batch is split into as many messages as the
// limits need, and only the text of one alert that alone exceeds a limit is
// shortened, keeping what identifies it (title with subject, incident id,
// deadline).

// splitter is implemented by batch receivers whose service limits what one
// message holds. split packs alerts, in order, into messages that each fit;
// Send of one part sends exactly one message.
type splitter interface {
	split(alerts []Alert) [][]Alert
}

// splitFor returns the parts r sends alerts in, one request each.
func splitFor(r Receiver, alerts []Alert) [][]Alert {
	if s, ok := r.(splitter); ok {
		return s.split(alerts)
	}
	if !r.Batch() {
		out := make([][]Alert, len(alerts))
		for i := range alerts {
			out[i] = alerts[i : i+1]
		}
		return out
	}
	return [][]Alert{alerts}
}

// pack groups alerts, in order, so that each group's cost stays within limit
// and holds at most maxCount alerts (0: no count limit). cost(a, first) is
// what a adds to a group (first: it opens the group); an alert whose cost
// alone exceeds limit gets a group of its own.
func pack(alerts []Alert, limit, maxCount int, cost func(a Alert, first bool) int) [][]Alert {
	var out [][]Alert
	var cur []Alert
	used := 0
	for _, a := range alerts {
		c := cost(a, len(cur) == 0)
		if len(cur) > 0 && (used+c > limit || (maxCount > 0 && len(cur) >= maxCount)) {
			out = append(out, cur)
			cur, used = nil, 0
			c = cost(a, true)
		}
		cur = append(cur, a)
		used += c
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// piece is one part of an alert's rendered text. Essential pieces are kept
// whole; the others are shortened, in order, to fit what is left.
type piece struct {
	essential bool
	// render formats s (already shortened) for the service: escaping and
	// markup. Its output length is what counts against the limit.
	render func(s string) string
	text   string
}

// fitPieces renders pieces, separated by sep, within limit runes: essential
// pieces first take their room, then optional pieces are added in order,
// the first that does not fit is shortened (with "…") and the rest dropped.
// It returns the rendered pieces in their original order.
func fitPieces(pieces []piece, sep string, limit int) []string {
	need := 0
	for i, p := range pieces {
		if p.essential {
			need += utf8.RuneCountInString(p.render(p.text))
			if i > 0 {
				need += utf8.RuneCountInString(sep)
			}
		}
	}
	left := limit - need
	out := make([]string, 0, len(pieces))
	full := false
	for i, p := range pieces {
		if p.essential {
			out = append(out, p.render(p.text))
			continue
		}
		if full {
			continue
		}
		cost := 0
		if i > 0 {
			cost = utf8.RuneCountInString(sep)
		}
		r := p.render(p.text)
		if n := utf8.RuneCountInString(r) + cost; n <= left {
			out = append(out, r)
			left -= n
			continue
		}
		full = true
		if s, ok := fitRendered(p.text, left-cost, p.render); ok {
			out = append(out, s)
			left = 0
		}
	}
	return out
}

// fitRendered shortens s so that render(s) is at most limit runes, keeping
// at least a few characters; ok is false when not even those fit.
func fitRendered(s string, limit int, render func(string) string) (string, bool) {
	if limit <= 0 {
		return "", false
	}
	if r := render(s); utf8.RuneCountInString(r) <= limit {
		return r, true
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // largest n with render(runes[:n]+"…") fitting
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if utf8.RuneCountInString(render(string(runes[:mid])+"…")) <= limit {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo < 8 {
		return "", false
	}
	return render(string(runes[:lo]) + "…"), true
}

// isEssential names the details that identify an alert and are never
// dropped from a chat message.
func isEssential(name string) bool {
	return name == "Incident" || name == "Deadline block"
}
