# Kestrel - the one entry point. `make help` lists the targets.
#
# Everything is built under the build directory (build/; see OPT and B
# below). The kernel is linked twice: the first link
# fixes every address, tools/mksyms.py turns its symbol table into a section
# that the second link appends after .bss, so panic backtraces can name
# functions without changing any address.

.DEFAULT_GOAL := all
Q := @
ifeq ($(V),1)
Q :=
endif

# OPT: the optimisation flags of every C file, kernel and user. `make
# qemu-gdb` defaults to -O0 (gdb then shows every argument and local);
# everything else to -O2. Each setting builds into a directory of its own,
# build/ for -O2 and build-O0/ for OPT=-O0 (the spaces of OPT removed), so
# switching never rebuilds the other.
ifeq ($(origin OPT),undefined)
OPT_DEFAULT := yes
OPT := $(if $(filter qemu-gdb,$(MAKECMDGOALS)),-O0,-O2)
endif
empty :=
space := $(empty) $(empty)

# B: the build directory. Several people (or agents) sharing one checkout
# each use their own: make B=build-mine test. Its spelling (relative or
# absolute, as tools/run_prog.py passes it) must not matter, so it is made
# relative to the checkout when it lies inside it.
B ?= build$(if $(filter-out -O2,$(OPT)),$(subst $(space),,$(OPT)))
override B := $(patsubst $(CURDIR)/%,%,$(abspath $(B)))
export KESTREL_BUILD := $(abspath $(B))
# A goal named by its absolute path (make B=$PWD/build-O0 $PWD/build-O0/...)
# is the same file as the relative one the rules build.
$(CURDIR)/$(B)/%: $(B)/% ;
QEMU ?= qemu-system-i386
MEM ?= 128
PYTHON ?= python3

CC := gcc
LD := ld
NASM := nasm
AR := ar

# Nothing that needs an installed tool may be evaluated before
# tools/deps.sh has run: it runs here, while the Makefile is read (so no
# rule of a -j build can race it), and tool-dependent variables such as
# LIBGCC below are deferred to the recipes. Sub-makes skip the check.
ifneq ($(filter-out clean help deps lab docs,$(or $(MAKECMDGOALS),all)),)
ifeq ($(KESTREL_DEPS_OK),)
ifneq ($(shell tools/deps.sh --quiet >&2; echo $$?),0)
$(error tools/deps.sh could not provide the tools the build needs)
endif
export KESTREL_DEPS_OK := 1
endif
endif

# Generated sources and headers (system call lists, assembly offsets).
GEN := $(B)/gen

# -march=i486: gcc's i686 default emits CMOV, which a Pentium or a 486 lacks.
BASE_CFLAGS := -m32 -march=i486 -std=gnu11 -ffreestanding -fno-pie -fno-stack-protector \
	-nostdlib -nostdinc -isystem user/include -isystem $(GEN)/include \
	-g -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -Wall -Wextra -Werror \
	-MD -MP
COMMON_CFLAGS := $(BASE_CFLAGS) $(OPT)
# The kernel never touches the FPU: no x87, MMX or SSE code may be generated.
KCFLAGS := $(COMMON_CFLAGS) -D_KERNEL -I. -I$(GEN) -mno-sse -mno-mmx -mno-80387 \
	-mgeneral-regs-only -ffunction-sections -fdata-sections
UCFLAGS := $(COMMON_CFLAGS) -Iuser
NASMFLAGS := -f elf32 -g -F dwarf -I. -I$(GEN)/

# ---------------------------------------------------------------- system calls
# kernel/syscalls.master is the one list of system calls. tools/mksyscalls.py
# makes from it, in $(GEN): <sys/syscall.h>, the kernel's table (sysent.c)
# and handler prototypes (sysproto.h), a libc stub per plain call and
# truss's table, all in one run; everything compiled waits for it (the
# | prerequisites below: which objects include what, -MD finds out, the
# headers of user/include and $(GEN)/include among them).
SYSCALL_STUBS := $(shell $(PYTHON) tools/mksyscalls.py --stubs kernel/syscalls.master)
SYSCALLS_GEN := $(GEN)/include/sys/syscall.h $(GEN)/sysproto.h $(GEN)/sysent.c \
	$(GEN)/truss_syscalls.c $(patsubst %,$(GEN)/libc/%.c,$(SYSCALL_STUBS))
