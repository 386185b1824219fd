// Package linear is an averaged multiclass perceptron over hashed features,
// the small linear model under the tagger and the parser.
//
// A caller describes an item by a list of feature hashes (Features), built
// from a template number and the template's values with Hash, HashString
// and Mix. A Trainer learns weights from Update calls and averages them;
// its Model, pruned and quantized to 16-bit weights, scores items with
// Score and is saved and loaded in a compact binary form (Model.WriteTo,
// ReadModel).
//
// Weights are sparse: a feature keeps only the classes it was updated for,
// stored together, so scoring touches a few numbers per feature.
package linear
