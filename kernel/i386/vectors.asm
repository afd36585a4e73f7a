; vectors.asm - every way into the kernel and the one way out.
;
; Each IDT entry points at a two- or three-instruction stub that makes the
; stack look the same for every vector (an error code, real or 0, and the
; vector number), then joins alltraps, which saves the rest of struct
; trapframe (kernel/i386/frame.h) and calls trap(). System calls have their own
; entry, which calls syscall() directly: it is the hottest path in the kernel.
;
; Segment registers are loaded only when they change: a load is one of the
; dearest instructions under an emulator. The kernel runs on whichever flat
; data selector it finds in %ds/%es, the user's (UDATA_SEL: base 0, 4 GiB;
; its DPL 3 only says who may load it) or its own (KDATA_SEL); anything else
; (a null or code selector a program loaded) is replaced by KDATA_SEL. The
; kernel never uses %fs/%gs, so they keep the user's values throughout.
;
; The way out, doreti, reloads each saved selector that differs from the
; live one, then irets. A system call's exit skips even the compares unless
; something since its entry may have changed the frame's selectors or the
; live ones (seg_reload, kernel/i386/segments.h): nearly every call leaves
; with the selectors it came in with, still loaded. The loads consume
; state a user can choose (through sigreturn or PT_SETREGS), so each is
; labelled: if one faults, trap() recognises the label and turns the fault
; into a signal for the process (kernel/i386/trap.c). A selector equal to the live one needs no
; load: Kestrel's descriptors never change (one GDT, no LDT), so the same
; selector always means the same segment, and one that got into a frame
; without the validator's approval cannot equal what is loaded. The one
; exception, the TLS descriptor whose base is the running thread's, is
; rewritten only by gdt_set_gsbase(), which also nulls %gs (and %fs if it
; holds that selector), so the next way out loads it again.
;
; The entry stubs never touch memory through %ds/%es before checking them:
; a #DB can arrive on an entry stub's first instruction with the user's
; selectors still loaded (the MOV SS deferral, CVE-2018-8897).
;
; SYSENTER is the one way in that keeps the segment registers of
; virtual-8086 mode, which QEMU lets ring 3 enter (kernel/i386/trap.c,
; vm86_refuse): there a selector that reads UDATA_SEL may hold a 64 KiB
; real-mode segment (every other way in from vm86 mode is an interrupt
; gate, which nulls them). Under QEMU such a segment's limit is not
; enforced, but its base (the selector times 16) is added: so Xsysenter
; reads a known word through %ds and %es, and a segment whose base is not
; 0 reads another one (sysenter.c kills the process). A trap taken in
; ring 0, such as a #DB on Xsysenter's first instructions, loads both
; whatever they read.

%include "assym.inc"		; KDATA_SEL, UDATA_SEL (kernel/i386/segments.h)

SYSENTER_PROBE equ 0x5ea7f1a7	; any value but 0

section .text

%macro TRAP_NOERR 1
global Xtrap%1
Xtrap%1:
	push dword 0
	push dword %1
	jmp alltraps
%endmacro

%macro TRAP_ERR 1
global Xtrap%1
Xtrap%1:
	push dword %1
	jmp alltraps
%endmacro

TRAP_NOERR 0
TRAP_NOERR 1
TRAP_NOERR 2
TRAP_NOERR 3
TRAP_NOERR 4
TRAP_NOERR 5
TRAP_NOERR 6
TRAP_NOERR 7
TRAP_ERR   8
TRAP_NOERR 9
TRAP_ERR   10
TRAP_ERR   11
TRAP_ERR   12
TRAP_ERR   13
TRAP_ERR   14
TRAP_NOERR 15
TRAP_NOERR 16
TRAP_ERR   17
TRAP_NOERR 18
TRAP_NOERR 19
%assign v 20
%rep 12
TRAP_NOERR v
%assign v v+1
%endrep
%assign v 32
%rep 16
TRAP_NOERR v
%assign v v+1
%endrep

; The table idt.c installs: the 48 stubs above, in vector order.
section .rodata
global trap_stubs
trap_stubs:
%assign v 0
%rep 48
	dd Xtrap %+ v
%assign v v+1
%endrep

; Make %1 (ds or es) a flat data segment, keeping the one it holds if it
; is one already. Only the low 16 bits of a selector read count. A
; replacement makes the live selector differ from the frame's.
extern seg_reload
%macro FLAT_SEG 1
	mov ax, %1
	cmp ax, UDATA_SEL
	je %%flat
	cmp ax, KDATA_SEL
	je %%flat
	mov eax, KDATA_SEL
	mov %1, eax
	mov byte [ss:seg_reload], 1
%%flat:
%endmacro

; Load %1 (ds or es) with the flat user data selector, whatever it reads.
%macro LOAD_FLAT 1
	mov eax, UDATA_SEL
	mov %1, eax
%endmacro

