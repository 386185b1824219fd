package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Page is one saved web page with what is expected of it: snippets the
// main text must hold (With) and must not hold (Without), and the
// publication day (Date, YYYY-MM-DD) when the test set gives one.
type Page struct {
	URL, File     string
	Path          string // the saved page
	Date          string
	With, Without []string
}

// Modules whose test sets are scored. Both ship their saved pages and
// expected values in their module zip (test-files/ and scripts/comparison/),
// so they are in the module cache wherever eventgraph builds: nothing is
// copied into this repository.
const (
	trafilaturaModule = "github.com/markusmobius/go-trafilatura"
	htmldateModule    = "github.com/markusmobius/go-htmldate"
)

// moduleDir is the module cache directory of a module eventgraph requires:
// of the required version, also when go.mod replaces it with a patched
// copy in third_party/ (which leaves the comparison pages out).
func moduleDir(module string) (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}@{{.Version}}", module).Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %w", module, err)
	}
	out, err = exec.Command("go", "mod", "download", "-json", strings.TrimSpace(string(out))).Output()
	if err != nil {
		return "", fmt.Errorf("locating %s: %w", module, err)
	}
	var dl struct{ Dir string }
	if err := json.Unmarshal(out, &dl); err != nil {
		return "", fmt.Errorf("locating %s: %w", module, err)
	}
	dir := dl.Dir
	if dir == "" {
		return "", fmt.Errorf("locating %s: not in the module cache (go mod download)", module)
	}
	return dir, nil
}

// TextPages reads go-trafilatura's comparison set: a map from URL to an
// entry with File, With and Without, in scripts/comparison/data.go.
func TextPages(dir string) ([]Page, error) {
	lits, err := compositeLits(filepath.Join(dir, "scripts", "comparison", "data.go"), "ComparisonEntry")
	if err != nil {
		return nil, err
	}
	var pages []Page
	for _, l := range lits {
		p := pageOf(l.fields)
		p.URL = l.key
		p.Path = findFile(dir, p.File, "comparison", "mock")
		if p.Path != "" && len(p.With) > 0 {
			pages = append(pages, p)
		}
	}
	return pages, nil
}

// DatePages reads go-htmldate's comparison sets: slices of entries with
// URL, File and Date in scripts/comparison/data-*.go.
func DatePages(dir string) ([]Page, error) {
	var pages []Page
	for _, f := range []string{"data-default.go", "data-mediacloud.go"} {
		lits, err := compositeLits(filepath.Join(dir, "scripts", "comparison", f), "comparisonEntry")
		if err != nil {
			return nil, err
		}
		for _, l := range lits {
			p := pageOf(l.fields)
			p.Path = findFile(dir, p.File, "mediacloud", "comparison", "mock")
			if p.Path != "" {
				pages = append(pages, p)
			}
		}
	}
	return pages, nil
}

func pageOf(f map[string][]string) Page {
	first := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	return Page{URL: first("URL"), File: first("File"), Date: first("Date"), With: f["With"], Without: f["Without"]}
}

func findFile(dir, name string, subdirs ...string) string {
	if name == "" {
		return ""
	}
	for _, s := range subdirs {
		p := filepath.Join(dir, "test-files", s, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// lit is one composite literal of the wanted type: its map key (when it is
// a map value) and its string fields.
type lit struct {
	key    string
	fields map[string][]string
}

// compositeLits reads the composite literals of type typeName in a Go
// source file (elided types in map and slice literals included), keeping
// their string and []string fields.
func compositeLits(path, typeName string) ([]lit, error) {
	fs := token.NewFileSet()
	f, err := parser.ParseFile(fs, path, nil, 0)
	if err != nil {
		return nil, fmt.Errorf("reading the test set: %w", err)
	}
	var out []lit
	ast.Inspect(f, func(n ast.Node) bool {
		outer, ok := n.(*ast.CompositeLit)
		if !ok || !holds(outer.Type, typeName) {
			return true
		}
		for _, e := range outer.Elts {
			l := lit{}
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				l.key = stringOf(kv.Key)
				e = kv.Value
			}
			cl, ok := e.(*ast.CompositeLit)
			if !ok {
				continue
			}
			l.fields = fieldsOf(cl)
			out = append(out, l)
		}
		return false
	})
	if len(out) == 0 {
		return nil, fmt.Errorf("reading the test set: no %s in %s", typeName, path)
	}
	return out, nil
}

// holds reports a map or slice type whose elements are typeName.
func holds(t ast.Expr, typeName string) bool {
	var elt ast.Expr
	switch t := t.(type) {
	case *ast.MapType:
		elt = t.Value
	case *ast.ArrayType:
		elt = t.Elt
	default:
		return false
	}
	id, ok := elt.(*ast.Ident)
	return ok && id.Name == typeName
}

func fieldsOf(cl *ast.CompositeLit) map[string][]string {
	m := map[string][]string{}
	for _, e := range cl.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch v := kv.Value.(type) {
		case *ast.BasicLit:
			m[k.Name] = []string{stringOf(v)}
		case *ast.CompositeLit:
			for _, s := range v.Elts {
				m[k.Name] = append(m[k.Name], stringOf(s))
			}
		}
	}
	return m
}

func stringOf(e ast.Expr) string {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return ""
	}
	s, err := strconv.Unquote(b.Value)
	if err != nil {
		return ""
	}
	return s
}
