# benut: a toolkit for client councils.  Plain make; see README.
.SUFFIXES:

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
SHAREDIR ?= $(PREFIX)/share/benut
LOCALEDIR ?= $(PREFIX)/share/locale
# bash-completion looks here for a file named as the command.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS      = sqlite3 yaml-0.1 libpcre2-8 libutf8proc libsodium libxxhash \
            libxml-2.0 libzip

# Debian packages, with a file that shows each one is present.  Plain make
# and make install only check BUILD_DEBS and say what is missing; 'make
# deps' (as root) installs the missing ones of both lists, and make check
# and make demo run it first.
BUILD_DEBS = /usr/include/sqlite3.h:libsqlite3-dev /usr/include/yaml.h:libyaml-dev \
       /usr/include/pcre2.h:libpcre2-dev \
       /usr/include/utf8proc.h:libutf8proc-dev /usr/include/sodium.h:libsodium-dev \
       /usr/include/xxhash.h:libxxhash-dev /usr/include/csv.h:libcsv-dev \
       /usr/include/libxml2/libxml/xmlwriter.h:libxml2-dev /usr/include/zip.h:libzip-dev \
       /usr/bin/pkg-config:pkg-config /usr/bin/msgfmt:gettext
TEST_DEBS = /usr/bin/sqlite3:sqlite3 /usr/bin/pcre2grep:pcre2-utils \
       /usr/bin/mandoc:mandoc \
       /usr/bin/prove:perl /usr/bin/xmllint:libxml2-utils /usr/bin/python3:python3 \
       /usr/bin/setpriv:util-linux /usr/bin/script:bsdutils /bin/bash:bash \
       /usr/lib/python3/dist-packages/icalendar/__init__.py:python3-icalendar \
       /usr/sbin/locale-gen:locales \
       /usr/bin/java:default-jre-headless /usr/bin/npm:npm \
       /usr/bin/chromium:chromium /usr/bin/pdfinfo:poppler-utils
# The Dutch locale the tests of the Dutch messages run under; 'make deps'
# generates it when it is missing (a fresh Debian has only C.UTF-8).
NL_LOCALE = nl_NL.UTF-8
# The W3C Nu HTML checker, from npm into the tree (git-ignored), which
# make check runs over every HTML file the programs write.
VNU_VERSION = 26.9.27
VNU_DIR = tests/vnu
VNU_JAR = $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar
# What make bench, make stress and make fuzz need besides.  Vectorscan
# (Hyperscan's portable fork, pkg-config libhs) is found by its header:
# its .pc lies under the multiarch directory, and libhyperscan-dev puts
# the same header there, so either one does.
BENCH_DEBS = /usr/bin/time:time /usr/bin/sqlite-utils:sqlite-utils \
       /usr/include/hs/hs.h:libvectorscan-dev
STRESS_DEBS = /usr/bin/valgrind:valgrind
# The fuzzer's runtime is found where clang says it is (no llvm version here).
FUZZ_DEBS = /usr/bin/clang:clang
FUZZ_RT = `$(FUZZ_CC) -print-file-name=libclang_rt.fuzzer-\`uname -m\`.a`

SANITIZE ?=
SAN_FLAGS = $(SANITIZE:%=-fsanitize=%) $(SANITIZE:%=-fno-omit-frame-pointer)

DEPS_CFLAGS = `$(PKG_CONFIG) --cflags $(PKGS)`
# libcsv (lib/csvr.c reads CSV with it) has no pkg-config file.
CSV_LIBS ?= -lcsv
DEPS_LIBS   = `$(PKG_CONFIG) --libs $(PKGS)` $(CSV_LIBS) -lm

override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Wall -Wextra -Wno-unused-parameter -Ilib \
	-DBE_VERSION=\"$(VERSION)\" -DBE_SHAREDIR=\"$(SHAREDIR)\" \
	-DBE_LOCALEDIR=\"$(LOCALEDIR)\" $(SAN_FLAGS)
