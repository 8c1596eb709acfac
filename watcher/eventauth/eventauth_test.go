package eventauth_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/watchtower-l2/watchtower/watcher/eventauth"
)

type hdr map[string]string

func (h hdr) Get(k string) string { return h[k] }

func items(n int) []eventauth.Item {
	out := make([]eventauth.Item, n)
	for i := range out {
		out[i] = eventauth.Item{Subject: "wt.1.channel.closed", MsgID: fmt.Sprint("1-0xabc-", i), Data: []byte(fmt.Sprintf(`{"n":%d}`, i))}
	}
	return out
}

// Every message of a seal verifies on its own, for sizes that are and are
// not powers of two; any change to subject, id, body, index, path, key or
// signature is refused with the matching error.
func TestSealRoundTripAndTampering(t *testing.T) {
	s, err := eventauth.GenerateSigner()
	if err != nil {
		t.Fatal(err)
	}
	v, err := eventauth.NewVerifier(s.Public())
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 7, 8, 33} {
		its := items(n)
		seals, err := s.Seal(its)
		if err != nil {
			t.Fatal(err)
		}
		for i, it := range its {
			if err := v.Check(it, hdr(seals[i].Headers())); err != nil {
				t.Fatalf("n=%d message %d: %v", n, i, err)
			}
		}
	}

	its := items(5)
	seals, _ := s.Seal(its)
	fresh := func() *eventauth.Verifier { // no cached roots
		v, _ := eventauth.NewVerifier(s.Public())
		return v
	}
	other, _ := eventauth.GenerateSigner()
	otherSeals, _ := other.Seal(its)
	tamper := []struct {
		name string
		it   eventauth.Item
		h    hdr
		want error
	}{
		{"unsigned", its[0], hdr{}, eventauth.ErrUnsigned},
		{"unknown key", its[0], hdr(otherSeals[0].Headers()), eventauth.ErrUnknownKey},
		{"body changed", eventauth.Item{Subject: its[0].Subject, MsgID: its[0].MsgID, Data: []byte(`{"n":9}`)}, hdr(seals[0].Headers()), eventauth.ErrBadSeal},
		{"subject changed", eventauth.Item{Subject: "wt.1.channel.settled", MsgID: its[0].MsgID, Data: its[0].Data}, hdr(seals[0].Headers()), eventauth.ErrBadSeal},
		{"msg id changed", eventauth.Item{Subject: its[0].Subject, MsgID: "x", Data: its[0].Data}, hdr(seals[0].Headers()), eventauth.ErrBadSeal},
		{"another message's seal", its[1], hdr(seals[0].Headers()), eventauth.ErrBadSeal},
		{"index changed", its[0], with(seals[0].Headers(), eventauth.HeaderIndex, "1"), eventauth.ErrBadSeal},
		{"index out of range", its[0], with(seals[0].Headers(), eventauth.HeaderIndex, "64"), eventauth.ErrBadSeal},
		{"index not a number", its[0], with(seals[0].Headers(), eventauth.HeaderIndex, "x"), eventauth.ErrBadSeal},
		{"path cut", its[0], with(seals[0].Headers(), eventauth.HeaderPath, "AAAA"), eventauth.ErrBadSeal},
		{"signature of another key under ours", its[0], with(seals[0].Headers(), eventauth.HeaderSig, otherSeals[0].Headers()[eventauth.HeaderSig]), eventauth.ErrBadSeal},
	}
	for _, tc := range tamper {
		err := fresh().Check(tc.it, tc.h)
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.want)
		}
	}
}

func with(h map[string]string, k, v string) hdr {
	h[k] = v
	return hdr(h)
}

