package actor

// Closed-class and other capitalizable words that never start or make up a
// name on their own. Lowercase.
var stopwords = set(
	"the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you",
	"his", "her", "its", "their", "our", "my", "your", "him", "them", "us", "me",
	"in", "on", "at", "by", "for", "from", "to", "with", "without", "of", "after", "before",
	"during", "since", "until", "as", "and", "but", "or", "nor", "so", "yet", "if", "when",
	"while", "where", "why", "how", "what", "who", "whom", "which", "whose", "despite", "although", "though",
	"because", "meanwhile", "however", "also", "there", "here", "then", "now", "today",
	"yesterday", "tomorrow", "tonight", "according", "under", "over", "among", "between", "against",
	"about", "amid", "amidst", "following", "instead", "not", "no", "yes", "all", "some", "many",
	"most", "several", "each", "every", "both", "either", "neither", "one", "two", "three",
	"more", "less", "other", "such", "only", "even", "just", "still", "already", "again",
	"last", "next", "first", "second", "third", "another", "any", "is", "are", "was", "were", "be",
	"has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
	"might", "must", "shall", "up", "down", "out", "into", "onto", "through", "throughout", "via",
	"per", "than", "like", "unlike", "within", "upon", "towards", "toward", "across", "around",
	"near", "off", "once", "thus", "therefore", "indeed", "perhaps", "please", "well", "oh",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"update", "updated", "breaking", "exclusive", "watch", "video", "photo", "photos", "read", "more", "related",
	"said", "says", "say", "told", "former", "late", "top", "senior",
	"ahead", "looking", "immediate", "growing", "however", "besides", "moreover", "furthermore",
	"later", "earlier", "recently", "separately", "previously", "currently", "finally", "initially",
	"eventually", "anyway", "nevertheless", "nonetheless", "otherwise", "whether", "unless", "whereas",
)

// nameParticles may appear lowercase inside a name: "Gulf of Aden",
// "Ludwig van Beethoven", "Osama bin Laden".
var nameParticles = set("of", "de", "du", "van", "von", "der", "den", "bin", "ibn", "al", "la", "le", "del", "da", "di", "dos", "das", "y", "&")

// nameSuffixes end a person's name: "Jr.", "III".
var nameSuffixes = set("jr", "jr.", "sr", "sr.", "ii", "iii", "iv")

// orgSuffix words make a capitalized name an organization.
var orgSuffix = set(
	"inc", "inc.", "corp", "corp.", "co", "co.", "company", "corporation", "ltd", "ltd.", "llc", "plc", "group",
	"party", "council", "committee", "commission", "ministry", "department", "agency", "authority",
	"association", "union", "institute", "university", "college", "bank", "fund", "foundation",
	"organization", "organisation", "network", "times", "post", "news", "press", "journal", "herald",
	"tribune", "gazette", "telegraph", "guardian", "airlines", "airways", "motors", "systems", "technologies",
	"technology", "devices", "microsystems", "labs", "laboratories", "police", "army", "navy", "force", "forces",
	"court", "services", "entertainment", "studios", "pictures", "records", "communications", "team",
	"club", "society", "federation", "league", "brigade", "brigades", "movement", "front", "office",
	"bureau", "service", "board", "assembly", "parliament", "senate", "congress", "cabinet", "government",
	"administration", "reuters", "magazine", "channel", "tv", "radio", "broadcasting", "industries",
	"holdings", "partners", "capital", "enterprises", "international", "worldwide", "software", "electronics",
	"pharmaceuticals", "energy", "oil", "petroleum", "mobile", "wireless", "telecom", "media", "daily",
	"guard", "corps", "squad", "unit", "command", "directorate", "secretariat", "tribunal", "jury",
)

// facSuffix words make a capitalized name a facility (a place).
var facSuffix = set(
	"center", "centre", "hospital", "airport", "stadium", "arena", "hall", "hotel", "building", "tower",
	"towers", "prison", "jail", "penitentiary", "bridge", "station", "square", "park", "mall", "museum",
	"theater", "theatre", "field", "plaza", "palace", "base", "highway", "street", "st", "st.", "avenue", "ave",
	"ave.", "road", "rd", "rd.", "boulevard", "blvd", "blvd.", "lane", "drive", "clinic", "cathedral",
	"church", "mosque", "synagogue", "temple", "school", "academy", "campus", "gardens", "port", "harbor",
	"harbour", "terminal", "dam", "mine", "plant", "factory", "complex", "compound", "camp", "crossing",
	"checkpoint", "embassy", "consulate", "residence", "house", "apartments", "motel", "casino", "club",
	"restaurant", "cafe", "bar", "pub", "store", "market", "court", "courthouse",
)

