// Package conllu forwards to extract/syntax/conllu, the CoNLL-U reader,
// which moved out of internal/ so that eval/ud can read the treebanks too.
//
// Deprecated: import github.com/eventgraph/eventgraph/extract/syntax/conllu.
package conllu

import "github.com/eventgraph/eventgraph/extract/syntax/conllu"

type (
	Word      = conllu.Word
	Multiword = conllu.Multiword
	Sentence  = conllu.Sentence
)

var (
	Read      = conllu.Read
	ReadFile  = conllu.ReadFile
	ReadFiles = conllu.ReadFiles
)
