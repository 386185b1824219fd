package main

import (
	"errors"
	"fmt"
	"math"
	"net"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/viper"

	"github.com/eventgraph/eventgraph/extract/article"
)

// settings is the configuration after every layer (config.yaml, --config
// FILE, EVENTGRAPH_* variables, flags), read strictly: a setting of the
// wrong type, out of range or unknown is an error naming it, never a
// silent default. Every key of config.yaml has a field here, and every
// field a key (TestSettingsMatchConfigYAML).
type settings struct {
	Store struct {
		Backend string
		Address string
		Options map[string]any
	}
	Ingest struct {
		Workers      int
		Batch        int
		MaxBytes     int64
		Format       article.Format
		MemoryLimit  int64
		ReportEvery  time.Duration
		AllowPrivate bool
		// ArticleTimeout is one article's extraction time limit.
		ArticleTimeout time.Duration
	}
	Resolve struct {
		Horizon int
	}
	Timeline struct {
		MinSalience float64
	}
	Query struct {
		Timeout      time.Duration
		Limit        int
		MaxHeapBytes int64
	}
	Serve struct {
		Host         string
		ReadOnly     bool
		CORSOrigins  []string
		MaxBodyBytes int64
	}
	Log struct {
		Level string
	}
}

// setting reads one key into its field.
type setting struct {
	key  string
	read func(v any) error
}

// optionsKey holds cayley's backend options: any key below it is passed on.
const optionsKey = "store.options"

// logLevels are the accepted values of log.level.
var logLevels = []string{"debug", "info", "warn", "error"}

// formats are the accepted values of ingest.format.
var formats = []article.Format{article.Auto, article.Text, article.HTML, article.Feed, article.JSONL}

// table lists every setting and how it is read into s.
func (s *settings) table() []setting {
	return []setting{
		{"store.backend", asString(&s.Store.Backend)},
		{"store.address", asString(&s.Store.Address)},
		{optionsKey, asMap(&s.Store.Options)},
		{"ingest.workers", asInt(&s.Ingest.Workers, 0, math.MaxInt32)},
		{"ingest.batch", asInt(&s.Ingest.Batch, 1, math.MaxInt32)},
		{"ingest.max_bytes", asInt64(&s.Ingest.MaxBytes, 1, article.MaxBytes)},
		{"ingest.format", asOneOf(&s.Ingest.Format, formats)},
		{"ingest.memory_limit", asInt64(&s.Ingest.MemoryLimit, 0, math.MaxInt64)},
		{"ingest.report_every", asDuration(&s.Ingest.ReportEvery, false)},
		{"ingest.allow_private", asBool(&s.Ingest.AllowPrivate)},
		{"ingest.article_timeout", asDuration(&s.Ingest.ArticleTimeout, false)},
		{"resolve.horizon", asInt(&s.Resolve.Horizon, 0, math.MaxInt32)},
		{"timeline.min_salience", asFraction(&s.Timeline.MinSalience)},
		{"query.timeout", asDuration(&s.Query.Timeout, true)},
		{"query.limit", asInt(&s.Query.Limit, 1, math.MaxInt32)},
		{"query.max_heap_bytes", asInt64(&s.Query.MaxHeapBytes, 0, math.MaxInt64)},
		{"serve.host", asHostPort(&s.Serve.Host)},
		{"serve.read_only", asBool(&s.Serve.ReadOnly)},
		{"serve.cors_origins", asStrings(&s.Serve.CORSOrigins)},
		{"serve.max_body_bytes", asInt64(&s.Serve.MaxBodyBytes, 1, math.MaxInt64)},
		{"log.level", asOneOf(&s.Log.Level, logLevels)},
	}
}

// readSettings reads the layered configuration in v. fileKeys are the keys
// set in the --config file named file: those that are no setting are
// errors (viper would keep them silently, or drop a value that replaces a
// section).
func readSettings(v *viper.Viper, file string, fileKeys []string) (settings, error) {
	var s settings
	table := s.table()
	known := make([]string, len(table))
	for i, st := range table {
		known[i] = st.key
	}
	var errs []error
	for _, key := range fileKeys {
		if err := checkKey(key, known); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", file, err))
		}
	}
	for _, st := range table {
		if err := st.read(v.Get(st.key)); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", st.key, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return s, fmt.Errorf("config: %w", err)
	}
	return s, nil
}

// checkKey refuses a key of a config file that is not a setting.
func checkKey(key string, known []string) error {
	if slices.Contains(known, key) || strings.HasPrefix(key, optionsKey+".") {
		return nil
	}
	var inside []string
	for _, k := range known {
		if strings.HasPrefix(k, key+".") {
			inside = append(inside, k)
		}
	}
	if len(inside) > 0 {
		return fmt.Errorf("%q is a section, not a value: set %s", key, strings.Join(inside, ", "))
	}
	return fmt.Errorf("unknown setting %q (did you mean %q?)", key, nearest(key, known))
}

func asString(dst *string) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		if !ok && v != nil {
			return fmt.Errorf("%v is not a string", v)
		}
		*dst = s
		return nil
	}
}

// asHostPort accepts a listen address, host:port (an empty host listens on
// every interface, so it must be written: 0.0.0.0:64210).
func asHostPort(dst *string) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		host, _, err := net.SplitHostPort(s)
		if !ok || err != nil || host == "" {
			return fmt.Errorf("%q is not a listen address host:port (127.0.0.1:64210; 0.0.0.0:64210 for every interface)", fmt.Sprint(v))
		}
		*dst = s
		return nil
	}
}