override LDFLAGS += $(SAN_FLAGS)

LIB_SRC  = $(wildcard lib/*.c)
LIB_OBJ  = $(LIB_SRC:.c=.o)
LIB_HDR  = $(wildcard lib/*.h)
CMD_SRC  = $(wildcard cmd/be-*.c)
BINS     = $(CMD_SRC:cmd/%.c=%)
# Beside each main: the frame of a program, the one part that prints
# (cmd/frame/, no binary of its own; its header is found as "prog.h").
CMD_OBJ  = cmd/frame/prog.o
CMD_HDR  = cmd/frame/prog.h
CMD_INC  = -Icmd/frame
.SECONDARY: $(CMD_OBJ)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNITS    = $(UNIT_SRC:.c=.t)
MANS     = $(wildcard man/*.[157])
MANS_NL  = $(wildcard man/nl/*.[157])
# Message catalogues: po/LANG.po, built into the tree's locale/ (which
# make check names in BENUT_LOCALEDIR) and installed under LOCALEDIR.
LINGUAS  = nl
MOS      = $(LINGUAS:%=locale/%/LC_MESSAGES/benut.mo)

all: $(BINS) $(MOS)

# make deps: installs what the build and the tests need (as root; as
# another user it says what to install).  Each run checks again, so it can
# be run any number of times.  When deps is among the goals (directly or
# through check or demo) the build waits for it.
ifneq ($(filter deps check demo,$(MAKECMDGOALS)),)
DEPS_FIRST = deps
endif
deps:
	@sh tests/deps.sh $(BUILD_DEBS) $(TEST_DEBS)
	@sh tests/deps.sh --locale $(NL_LOCALE)
	@$(MAKE) -s $(VNU_JAR)
# What the build needs, checked (never installed) before the first object.
.build-ok: Makefile | $(DEPS_FIRST)
	@sh tests/deps.sh --check $(BUILD_DEBS)
	@$(PKG_CONFIG) --print-errors --exists $(PKGS) || \
	  { echo "benut: pkg-config misses the packages above; as root: make deps" >&2; exit 2; }
	@touch $@
# The jar is in the package; its install script (which would fetch a Java
# runtime) is not run.
$(VNU_JAR):
	mkdir -p $(VNU_DIR)
	npm install --prefix $(VNU_DIR) --no-save --no-package-lock \
	  --no-audit --no-fund --ignore-scripts vnu-jar@$(VNU_VERSION)

# Objects are rebuilt when the flags change (make check adds -Werror,
# SANITIZE adds sanitizers).
.build-flags: FORCE
	@f='$(CC) $(CFLAGS) $(LDFLAGS)'; echo "$$f" | cmp -s - $@ || echo "$$f" >$@
FORCE:

lib/%.o: lib/%.c $(LIB_HDR) .build-flags | .build-ok
	$(CC) $(CFLAGS) $(DEPS_CFLAGS) -c -o $@ $<

lib/libbenut.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

cmd/%.o: cmd/%.c $(CMD_HDR) $(LIB_HDR) .build-flags | .build-ok
	$(CC) $(CFLAGS) $(CMD_INC) $(DEPS_CFLAGS) -c -o $@ $<

be-%: cmd/be-%.c $(CMD_OBJ) lib/libbenut.a $(CMD_HDR) $(LIB_HDR) .build-flags
	$(CC) $(CFLAGS) $(CMD_INC) $(DEPS_CFLAGS) $(LDFLAGS) -o $@ $< $(CMD_OBJ) \
	  lib/libbenut.a $(DEPS_LIBS)

# Messages: every English format given to be_err_at, be_err_set, be_warnx
# and the library's wrappers of them (the keywords below, with the
# argument that is the format), the words of be_plural, or marked N_("...")
# where words are put together outside a format.  'make pot' writes
# po/benut.pot and merges it into each po/LANG.po: a message that is new or
# changed has an empty msgstr there until someone translates it, and
# check-po (part of make check) fails until then.  See po/README.
XGETTEXT = xgettext --from-code=UTF-8 --language=C --no-location --no-wrap \
	--sort-output --package-name=benut --package-version=$(VERSION) \
	--msgid-bugs-address=benut --add-comments=TRANSLATORS: \
	--flag=be_err_at:5:c-format --flag=be_err_set:2:c-format \
	--flag=be_warnx:1:c-format --flag=be_yerr:4:c-format \
	--keyword=be_err_at:5 --keyword=be_err_set:2 --keyword=be_warnx:1 \
	--keyword=be_yerr:4 --keyword=be_plural:2,3 --keyword=N_ \
	--keyword=be_store_error:2 --keyword=be_store_done:3
po/benut.pot: FORCE
	@$(XGETTEXT) -o $@.new lib/*.c cmd/*.c cmd/frame/*.c
	@sed -i -e 's/charset=CHARSET/charset=UTF-8/' $@.new
	@$(XGETTEXT) -j -o $@.new --keyword=fail:5 --keyword=rowerr:4 \
	  --flag=fail:5:c-format --flag=rowerr:4:c-format lib/csvr.c
	@$(XGETTEXT) -j -o $@.new --keyword=fail:3 --flag=fail:3:c-format \
	  lib/ydoc.c
	@$(XGETTEXT) -j -o $@.new --keyword=xerr:3 --flag=xerr:3:c-format \
	  lib/qdc.c
	@$(XGETTEXT) -j -o $@.new --keyword=add_fail:5 \
	  --flag=add_fail:5:c-format lib/codebook.c
	@$(XGETTEXT) -j -o $@.new --keyword=yerr:4 lib/collect.c
	@msggrep --no-wrap --invert-match --msgid -E -e '^%s$$' -o $@.new $@.new
	@sed -i -e '/^"POT-Creation-Date:/d' $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi
pot: po/benut.pot
	@for l in $(LINGUAS); do msgmerge -q --update --backup=none \
	  --no-fuzzy-matching --no-location --no-wrap --sort-output po/$$l.po \
	  po/benut.pot; done
# Every message of the sources translated, none fuzzy, the same
# conversions (%s, %lu) in each translation as in the English.
check-po: po/benut.pot
	@for l in $(LINGUAS); do c=po/$$l.check.po; \
	  msgmerge -q --no-location -o $$c po/$$l.po po/benut.pot || exit 2; \
	  s=`LC_ALL=C msgfmt -c --statistics -o /dev/null $$c 2>&1` || \
	  { echo "$$s"; rm -f $$c; exit 2; }; \
	  case $$s in *untranslated*|*fuzzy*) \
	    echo "po/$$l.po: $${s%.}; run make pot and translate these" \
	      "(see po/README):"; \
	    { msgattrib --untranslated $$c; msgattrib --only-fuzzy $$c; } | \
	      grep '^msgid "..*"' | sed 's/^/  /'; rm -f $$c; exit 2;; \
	  esac; rm -f $$c; done
locale/%/LC_MESSAGES/benut.mo: po/%.po | .build-ok
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

tests/unit/%.t: tests/unit/%.c tests/unit/tap.h lib/libbenut.a .build-flags
	$(CC) $(CFLAGS) $(DEPS_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< lib/libbenut.a $(DEPS_LIBS)

check: override CFLAGS += -Werror
check: deps all $(UNITS) lint check-po
	LC_ALL=C.UTF-8 TZ=UTC PATH="$(CURDIR):$$PATH" BENUT_TOP="$(CURDIR)" \
	  BENUT_LOCALEDIR="$(CURDIR)/locale" BENUT_VNU="$(CURDIR)/$(VNU_JAR)" \
	  prove -e '' $(PROVE_FLAGS) $(UNITS) $(wildcard tests/*.t)

lint:
	mandoc -Tlint -Wwarning $(MANS) $(MANS_NL)

demo: deps all
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
# 30 seconds a target by default; before a release run the long mode,
#	make fuzz FUZZ_SECONDS=600
# ten minutes a target, which finds what a short run misses (README).
FUZZ_SECONDS ?= 30
FUZZ_CC ?= clang
FUZZ_SRC = $(wildcard tests/fuzz/fuzz-*.c)
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/fuzz-%.c=tests/fuzz/bin/%)
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -std=c11 \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib \
	-DBE_VERSION=\"$(VERSION)\" -DBE_SHAREDIR=\"$(SHAREDIR)\"
FUZZ_OBJ = $(LIB_SRC:lib/%.c=tests/fuzz/bin/obj/%.o)
.SECONDARY: $(FUZZ_OBJ)
tests/fuzz/bin/obj/%.o: lib/%.c $(LIB_HDR) | .build-ok fuzz-deps
	@mkdir -p tests/fuzz/bin/obj
	$(FUZZ_CC) $(FUZZ_FLAGS) $(DEPS_CFLAGS) -c -o $@ $<
tests/fuzz/bin/%: tests/fuzz/fuzz-%.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer $(DEPS_CFLAGS) -o $@ $< \
	  $(FUZZ_OBJ) $(DEPS_LIBS)
fuzz-deps:
	@sh tests/deps.sh $(FUZZ_DEBS)
	@sh tests/deps.sh "$(FUZZ_RT):libclang-rt-dev"
fuzz: fuzz-deps $(FUZZ_BIN)
	@for b in $(FUZZ_BIN); do n=$${b##*/}; mkdir -p $$b.corpus; \
	  echo "fuzz $$n for $(FUZZ_SECONDS)s"; \
	  $$b -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=10 \
	    -print_final_stats=0 $$b.corpus tests/fuzz/$$n >$$b.log 2>&1 \
	  || { tail -40 $$b.log; exit 2; }; done; echo "fuzz: no crash"

