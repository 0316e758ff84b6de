# benut: a toolkit for client councils.  Plain make; see README.
.SUFFIXES:

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/benut
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS      = sqlite3 yaml-0.1 libpcre2-8 libutf8proc libsodium libxxhash

# Debian packages the build and the tests need, with a file that shows each
# one is present.  'make deps' installs the missing ones when run as root.
DEBS = /usr/include/sqlite3.h:libsqlite3-dev /usr/bin/sqlite3:sqlite3 \
       /usr/include/yaml.h:libyaml-dev \
       /usr/include/pcre2.h:libpcre2-dev /usr/bin/pcre2grep:pcre2-utils \
       /usr/include/utf8proc.h:libutf8proc-dev /usr/include/sodium.h:libsodium-dev \
       /usr/include/xxhash.h:libxxhash-dev \
       /usr/bin/pkg-config:pkg-config /usr/bin/mandoc:mandoc \
       /usr/bin/prove:perl /usr/bin/xmllint:libxml2-utils /usr/bin/python3:python3 \
       /usr/bin/setpriv:util-linux \
       /usr/lib/python3/dist-packages/icalendar/__init__.py:python3-icalendar
# What make bench, make stress and make fuzz need besides.
BENCH_DEBS = /usr/bin/time:time /usr/bin/sqlite-utils:sqlite-utils
STRESS_DEBS = /usr/bin/valgrind:valgrind
FUZZ_DEBS = /usr/bin/clang:clang /usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev

SANITIZE ?=
SAN_FLAGS = $(SANITIZE:%=-fsanitize=%) $(SANITIZE:%=-fno-omit-frame-pointer)

DEPS_CFLAGS = `$(PKG_CONFIG) --cflags $(PKGS)`
DEPS_LIBS   = `$(PKG_CONFIG) --libs $(PKGS)` -lm

override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Wno-unused-parameter -Ilib \
	-DBE_VERSION=\"$(VERSION)\" -DBE_SHAREDIR=\"$(SHAREDIR)\" $(SAN_FLAGS)
override LDFLAGS += $(SAN_FLAGS)

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:.c=.o)
LIB_HDR  = $(wildcard lib/*.h)
CMD_SRC  = $(wildcard cmd/*.c)
BINS     = $(CMD_SRC:cmd/%.c=%)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNITS    = $(UNIT_SRC:.c=.t)
MANS     = $(wildcard man/*.[157])

all: .deps-ok $(BINS)

.deps-ok: Makefile
	@sh tests/deps.sh $(DEBS)
	@touch $@
deps: .deps-ok

# Objects are rebuilt when the flags change (make check adds -Werror,
# SANITIZE adds sanitizers).
.build-flags: FORCE
	@f='$(CC) $(CFLAGS) $(LDFLAGS)'; echo "$$f" | cmp -s - $@ || echo "$$f" >$@
FORCE:

lib/%.o: lib/%.c $(LIB_HDR) .build-flags | .deps-ok
	$(CC) $(CFLAGS) $(DEPS_CFLAGS) -c -o $@ $<

lib/libbenut.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

be-%: cmd/be-%.c lib/libbenut.a $(LIB_HDR) .build-flags
	$(CC) $(CFLAGS) $(DEPS_CFLAGS) $(LDFLAGS) -o $@ $< lib/libbenut.a $(DEPS_LIBS)

tests/unit/%.t: tests/unit/%.c tests/unit/tap.h lib/libbenut.a .build-flags
	$(CC) $(CFLAGS) $(DEPS_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< lib/libbenut.a $(DEPS_LIBS)

check: override CFLAGS += -Werror
check: all $(UNITS) lint
	LC_ALL=C.UTF-8 TZ=UTC PATH="$(CURDIR):$$PATH" BENUT_TOP="$(CURDIR)" \
	  prove -e '' $(PROVE_FLAGS) $(UNITS) $(wildcard tests/*.t)

lint:
	mandoc -Tlint -Wwarning $(MANS)

demo: all
	sh examples/demo.sh

bench: all tests/unit/find.t
	@sh tests/deps.sh $(BENCH_DEBS)
	sh tests/bench/run.sh

# The long proofs: SIGKILL at many points, writers at once, valgrind over
# a pipeline (tests/stress/; knobs there).  A few minutes.
stress: all
	@sh tests/deps.sh $(STRESS_DEBS)
	sh tests/stress/run.sh

# Fuzzing: each tests/fuzz/fuzz-NAME.c is a libFuzzer entry point, built
# with clang against the library's sources and run for FUZZ_SECONDS on its
# seed corpus tests/fuzz/NAME/ (new finds go to tests/fuzz/bin/NAME.corpus).
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang
FUZZ_SRC = $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/fuzz-%.c=tests/fuzz/bin/%)
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -std=c11 \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib \
	-DBE_VERSION=\"$(VERSION)\" -DBE_SHAREDIR=\"$(SHAREDIR)\"
FUZZ_OBJ = $(LIB_SRC:lib/%.c=tests/fuzz/bin/obj/%.o)
.SECONDARY: $(FUZZ_OBJ)
tests/fuzz/bin/obj/%.o: lib/%.c $(LIB_HDR) | .deps-ok fuzz-deps
	@mkdir -p tests/fuzz/bin/obj
	$(FUZZ_CC) $(FUZZ_FLAGS) $(DEPS_CFLAGS) -c -o $@ $<
tests/fuzz/bin/%: tests/fuzz/fuzz-%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(DEPS_CFLAGS) -o $@ $< \
	  $(FUZZ_OBJ) $(DEPS_LIBS)
fuzz-deps:
	@sh tests/deps.sh $(FUZZ_DEBS)
fuzz: fuzz-deps $(FUZZ_BIN)
	@for b in $(FUZZ_BIN); do n=$${b##*/}; mkdir -p $$b.corpus; \
	  echo "fuzz $$n for $(FUZZ_SECONDS)s"; \
	  $$b -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=10 \
	    -print_final_stats=0 $$b.corpus tests/fuzz/$$n >$$b.log 2>&1 \
	  || { tail -40 $$b.log; exit 2; }; done; echo "fuzz: no crash"

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(SHAREDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	for m in $(MANS); do s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR)/man$$s/; done
	cp -R share/. $(DESTDIR)$(SHAREDIR)/

uninstall:
	for b in $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$$b; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -f lib/*.o lib/libbenut.a $(BINS) tests/unit/*.t .deps-ok .build-flags
	rm -rf tests/fuzz/bin

.PHONY: FORCE all deps check lint demo bench stress fuzz fuzz-deps install uninstall clean