SYSCALLS_STAMP := $(GEN)/include/sys/syscall.h

$(SYSCALLS_GEN) &: kernel/syscalls.master tools/mksyscalls.py
	@mkdir -p $(GEN)
	@echo "  GEN     $<"
	$(Q)$(PYTHON) tools/mksyscalls.py kernel/syscalls.master $(GEN)

# ---------------------------------------------------------------- kernel
# kernel/ holds the machine-independent services, kernel/i386/ the machine-
# dependent code, kernel/dev/ the drivers and kernel/fs/ the file layer.
KDIRS := kernel kernel/i386 kernel/dev kernel/fs vm proc
KSRC_C := $(filter-out kernel/i386/genassym.c,$(wildcard $(addsuffix /*.c,$(KDIRS))))
KSRC_ASM := $(wildcard boot/*.asm $(addsuffix /*.asm,$(KDIRS)))
# The C library's formatter and string functions serve the kernel too.
KSHARED_C := user/libc/format.c user/libc/string.c
KOBJS := $(patsubst %.c,$(B)/%.o,$(KSRC_C)) $(patsubst %.asm,$(B)/%.o,$(KSRC_ASM)) \
	$(patsubst user/libc/%.c,$(B)/kshared/%.o,$(KSHARED_C)) $(GEN)/sysent.o

$(B)/kshared/%.o: user/libc/%.c $(B)/cflags | $(SYSCALLS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $< (kernel)"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(GEN)/sysent.o: $(GEN)/sysent.c $(B)/cflags
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

# Every number assembly needs from C (offsets, the memory map, ...),
# generated from the C definitions: kernel/i386/genassym.c.
$(GEN)/assym.inc: kernel/i386/genassym.c tools/genassym.py $(B)/cflags | $(SYSCALLS_STAMP)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(KCFLAGS) -MT $@ -MF $(GEN)/assym.d -S $< -o $(GEN)/genassym.s
	$(Q)$(PYTHON) tools/genassym.py $(GEN)/genassym.s > $@.tmp && mv $@.tmp $@
$(patsubst %.asm,$(B)/%.o,$(KSRC_ASM)): $(GEN)/assym.inc

# Changing a compiler flag must rebuild what it affects: the flags in use
# are recorded in $(B)/cflags, which every object depends on. The file is
# rewritten only when they differ, so `make -q` can tell nothing changed.
FLAGS_IN_USE := $(KCFLAGS) | $(UCFLAGS) | $(NASMFLAGS)
ifneq ($(file <$(B)/cflags),$(FLAGS_IN_USE))
$(B)/cflags: FORCE
endif
$(B)/cflags:
	@mkdir -p $(B)
	@echo '$(FLAGS_IN_USE)' > $@
FORCE:

$(B)/%.o: %.c $(B)/cflags | $(SYSCALLS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(if $(filter user/% tests/os/%,$<),$(UCFLAGS),$(KCFLAGS)) -c $< -o $@

$(B)/%.o: %.asm $(B)/cflags
	@mkdir -p $(dir $@)
	@echo "  NASM    $<"
	$(Q)$(NASM) $(NASMFLAGS) -MD $(B)/$*.d -MP $< -o $@

$(B)/kernel.pass1.elf: $(KOBJS) $(wildcard boot/*.ld) $(B)/ksyms-empty.o
	@echo "  LD      $@"
	$(Q)$(LD) -m elf_i386 -z noexecstack -T boot/kernel.ld -o $@ $(KOBJS) $(B)/ksyms-empty.o $(LIBGCC)

$(B)/ksyms-empty.o: tools/mksyms.py
	@mkdir -p $(B)
	$(Q)$(PYTHON) tools/mksyms.py --empty > $(B)/ksyms-empty.asm
	$(Q)$(NASM) -f elf32 $(B)/ksyms-empty.asm -o $@

$(B)/ksyms.o: $(B)/kernel.pass1.elf tools/mksyms.py
	$(Q)nm -n $< | $(PYTHON) tools/mksyms.py > $(B)/ksyms.asm
	$(Q)$(NASM) -f elf32 $(B)/ksyms.asm -o $@

$(B)/kernel.elf: $(KOBJS) $(wildcard boot/*.ld) $(B)/ksyms.o
	@echo "  LD      $@"
	$(Q)$(LD) -m elf_i386 -z noexecstack -T boot/kernel.ld -o $@ $(KOBJS) $(B)/ksyms.o $(LIBGCC)
	$(Q)nm -n $@ | $(PYTHON) tools/mksyms.py --bochs > $(B)/kernel.sym

# ---------------------------------------------------------------- user space
LIBC_C := $(wildcard user/libc/*.c)
LIBC_ASM := $(filter-out user/libc/crt0.asm,$(wildcard user/libc/*.asm))
LIBC_OBJS := $(patsubst %.c,$(B)/%.o,$(LIBC_C)) $(patsubst %.asm,$(B)/%.o,$(LIBC_ASM)) \
	$(patsubst %,$(GEN)/libc/%.o,$(SYSCALL_STUBS))
CRT0 := $(B)/user/libc/crt0.o
LIBC := $(B)/user/libc.a
# Deferred (and then kept): gcc can only name it once gcc-multilib is in.
LIBGCC = $(eval LIBGCC := $$(shell $$(CC) -m32 -print-libgcc-file-name))$(LIBGCC)

# The programs' own libraries, each user/NAME/*.c in $(B)/user/NAME.a:
# libdebug, the debuggers' disassembler, ELF and DWARF readers, and
# libutil, what cp, mv and rm share.
LIBDEBUG := $(B)/user/libdebug.a
LIBUTIL := $(B)/user/libutil.a
$(LIBC): $(LIBC_OBJS)
$(LIBDEBUG): $(patsubst %.c,$(B)/%.o,$(wildcard user/libdebug/*.c))
$(LIBUTIL): $(patsubst %.c,$(B)/%.o,$(wildcard user/libutil/*.c))
$(LIBC) $(LIBDEBUG) $(LIBUTIL):
	@echo "  AR      $@"
	$(Q)rm -f $@ && $(AR) rcs $@ $^
# dbg names system calls (catch syscall) from truss's table.
$(B)/bin/dbg: $(LIBDEBUG) $(GEN)/truss_syscalls.o
$(B)/bin/cp $(B)/bin/mv $(B)/bin/rm: $(LIBUTIL)

$(GEN)/libc/%.o: $(GEN)/libc/%.c $(B)/cflags
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

# truss prints system calls from the table generated with the rest.
$(B)/bin/truss: $(GEN)/truss_syscalls.o
$(GEN)/truss_syscalls.o: $(GEN)/truss_syscalls.c $(B)/cflags
	@echo "  CC      $<"
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@

# A program is user/bin/NAME.c or the files of user/bin/NAME/; tests are tests/os/NAME.c.
PROG_SINGLE := $(basename $(notdir $(wildcard user/bin/*.c)))
PROG_DIRS := $(notdir $(patsubst %/,%,$(dir $(wildcard user/bin/*/*.c))))
PROGS := $(sort $(PROG_SINGLE) $(PROG_DIRS))
PROG_BINS := $(addprefix $(B)/bin/,$(PROGS))
TEST_PROGS := $(basename $(notdir $(wildcard tests/os/*.c)))
TEST_BINS := $(addprefix $(B)/test/,$(TEST_PROGS))
TESTLIB_OBJS := $(patsubst %.c,$(B)/%.o,$(wildcard tests/os/lib/*.c))

ULDFLAGS := -m32 -static -nostdlib -no-pie -Wl,-z,max-page-size=4096 \
	-Wl,--build-id=none -T user/user.ld
ULINK = $(CC) $(ULDFLAGS) -o $@ $(CRT0) \
	$(filter-out $(CRT0),$(filter %.o,$^)) $(filter-out $(LIBC),$(filter %.a,$^)) \
	$(LIBC) $(LIBGCC)

.SECONDARY:
.SECONDEXPANSION:
$(B)/bin/%: $$(subst .c,.o,$$(addprefix $(B)/,$$(wildcard user/bin/$$*.c user/bin/$$*/*.c))) \
		$(LIBC) $(CRT0) user/user.ld
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	$(Q)$(ULINK)