// A verifier trusting two keys accepts both (rotation); keys round-trip
// through their file forms.
func TestKeysRotationAndFiles(t *testing.T) {
	oldKey, _ := eventauth.GenerateSigner()
	newKey, _ := eventauth.GenerateSigner()
	dir := t.TempDir()
	pemBytes, err := newKey.MarshalPrivate()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "events.key")
	if err := os.WriteFile(file, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := eventauth.LoadSigner(file)
	if err != nil {
		t.Fatal(err)
	}
	if loaded.KeyID() != newKey.KeyID() {
		t.Fatalf("loaded key id %s, want %s", loaded.KeyID(), newKey.KeyID())
	}
	list := "# trusted event keys\n" + eventauth.EncodePublic(oldKey.Public()) + "\n\n" + eventauth.EncodePublic(newKey.Public()) + "\n"
	keys, err := eventauth.ParsePublicList(list)
	if err != nil || len(keys) != 2 {
		t.Fatalf("parsed %d keys (%v), want 2", len(keys), err)
	}
	v, err := eventauth.NewVerifier(keys...)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []*eventauth.Signer{oldKey, loaded} {
		seals, _ := s.Seal(items(1))
		if err := v.Check(items(1)[0], hdr(seals[0].Headers())); err != nil {
			t.Fatalf("key %s: %v", s.KeyID(), err)
		}
	}
	if _, err := eventauth.ParsePublicList("not-a-key"); err == nil {
		t.Fatal("a malformed key was accepted")
	}
	if _, err := eventauth.NewVerifier(); err == nil {
		t.Fatal("a verifier without keys was accepted")
	}
	if err := os.WriteFile(file, []byte("junk"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := eventauth.LoadSigner(file); err == nil {
		t.Fatal("junk accepted as a signing key")
	}
}

// BenchmarkCheck is the per-message cost of verifying a seal, for steps of
// one message (one signature check each) and of 64 (one per 64 messages),
// reported next to a bare ed25519.Verify of a message of the same size timed
// in the same run (ratio-to-bare-verify).
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{1, 64} {
		b.Run(fmt.Sprintf("step=%d", n), func(b *testing.B) {
			s, _ := eventauth.GenerateSigner()
			its := items(b.N)
			hs := make([]hdr, b.N)
			for i := 0; i < b.N; i += n {
				end := min(i+n, b.N)
				seals, _ := s.Seal(its[i:end])
				for j := range seals {
					hs[i+j] = hdr(seals[j].Headers())
				}
			}
			v, _ := eventauth.NewVerifier(s.Public())
			bare := bareVerify(b, len(its[0].Data), b.N)
			b.ResetTimer()
			start := time.Now()
			for i := range its {
				if err := v.Check(its[i], hs[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start))/float64(bare), "ratio-to-bare-verify")
		})
	}
}

// bareVerify times n ed25519.Verify calls over size-byte messages: the
// baseline of BenchmarkCheck.
func bareVerify(b *testing.B, size, n int) time.Duration {
	b.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		b.Fatal(err)
	}
	msg := make([]byte, size)
	sig := ed25519.Sign(priv, msg)
	start := time.Now()
	for range n {
		if !ed25519.Verify(pub, msg, sig) {
			b.Fatal("bare verify failed")
		}
	}
	return time.Since(start)
}

// FuzzCheck: any message and headers are either refused with one of the
// three errors or accepted only when they are exactly a sealed message.
func FuzzCheck(f *testing.F) {
	s, err := eventauth.GenerateSigner()
	if err != nil {
		f.Fatal(err)
	}
	its := items(3)
	seals, _ := s.Seal(its)
	for i, it := range its {
		h := seals[i].Headers()
		f.Add(it.Subject, it.MsgID, it.Data, h[eventauth.HeaderKey], h[eventauth.HeaderSig], h[eventauth.HeaderIndex], h[eventauth.HeaderPath])
	}
	f.Add("", "", []byte{}, "", "", "", "")
	f.Fuzz(func(t *testing.T, subject, id string, data []byte, key, sig, index, path string) {
		v, _ := eventauth.NewVerifier(s.Public())
		err := v.Check(eventauth.Item{Subject: subject, MsgID: id, Data: data},
			hdr{eventauth.HeaderKey: key, eventauth.HeaderSig: sig, eventauth.HeaderIndex: index, eventauth.HeaderPath: path})
		if err != nil {
			if !errors.Is(err, eventauth.ErrUnsigned) && !errors.Is(err, eventauth.ErrUnknownKey) && !errors.Is(err, eventauth.ErrBadSeal) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, it := range its {
			if it.Subject == subject && it.MsgID == id && string(it.Data) == string(data) {
				return
			}
		}
		t.Fatalf("accepted a message that was never sealed: %q %q %q", subject, id, data)
	})
}
