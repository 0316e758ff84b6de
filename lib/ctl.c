/* ctl.c: see ctl.h. */
#include <string.h>

#include "ctl.h"
#include "banned.h"

/* Length of the control character at s[0..n) (1 or 2), or 0. */
static size_t
ctl_at(const unsigned char *s, size_t n, unsigned *cp)
{
	if (s[0] < 0x20 && s[0] != '\t' && s[0] != '\n' && s[0] != '\r') {
		*cp = s[0];
		return 1;
	}
	if (s[0] == 0x7f) {
		*cp = 0x7f;
		return 1;
	}
	if (s[0] == 0xc2 && n > 1 && s[1] >= 0x80 && s[1] <= 0x9f) {
		*cp = s[1];
		return 2;
	}
	return 0;
}

size_t
be_ctl_find(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c;
	size_t i;

	for (i = 0; i < n; i++)
		if ((p[i] < 0x20 || p[i] == 0x7f || p[i] == 0xc2) &&
		    ctl_at(p + i, n - i, &c)) {
			if (cp)
				*cp = c;
			return i;
		}
	return n;
}

size_t
be_ctl_clean(char *s, size_t n)
{
	unsigned char *p = (unsigned char *)s;
	size_t i, j, k;
	unsigned c;

	for (i = j = 0; i < n; i++) {
		if (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n'))
			k = 1;
		else if (p[i] < 0x20 || p[i] == 0x7f || p[i] == 0xc2)
			k = ctl_at(p + i, n - i, &c);
		else
			k = 0;
		if (k) {
			p[j++] = '?';
			i += k - 1;
		} else
			p[j++] = p[i];
	}
	return j;
}

void
be_ctl_write(FILE *fp, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0, k;
	unsigned c;

	for (i = 0; i < n; i++) {
		if (p[i] == '\r')
			k = i + 1 == n || p[i + 1] != '\n';
		else if (p[i] < 0x20 || p[i] == 0x7f || p[i] == 0xc2)
			k = ctl_at(p + i, n - i, &c);
		else
			continue;
		if (k == 0)
			continue;
		fwrite(p + start, 1, i - start, fp);
		putc('?', fp);
		i += k - 1;
		start = i + 1;
	}
	fwrite(p + start, 1, n - start, fp);
}

void
be_ctl_puts(FILE *fp, const char *s)
{
	if (s)
		be_ctl_write(fp, s, strlen(s));
}