; Save the rest of struct trapframe.
%macro SAVE_FRAME 0
	pushad
	push ds
	push es
	push fs
	push gs
%endmacro

; Call %1(tf), tf the frame on the stack (one call site per entry: the
; kernel debugger's unwinder knows each entry by it, tools/kgdb.py).
%macro CALL_WITH_FRAME 1
	cld
	push esp
	extern %1
	call %1
	add esp, 4
%endmacro

; Load the frame's %2 (its word at [esp + %1]) unless the live one is the
; same; %3, if given, labels the load for trap()'s fault fix-up; %4, if
; given, names the instruction after it (one label per address keeps the
; disassembly's names, and objdump's, unambiguous).
%macro LOAD_SEG 2-4
	mov ax, %2
	cmp ax, [esp + %1]
%ifempty %4
	je %%same
%else
	je %4
%endif
%ifnempty %3
%3:
%endif
	mov %2, [esp + %1]
%ifempty %4
%%same:
%else
%4:
%endif
%endmacro

section .text
alltraps:
	test byte [esp + 12], SEL_RPL_MASK	; the interrupted CS
	SAVE_FRAME				; (the flags survive it)
	jz .ring0
	FLAT_SEG ds
	FLAT_SEG es
	jmp .call
.ring0:
	LOAD_FLAT ds
	LOAD_FLAT es
.call:
	CALL_WITH_FRAME trap
	; fall through

; Return to whatever the frame on the stack describes. From the first
; selector load on, memory is reached only through %ss (esp-relative).
global doreti, doreti_pop_gs, doreti_pop_fs, doreti_pop_es, doreti_pop_ds
global doreti_iret
doreti:
	LOAD_SEG 0, gs, doreti_pop_gs
	LOAD_SEG 4, fs, doreti_pop_fs
	LOAD_SEG 8, es, doreti_pop_es
	LOAD_SEG 12, ds, doreti_pop_ds, doreti_popa
	add esp, 16
	popad
	add esp, 8
doreti_iret:
	iret

; int $0x80: the same frame, then syscall(tf) and the same way out. From
; vm86 mode (IOPL 3 lets int $0x80 through the gate) it is no system
; call: trap() refuses vm86 mode.
global Xsyscall
Xsyscall:
	test dword [esp + 8], PSL_VM	; the EFLAGS the gate saved
	jnz .vm86
	push dword 0
	push dword 0x80
	SAVE_FRAME
	mov byte [ss:seg_reload], 0	; the frame holds the live selectors
	FLAT_SEG ds
	FLAT_SEG es
	CALL_WITH_FRAME syscall
	cmp byte [seg_reload], 0
	je doreti_popa			; the same selectors: nothing to load
	jmp doreti
.vm86:
	push dword 0
	push dword 0x80
	jmp alltraps

; SYSENTER (kernel/i386/sysenter.c). The CPU has loaded %cs and %ss from
; the MSRs, %esp with sysenter_stack's top, cleared IF, and saved nothing;
; %ds/%es are still the program's. If the program had TF set, the CPU
; single-steps this code in ring 0: dbreg_trap_kernel() ignores every #DB
; from Xsysenter to Xsysenter_stepped, the pushfd keeps TF for the frame and
; the popfd, run only when TF or NT is set, ends the stepping (hazard A2).
; Memory is reached through %ss until %ds and %es are known to be flat.
global Xsysenter, Xsysenter_stepped
extern curthread
extern proc0_tss
Xsysenter:
	mov esp, [ss:proc0_tss + TSS_ESP0]	; the thread's kernel stack
	push dword UDATA_SEL		; tf_ss
	push ebp			; tf_esp: ebp for now (sysenter.c)
	pushfd				; tf_eflags: the program's, TF and NT too
	test dword [esp], PSL_T | PSL_NT
	jz Xsysenter_stepped		; a popfd is dear under an emulator
	push dword PSL_RESERVED_1
	popfd				; TF and NT off (DF: cld below); IF stays off
Xsysenter_stepped:
	or dword [esp], PSL_I		; the program ran with interrupts on
	push dword UCODE_SEL		; tf_cs
	push dword 0			; tf_eip: sysenter_enter() reads it
	push dword TF_ERR_SYSENTER	; tf_err: how the call came in
	push dword IDT_SYSCALL		; tf_trapno
	SAVE_FRAME
	mov byte [ss:seg_reload], 0	; the frame holds the live selectors
	FLAT_SEG ds
	FLAT_SEG es
	cmp dword [ds:sysenter_probe], SYSENTER_PROBE	; a base of 0?
	jne .vm86
	cmp dword [es:sysenter_probe], SYSENTER_PROBE
	jne .vm86
	cld
	; The sequence's words, with plain moves: ecx at ebp - 4, then the
	; caller's ebp and the return address. Anything unusual (IOPL, an ebp
	; out of range, a fault on the words) goes to sysenter_enter(), which
	; reads them again and gives the unusual its answer. Nothing is
	; written to the frame before all three are read.
	mov edx, [curthread]
	test dword [esp + TF_EFLAGS], PSL_IOPL
	jnz .enter_slow
	mov ecx, [esp + TF_ESP]		; the program's ebp
	cmp ecx, VM_MINUSER_ADDRESS + 4
	jb .enter_slow
	cmp ecx, VM_MAXUSER_ADDRESS - 8
	ja .enter_slow
	mov dword [edx + TD_PCB + PCB_ONFAULT], .enter_fault
	mov eax, [ecx - 4]
	mov ebx, [ecx]
	mov esi, [ecx + 4]
	mov dword [edx + TD_PCB + PCB_ONFAULT], 0
	mov [esp + TF_ECX], eax
	mov [esp + TF_EBP], ebx
	mov [esp + TF_EIP], esi
	mov [edx + TD_MD_SYSEXIT_EIP], esi
	add ecx, 8
	mov [esp + TF_ESP], ecx
