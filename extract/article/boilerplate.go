package article

import (
	"regexp"
	"strings"
)

// boilerplate are the short blocks that pages repeat around every article
// and that say nothing about the news, one pattern a line (matched
// without regard to case).
var boilerplate = []string{
	// Advertisement labels.
	`^(advertisement|advertising|sponsored( content)?|promoted( content)?|ad)\s*:?$`,
	`^(skip|close) (this )?(ad|advertisement)\b`,
	`\b(story|article|content) continues below\b`,
	`^continue reading( (the )?(main )?(story|article))?( below)?\W*$`,
	// Newsletter, sign-up and paywall prompts.
	`\b(sign(ing)? up|subscribe|register) (now |today |here )?(for|to) (our|the|this|a)\b[^.!?]{0,60}\b(newsletters?|emails?|alerts?|briefings?|digest)\b`,
	`\bnewsletters?\b[^.!?]{0,80}\b(inbox|sign up|subscribe)\b`,
	`\b(to|in|into) your inbox\b`,
	`^sign up\b|\bsign up here\b|\bunsubscribe\b`,
	`\benter your e-?mail( address)?\b`,
	`\bby (signing up|subscribing|clicking)\b[^.!?]{0,60}\b(agree|accept|consent)\b`,
	`\bthank(s| you) for (signing up|subscribing)\b`,
	`\b(already a subscriber|subscription content|subscribers? only|to view the full story|to continue reading)\b`,
	`\bsubscribe\b[^.!?]{0,40}\b(full story|to read|to bookmark|for full access)\b`,
	// App prompts.
	`\b(download|get|install) (the|our) ([a-z0-9&'’ ]{1,30} )?(free )?app\b`,
	`\b(available|download it) on the (app store|google play)\b|\bnews app\b`,
	// Sharing, links and embeds.
	`^share (this|the) (article|story|post|page)\b`,
	`^(follow|like) us on (twitter|facebook|instagram|x)\b`,
	`\b(click|tap) here\b|\bread more\W*$|^a post shared by\b`,
	`^(read more|related( articles| stories| coverage)?|recommended( for you)?|more from [^.]{1,40}|most (popular|read))\s*:?$`,
	`^(read more|related|see also|also read|read also|watch|listen|more)\s*:`,
	// Comment policies.
	`\bcomments? (section )?(are|is|has been|have been) (closed|disabled|moderated)\b`,
	`\b(community|comment(ing)?) (guidelines|policy|rules)\b`,
	`\bwe reserve the right to (delete|remove|edit)\b`,
	`\b(join|start) the (conversation|discussion)\b`,
	`\b(log|sign) in to (comment|reply|post)\b`,
	`^(comments?|\d+ comments?|leave a (comment|reply)|post a comment|your (thoughts|comments)( and (thoughts|comments))?)\s*:?$`,
	// Reprint, copyright and legal notices.
	`\breprints? (and|&) permissions\b`,
	`\bmay not be (re)?published,? (broadcast|rewritten|redistributed|reproduced)\b`,
	`\ball rights reserved\b|\bmay be subject to copyright\b`,
	`^(copyright\s*)?©\s*(\d{4}|[a-z])`,
	`\b(privacy (notice|policy|statement)|terms of (use|service))\b`,
}

var boilerplateRE = regexp.MustCompile(`(?i)(` + strings.Join(boilerplate, ")|(") + `)`)

// maxBoilerplate is the longest block that may be boilerplate: a longer
// paragraph that mentions a newsletter is the article's own text.
const maxBoilerplate = 300

// isBoilerplate reports a block that pages repeat around articles.
func isBoilerplate(s string) bool {
	return len(s) <= maxBoilerplate && boilerplateRE.MatchString(s)
}
