/*
 * redact.h: personal-data redaction of story texts.
 *
 * be-collect runs every story text through be_redact before anything is
 * stored.  Each piece of personal data found is replaced by a marker and
 * counted by kind; the original is not kept anywhere.  The text is read
 * from left to right; the checks below run only where a candidate starts
 * (a digit, '+', '(', '@' or a capital), so redaction costs little more
 * than a copy.  Where two kinds overlap ("Dorpsstraat 1 bis-7d@ziggo.nl":
 * an address whose house number runs into an e-mail address), the first
 * pass takes one and the text is read again, so that their union is
 * redacted.  Redacting a redacted text again changes nothing.
 *
 * What is redacted, and how it is recognised:
 *
 * [BSN]  A burgerservicenummer: nine digits, written together
 *	(123456782) or in groups with dots or spaces (123.456.782,
 *	123 456 782, 1234.56.782), that pass the elfproef
 *	(9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11, not all zeros).  A
 *	nine-digit number that fails the elfproef stays: it may be a case or
 *	customer number.  Right after the words BSN, burgerservicenummer or
 *	sofinummer (with "is", "nr", "nummer" or a colon in between), a number
 *	of eight or nine digits is redacted even when it fails the check: the
 *	writer says it is a BSN, and an eight-digit one is a BSN whose leading
 *	zero was left off.  Elsewhere eight-digit numbers stay.
 *
 * [IBAN]  A bank account number in IBAN form, in any case, written
 *	together or in groups of four.  A Dutch IBAN (NL, two check digits,
 *	four letters, ten digits) is redacted by its shape alone, whether or
 *	not its check digits are right: nothing else looks like that, and an
 *	account number with a typing error still points at a person.  An IBAN
 *	of another country must have that country's length and pass the mod-97
 *	check.
 *
 * [TELEFOON]  Dutch phone numbers: ten digits starting with 0 (mobile:
 *	06 and eight digits, whatever digit follows the 06; landlines with a
 *	two-, three- or four-digit area code; 085, 088),
 *	written together or in groups separated by spaces, dashes or dots, or
 *	with the area code in parentheses or before a slash: 06-12345678,
 *	06 12 34 56 78, 06-1234 5678, 010-1234567, 020 123 4567,
 *	(020) 123 45 67, 020/1234567, 0591-123456.  A ten-digit number that
 *	starts with 0 is taken for a phone number even when it is meant as
 *	something else.  International forms: +31 or 0031 followed by nine
 *	digits, also with (0) or (+31): +31 6 12345678, +31(0)6-12345678,
 *	(+31) 6 12345678, 0031 20 123 4567; and numbers of other countries
 *	after + or 00 (9 to 15 digits).  Kept: service numbers 0800, 0900,
 *	0906 and 0909 (they belong to organisations, not to people; 088
 *	numbers are redacted, as they are often someone's direct line), short
 *	numbers such as 112 or 14 020, and anything that reads as a date
 *	(06-12-2026) or is followed by a time.
 *
 * [E-MAIL]  An e-mail address: a local part of letters (accented
 *	too), digits and . _ % + - before @, and a domain of at least two
 *	labels whose last is two or more letters.  A full stop after the
 *	address stays.
 *
 * [POSTCODE]  A Dutch postcode: four digits (1000-9999), an optional
 *	space and two capital letters (not SA, SD or SS, which are not
 *	issued), with the house number after it if there is one:
 *	"1234 AB 12", "1234AB 12a", "1234 AB".  Lower-case letters are not
 *	taken (1500km, 1000mg).  Where the two letters also form a common word
 *	or unit (EN, IN, OF, OP, KM, KG, NL, ...), as in "IN 2026 EN DAARNA",
 *	a postcode written apart is redacted only when a house number or a
 *	capitalised place name follows it, or an address precedes it.
 *
 * [ADRES]  A street with house number: a capitalised word that ends
 *	in a Dutch street suffix (straat, laan, weg, plein, gracht, kade,
 *	singel, dijk, hof, pad, steeg, dreef, park, erf, ring, burg, markt,
 *	wal, baan, plantsoen, boulevard, allee) and is longer than the suffix,
 *	then a space and a house number with an optional addition:
 *	Kerkstraat 12, Stationsweg 3a, Van Goghlaan 12-II, Dorpsstraat 1 bis,
 *	Oudekade 4-hs.  A bare street word counts after a title (Grote Markt
 *	1) and before a particle and a name (Laan van Meerdervoort 12).
 *	Capitalised words and name particles just before the street word that
 *	belong to its name are redacted with it (Van Goghlaan, Johan de
 *	Wittlaan, Prins Hendrikkade), but not a word that starts a sentence,
 *	and in text written in capitals only particles and titles.  Words
 *	ending in -ering (uitkering) and a few town names (Middelburg,
 *	Limburg) are not streets.  A street without a number stays: "aan de
 *	Kerkstraat" says little about one person.
 *
 * [GEBOORTEDATUM]  A full date after a word that says it is a date of
 *	birth: geboren, geboortedatum, geb., geb. datum, born, date of birth,
 *	DOB, and "ben van" ("ik ben van 12-03-1956"), with at most "op", "on",
 *	"is", "de", a colon or a place ("geboren in Ede op") in between.  The
 *	date may be written 12-03-1956, 12/03/1956, 12.3.56, 1956-03-12 or
 *	12 maart 1956 (Dutch or English month names, also abbreviated).  The
 *	word before it stays.  A year on its own ("geboren in 1956") stays,
 *	as an age does; dates that are not dates of birth stay.
 *
 * [NAAM]  A person's name, by what stands before it: a cue (mijn naam
 *	is, ik ben, ik heet, heet, genaamd, groet, groeten, met vriendelijke
 *	groet, beste, naam:), a title (mevrouw, meneer, de heer, mevr., dhr.,
 *	mw., mr., dr.), a relation (mijn zoon, dochter, man, vrouw, moeder,
 *	buurvrouw, kleinzoon, schoonzus, kinderen, ...) or a role
 *	(consulent, wijkcoach, casemanager, klantmanager, huisarts, ...),
 *	with a comma, colon or line break between for greetings, signatures
 *	and form answers; or by an age in brackets after it ("Mevrouw Bos
 *	(81)", "Daan (8 jaar)").  The name is one or more capitalised words,
 *	initials and the surname particles between them (van, de, der, den,
 *	van 't, ter, te, el, al, bin, ...): "Fatima el Amrani", "J.P. van 't
 *	Hof", "Jansen-de Vries", "Ayşe Öztürk"; "Anna en Eva" after one cue
 *	are two.  A lower-case word after a cue is no name ("ik ben moe",
 *	"mijn zoon is ziek"), nor is a word in capitals only.  Places,
 *	organisations and services that redaction knows (Zwolle, Den Haag,
 *	Valys, UWV, Zilveren Kruis, Wmo-loket, Voedselbank, words ending in
 *	-team, -loket, -zorg, -dienst, -bank, -werk and the like),
 *	nationalities, feasts, months and days stay; a place after "van"
 *	inside a name belongs to it (Jos van Zwolle).  There is no list of
 *	first names: a name with none of these cues stays (see
 *	be_redact_suspects).
 *
 * What stays: amounts (€ 1.250,00, 350 euro, 1250,-), times (10:15, 10.15
 * uur), years, ages ("ik ben 82"), percentages, article numbers (artikel
 * 8:1 Awb), numbers glued to letters or codes (Z-2026-001234, A12), and
 * numbers that fail the checks above.  A number directly after € or EUR is
 * an amount and never a BSN or postcode.
 *
 * The text is taken as UTF-8: a letter with an accent is a letter for
 * word boundaries, and a marker never replaces part of a multi-byte
 * character.  Invalid UTF-8 is copied as it is.
 */