# The pages name the shipped files by their installed path: the defaults
# /usr/local/share/benut and /usr/local/share/locale in the source become
# SHAREDIR and LOCALEDIR.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(MANDIR)/nl/man7 $(DESTDIR)$(SHAREDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	for m in $(MANS) $(MANS_NL); do s=$${m##*.}; d=$${m%/*}; d=$${d#man}; \
	  sed -e 's|/usr/local/share/benut|$(SHAREDIR)|g' \
	    -e 's|/usr/local/share/locale|$(LOCALEDIR)|g' \
	    -e 's|/usr/local/share/bash-completion/completions|$(BASHCOMPDIR)|g' $$m \
	  >$(DESTDIR)$(MANDIR)$$d/man$$s/$${m##*/}; done
	cp -R share/. $(DESTDIR)$(SHAREDIR)/
	mkdir -p $(DESTDIR)$(BASHCOMPDIR)
	for b in $(BINS); do cp share/completion/benut $(DESTDIR)$(BASHCOMPDIR)/$$b; done
	for l in $(LINGUAS); do d=$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  mkdir -p $$d; cp locale/$$l/LC_MESSAGES/benut.mo $$d/; done

uninstall:
	for b in $(BINS); do rm -f $(DESTDIR)$(BINDIR)/$$b; done
	for m in $(MANS) $(MANS_NL); do s=$${m##*.}; d=$${m%/*}; d=$${d#man}; \
	  rm -f $(DESTDIR)$(MANDIR)$$d/man$$s/$${m##*/}; done
	rm -rf $(DESTDIR)$(SHAREDIR)
	for b in $(BINS); do rm -f $(DESTDIR)$(BASHCOMPDIR)/$$b; done
	for l in $(LINGUAS); do \
	  rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/benut.mo; done

clean:
	rm -f lib/*.o cmd/*.o cmd/frame/*.o lib/libbenut.a $(BINS) tests/unit/*.t .build-ok .build-flags
	rm -rf locale
	rm -rf tests/fuzz/bin

.PHONY: FORCE all deps check check-po pot lint demo bench stress fuzz fuzz-deps install uninstall clean
