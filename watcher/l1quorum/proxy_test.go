package l1quorum_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
)

// How a proxy in front of anvil misbehaves.
const (
	honest  int32 = iota
	lying         // forges a log, changes block hashes and call results
	failing       // answers HTTP 503
	lagging       // answers "latest" with block 1
	forging       // adds a forged log to eth_getLogs answers, nothing else
)

// forgedContract is the address of the close event the lying source invents.
var forgedContract = common.HexToAddress("0x00000000000000000000000000000000000c105e")

// proxy is a real reverse proxy in front of anvil that misbehaves as told.
type proxy struct {
	mode atomic.Int32
	srv  *httptest.Server
	// forged, when set, is the log a lying proxy adds to eth_getLogs answers.
	forged atomic.Pointer[json.RawMessage]
}

func newProxy(t *testing.T, target string, mode int32) *proxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{}
	p.mode.Store(mode)
	rp := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(u)
			r.Out.Header.Del("Accept-Encoding") // bodies stay readable for ModifyResponse
		},
		ModifyResponse: p.modify,
	}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var req struct {
			Method string            `json:"method"`
			Params []json.RawMessage `json:"params"`
			ID     json.RawMessage   `json:"id"`
		}
		_ = json.Unmarshal(body, &req)
		switch p.mode.Load() {
		case failing:
			http.Error(w, "upstream unavailable", http.StatusServiceUnavailable)
			return
		case lagging:
			if req.Method == "eth_getBlockByNumber" && len(req.Params) > 0 && string(req.Params[0]) == `"latest"` {
				body = bytes.Replace(body, []byte(`"latest"`), []byte(`"0x1"`), 1)
			}
		}
		r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		r.Header.Set("X-Test-Method", req.Method)
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// modify makes a lying proxy's answers lie.
func (p *proxy) modify(resp *http.Response) error {
	mode := p.mode.Load()
	if mode != lying && mode != forging {
		return nil
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return err
	}
	var msg map[string]json.RawMessage
	if err := json.Unmarshal(body, &msg); err == nil && msg["result"] != nil && string(msg["result"]) != "null" {
		method := resp.Request.Header.Get("X-Test-Method")
		if mode == forging && method != "eth_getLogs" {
			method = ""
		}
		switch method {
		case "eth_getLogs":
			var logs []json.RawMessage
			if json.Unmarshal(msg["result"], &logs) == nil {
				forged, _ := json.Marshal(map[string]any{
					"address": forgedContract, "topics": []common.Hash{common.HexToHash("0xc105ed")}, "data": "0x",
					"blockNumber": "0x2", "transactionHash": common.HexToHash("0xf0f0"), "transactionIndex": "0x0",
					"blockHash": common.HexToHash("0xb10c"), "logIndex": "0x0", "removed": false,
				})
				if f := p.forged.Load(); f != nil {
					forged = *f
				}
				msg["result"], _ = json.Marshal(append(logs, forged))
			}
		case "eth_getBlockByNumber":
			var blk map[string]json.RawMessage
			if json.Unmarshal(msg["result"], &blk) == nil {
				blk["extraData"] = json.RawMessage(`"0x6c696172"`) // another header, another hash
				msg["result"], _ = json.Marshal(blk)
			}
		case "eth_call":
			msg["result"] = json.RawMessage(`"0x0000000000000000000000000000000000000000000000000000000000000001"`)
		}
		body, _ = json.Marshal(msg)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	return nil
}
