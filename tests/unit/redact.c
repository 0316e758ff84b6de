/* Unit tests of lib/redact.c. */
#include <stdlib.h>
#include <string.h>

#include "redact.h"
#include "tap.h"

/*
 * Each case: the text, what it must become.  The counts must equal the
 * markers the redaction added, and redacting the result again must leave
 * it as it is.
 */
static const struct {
	const char *in, *want;
} cases[] = {
	/* BSN */
	{ "Mijn BSN is 123456782.", "Mijn BSN is [BSN]." },
	{ "nummer 123.456.782 graag", "nummer [BSN] graag" },
	{ "nummer 123 456 782 graag", "nummer [BSN] graag" },
	{ "nummer 1234.56.782 graag", "nummer [BSN] graag" },
	{ "111222333", "[BSN]" },
	{ "(999999990)", "([BSN])" },
	{ "bsn: 100000009, zie brief", "bsn: [BSN], zie brief" },
	{ "dossier 123456789 loopt", "dossier 123456789 loopt" },
	{ "klantnummer 087654321", "klantnummer 087654321" },
	{ "nul: 000000000", "nul: 000000000" },
	{ "Mijn BSN is 123456789, typo", "Mijn BSN is [BSN], typo" },
	{ "BSN-nummer: 12345672", "BSN-nummer: [BSN]" },
	{ "burgerservicenummer 87654321", "burgerservicenummer [BSN]" },
	{ "code 12345672 hier", "code 12345672 hier" },
	{ "1234567820", "1234567820" },
	{ "€ 123.456.782 schuld", "€ 123.456.782 schuld" },
	{ "123456782 euro", "123456782 euro" },
	{ "Z-123456782", "Z-123456782" },
	{ "1 123 456 782", "1 123 456 782" },
	{ "BSN: 123 456 789", "BSN: [BSN]" },
	{ "bsn 1234567", "bsn 1234567" },
	{ "BSN 123456782 en 123456789", "BSN [BSN] en 123456789" },
	{ "123456782@x", "123456782@x" },
	/* IBAN */
	{ "Mijn IBAN is NL91ABNA0417164300.", "Mijn IBAN is [IBAN]." },
	{ "rekening NL91 ABNA 0417 1643 00 ok", "rekening [IBAN] ok" },
	{ "nl91abna0417164300", "[IBAN]" },
	{ "NL12INGB0123456789 (check fout)", "[IBAN] (check fout)" },
	{ "DE89 3704 0044 0532 0130 00", "[IBAN]" },
	{ "BE68539007547034!", "[IBAN]!" },
	{ "GB82WEST12345698765432", "[IBAN]" },
	{ "FR1420041010050500013M02606", "[IBAN]" },
	{ "DE89370400440532013001", "DE89370400440532013001" },
	{ "NL91ABNA041716430", "NL91ABNA041716430" },
	{ "XNL91ABNA0417164300", "XNL91ABNA0417164300" },
	/* phone */
	{ "bel 06-12345678.", "bel [TELEFOON]." },
	{ "bel 06 12 34 56 78", "bel [TELEFOON]" },
	{ "bel 0612345678!", "bel [TELEFOON]!" },
	{ "bel 06-1234 5678", "bel [TELEFOON]" },
	{ "tel. 010-1234567", "tel. [TELEFOON]" },
	{ "0201234567", "[TELEFOON]" },
	{ "020 123 4567", "[TELEFOON]" },
	{ "0591-123456", "[TELEFOON]" },
	{ "+31 6 12345678", "[TELEFOON]" },
	{ "+31(0)6-12345678", "[TELEFOON]" },
	{ "+31 (0)20 123 4567", "[TELEFOON]" },
	{ "0031 6 12345678", "[TELEFOON]" },
	{ "+31 20 123 4567", "[TELEFOON]" },
	{ "+31612345678", "[TELEFOON]" },
	{ "(020) 123 45 67", "[TELEFOON]" },
	{ "(06) 1234 5678", "[TELEFOON]" },
	{ "088-1234567", "[TELEFOON]" },
	{ "+32 2 123 45 67", "[TELEFOON]" },
	{ "tel:06.12.34.56.78", "tel:[TELEFOON]" },
	{ "bel 06 12345678 12 keer", "bel [TELEFOON] 12 keer" },
	{ "0800-1234567 is gratis", "0800-1234567 is gratis" },
	{ "0900-8844", "0900-8844" },
	{ "bel 112 of 14 020", "bel 112 of 14 020" },
	{ "op 06-12-2026 10:15", "op 06-12-2026 10:15" },
	{ "01-03-2026 10:15", "01-03-2026 10:15" },
	{ "06-123456789", "06-123456789" },
	{ "x06-12345678", "x06-12345678" },
	{ "020/1234567", "[TELEFOON]" },
	{ "(+31) 6 12345678", "[TELEFOON]" },
	{ "06 - 12345678", "[TELEFOON]" },
	{ "06/12/2026 en 12/03/2026", "06/12/2026 en 12/03/2026" },
	{ "06.30 uur", "06.30 uur" },
	{ "+31 800 1234", "+31 800 1234" },
	{ "+31 06 12345678", "[TELEFOON]" },
	{ "0612345678,00", "0612345678,00" },
	{ "06-12345678 / 06-87654321", "[TELEFOON] / [TELEFOON]" },
	/* e-mail */
	{ "Mail naar jan.jansen@gmail.com.", "Mail naar [E-MAIL]." },
	{ "<anaïs.öztürk+raad@ziggo.nl>", "<[E-MAIL]>" },
	{ "J.DE-VRIES@KPNMAIL.NL", "[E-MAIL]" },
	{ "jan12@x.nl, piet@y.org", "[E-MAIL], [E-MAIL]" },
	{ "@gemeente twitterde", "@gemeente twitterde" },
	{ "jan@localhost", "jan@localhost" },
	{ "a @ b.nl", "a @ b.nl" },
	{ "info@gemeente.amsterdam", "[E-MAIL]" },
	{ "mailto:x_y%z@sub.example.co.uk?", "mailto:[E-MAIL]?" },
	{ "jan@x.nl123", "jan@x.nl123" },
	{ "jan.@x.nl", "jan.@x.nl" },
	{ "a@b.nl.0612345678", "[E-MAIL].[TELEFOON]" },
	{ "a@b.nl@c.nl", "a@[E-MAIL]" },
	/* postcode */
	{ "1234 AB 12", "[POSTCODE]" },
	{ "1234AB 12a", "[POSTCODE]" },
	{ "postcode 1234 AB.", "postcode [POSTCODE]." },
	{ "postcode 1234AB", "postcode [POSTCODE]" },
	{ "3512 JE Utrecht", "[POSTCODE] Utrecht" },
	{ "1012 EN Amsterdam", "[POSTCODE] Amsterdam" },
	{ "IN 2026 EN DAARNA", "IN 2026 EN DAARNA" },
	{ "in 2026 EN toen", "in 2026 EN toen" },
	{ "1234 SS", "1234 SS" },
	{ "0123 AB", "0123 AB" },
	{ "1500 KM rijden", "1500 KM rijden" },
	{ "1234 ab", "1234 ab" },
	{ "1234 ABC", "1234 ABC" },
	{ "€ 1234 AB", "€ 1234 AB" },
	{ "1234 AB, 12", "[POSTCODE], 12" },
	{ "9999 ZZ 99999", "[POSTCODE]" },
	{ "1030 AM", "1030 AM" },
	/* street address */
	{ "Ik woon op Kerkstraat 12.", "Ik woon op [ADRES]." },
	{ "Stationsweg 3a", "[ADRES]" },
	{ "de Van Goghlaan 12-II", "de [ADRES]" },
	{ "aan de Dorpsstraat 1 bis, Ede", "aan de [ADRES], Ede" },
	{ "in de Johan de Wittlaan 7", "in de [ADRES]" },
	{ "woon aan de Johan de Wittlaan 7", "woon aan de [ADRES]" },
	{ "Prins Hendrikkade 104", "[ADRES]" },
	{ "Sint-Jansstraat 4-hs", "[ADRES]" },
	{ "'s-Gravendijkwal 12", "[ADRES]" },
	{ "aan de Émile Zolastraat 8", "aan de [ADRES]" },
	{ "Émile Zolastraat 8", "Émile [ADRES]" },
	{ "KERKSTRAAT 12", "[ADRES]" },
	{ "Kerkstraat 12, 1234 EN Ede", "[ADRES], [POSTCODE] Ede" },
	{ "Kerkstraat 12, 1234 EN.", "[ADRES], [POSTCODE]." },
	{ "Kerkstraat 12 1234 AB", "[ADRES] [POSTCODE]" },
	{ "artikel 12", "artikel 12" },
	{ "over 12 weken", "over 12 weken" },
	{ "de 3e keer", "de 3e keer" },
	{ "Lijn 12", "Lijn 12" },
	{ "aan de Kerkstraat.", "aan de Kerkstraat." },
	{ "Bijstandsuitkering 12 maanden", "Bijstandsuitkering 12 maanden" },
	{ "Weg 12", "Weg 12" },
	{ "Middelburg 12 mei", "Middelburg 12 mei" },
	{ "Grote Markt 1, Gouda", "[ADRES], Gouda" },
	{ "aan de Laan van Meerdervoort 12", "aan de [ADRES]" },
	{ "Laan van Nieuw Oost-Indië 300", "[ADRES]" },
	{ "ik woon Laan van 12 en Markt 12", "ik woon Laan van 12 en Markt 12" },
	{ "MIJN ADRES IS KERKSTRAAT 9, 1234 AB.",
	  "MIJN ADRES IS [ADRES], [POSTCODE]." },
	{ "MIJN ADRES IS VAN GOGHLAAN 9", "MIJN ADRES IS [ADRES]" },
	{ "\"Kerkstraat 12\" en „Stationsweg 3a”",
	  "\"[ADRES]\" en „[ADRES]”" },
	{ "Kerkstraat 12-14, Kerkstraat 12 A", "[ADRES], [ADRES] A" },
	{ "12-Kerkstraat 5", "12-Kerkstraat 5" },
	{ "de Vergadering 12 maart", "de Vergadering 12 maart" },
	/* date of birth */
	{ "geboren op 12-03-1956", "geboren op [GEBOORTEDATUM]" },
	{ "geboortedatum: 12/03/1956.", "geboortedatum: [GEBOORTEDATUM]." },
	{ "geb. 12 maart 1956", "geb. [GEBOORTEDATUM]" },
	{ "Geb 1956-03-12", "Geb [GEBOORTEDATUM]" },
	{ "born on 3 March 1956", "born on [GEBOORTEDATUM]" },
	{ "Date of birth: 12.3.56", "Date of birth: [GEBOORTEDATUM]" },
	{ "ik ben van 2 jan. 1944", "ik ben van [GEBOORTEDATUM]" },
	{ "geb. datum 12-03-1956", "geb. datum [GEBOORTEDATUM]" },
	{ "geboren in 1956", "geboren in 1956" },
	{ "geboren in Amsterdam op 12-03-1956",
	  "geboren in Amsterdam op [GEBOORTEDATUM]" },
	{ "MIJN GEBOORTEDATUM IS 1-1-1960",
	  "MIJN GEBOORTEDATUM IS [GEBOORTEDATUM]" },
	{ "geboren op 31-02-1956x", "geboren op 31-02-1956x" },
	{ "geboren op 12-13-1956", "geboren op 12-13-1956" },
	{ "geboren 12 maart", "geboren 12 maart" },
	{ "de datum is 12-03-1956", "de datum is 12-03-1956" },
	{ "op 12 maart 2026 om 10.15 uur", "op 12 maart 2026 om 10.15 uur" },
	{ "afspraak 12-03-2026", "afspraak 12-03-2026" },
	/* what stays */
	{ "€ 1.250,00 en 350 euro en 1250,-", "€ 1.250,00 en 350 euro en 1250,-" },
	{ "om 10:15 of 10.15 uur", "om 10:15 of 10.15 uur" },
	{ "in 2026, ik ben 82", "in 2026, ik ben 82" },
	{ "85% van de 1200 mensen", "85% van de 1200 mensen" },
	{ "artikel 8:1 Awb", "artikel 8:1 Awb" },
	{ "zaaknummer Z-2026-001234", "zaaknummer Z-2026-001234" },
	{ "dossier 12345678, ref 123456", "dossier 12345678, ref 123456" },
	{ "€ 12.500,00 of EUR 250", "€ 12.500,00 of EUR 250" },
	{ "1 januari 2026 tot 31-12-2026", "1 januari 2026 tot 31-12-2026" },
	{ "om 10:15:30 op 2026-03-12", "om 10:15:30 op 2026-03-12" },
	{ "lijn 12, bus 300, stap 4", "lijn 12, bus 300, stap 4" },
	{ "Zoë woont in Súdwest-Fryslân 😊",
	  "Zoë woont in Súdwest-Fryslân 😊" },
	{ "", "" },
	/* several in one text */
	{ "Bel 06-12345678 of mail a@b.nl; BSN 123456782, IBAN "
	  "NL91ABNA0417164300, Kerkstraat 1, 1234 AB Ede, geboren 1-2-1950.",
	  "Bel [TELEFOON] of mail [E-MAIL]; BSN [BSN], IBAN [IBAN], [ADRES], "
	  "[POSTCODE] Ede, geboren [GEBOORTEDATUM]." },
	{ "é06-12345678", "é06-12345678" },
	{ "é 06-12345678 é", "é [TELEFOON] é" },
};

