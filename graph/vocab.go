// Package graph maps eventgraph's extracted documents to quads and stores
// them in cayley. It owns the vocabulary (below), opening stores, writing an
// article's quads under the article's label, and reading events back.
//
// Vocabulary. IRIs are stored in their short, prefixed form so that queries
// read as written (g.V().Has("<rdf:type>", "<schema:NewsArticle>")); exports
// expand them with the prefixes registered here.
//
//	prefix  namespace
//	rdf     http://www.w3.org/1999/02/22-rdf-syntax-ns#
//	rdfs    http://www.w3.org/2000/01/rdf-schema#
//	schema  https://schema.org/
//	sem     http://semanticweb.cs.vu.nl/2009/11/sem/   (Simple Event Model)
//	eg      https://eventgraph.dev/ns#                 (eventgraph's own terms)
//
// What Quads writes (the golden file testdata/seeds.nq pins it):
//
//	<eg:article/ID>        a schema:NewsArticle   schema:headline, schema:text (the text every offset points
//	                                              into, stored once), schema:datePublished, eg:publishedAt,
//	                                              schema:dateModified, schema:url, schema:author,
//	                                              schema:publisher, schema:inLanguage, eg:source, eg:story,
//	                                              eg:storySeq, eg:keywords, eg:cast, eg:sameStoryAs,
//	                                              eg:handles (its event mentions' handles, one line each)
//	<eg:event/ID>          a                      its class is its action's (ActionClass), a subclass of
//	                       <eg:cameo/CODE/ACTION> sem:Event and of its type node: one quad for "an event",
//	                                              "of this type" and "this action" (all events are
//	                                              g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>"));
//	                                              the rest of its coding: eg:modality (only when not
//	                                              asserted), schema:description;
//	                                              the participants: eg:agent / eg:target / eg:participant
//	                                              <actor>, sem:hasPlace <actor>; eg:after / eg:before /
//	                                              eg:simultaneous <event>. Derived, not stored: its story
//	                                              is its first article's (the one with the smallest
//	                                              eg:storySeq), its place in the order events became
//	                                              known its first mention's (eventKey)
//	<eg:mention/ART/N>     (no rdf:type)          the N-th event mention of <eg:article/ART> (its IRI names
//	                                              its article, MentionArticle; no edge does): eg:mentionOf
//	                                              <event>, its one quad. What else it says (sentence, trigger
//	                                              span, modality, salience, its own day bounds, date basis
//	                                              and value, time expression span, lead, pattern, merge
//	                                              reason) is its handle (MentionHandle), line N of its
//	                                              article's eg:handles. Time bounds are the mentions' own:
//	                                              an event's are computed from its mentions (package
//	                                              timeline), not stored.
//	<eg:actor/KIND/SLUG>   a <eg:kind/KIND>       its class is its kind's, a subclass of sem:Actor (KindClass:
//	                                              one quad for "an actor" and "a person"); rdfs:label,
//	                                              eg:key (not on descriptions <eg:actor/desc/…>),
//	                                              eg:actorCode, schema:alternateName,
//	                                              schema:jobTitle, schema:affiliation, eg:partOf, eg:owner;
//	                                              and its mentions: one eg:spans per article naming it,
//	                                              under the article's label (every mention of the actor in
//	                                              the article, FormatSpans)
//	<eg:role/HASH>         a eg:Role              eg:holder <actor>, eg:title, eg:of <actor>
//	<eg:cameo/CODE/ACTION> (a class)              rdfs:subClassOf sem:Event, rdfs:subClassOf <eg:cameo/CODE>,
//	                                              eg:action (stated once for every event of the type and
//	                                              action; readers split the IRI, EventClass)
//	<eg:cameo/CODE>        (a class)              rdfs:subClassOf sem:Event, eg:cameoCode, eg:extensionCode
//	                                              (an extension's node), rdfs:label, eg:quadClass,
//	                                              eg:goldstein (what the code implies, stated once for
//	                                              every event of the type)
//
//	<eg:kind/KIND>         (a class)              rdfs:subClassOf sem:Actor
//
//	<eg:store>                                    eg:vocabularyVersion (unlabelled; version.go); while a
//	                                              long write is in progress, eg:writing <eg:article/ID>
//	                                              (write.go: WriteBatch, RecoverWrites)
//
// Classes instead of predicates (vocabulary 6 and 7, issue 19): what a
// node is, its kind, and an event's type and action are one rdf:type quad
// to a class stated once (ActionClass, KindClass), not three or two quads
// on every node. What a Gizmo query pays: one more hop, all through the
// object index. Every event is
// g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>") instead of
// g.V().Has("<rdf:type>", "<sem:Event>"), every actor the same from
// <sem:Actor>; an event's action Out("<rdf:type>").Out("<eg:action>"), its
// CAMEO type node Out("<rdf:type>").Out("<rdfs:subClassOf>") (with
// <sem:Event>); the events of an action
// g.V("resign").In("<eg:action>").In("<rdf:type>"), the actors of a kind
// g.V("<eg:kind/person>").In("<rdf:type>"). Nothing became unanswerable;
// an RDFS reasoner (or a SPARQL path a/rdfs:subClassOf*) gives back
// rdf:type sem:Event and sem:Actor.
//
// Every quad extracted from an article carries the article's IRI as its
// label: provenance, and the handle for retracting the article. Facts of
// canonical events and actors are stored once, under the label of the
// first article that states them.
package graph