# /bin/[ is /bin/test under the name that makes it want a closing ], and
# /bin/poweroff is /bin/reboot under the name that turns the machine off.
BRACKET := $(B)/bin/[
$(BRACKET): $(B)/bin/test
	$(Q)cp $< $@
POWEROFF := $(B)/bin/poweroff
$(POWEROFF): $(B)/bin/reboot
	$(Q)cp $< $@

$(B)/test/%: $(B)/tests/os/%.o $(TESTLIB_OBJS) $(LIBC) $(CRT0) user/user.ld
	@mkdir -p $(dir $@)
	@echo "  LINK    $@"
	$(Q)$(ULINK)

# ---------------------------------------------------------------- images
EXTRA_BINS ?=
# Malformed executables for tests/os/proc_exec.c, as /test/badelf/NAME. The
# recipe below lists the directory with find: make's own wildcard may have
# cached it before the files existed.
BADELF := $(B)/badelf/.stamp
$(BADELF): tools/mkbadelf.py
	$(Q)rm -rf $(dir $@) && $(PYTHON) tools/mkbadelf.py $(dir $@) && touch $@

# The program the dbg_source suite debugs, built -O0 so that every variable
# lives in memory, and objdump's listing of it, which the suite compares
# with dbg's disassembly.
DEBUGGEE := $(B)/test/debuggee
# dbg's suites debug themselves by source line: they keep their DWARF.
DBG_TEST_BINS := $(filter $(B)/test/dbg_%,$(TEST_BINS))
$(B)/tests/debuggee/debuggee.o: tests/debuggee/debuggee.c $(B)/cflags
	@mkdir -p $(dir $@)
	@echo "  CC      $< (-O0)"
	$(Q)$(CC) $(subst -O2,-O0,$(UCFLAGS)) -c $< -o $@
$(DEBUGGEE): $(B)/tests/debuggee/debuggee.o $(LIBC) $(CRT0) user/user.ld
	@echo "  LINK    $@"
	$(Q)$(ULINK)
# (Only the functions of debuggee.c: the libc's would cost the initrd 190 KB.)
$(DEBUGGEE).objdump: $(DEBUGGEE)
	$(Q)objdump -d --no-show-raw-insn $< | awk '/^[0-9a-f]+ </ { keep = \
		$$2 ~ /^<(square|area|scaled|main|twice)>:$$/ } keep' > $@

# Sources of the programs in the initrd, for dbg's list and stop lines: DWARF
# names a file by its path in this tree, found under /usr/src/kestrel.
SRC_FILES := $(wildcard user/bin/*.c user/bin/*/*.[ch] user/libc/*.[ch] \
	user/libdebug/*.[ch] user/libutil/*.[ch] tests/debuggee/*.c)
SRC_ARGS := $(foreach d,$(sort $(dir $(SRC_FILES))),--dir usr/src/kestrel/$(d:/=) \
	$(foreach f,$(SRC_FILES),$(if $(filter $(d),$(dir $(f))),$(f))))

INITRD := $(B)/initrd.tar
# (The Makefile is a prerequisite: the packing list below lives in it.)
$(INITRD): $(PROG_BINS) $(BRACKET) $(POWEROFF) $(TEST_BINS) $(EXTRA_BINS) tools/mkinitrd.py Makefile \
		$(wildcard etc/*) $(BADELF) $(DEBUGGEE) $(DEBUGGEE).objdump $(SRC_FILES)
	@echo "  INITRD  $@"
	$(Q)$(PYTHON) tools/mkinitrd.py $@ --dir bin $(PROG_BINS) $(BRACKET) $(POWEROFF) $(EXTRA_BINS) \
		--stripped-dir test $(filter-out $(DBG_TEST_BINS),$(TEST_BINS)) \
		--dir test $(DBG_TEST_BINS) $(DEBUGGEE) $(DEBUGGEE).objdump \
		--dir etc $(wildcard etc/*) $(SRC_ARGS) \
		--dir test/badelf $$(find $(dir $(BADELF)) -type f ! -name .stamp | sort)

ISO := $(B)/kestrel.iso
$(ISO): $(B)/kernel.elf $(INITRD) boot/grub.cfg
	@echo "  ISO     $@"
	$(Q)rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	$(Q)cp $(B)/kernel.elf $(B)/iso/boot/kernel.elf
	$(Q)cp $(INITRD) $(B)/iso/boot/initrd.tar
	$(Q)cp boot/grub.cfg $(B)/iso/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $@ $(B)/iso >$(B)/grub-mkrescue.log 2>&1 || \
		{ cat $(B)/grub-mkrescue.log; exit 1; }

# ---------------------------------------------------------------- targets
.PHONY: FORCE all iso deps run run-gui run-kvm qemu-gdb bochs test test-host bench \
	run-prog gdb-user fuzz lab grade docs clean help
all: $(B)/kernel.elf $(INITRD) kernel.elf
iso: all $(ISO)
	$(Q)cp $(ISO) kestrel.iso

# ./kernel.elf, which .gdbinit loads, links to the kernel of the build
# directory in use; pointing elsewhere it is made again.
ifneq ($(shell readlink kernel.elf 2>/dev/null),$(B)/kernel.elf)
.PHONY: kernel.elf
endif
kernel.elf: $(B)/kernel.elf
	$(Q)ln -sfn $(B)/kernel.elf $@

deps:
	$(Q)tools/deps.sh

# The guide's pictures: each docs/pictures/NAME.dot redrawn into NAME.svg
# when it changed (Graphviz's dot, which only this target needs).
docs:
	$(Q)tools/deps.sh --docs --quiet
	$(Q)$(PYTHON) tools/mkpictures.py

# No network card: Kestrel has no driver for one, and the BIOS would run
# its option ROM on every boot (tools/emu.py). The VGA card stays, window or
# not: the console writes its text screen, which one may read back.
QEMU_BASE := $(QEMU) -m $(MEM) -no-reboot -net none \
	-device isa-debug-exit,iobase=0xf4,iosize=4
HEADLESS := -display none
CMDLINE ?=

run: all
	@echo "Kestrel on the serial console; Ctrl-A X quits QEMU."
	$(Q)$(QEMU_BASE) -kernel $(B)/kernel.elf -initrd $(INITRD) -append "$(CMDLINE)" \
		$(HEADLESS) -serial mon:stdio

run-gui: all
	$(Q)$(QEMU_BASE) -kernel $(B)/kernel.elf -initrd $(INITRD) -append "$(CMDLINE)" \
		-serial mon:stdio

run-kvm: all
	$(Q)tools/run-kvm.sh $(QEMU_BASE) -kernel $(B)/kernel.elf -initrd $(INITRD) \
		-append "$(CMDLINE)" $(HEADLESS) -serial mon:stdio

# .gdbinit connects to :1234; with PORT=, say `target remote :PORT` in gdb.
qemu-gdb: all
	@echo "QEMU waits for gdb on 127.0.0.1:$(or $(PORT),1234). In another terminal, in this directory: gdb -n -x .gdbinit"
	$(Q)$(QEMU_BASE) -kernel $(B)/kernel.elf -initrd $(INITRD) -append "$(CMDLINE)" \
		-display none -serial mon:stdio -S -gdb tcp:127.0.0.1:$(or $(PORT),1234)

# exec: ^C at the terminal is for Bochs' debugger, not for a shell.
bochs: iso
	$(Q)exec $(PYTHON) tools/bochs_debug.py $(ISO) --port "$(or $(PORT),4444)"

test-host:
	$(Q)$(PYTHON) tools/testdriver.py --host-only

test: all $(ISO)
	$(Q)$(PYTHON) tools/testdriver.py

bench: all
	$(Q)$(PYTHON) tools/bench.py

# Coursework (docs/labs/README.md): make lab lists the labs, make lab
# LAB=name starts one (a branch lab/NAME, or DIR= outside git), make grade
# [LAB=name] scores the lab of the branch checked out.
lab:
	$(Q)$(PYTHON) tools/lab.py $(if $(LAB),cut $(LAB) $(if $(DIR),--dir $(DIR)),list)

grade: all
	$(Q)$(PYTHON) tools/lab.py grade $(LAB)

# A make variable as one word for the shell, exactly as the user wrote it.
shquote = '$(subst ','\'',$(value $(1)))'
USER_BUILD_ARGS = --ldflags "$(ULDFLAGS)" --crt0 $(abspath $(CRT0)) \
	--libc $(abspath $(LIBC)) --libgcc $(LIBGCC)

# run_prog.py builds SRC exactly as user/bin programs are built: these flags.
run-prog:
	$(Q)$(PYTHON) tools/run_prog.py --src=$(call shquote,SRC) \
		--args=$(call shquote,ARGS) \
		--timeout "$(or $(TIMEOUT),$(if $(PROMPT),3600,60))" \
		--emu "$(or $(EMU),qemu)" $(if $(PROMPT),--prompt) \
		--cflags "$(UCFLAGS)" $(USER_BUILD_ARGS)

# gdb_user.py builds SRC with run_prog.py's helper, with -O0 unless OPT is
# given, so that gdb sees every variable; exec, so that it (and QEMU) go
# when make is killed.
GDB_USER_OPT := $(if $(OPT_DEFAULT),-O0,$(OPT))
gdb-user:
	$(Q)exec $(PYTHON) tools/gdb_user.py --prog=$(call shquote,PROG) \
		--src=$(call shquote,SRC) --port "$(or $(PORT),1234)" \
		--args=$(call shquote,ARGS) \
		--cflags "$(BASE_CFLAGS) $(GDB_USER_OPT) -Iuser" $(USER_BUILD_ARGS)

# The ptrace fuzzer on a fresh boot (docs/hazards.md); exits with its verdict.
fuzz: all
	$(Q)$(PYTHON) tools/fuzz.py --n "$(or $(N),100000)" --emu "$(or $(EMU),qemu)" \
		$(if $(SEED),--seed "$(SEED)") $(if $(VERBOSE),--verbose-from "$(VERBOSE)")

clean:
	$(Q)rm -rf $(B) kernel.elf kestrel.iso

help:
	@echo "Kestrel targets:"
	@echo "  make            build kernel.elf and the initrd"
	@echo "  make iso        build kestrel.iso (GRUB, Multiboot)"
	@echo "  make run        boot headless, serial console here (Ctrl-A X quits)"
	@echo "  make run-gui    boot in a QEMU window with the VGA console"
	@echo "  make run-kvm    like run, with KVM where the host can run it"
	@echo "  make qemu-gdb [PORT=1234]  boot an -O0 kernel and wait for gdb on 127.0.0.1:PORT"
	@echo "  make bochs [PORT=4444]  boot the ISO in Bochs with its debugger and kernel"
	@echo "                  symbols; the console is served on 127.0.0.1:PORT"
	@echo "  make test       host unit tests, the in-OS suite, GRUB and Bochs boots"
	@echo "  make bench      the benchmark table (TCG and -icount)"
	@echo "  make lab [LAB=name [DIR=dir]]  list the labs, or start one: a branch"
	@echo "                  lab/NAME (a directory DIR outside git) with its stubs"
	@echo "  make grade [LAB=name]  the lab's graded tests and Score: N/100"
	@echo "  make run-prog SRC=file.c [ARGS=...] [TIMEOUT=s] [EMU=bochs]"
	@echo "                  build one C program, boot with it as the job, relay its exit status"
	@echo "  make run-prog SRC=file.c PROMPT=1"
	@echo "                  the same program in /bin, booted to the shell's prompt (poweroff ends it)"
	@echo "  make gdb-user PROG=name | SRC=file.c [PORT=1234] [ARGS=...]"
	@echo "                  serve a user program to host gdb through the stub on COM2"
	@echo "  make fuzz [N=requests] [SEED=s] [EMU=bochs] [VERBOSE=from]"
	@echo "                  fuzz ptrace on a fresh boot (default 100000 requests, a new seed)"
	@echo "  make docs       redraw the guide's pictures whose sources changed (Graphviz)"
	@echo "  make clean      remove build products"
	@echo "Variables: CMDLINE=\"key=value ...\" (kernel options), MEM=MiB, V=1 (verbose),"
	@echo "  OPT=-O0 (compiler flags; each setting builds in its own build-OPT/), B=dir"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