.call:
	push esp
	call syscall
	add esp, 4
	; SYSEXIT only when nothing but the call's results changed (the rules
	; are sysenter.c's): the same %eip, no TF, NT, RF or VM, no
	; set_regs() since the entry (it cleared md_sysexit_eip, so every
	; selector is one the program loaded itself and no load below can
	; fault), no debug registers. edx, ecx, ebp and %eip go below the
	; program's %esp for sc_sysexit to pop; a fault on them irets instead.
	mov edx, [curthread]
	mov eax, [edx + TD_MD_SYSEXIT_EIP]
	mov dword [edx + TD_MD_SYSEXIT_EIP], 0
	test eax, eax
	jz doreti
	cmp eax, [esp + TF_EIP]
	jne doreti
	test dword [esp + TF_EFLAGS], PSL_T | PSL_NT | PSL_RF | PSL_VM
	jnz doreti
	test dword [edx + TD_PCB + PCB_FLAGS], PCB_DBREGS
	jnz doreti
	test dword [edx + TD_FLAGS], TDF_DBHIT
	jnz doreti
	mov ecx, [esp + TF_ESP]
	cmp ecx, VM_MINUSER_ADDRESS + 16
	jb doreti
	cmp ecx, VM_MAXUSER_ADDRESS
	ja doreti
	sub ecx, 16
	mov dword [edx + TD_PCB + PCB_ONFAULT], .exit_fault
	mov eax, [esp + TF_EDX]
	mov [ecx], eax
	mov eax, [esp + TF_ECX]
	mov [ecx + 4], eax
	mov eax, [esp + TF_EBP]
	mov [ecx + 8], eax
	mov eax, [esp + TF_EIP]
	mov [ecx + 12], eax
	mov dword [edx + TD_PCB + PCB_ONFAULT], 0
	mov [esp + TF_ESP], ecx
	mov eax, [edx + TD_PROC]
	mov eax, [eax + P_SIGCODE]
	extern sc_sysexit_offset
	add eax, [sc_sysexit_offset]
	; SYSEXIT to eax (sc_sysexit), %esp from the frame.
	mov [esp + TF_ERR], eax
	cmp byte [seg_reload], 0
	je .same_segs
	LOAD_SEG 0, gs
	LOAD_SEG 4, fs
	LOAD_SEG 8, es
	LOAD_SEG 12, ds, , .same_segs
	add esp, 16
	popad
	mov edx, [esp + 4]		; tf_err: where sysexit goes
	mov ecx, [esp + 20]		; tf_esp
	and dword [esp + 16], ~PSL_I	; tf_eflags without IF: sti does it
	add esp, 16
	popfd
	sti				; takes effect after sysexit: no
	sysexit				; interrupt on the kernel stack meanwhile
.enter_fault:
	mov dword [edx + TD_PCB + PCB_ONFAULT], 0
.enter_slow:
	push esp
	extern sysenter_enter
	call sysenter_enter
	add esp, 4
	test eax, eax
	jz .call
	jmp doreti			; refused: a signal instead of a call
.exit_fault:
	mov dword [edx + TD_PCB + PCB_ONFAULT], 0
	jmp doreti
.vm86:
	LOAD_FLAT ds
	LOAD_FLAT es
	extern sysenter_vm86
	call sysenter_vm86		; does not return

; The word Xsysenter reads through %ds and %es, and what a real-mode base
; of 0x100 or 0x230 (selectors 0x10, 0x23) would read instead.
section .rodata
align 4
sysenter_probe:
	dd SYSENTER_PROBE
	times 0x240 db 0
section .text

; doreti_restart(tf): abandon the current kernel stack above tf and return to
; user mode through tf, after delivering whatever signal is now pending.
; Used when the way out itself faulted, and by a new process's first return.
global doreti_restart
doreti_restart:
	mov esp, [esp + 4]
	push esp
	extern userret
	call userret
	add esp, 4
	jmp doreti