/* Markers of each kind in s. */
static void
markers(const char *s, unsigned n[BE_R_NKINDS])
{
	const char *p;
	int k;

	for (k = 0; k < BE_R_NKINDS; k++) {
		n[k] = 0;
		for (p = s; (p = strstr(p, be_redact_marker(k))); p++)
			n[k]++;
	}
}

static int
counts_ok(const char *in, const char *out, const struct be_redact_counts *c,
    unsigned ret)
{
	unsigned a[BE_R_NKINDS], b[BE_R_NKINDS], sum = 0;
	int k;

	markers(in, a);
	markers(out, b);
	for (k = 0; k < BE_R_NKINDS; k++) {
		if (c->n[k] != b[k] - a[k]) {
			printf("# %s: counted %u, want %u\n",
			    be_redact_name(k), c->n[k], b[k] - a[k]);
			return 0;
		}
		sum += c->n[k];
	}
	return sum == ret;
}

int
main(void)
{
	struct be_buf b = BE_BUF_INIT, b2 = BE_BUF_INIT;
	struct be_redact_counts c;
	size_t i, ncase = sizeof cases / sizeof cases[0];
	unsigned r;
	char name[160];

	plan((int)(3 * ncase) + 9);
	for (i = 0; i < ncase; i++) {
		memset(&c, 0, sizeof c);
		be_buf_reset(&b);
		r = be_redact(cases[i].in, strlen(cases[i].in), &b, &c);
		snprintf(name, sizeof name, "%.120s", cases[i].in);
		is_str(b.s, cases[i].want, name);
		ok(counts_ok(cases[i].in, b.s, &c, r), "counted right");
		be_buf_reset(&b2);
		be_redact(b.s, b.len, &b2, NULL);
		is_str(b2.s, b.s, "twice is once");
	}

	/* Explicit counts of a mixed text. */
	memset(&c, 0, sizeof c);
	be_buf_reset(&b);
	r = be_redact(cases[ncase - 3].in, strlen(cases[ncase - 3].in), &b, &c);
	is_int(r, 7, "seven redactions");
	ok(c.n[BE_R_BSN] == 1 && c.n[BE_R_IBAN] == 1 &&
	    c.n[BE_R_TELEFOON] == 1 && c.n[BE_R_EMAIL] == 1 &&
	    c.n[BE_R_POSTCODE] == 1 && c.n[BE_R_ADRES] == 1 &&
	    c.n[BE_R_GEBOORTEDATUM] == 1, "one of each kind");
	/* Counts add up over calls; NULL counts allowed. */
	r = be_redact("06-12345678", 11, &b, &c);
	is_int(c.n[BE_R_TELEFOON], 2, "counts add up");
	is_int(be_redact("06-12345678 0612345678", 22, &b, NULL), 2,
	    "NULL counts");
	/* Appends to what out holds; text need not be NUL-terminated. */
	be_buf_reset(&b);
	be_buf_adds(&b, "x:");
	be_redact("0612345678999", 10, &b, NULL);
	is_str(b.s, "x:[TELEFOON]", "appends; stops at len");
	is_str(be_redact_name(BE_R_EMAIL), "E-MAIL", "name");
	is_str(be_redact_marker(BE_R_GEBOORTEDATUM), "[GEBOORTEDATUM]",
	    "marker");
	ok(be_redact_name(BE_R_NKINDS) == NULL && be_redact_name(-1) == NULL,
	    "no name out of range");
	/* Invalid UTF-8 is copied as it is. */
	be_buf_reset(&b);
	be_redact("\xff\xfe 06-12345678 \xc3", 17, &b, NULL);
	is_str(b.s, "\xff\xfe [TELEFOON] \xc3", "invalid UTF-8 copied");
	be_buf_release(&b);
	be_buf_release(&b2);
	return done();
}
