package delegation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/watchtower-l2/watchtower/watcher/delegation/api"
	"github.com/watchtower-l2/watchtower/watcher/store"
)

// cursor mirrors ingest.Cursor (kept here so the API does not import the ingest role).
type cursor struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

func (s *Server) getHeartbeat(w http.ResponseWriter, r *http.Request) {
	hb, err := s.Heartbeat(r.Context())
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusServiceUnavailable, "the tower has not processed any L1 block yet (no ingest cursor)")
		return
	}
	if err != nil {
		s.fail(w, "sign a heartbeat", err)
		return
	}
	writeJSON(w, http.StatusOK, hb)

}

// Heartbeat signs the last L1 block the ingest role processed (its cursor in
// the store). A signature is reused for one second while the cursor stays put.
func (s *Server) Heartbeat(ctx context.Context) (api.Heartbeat, error) {
	b, err := s.cfg.Store.Get(ctx, fmt.Sprintf("ingest:%d:cursor", s.domain.ChainID))
	if err != nil {
		return api.Heartbeat{}, err
	}
	var cur cursor
	if err := json.Unmarshal(b, &cur); err != nil {
		return api.Heartbeat{}, fmt.Errorf("decode ingest cursor: %w", err)
	}
	s.hbMu.Lock()
	defer s.hbMu.Unlock()
	if s.hb.BlockNumber == cur.Number && s.hb.BlockHash == cur.Hash.Hex() && time.Since(s.hbAt) < time.Second {
		return s.hb, nil
	}
	now := time.Now()
	body := api.HeartbeatBody{BlockNumber: cur.Number, BlockHash: cur.Hash, Timestamp: uint64(now.Unix())}
	sig, err := s.sign(s.domain.HeartbeatDigest(body))
	if err != nil {
		return api.Heartbeat{}, err
	}
	s.hb = api.Heartbeat{Tower: s.domain.Tower.Hex(), ChainID: s.domain.ChainID, BlockNumber: cur.Number, BlockHash: cur.Hash.Hex(),
		Timestamp: body.Timestamp, Signature: hexutil.Encode(sig)}
	s.hbAt = now
	return s.hb, nil
}
