/* i18n.c: see i18n.h. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "banned.h"

static const char *const nl[BE_S_NSTR] = {
	[BE_S_AGENDA] = "Agenda",
	[BE_S_DATE] = "Datum",
	[BE_S_TIME] = "Tijd",
	[BE_S_PLACE] = "Plaats",
	[BE_S_CHAIR] = "Voorzitter",
	[BE_S_SECRETARY] = "Secretaris",
	[BE_S_MEMBERS] = "Leden",
	[BE_S_GUESTS] = "Genodigden",
	[BE_S_OPENING] = "Opening",
	[BE_S_ADOPT] = "Vaststellen agenda",
	[BE_S_MINUTES] = "Verslag en actielijst vorige vergadering",
	[BE_S_ANNOUNCE] = "Mededelingen",
	[BE_S_AOB] = "Rondvraag",
	[BE_S_CLOSING] = "Sluiting",
	[BE_S_T_INFO] = "ter informatie",
	[BE_S_T_DISCUSS] = "ter bespreking",
	[BE_S_T_DECIDE] = "ter besluitvorming",
	[BE_S_VRAAG] = "Vraag aan de gemeente",
	[BE_S_EXPERIENCES] = "Ervaringen",
	[BE_S_STORY1] = "1 ervaringsverhaal",
	[BE_S_STORIES] = "%lld ervaringsverhalen",
	[BE_S_DIALOGUE] = "Dialoogvragen",
	[BE_S_Q1] = "Waar gaan we naartoe?",
	[BE_S_Q2] = "Wie wint en wie verliest, en door welke "
	    "machtsmechanismen?",
	[BE_S_Q3] = "Is dat wenselijk?",
	[BE_S_Q4] = "Wat moeten we eraan doen?",
	[BE_S_ACTIONS] = "Actielijst",
	[BE_S_NO_ACTIONS] = "Geen openstaande acties.",
	[BE_S_DUE] = "uiterlijk",
	[BE_S_FROM] = "uit",
	[BE_S_WAITING] = "Nog geen antwoord van de gemeente",
	[BE_S_RAISED_AT] = "ingebracht",
	[BE_S_OUTCOME] = "Uitkomst",
	[BE_S_POINT] = "Punt",
	[BE_S_R_TITLE] = "Terugkoppeling",
	[BE_S_R_INTRO] = "U heeft ons uw ervaringen verteld. Dank daarvoor. "
	    "Wij hebben ze gebruikt in ons overleg met de gemeente. "
	    "Hieronder leest u wat wij hebben ingebracht en wat de gemeente "
	    "heeft geantwoord. Namen en andere persoonlijke gegevens staan "
	    "er niet in.",
	[BE_S_R_RAISED] = "Wat hebben wij ingebracht?",
	[BE_S_R_ASK] = "Onze vraag aan de gemeente",
	[BE_S_R_ANSWER] = "Wat zei de gemeente?",
	[BE_S_R_NEXT] = "Hoe gaat het verder?",
	[BE_S_R_NOANSWER] = "De gemeente heeft nog niet geantwoord.",
	[BE_S_A_OVERGENOMEN] = "De gemeente neemt ons advies over.",
	[BE_S_A_DEELS] = "De gemeente neemt ons advies voor een deel over.",
	[BE_S_A_AFGEWEZEN] = "De gemeente neemt ons advies niet over.",
	[BE_S_N_OVERGENOMEN] = "Wij letten erop dat de gemeente doet wat zij "
	    "heeft toegezegd.",
	[BE_S_N_DEELS] = "Wij blijven met de gemeente praten over het deel "
	    "dat zij niet overneemt.",
	[BE_S_N_AFGEWEZEN] = "Wij bespreken met elkaar of en hoe wij dit "
	    "opnieuw aan de orde stellen.",
	[BE_S_N_NOANSWER] = "Wij wachten op het antwoord van de gemeente en "
	    "laten het u weten zodra het er is.",
	[BE_S_R_NOPOINTS] = "In dit overleg zijn geen punten uit "
	    "ervaringsverhalen besproken.",
	[BE_S_R_CLOSE] = "Heeft u vragen, of wilt u nog iets vertellen? "
	    "Neem dan contact met ons op.",
	[BE_S_MEETING_OF] = "overleg van",
	[BE_S_AGENDA_INTERN] = "Agenda intern beraad",
	[BE_S_VALUES] = "Waarden",
	[BE_S_NOTES] = "Onze notities bij de vier vragen",
	[BE_S_NOTE] = "Notitie van de raad",
	[BE_S_HOUR] = " uur",
	[BE_S_FROM_MEETING] = "uit de vergadering van",
	[BE_S_RAISED_IN] = "ingebracht in de vergadering van",
	[BE_S_DONE] = "afgerond",
	[BE_S_R_SAID] = "Wat is er besproken?",
	[BE_S_R_PROMISES] = "Wat is er toegezegd en afgesproken?",
	[BE_S_R_CONTACT] = "Contact",
	[BE_S_R_NAME] = "Naam",
	[BE_S_R_EMAIL] = "E-mail",
	[BE_S_R_PHONE] = "Telefoon",
	[BE_S_R_ADDRESS] = "Adres",
	[BE_S_N_PROMISES] = "Wij letten erop dat de gemeente doet wat zij "
	    "heeft toegezegd, en laten het u weten.",
};

static const char *const en[BE_S_NSTR] = {
	[BE_S_AGENDA] = "Agenda",
	[BE_S_DATE] = "Date",
	[BE_S_TIME] = "Time",
	[BE_S_PLACE] = "Place",
	[BE_S_CHAIR] = "Chair",
	[BE_S_SECRETARY] = "Secretary",
	[BE_S_MEMBERS] = "Members",
	[BE_S_GUESTS] = "Invited",
	[BE_S_OPENING] = "Opening",
	[BE_S_ADOPT] = "Adoption of the agenda",
	[BE_S_MINUTES] = "Minutes and action list of the previous meeting",
	[BE_S_ANNOUNCE] = "Announcements",
	[BE_S_AOB] = "Any other business",
	[BE_S_CLOSING] = "Closing",
	[BE_S_T_INFO] = "for information",
	[BE_S_T_DISCUSS] = "for discussion",
	[BE_S_T_DECIDE] = "for decision",
	[BE_S_VRAAG] = "Question to the municipality",
	[BE_S_EXPERIENCES] = "Experiences",
	[BE_S_STORY1] = "1 story",
	[BE_S_STORIES] = "%lld stories",
	[BE_S_DIALOGUE] = "Questions for the dialogue",
	[BE_S_Q1] = "Where are we going?",
	[BE_S_Q2] = "Who gains and who loses, and by which mechanisms of "
	    "power?",
	[BE_S_Q3] = "Is this development desirable?",
	[BE_S_Q4] = "What, if anything, should we do about it?",
	[BE_S_ACTIONS] = "Action list",
	[BE_S_NO_ACTIONS] = "No open actions.",
	[BE_S_DUE] = "due",
	[BE_S_FROM] = "from",
	[BE_S_WAITING] = "Still waiting for an answer from the municipality",
	[BE_S_RAISED_AT] = "raised",
	[BE_S_OUTCOME] = "Outcome",
	[BE_S_POINT] = "Point",
	[BE_S_R_TITLE] = "Report back",
	[BE_S_R_INTRO] = "You told us about your experiences. Thank you. "
	    "We used them in our meeting with the municipality. Below you "
	    "can read what we raised and what the municipality answered. "
	    "Names and other personal details are left out.",
	[BE_S_R_RAISED] = "What did we raise?",
	[BE_S_R_ASK] = "Our question to the municipality",
	[BE_S_R_ANSWER] = "What did the municipality say?",
	[BE_S_R_NEXT] = "What happens next?",
	[BE_S_R_NOANSWER] = "The municipality has not answered yet.",
	[BE_S_A_OVERGENOMEN] = "The municipality takes our advice.",
	[BE_S_A_DEELS] = "The municipality takes part of our advice.",
	[BE_S_A_AFGEWEZEN] = "The municipality does not take our advice.",
	[BE_S_N_OVERGENOMEN] = "We will check that the municipality does what "
	    "it promised.",
	[BE_S_N_DEELS] = "We keep talking with the municipality about the "
	    "part it does not take.",
	[BE_S_N_AFGEWEZEN] = "We will discuss whether and how to raise this "
	    "again.",
	[BE_S_N_NOANSWER] = "We are waiting for the municipality's answer and "
	    "will let you know as soon as it comes.",
	[BE_S_R_NOPOINTS] = "No points from people's experiences were "
	    "discussed in this meeting.",
	[BE_S_R_CLOSE] = "Do you have questions, or would you like to tell "
	    "us more? Please get in touch.",
	[BE_S_MEETING_OF] = "meeting of",
	[BE_S_AGENDA_INTERN] = "Agenda of the internal meeting",
	[BE_S_VALUES] = "Values",
	[BE_S_NOTES] = "Our notes on the four questions",
	[BE_S_NOTE] = "The council's note",
	[BE_S_HOUR] = "",
	[BE_S_FROM_MEETING] = "from the meeting of",
	[BE_S_RAISED_IN] = "raised in the meeting of",
	[BE_S_DONE] = "done",
	[BE_S_R_SAID] = "What was said?",
	[BE_S_R_PROMISES] = "What was promised and agreed?",
	[BE_S_R_CONTACT] = "Contact",
	[BE_S_R_NAME] = "Name",
	[BE_S_R_EMAIL] = "E-mail",
	[BE_S_R_PHONE] = "Phone",
	[BE_S_R_ADDRESS] = "Address",
	[BE_S_N_PROMISES] = "We will check that the municipality does what "
	    "it promised, and let you know.",
};

static const char *const nl_day[7] = { "maandag", "dinsdag", "woensdag",
	"donderdag", "vrijdag", "zaterdag", "zondag" };
static const char *const en_day[7] = { "Monday", "Tuesday", "Wednesday",
	"Thursday", "Friday", "Saturday", "Sunday" };
static const char *const nl_month[12] = { "januari", "februari", "maart",
	"april", "mei", "juni", "juli", "augustus", "september", "oktober",
	"november", "december" };
static const char *const en_month[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

int
be_lang_parse(const char *s, enum be_lang *l)
{
	if (strcmp(s, "nl") == 0)
		*l = BE_NL;
	else if (strcmp(s, "en") == 0)
		*l = BE_EN;
	else
		return -1;
	return 0;
}

const char *
be_str(enum be_lang l, enum be_str s)
{
	if ((int)s < 0 || s >= BE_S_NSTR)
		return "";
	return l == BE_EN ? en[s] : nl[s];
}

static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

int
be_hhmm_parse(const char *s, int *min)
{
	int h, m;

	size_t n = strlen(s), hl = n - 3;

	if ((n != 4 && n != 5) || (s[hl] != ':' && s[hl] != '.') ||
	    digits(s, (int)hl, &h) < 0 || digits(s + hl + 1, 2, &m) < 0 ||
	    h > 23 || m > 59)
		return -1;
	*min = h * 60 + m;
	return 0;
}

/* Howard Hinnant's days_from_civil. */
long
be_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
be_add_days(int *y, int *m, int *d, long n)
{
	long z = be_days(*y, *m, *d) + n + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
be_weekday(int y, int m, int d)
{
	long n = be_days(y, m, d);

	/* 1970-01-01 was a Thursday (3). */
	return (int)(((n % 7) + 7 + 3) % 7);
}

char *
be_long_date(enum be_lang l, const char *ymd, char *buf, size_t n)
{
	int y, m, d, wd;

	if (be_ymd_parse(ymd, &y, &m, &d) < 0) {
		snprintf(buf, n, "%s", ymd);
		return buf;
	}
	wd = be_weekday(y, m, d);
	if (l == BE_EN)
		snprintf(buf, n, "%s %d %s %d", en_day[wd], d, en_month[m - 1],
		    y);
	else
		snprintf(buf, n, "%s %d %s %d", nl_day[wd], d, nl_month[m - 1],
		    y);
	return buf;
}

char *
be_short_date(enum be_lang l, const char *ymd, const char *ref, char *buf,
    size_t n)
{
	int y, m, d, ry = 0;

	if (be_ymd_parse(ymd, &y, &m, &d) < 0) {
		snprintf(buf, n, "%s", ymd);
		return buf;
	}
	if (ref == NULL || be_ymd_parse(ref, &ry, NULL, NULL) < 0)
		ry = 0;
	if (y == ry)
		snprintf(buf, n, "%d %s", d, l == BE_EN ? en_month[m - 1] :
		    nl_month[m - 1]);
	else
		snprintf(buf, n, "%d %s %d", d, l == BE_EN ?
		    en_month[m - 1] : nl_month[m - 1], y);
	return buf;
}

char *
be_clock(enum be_lang l, int min, char *buf, size_t n)
{
	if (l == BE_EN)
		snprintf(buf, n, "%02d:%02d", min / 60, min % 60);
	else
		snprintf(buf, n, "%d.%02d", min / 60, min % 60);
	return buf;
}
