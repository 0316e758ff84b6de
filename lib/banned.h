/*
 * banned.h: functions benut's code must not call.  Included by every
 * module after the system headers; a banned call fails to compile.
 */
#ifndef BE_BANNED_H
#define BE_BANNED_H

#define BE_BANNED(f) sorry_##f##_is_banned_in_benut

#undef strcpy
#define strcpy(x, y) BE_BANNED(strcpy)
#undef strcat
#define strcat(x, y) BE_BANNED(strcat)
#undef sprintf
#define sprintf(...) BE_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BE_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BE_BANNED(strtok)
#undef gmtime
#define gmtime(t) BE_BANNED(gmtime)
#undef localtime
#define localtime(t) BE_BANNED(localtime)
#undef ctime
#define ctime(t) BE_BANNED(ctime)
#undef asctime
#define asctime(t) BE_BANNED(asctime)

#endif
