// Package graph maps eventgraph's extracted documents to quads and stores
// them in cayley. It owns the vocabulary (below), opening stores, writing an
// article's quads under the article's label, and reading events back.
//
// Vocabulary. IRIs are stored in their short, prefixed form so that queries
// read as written (g.V().Has("<rdf:type>", "<sem:Event>")); exports expand
// them with the prefixes registered here.
//
//	prefix  namespace
//	rdf     http://www.w3.org/1999/02/22-rdf-syntax-ns#
//	rdfs    http://www.w3.org/2000/01/rdf-schema#
//	schema  https://schema.org/
//	sem     http://semanticweb.cs.vu.nl/2009/11/sem/   (Simple Event Model)
//	prov    http://www.w3.org/ns/prov#
//	eg      https://eventgraph.dev/ns#                 (eventgraph's own terms)
//
// Nodes:
//
//	<eg:article/ID>        a schema:NewsArticle   schema:headline, schema:datePublished (the publisher's day
//	                                              "YYYY-MM-DD", or "YYYY" when the source gave only a year),
//	                                              eg:publishedAt (xsd:dateTime with the publisher's offset, when
//	                                              the source gave a time), schema:dateModified, schema:url
//	                                              (canonical), schema:author, schema:publisher (the site's
//	                                              name), schema:inLanguage (ISO 639-1), eg:source
//	<eg:event/ID>          a sem:Event            eg:action, sem:eventType <eg:cameo/CODE>, eg:cameoCode, eg:quadClass,
//	                                              eg:goldstein, eg:modality, schema:description (summary),
//	                                              eg:agent / eg:target / sem:hasActor <actor>, sem:hasPlace <actor>,
//	                                              sem:hasEarliestBeginTimeStamp / sem:hasLatestEndTimeStamp "YYYY-MM-DD",
//	                                              eg:timeValue, eg:granularity, eg:dateBasis, eg:after / eg:before /
//	                                              eg:simultaneous <event>
//	<eg:mention/ART/N>     a eg:EventMention      eg:mentionOf <event>, prov:wasDerivedFrom <article>, eg:sentence,
//	                                              eg:sentenceIndex, eg:trigger, eg:start, eg:end, eg:pattern, eg:action,
//	                                              eg:modality, eg:salience (0-1, see package event), eg:timeText, eg:timeValue (where a timeline places
//	                                              it: the time expression's value, or the publication day with
//	                                              eg:dateBasis "publication"), plus the mention's own bounds
//	<eg:actor/KIND/SLUG>   a sem:Actor            rdfs:label, eg:kind, eg:actorCode, schema:alternateName,
//	                                              eg:mentionCount is not stored (counted from mentions)
//	<eg:amention/ART/N>    a eg:ActorMention      eg:mentionOf <actor>, prov:wasDerivedFrom <article>, eg:text, eg:start, eg:end
//	<eg:role/HASH>         a eg:Role              eg:holder <actor>, eg:title "prime minister", eg:of <actor>
//	                                              and the shortcuts <holder> schema:jobTitle "…", <holder> schema:affiliation <of>
//	<eg:actor/…>           eg:partOf / eg:owner   <actor> for offices and possessives
//
// Every quad extracted from an article carries the article's IRI as its
// label: provenance, and the handle for retracting the article.
package graph

import (
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
)

// Namespaces used by the vocabulary.
const (
	NSRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	NSRDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	NSSchema = "https://schema.org/"
	NSSEM    = "http://semanticweb.cs.vu.nl/2009/11/sem/"
	NSProv   = "http://www.w3.org/ns/prov#"
	NSEG     = "https://eventgraph.dev/ns#"
	NSXSD    = "http://www.w3.org/2001/XMLSchema#"
)

// XSDDateTime types eg:publishedAt.
const XSDDateTime = quad.IRI(NSXSD + "dateTime")

func init() {
	for _, ns := range []struct{ p, full string }{
		{"rdf:", NSRDF}, {"rdfs:", NSRDFS}, {"schema:", NSSchema}, {"sem:", NSSEM}, {"prov:", NSProv}, {"eg:", NSEG},
	} {
		voc.RegisterPrefix(ns.p, ns.full)
	}
}

