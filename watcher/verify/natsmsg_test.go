package verify_test

import "github.com/nats-io/nats.go"

type msg struct{ nats.Msg }

func natsMsg(subject, id string, data []byte, h nats.Header) *msg {
	m := &msg{nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}}
	for k, v := range h {
		m.Header[k] = v
	}
	m.Header.Set(nats.MsgIdHdr, id)
	return m
}
