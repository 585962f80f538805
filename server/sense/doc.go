// Package sense helps facilitators make sense of many answers, in Swedish,
// on the server, with no external service and no download: it suggests a
// theme for each answer and says why, finds answers that say the same thing,
// counts a theme's key terms and picks its most representative answers.
// The same input and history always give the same result.
//
// # Analysis
//
// Text is NFKC-normalised, lower-cased and split into words; stop words
// (Snowball's Swedish list plus spoken phone spellings such as "o", "dom",
// "nån") are left out and the rest stemmed with the Snowball Swedish stemmer
// (github.com/kljensen/snowball). Swedish compounds are met in two ways: a
// known stem is looked for inside longer words ("tandvård" in
// "tandvårdsstödet", "trafik" in "kollektivtrafiken"), and every word also
// contributes character 4-grams. A word one slip away from a known stem
// ("habbilitering"), or written without å, ä and ö as on a phone without a
// Swedish keyboard ("folktandvarden", "pa"), counts as that stem.
//
// # Suggestions
//
// A Model holds one workshop. Each theme's evidence is its keywords (the
// theme name counts as keywords) plus the answers people have placed in it;
// a text's words are scored by how much more often they occur in a theme
// than in the rest of the workshop (naive Bayes against the rest, only
// positive evidence counted); what a theme learnt from a few placed answers
// is drawn towards the workshop's background. The parking lot ("Övrigt /
// ej sorterat") starts with a head start and wins when no theme has enough
// evidence. Scores become probabilities, flattened when a second theme has
// strong evidence too; a suggestion is Confident from ConfidentAt. Words
// lists the words that weighed most, as the table wrote them.
//
// # Near-duplicates
//
// Answers that say the same thing in other words are found by what they
// speak of: relatedWords maps the domain's vocabulary (written by us for
// this domain: civil society, the region's services, the agreement) to
// concepts, so "bussarna går för sällan på landsbygden" and "för få turer
// ute på landet" share turtäthet and landsbygd; pointWords adds the words
// of the points people make about a subject, so that "förlägg samråden på
// kvällar" and "mötena är alltid på dagtid" share kväll. Words no group
// knows count by their stems, for less. Each mention is weighed by its
// rarity in the workshop, and two answers are compared by the cosine of
// their weights; answers about different themes count for less, and they
// must share two specific things (or the one a short answer says). A Match
// names what the two answers share, for the facilitator to judge.
//
// # Using it from the server
//
// At start-up, per workshop:
//
//	m := sense.NewModel(themes)           // themes with their stored keywords
//	for _, in := range stored { m.Add(sense.Answer{ID: in.ID, Text: in.Shown(), Table: in.TableID, Theme: in.SuggestedTheme}) }
//	for _, p := range placedByAPerson { m.Place(p.InputID, p.ThemeID) }
//
// In the writer's command for a new answer (both cheap: well under a
// millisecond with 10,000 answers):
//
//	s := m.Suggest(text)                  // before Add, so it is not compared with itself
//	theme := s.ThemeID                    // or the theme the table chose
//	dups := m.Similar(text, theme, 5)     // each with the words the two share
//	m.Add(sense.Answer{ID: id, Text: text, Table: table, Theme: theme})
//	if theTableChoseATheme { m.Place(id, themeID) }
//
// When a person moves or accepts: Place(id, theme). An undone automatic
// placement: Unplace(id). A deletion or a merge: Remove(id). Edited themes
// or keywords: SetThemes(themes), then Suggest again for the answers still
// in the parking lot. Nothing is saved: rebuild from the database on start.
//
// A Model is safe for concurrent use: Suggest, Similar and SimilarTo may run
// from any goroutine; Add, Place, Unplace, Remove and SetThemes should come
// from the writer goroutine, in commit order.
//
// For the dashboard, KeyTerms (a theme's texts) and Representatives (a
// theme's answers with their tables) need no model. PresetKeywords gives the
// shipped keyword lists of the preset theme sets, to be stored per theme.
package sense