// Classes.
var (
	ClassArticle       = quad.IRI("schema:NewsArticle")
	ClassEvent         = quad.IRI("sem:Event")
	ClassActor         = quad.IRI("sem:Actor")
	ClassEventMention  = quad.IRI("eg:EventMention")
	ClassActorMention  = quad.IRI("eg:ActorMention")
	ClassRole          = quad.IRI("eg:Role")
	ClassEventTypeCode = quad.IRI("sem:EventType")
)

// Predicates.
var (
	Type        = quad.IRI("rdf:type")
	Label       = quad.IRI("rdfs:label")
	Headline    = quad.IRI("schema:headline")
	Published   = quad.IRI("schema:datePublished")
	PublishedAt = quad.IRI("eg:publishedAt")
	Modified    = quad.IRI("schema:dateModified")
	Author      = quad.IRI("schema:author")
	Publisher   = quad.IRI("schema:publisher")
	InLanguage  = quad.IRI("schema:inLanguage")
	URL         = quad.IRI("schema:url")
	Source      = quad.IRI("eg:source")
	Description = quad.IRI("schema:description")
	AltName     = quad.IRI("schema:alternateName")
	JobTitle    = quad.IRI("schema:jobTitle")
	Affiliation = quad.IRI("schema:affiliation")

	Action    = quad.IRI("eg:action")
	EventType = quad.IRI("sem:eventType")
	CAMEO     = quad.IRI("eg:cameoCode")
	Extension = quad.IRI("eg:extensionCode")
	QuadClass = quad.IRI("eg:quadClass")
	Goldstein = quad.IRI("eg:goldstein")
	Modality  = quad.IRI("eg:modality")
	Agent     = quad.IRI("eg:agent")
	Target    = quad.IRI("eg:target")
	HasActor  = quad.IRI("sem:hasActor")
	HasPlace  = quad.IRI("sem:hasPlace")
	Earliest  = quad.IRI("sem:hasEarliestBeginTimeStamp")
	Latest    = quad.IRI("sem:hasLatestEndTimeStamp")
	TimeValue = quad.IRI("eg:timeValue")
	Salience  = quad.IRI("eg:salience")
	TimeText  = quad.IRI("eg:timeText")
	Gran      = quad.IRI("eg:granularity")
	Basis     = quad.IRI("eg:dateBasis")
	After     = quad.IRI("eg:after")
	Before    = quad.IRI("eg:before")
	Same      = quad.IRI("eg:simultaneous")
	LinkCue   = quad.IRI("eg:linkCue")

	MentionOf     = quad.IRI("eg:mentionOf")
	DerivedFrom   = quad.IRI("prov:wasDerivedFrom")
	Sentence      = quad.IRI("eg:sentence")
	SentenceIndex = quad.IRI("eg:sentenceIndex")
	Trigger       = quad.IRI("eg:trigger")
	Start         = quad.IRI("eg:start")
	End           = quad.IRI("eg:end")
	Pattern       = quad.IRI("eg:pattern")
	Text          = quad.IRI("eg:text")
	Participant   = quad.IRI("eg:participant")
	Order         = quad.IRI("eg:order")

	Kind      = quad.IRI("eg:kind")
	ActorCode = quad.IRI("eg:actorCode")
	Holder    = quad.IRI("eg:holder")
	Title     = quad.IRI("eg:title")
	Of        = quad.IRI("eg:of")
	PartOf    = quad.IRI("eg:partOf")
	Owner     = quad.IRI("eg:owner")
	MergedBy  = quad.IRI("eg:mergeReason")
	// ActorKey is an extractor key that resolved to the actor; Seq the
	// order in which events became known. Both let a resolver reloaded
	// from the store merge exactly as the one that wrote it.
	ActorKey = quad.IRI("eg:key")
	Seq      = quad.IRI("eg:seq")

	// Story is the story an article (or the first article to report an
	// event) was placed in; SameStoryAs names (by ID) each earlier article
	// it was found close to, so that stories merged later are the
	// connected articles. Keywords (the article's content words with their
	// counts, "word:n word:n") and StorySeq (the order articles were
	// placed in) let a resolver reloaded from the store place new
	// articles exactly as the one that wrote them.
	Story       = quad.IRI("eg:story")
	SameStoryAs = quad.IRI("eg:sameStoryAs")
	Keywords    = quad.IRI("eg:keywords")
	StorySeq    = quad.IRI("eg:storySeq")
	// Lead marks a mention in its article's lead (resolve.IsLead).
	Lead = quad.IRI("eg:lead")
)