// geoSuffix words make a capitalized name a geographic place.
var geoSuffix = set(
	"city", "county", "state", "province", "island", "islands", "river", "lake", "mountain", "mountains",
	"valley", "bay", "gulf", "sea", "ocean", "coast", "beach", "peninsula", "strait", "straits", "canal",
	"desert", "region", "district", "village", "heights", "hills", "forest", "falls", "springs", "township",
	"borough", "parish", "territory", "territories", "strip", "bank", "basin", "delta", "plateau", "canyon",
	"glacier", "reef", "channel", "cape", "peak", "east", "west", "north", "south", "asia", "africa", "america", "europe",
)

// geoPrefix words start a geographic or facility name: "Mount Cook", "Lake Erie".
var geoPrefix = set("mount", "mt", "mt.", "lake", "gulf", "strait", "bay", "port", "fort", "cape", "isle", "san", "santa", "saint", "st", "st.", "los", "las", "el", "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "greater")

// ambiguousTitle titles are also common adjectives or nouns; written in
// lowercase without a name they are not role mentions ("a major operation").
var ambiguousTitle = set("major", "general", "chief", "head", "chair", "justice", "leader", "speaker",
	"official", "representative", "executive", "director", "manager", "captain", "commander", "officer",
	"minister", "secretary", "lieutenant", "inspector", "prince", "princess", "lord", "lady", "miss",
	"founder", "coach", "judge", "adviser", "advisor", "president")

// definiteBefore words make a following bare title a role mention: "the
// president", "former president".
var definiteBefore = set("the", "former", "then", "late", "acting", "new", "outgoing", "incoming", "current")

// possDeterminer pronouns are not made mentions.
var possDeterminer = set("his", "their", "theirs")

// eventSuffix last words make a capitalized name an event, a law, an award
// or a work, not an actor: "Academy Awards", "Endangered Species Act".
var eventSuffix = set("act", "acts", "awards", "award", "prize", "games", "cup", "championship",
	"championships", "olympics", "festival", "war", "scandal", "conference", "summit", "show", "series",
	"tournament", "open", "bowl", "day", "week", "season", "election", "elections", "treaty", "accord",
	"accords", "agreement", "law", "bill", "amendment", "code", "protocol", "plan", "doctrine", "initiative",
	"program", "programme", "project", "operation", "pro", "edition", "version", "phone", "album", "film",
	"movie", "novel", "book", "song", "tour", "expo", "fair", "marathon", "race", "crisis", "affair", "gate")

// notActor words never start or form an actor name: holidays, eras,
// common capitalized abbreviations.
var notActor = set("christmas", "easter", "thanksgiving", "ramadan", "ramzan", "ramazan", "hanukkah", "passover",
	"eid", "diwali", "halloween", "valentine's", "internet", "web", "dui", "dwi", "gmt", "utc", "est", "pst", "am",
	"pm", "ok", "tv", "pc", "ceo", "cfo", "ad", "bc", "god", "lord", "allah", "jesus", "bible", "koran", "quran",
	"english", "french", "spanish", "german", "arabic", "hebrew", "latin", "celsius", "fahrenheit")

// placePreps before a name make it a place: "in Rafah".
var placePreps = set("in", "at", "near", "outside", "inside", "across", "throughout", "around", "into", "from", "toward", "towards", "via", "between")

// speechVerbs after a name make it an agent (a person, or a government for a
// capital city): "Washington said".
var speechVerbs = set(
	"said", "says", "say", "told", "tells", "announced", "announces", "warned", "warns", "urged", "urges",
	"insisted", "insists", "demanded", "demands", "rejected", "rejects", "accepted", "accepts", "responded",
	"denied", "denies", "agreed", "agrees", "approved", "approves", "refused", "refuses", "sent", "sends",
	"called", "calls", "criticized", "criticised", "criticizes", "condemned", "condemns", "welcomed",
	"welcomes", "hopes", "fears", "plans", "planned", "threatened", "threatens", "expressed", "expresses",
	"added", "stressed", "believes", "believed", "wants", "wanted", "needs", "has", "had", "have", "is", "was",
	"will", "would", "can", "could", "should", "may", "might", "must", "does", "did", "decided", "decides",
	"imposed", "imposes", "signed", "signs", "launched", "launches", "backed", "backs", "supports",
	"supported", "opposes", "opposed", "vowed", "vows", "pledged", "pledges", "declined", "declines",
	"confirmed", "confirms", "asked", "asks", "accused", "accuses", "argued", "argues", "claimed", "claims",
	"noted", "notes", "wrote", "writes", "explained", "explains", "suggested", "suggests", "acknowledged",
	"admitted", "admits", "reported", "reports", "stated", "states", "replied", "replies", "recalled",
	"abstained", "abstains", "vetoed", "vetoes", "voted", "votes", "canceled", "cancelled", "cancels",
	"scrapped", "sought", "seeks", "offered", "offers", "met", "meets", "spoke", "speaks", "visited", "visits",
)

// govNouns after a demonym or country make a government mention:
// "American officials", "Israeli authorities".
var govNouns = set("officials", "official", "authorities", "government", "administration", "leaders",
	"leadership", "diplomats", "diplomat", "negotiators", "ministers", "cabinet", "regime", "envoys", "delegation")

// milNouns after a demonym make a military mention: "Israeli troops".
var milNouns = set("troops", "forces", "military", "army", "soldiers", "navy", "air", "jets", "warplanes", "tanks")

// officeNouns after a possessive make an office of the possessor:
// "Netanyahu's office".
var officeNouns = set("office", "cabinet", "camp", "team", "aides", "staff", "campaign", "spokesman", "spokeswoman", "spokesperson")

// adminNouns after a person make that person's government:
// "the Biden administration", "Netanyahu's government".
var adminNouns = set("administration", "government", "regime", "cabinet")

// delegationNouns before "to <capital>" make the capital its government:
// "a delegation to Washington".
var delegationNouns = set("delegation", "delegations", "envoy", "envoys", "message", "letter", "request", "appeal", "ambassador", "emissary", "overture", "overtures", "proposal", "demand", "demands")

// Pronouns.
var (
	malePron     = set("he", "him", "his", "himself")
	femalePron   = set("she", "her", "hers", "herself")
	pluralPron   = set("they", "them", "their", "theirs", "themselves")
	neutPron     = set("its", "itself")
	relativePron = set("who", "whom", "whose")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Word classes: bit c<Set> of a word's class is set when the word is in
// <Set>. The sets above stay the source of truth; wordClass folds them so
// that a token takes one lookup for all of them.
const (
	cStop uint32 = 1 << iota
	cNameParticle
	cNameSuffix
	cOrgSuffix
	cFacSuffix
	cGeoSuffix
	cGeoPrefix
	cDefiniteBefore
	cPossDeterminer
	cEventSuffix
	cNotActor
	cPlacePrep
	cSpeechVerb
	cGovNoun
	cMilNoun
	cOfficeNoun
	cAdminNoun
	cDelegationNoun
	cMalePron
	cFemalePron
	cPluralPron
	cNeutPron
	cRelativePron

	cPronoun = cPossDeterminer | cMalePron | cFemalePron | cPluralPron | cNeutPron | cRelativePron
)

// classSets lists each class bit with its set.
var classSets = []struct {
	bit uint32
	set map[string]bool
}{
	{cStop, stopwords}, {cNameParticle, nameParticles}, {cNameSuffix, nameSuffixes},
	{cOrgSuffix, orgSuffix}, {cFacSuffix, facSuffix}, {cGeoSuffix, geoSuffix}, {cGeoPrefix, geoPrefix},
	{cDefiniteBefore, definiteBefore}, {cPossDeterminer, possDeterminer}, {cEventSuffix, eventSuffix},
	{cNotActor, notActor}, {cPlacePrep, placePreps}, {cSpeechVerb, speechVerbs}, {cGovNoun, govNouns},
	{cMilNoun, milNouns}, {cOfficeNoun, officeNouns}, {cAdminNoun, adminNouns},
	{cDelegationNoun, delegationNouns}, {cMalePron, malePron}, {cFemalePron, femalePron},
	{cPluralPron, pluralPron}, {cNeutPron, neutPron}, {cRelativePron, relativePron},
}

// wordClass maps a lowercase word to its class bits (absent: 0).
var wordClass = func() map[string]uint32 {
	m := map[string]uint32{}
	for _, c := range classSets {
		for w := range c.set {
			m[w] |= c.bit
		}
	}
	return m
}()