import (
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// Namespaces used by the vocabulary.
const (
	NSRDF    = rdf.NS
	NSRDFS   = rdfs.NS
	NSSchema = "https://schema.org/"
	NSSEM    = "http://semanticweb.cs.vu.nl/2009/11/sem/"
	NSEG     = "https://eventgraph.dev/ns#"
	NSXSD    = "http://www.w3.org/2001/XMLSchema#"
)

// XSDDateTime types eg:publishedAt.
const XSDDateTime = quad.IRI(NSXSD + "dateTime")

func init() {
	// rdf: and rdfs: are registered by cayley's voc packages.
	for _, ns := range []struct{ p, full string }{
		{"schema:", NSSchema}, {"sem:", NSSEM}, {"eg:", NSEG},
	} {
		voc.RegisterPrefix(ns.p, ns.full)
	}
}

// Classes.
var (
	// ClassArticle is a stored article (schema:NewsArticle).
	ClassArticle = quad.IRI("schema:NewsArticle")
	// ClassEvent is a canonical, real-world event (sem:Event).
	ClassEvent = quad.IRI("sem:Event")
	// ClassActor is a canonical actor: person, organisation, place...
	ClassActor = quad.IRI("sem:Actor")
	// ClassRole is an office held: holder, title, of.
	ClassRole = quad.IRI("eg:Role")
)

// Generic predicates.
var (
	// Type is rdf:type. An event's and an actor's is the class of its
	// kind, a subclass of sem:Event or sem:Actor (ActionClass, KindClass):
	// one quad says both what the node is and which kind it is.
	Type = quad.IRI(rdf.Type)
	// SubClassOf is rdfs:subClassOf: an event type node <eg:cameo/CODE> is
	// a subclass of sem:Event (typeNode), an actor kind's class
	// <eg:kind/KIND> of sem:Actor (kindClass), each stated once. OfType
	// follows it, and so does a query for every event:
	// g.V("<sem:Event>").In("<rdfs:subClassOf>").In("<rdf:type>").
	SubClassOf = quad.IRI(rdfs.SubClassOf)
	// Label is rdfs:label: an actor's name (one per article that named
	// it; Props.Name chooses), a CAMEO type's label.
	Label = quad.IRI(rdfs.Label)
)

// Article predicates.
var (
	// Headline is the article's title.
	Headline = quad.IRI("schema:headline")
	// Text is the article's text, stored once: every offset of a mention
	// points into it.
	Text = quad.IRI("schema:text")
	// Published is the publisher's day ("YYYY-MM-DD"), or "YYYY" when the
	// source gave only a year.
	Published = quad.IRI("schema:datePublished")
	// PublishedAt is the publication time with the publisher's offset
	// (xsd:dateTime), when the source gave a time.
	PublishedAt = quad.IRI("eg:publishedAt")
	// Modified is the last modification the source states.
	Modified = quad.IRI("schema:dateModified")
	// Author is an author's name (one quad each).
	Author = quad.IRI("schema:author")
	// Publisher is the site's name.
	Publisher = quad.IRI("schema:publisher")
	// InLanguage is the article's language (ISO 639-1).
	InLanguage = quad.IRI("schema:inLanguage")
	// URL is the article's canonical URL.
	URL = quad.IRI("schema:url")
	// Source is where the article was read from: a path or URL.
	Source = quad.IRI("eg:source")
	// Story is the story an article was placed in (an event's is its
	// first article's).
	Story = quad.IRI("eg:story")
	// SameStoryAs names (by ID) each earlier article the article was
	// found close to, so that stories merged later are the connected
	// articles.
	SameStoryAs = quad.IRI("eg:sameStoryAs")
	// Keywords are the article's content words with their counts,
	// "word:n word:n" (FormatKeywords).
	Keywords = quad.IRI("eg:keywords")
	// Cast are the named actors the article mentions, the actors of its
	// eg:spans less descriptions: their IDs, sorted, space-separated.
	Cast = quad.IRI("eg:cast")
	// StorySeq is the order articles were placed in stories. With
	// Keywords and Cast it lets a resolver reloaded from the store place
	// new articles exactly as the one that wrote them.
	StorySeq = quad.IRI("eg:storySeq")
)

// Event predicates: the coding, participants and relations of an event.
var (
	// Action is the normalized action, a verb lemma ("cancel"), on the
	// class of an action's events (ActionClass), not on each event:
	// g.V("cancel").In("<eg:action>").In("<rdf:type>") are the events
	// of the action, Out("<rdf:type>").Out("<eg:action>") an event's.
	Action = quad.IRI("eg:action")
	// CAMEO is the CAMEO code ("125") of a type node <eg:cameo/CODE>, and
	// an extension's nearest CAMEO code on its node.
	CAMEO = quad.IRI("eg:cameoCode")
	// Extension is eventgraph's finer code on the type node of an
	// extension ("EG-CANCELVISIT").
	Extension = quad.IRI("eg:extensionCode")
	// QuadClass is the CAMEO quad class, 1-4, and Goldstein the
	// Goldstein score, -10 to 10, of a type node <eg:cameo/CODE>.
	QuadClass = quad.IRI("eg:quadClass")
	Goldstein = quad.IRI("eg:goldstein")
	// Modality is how the first report states the event: negated,
	// planned, threatened, reported, hypothetical. It is stated only when
	// not DefaultModality: an event without eg:modality is asserted
	// (Props.EventModality).
	Modality = quad.IRI("eg:modality")
	// Description is the event's who-did-what-to-whom summary.
	Description = quad.IRI("schema:description")
	// Agent, Target and Participant are the event's actors by role
	// (ActorRoles; not repeated as sem:hasActor: a query asks for any of
	// them, In(["<eg:agent>", "<eg:target>", "<eg:participant>"]));
	// HasPlace is where it happened.
	Agent       = quad.IRI("eg:agent")
	Target      = quad.IRI("eg:target")
	Participant = quad.IRI("eg:participant")
	HasPlace    = quad.IRI("sem:hasPlace")
	// After, Before and Same are temporal relations an article states
	// between two events ("came after", "coincided with").
	After  = quad.IRI("eg:after")
	Before = quad.IRI("eg:before")
	Same   = quad.IRI("eg:simultaneous")
)

// DefaultModality is the modality of an event that states none: most
// events are asserted, so eg:modality is written only for the others.
const DefaultModality = doc.Asserted

// ActorRoles are the edges from an event to its actors, places aside.
var ActorRoles = []quad.IRI{Agent, Target, Participant}

// Mention predicates.
var (
	// MentionOf ties an event mention to its event.
	MentionOf = quad.IRI("eg:mentionOf")
	// Handles are an article's event mention handles (MentionHandle),
	// one line each in the order of the mentions: line N is the handle of
	// <eg:mention/ID/N> (FormatHandles, HandleAt). On the article, whose
	// text their offsets point into: one quad for all its mentions.
	Handles = quad.IRI("eg:handles")
	// Spans are an article's mentions of an actor, on the actor and
	// under the article's label: their spans in the article's text
	// (FormatSpans).
	Spans = quad.IRI("eg:spans")
	// Trigger and TimeText are an event mention's trigger and time
	// expression, stored only when their text is not the article's text
	// at their spans.
	Trigger  = quad.IRI("eg:trigger")
	TimeText = quad.IRI("eg:timeText")
)

// Actor predicates. An actor's kind (person, country, organization...)
// is its class (KindClass), not a predicate of its own.
var (
	// ActorCode is the actor's CAMEO actor code.
	ActorCode = quad.IRI("eg:actorCode")
	// AltName is another name of the actor.
	AltName = quad.IRI("schema:alternateName")
	// ActorKey is an extractor key that resolved to the actor (not stated
	// for a description, IsDescription: its keys name its article).
	ActorKey = quad.IRI("eg:key")
	// JobTitle and Affiliation are shortcuts of the actor's roles:
	// <holder> schema:jobTitle "prime minister", <holder>
	// schema:affiliation <of>.
	JobTitle    = quad.IRI("schema:jobTitle")
	Affiliation = quad.IRI("schema:affiliation")
	// Holder, Title and Of describe a role node.
	Holder = quad.IRI("eg:holder")
	Title  = quad.IRI("eg:title")
	Of     = quad.IRI("eg:of")
	// PartOf ties an office to its organisation; Owner a possession to
	// its owner.
	PartOf = quad.IRI("eg:partOf")
	Owner  = quad.IRI("eg:owner")
)
