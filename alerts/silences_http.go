package alerts

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// SilenceJSON is a silence as the admin API reads and writes it.
type SilenceJSON struct {
	ID        string            `json:"id,omitempty"`
	Match     map[string]string `json:"match,omitempty"`
	MatchRE   map[string]string `json:"match_re,omitempty"`
	StartsAt  time.Time         `json:"starts_at,omitzero"`
	EndsAt    time.Time         `json:"ends_at,omitzero"`
	CreatedBy string            `json:"created_by,omitempty"`
	Comment   string            `json:"comment,omitempty"`
	// Active is set in answers: the silence mutes alerts now.
	Active bool `json:"active"`
}

func silenceJSON(s ActiveSilence, now time.Time) SilenceJSON {
	return SilenceJSON{ID: s.ID, Match: s.Match, MatchRE: s.MatchRE, StartsAt: s.StartsAt, EndsAt: s.EndsAt, CreatedBy: s.CreatedBy, Comment: s.Comment, Active: s.Active(now)}
}

// SilenceHandler serves the silences API for the tower's admin listener,
// mounted at /silences:
//
//	GET    /silences        list (JSON array of SilenceJSON)
//	POST   /silences        add (SilenceJSON body; ends_at required), 201 with the silence
//	DELETE /silences/{id}   expire now, 204
//
// Authentication is the listener's business.
func SilenceHandler(st *SilenceStore) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := strings.Trim(strings.TrimPrefix(r.URL.Path, "/silences"), "/")
		switch {
		case r.Method == http.MethodGet && id == "":
			all, err := st.List(r.Context())
			if err != nil {
				http.Error(w, err.Error(), http.StatusServiceUnavailable)
				return
			}
			out := make([]SilenceJSON, 0, len(all))
			for _, s := range all {
				out = append(out, silenceJSON(s, st.now()))
			}
			writeJSON(w, http.StatusOK, out)
		case r.Method == http.MethodPost && id == "":
			var in SilenceJSON
			if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
				http.Error(w, "silence: "+err.Error(), http.StatusBadRequest)
				return
			}
			s, err := st.Add(r.Context(), Silence{Match: in.Match, MatchRE: in.MatchRE, StartsAt: in.StartsAt, EndsAt: in.EndsAt, Comment: in.Comment}, in.CreatedBy)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			writeJSON(w, http.StatusCreated, silenceJSON(s, st.now()))
		case r.Method == http.MethodDelete && id != "":
			if err := st.Expire(r.Context(), id); err != nil {
				http.Error(w, err.Error(), http.StatusNotFound)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			http.Error(w, "silences: GET or POST /silences, DELETE /silences/{id}", http.StatusMethodNotAllowed)
		}
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// Silences returns the run-time silences the manager honours (shared by
// every tower on the bus).
func (m *Manager) Silences() *SilenceStore { return m.silences }