func asOneOf[T ~string](dst *T, allowed []T) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		if ok && slices.Contains(allowed, T(strings.ToLower(s))) {
			*dst = T(strings.ToLower(s))
			return nil
		}
		names := make([]string, len(allowed))
		for i, a := range allowed {
			names[i] = string(a)
		}
		return fmt.Errorf("%q is not one of %s", fmt.Sprint(v), strings.Join(names, ", "))
	}
}

func asMap(dst *map[string]any) func(any) error {
	return func(v any) error {
		switch m := v.(type) {
		case nil:
			*dst = map[string]any{}
		case map[string]any:
			*dst = m
		default:
			return fmt.Errorf("%v is not a map of options", v)
		}
		return nil
	}
}

func asStrings(dst *[]string) func(any) error {
	return func(v any) error {
		switch l := v.(type) {
		case nil:
			*dst = nil
		case []string:
			*dst = l
		case string: // from the environment: "a b" or "a,b"
			*dst = strings.Fields(strings.ReplaceAll(l, ",", " "))
		case []any:
			out := make([]string, len(l))
			for i, e := range l {
				s, ok := e.(string)
				if !ok {
					return fmt.Errorf("item %d (%v) is not a string", i, e)
				}
				out[i] = s
			}
			*dst = out
		default:
			return fmt.Errorf("%v is not a list", v)
		}
		return nil
	}
}

// asBool accepts only true and false: "yes", "on", "enabled" or a typo in
// serve.read_only must not turn writes on.
func asBool(dst *bool) func(any) error {
	return func(v any) error {
		switch b := v.(type) {
		case bool:
			*dst = b
			return nil
		case string: // from the environment or a flag
			switch strings.ToLower(b) {
			case "true":
				*dst = true
				return nil
			case "false":
				*dst = false
				return nil
			}
		}
		return fmt.Errorf("%q is not a boolean: write true or false", fmt.Sprint(v))
	}
}

func asInt(dst *int, lo, hi int64) func(any) error {
	var n int64
	read := asInt64(&n, lo, hi)
	return func(v any) error {
		if err := read(v); err != nil {
			return err
		}
		*dst = int(n)
		return nil
	}
}

// asInt64 accepts whole numbers from lo to hi, written as numbers (or
// digits, from the environment).
func asInt64(dst *int64, lo, hi int64) func(any) error {
	return func(v any) error {
		n, err := wholeNumber(v)
		if err != nil {
			return err
		}
		if n < lo || n > hi {
			if hi == math.MaxInt64 || hi == math.MaxInt32 {
				return fmt.Errorf("%d is below %d", n, lo)
			}
			return fmt.Errorf("%d is not between %d and %d", n, lo, hi)
		}
		*dst = n
		return nil
	}
}

// asFraction accepts numbers from 0 to 1, written as numbers (or
// digits, from the environment).
func asFraction(dst *float64) func(any) error {
	return func(v any) error {
		var f float64
		switch n := v.(type) {
		case float64:
			f = n
		case int:
			f = float64(n)
		case int64:
			f = float64(n)
		case string:
			var err error
			if f, err = strconv.ParseFloat(strings.TrimSpace(n), 64); err != nil {
				return fmt.Errorf("%q is not a number", n)
			}
		default:
			return fmt.Errorf("%q is not a number", fmt.Sprint(v))
		}
		if f < 0 || f > 1 || math.IsNaN(f) {
			return fmt.Errorf("%g is not between 0 and 1", f)
		}
		*dst = f
		return nil
	}
}

func wholeNumber(v any) (int64, error) {
	switch n := v.(type) {
	case int:
		return int64(n), nil
	case int64:
		return n, nil
	case int32:
		return int64(n), nil
	case uint64:
		if n <= math.MaxInt64 {
			return int64(n), nil
		}
	case float64:
		if n == math.Trunc(n) && math.Abs(n) < 1<<62 {
			return int64(n), nil
		}
	case string:
		if i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
			return i, nil
		}
	}
	return 0, fmt.Errorf("%q is not a whole number (sizes are in bytes: 1 GiB is 1073741824)", fmt.Sprint(v))
}

// asDuration accepts Go durations ("30s", "1m30s"); 0 alone needs no unit
// unless positive is set. A bare number is an error that says which unit
// to add: "query.timeout: 5" once meant 5 nanoseconds.
func asDuration(dst *time.Duration, positive bool) func(any) error {
	return func(v any) error {
		var d time.Duration
		switch x := v.(type) {
		case time.Duration:
			d = x
		case string:
			var err error
			if d, err = time.ParseDuration(strings.TrimSpace(x)); err != nil {
				if _, nerr := strconv.ParseFloat(strings.TrimSpace(x), 64); nerr == nil && x != "0" {
					return fmt.Errorf("%s has no unit: write %ss (or %sms, %sm)", x, x, x, x)
				}
				return fmt.Errorf("%q is not a duration (write 30s, 1m30s, 500ms)", x)
			}
		default:
			n, err := wholeNumber(v)
			if err != nil || n != 0 {
				return fmt.Errorf("%v has no unit: write %vs (or %vms, %vm)", v, v, v, v)
			}
		}
		if d < 0 || (positive && d == 0) {
			return fmt.Errorf("%s must be positive", d)
		}
		*dst = d
		return nil
	}
}

// nearest is the known key closest to key (edit distance).
func nearest(key string, known []string) string {
	sorted := slices.Clone(known)
	sort.Strings(sorted)
	best, bestD := "", math.MaxInt
	for _, k := range sorted {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// formatNames are the values of ingest --format.
func formatNames() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = string(f)
	}
	return out
}
