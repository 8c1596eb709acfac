package channel

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"
)

// maxFacts bounds the cache of open channels' L1 records (about 150 bytes each).
const maxFacts = 1 << 16

// factCache keeps the L1 records of channels seen open. Only their parties and
// deposits are relied on: those never change once a channel is open. Whether
// it is still open is learnt from the dispute mark (see DelegateMany).
type factCache struct {
	mu sync.Mutex
	m  map[common.Hash]Info
}

func (c *factCache) get(id common.Hash) (Info, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	info, ok := c.m[id]
	return info, ok
}

func (c *factCache) put(id common.Hash, info Info) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[common.Hash]Info)
	}
	if len(c.m) >= maxFacts {
		for k := range c.m { // map order is random: evict an arbitrary entry
			delete(c.m, k)
			break
		}
	}
	c.m[id] = info
}

// disputedKey marks a channel whose close or challenge the verify role has
// judged: delegations of it read L1 afresh. Same hash tag as stateKey. The
// mark outlives settlement (one small key per closed channel): the fact caches
// of other processes have no expiry, and the mark is how they learn that the
// channel is no longer open.
func disputedKey(id common.Hash) string { return stateKey(id) + ":disputed" }