#ifndef BE_REDACT_H
#define BE_REDACT_H

#include <stddef.h>

#include "buf.h"

enum {
	BE_R_BSN, BE_R_IBAN, BE_R_TELEFOON, BE_R_EMAIL, BE_R_POSTCODE,
	BE_R_ADRES, BE_R_GEBOORTEDATUM, BE_R_NAAM, BE_R_NKINDS
};

struct be_redact_counts {
	unsigned n[BE_R_NKINDS];
};

/*
 * The name of a kind: "BSN", "IBAN", "TELEFOON", "E-MAIL", "POSTCODE",
 * "ADRES", "GEBOORTEDATUM", "NAAM"; NULL for a kind out of range.  Static.
 */
const char *be_redact_name(int kind);

/* The marker of a kind, "[BSN]" ...; NULL out of range.  Static. */
const char *be_redact_marker(int kind);

/*
 * Appends text[0..len) to out with personal data replaced by markers
 * (text need not be NUL-terminated).  Adds what was replaced, by kind, to
 * *c when c is not NULL.  Returns the number of replacements.  Allocates
 * nothing beyond the growth of out.
 */
unsigned be_redact(const char *text, size_t len, struct be_buf *out,
    struct be_redact_counts *c);

/* Called by be_redact_suspects with each word (w[0..n), not NUL-ended). */
typedef void be_redact_word_fn(void *arg, const char *w, size_t n);

/*
 * Finds in text[0..len) the words that look like names redaction left:
 * capitalised words inside a sentence (not the first word of one), not
 * written in capitals only (UWV), not [NAAM] or another marker, not a
 * place, organisation or service, month, day or feast that redaction
 * knows, not a word that speaks of a role or relation.  Calls fn for
 * each, in order, and returns how many there were.  For a check by hand
 * before a document leaves the council: such a word may still be a
 * place or an organisation redaction does not know.
 */
unsigned be_redact_suspects(const char *text, size_t len,
    be_redact_word_fn *fn, void *arg);

#endif
