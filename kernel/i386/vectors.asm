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
; live one, then irets. Those instructions consume state a user can choose
; (through sigreturn or PT_SETREGS), so each is labelled: if one faults,
; trap() recognises the label and turns the fault into a signal for the
; process (kernel/i386/trap.c). A selector equal to the live one needs no
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

%include "assym.inc"		; KDATA_SEL, UDATA_SEL (kernel/i386/segments.h)

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
; is one already. Only the low 16 bits of a selector read count.
%macro FLAT_SEG 1
	mov ax, %1
	cmp ax, UDATA_SEL
	je %%flat
	cmp ax, KDATA_SEL
	je %%flat
	mov eax, KDATA_SEL
	mov %1, eax
%%flat:
%endmacro

; Save the rest of struct trapframe, make sure of flat data selectors and
; call %1(tf). Shared by alltraps and the system-call entries.
%macro SAVE_FRAME_AND_CALL 1
	pushad
	push ds
	push es
	push fs
	push gs
	FLAT_SEG ds
	FLAT_SEG es
	cld
	push esp
	extern %1
	call %1
	add esp, 4
%endmacro

; Load the frame's %2 (its word at [esp + %1]) unless the live one is the
; same; %3, if given, labels the load for trap()'s fault fix-up.
%macro LOAD_SEG 2-3
	mov ax, %2
	cmp ax, [esp + %1]
	je %%same
%ifnempty %3
%3:
%endif
	mov %2, [esp + %1]
%%same:
%endmacro

section .text
alltraps:
	SAVE_FRAME_AND_CALL trap
	; fall through

; Return to whatever the frame on the stack describes. From the first
; selector load on, memory is reached only through %ss (esp-relative).
global doreti, doreti_pop_gs, doreti_pop_fs, doreti_pop_es, doreti_pop_ds
global doreti_iret
doreti:
	LOAD_SEG 0, gs, doreti_pop_gs
	LOAD_SEG 4, fs, doreti_pop_fs
	LOAD_SEG 8, es, doreti_pop_es
	LOAD_SEG 12, ds, doreti_pop_ds
	add esp, 16
	popad
	add esp, 8
doreti_iret:
	iret

; int $0x80: the same frame, then syscall(tf) and the same way out.
global Xsyscall
Xsyscall:
	push dword 0
	push dword 0x80
	SAVE_FRAME_AND_CALL syscall
	jmp doreti

; SYSENTER (kernel/i386/sysenter.c). The CPU has loaded %cs and %ss from
; the MSRs, %esp with sysenter_stack's top, cleared IF, and saved nothing;
; %ds/%es are still the program's. If the program had TF set, the CPU
; single-steps this code in ring 0: dbreg_trap_kernel() ignores every #DB
; from Xsysenter to Xsysenter_stepped, the pushfd keeps TF for the frame and
; the popfd ends the stepping (hazard A2). Memory is reached through %ss.
global Xsysenter, Xsysenter_stepped
extern proc0_tss
Xsysenter:
	mov esp, [ss:proc0_tss + TSS_ESP0]	; the thread's kernel stack
	push dword UDATA_SEL		; tf_ss
	push ebp			; tf_esp: ebp for now (sysenter.c)
	pushfd				; tf_eflags: the program's, TF and NT too
	push dword PSL_RESERVED_1
	popfd				; TF, NT, AC, DF off; IF stays off
Xsysenter_stepped:
	or dword [esp], PSL_I		; the program ran with interrupts on
	push dword UCODE_SEL		; tf_cs
	push dword 0			; tf_eip: sysenter_enter() reads it
	push dword TF_ERR_SYSENTER	; tf_err: how the call came in
	push dword IDT_SYSCALL		; tf_trapno
	SAVE_FRAME_AND_CALL sysenter_enter
	test eax, eax
	jnz doreti			; refused: a signal instead of a call
	push esp
	call syscall
	extern sysexit_to
	call sysexit_to			; the same argument: tf
	add esp, 4
	test eax, eax
	jz doreti
	; SYSEXIT to eax (sc_sysexit), %esp from the frame. The frame holds
	; only what the program itself had loaded (sysexit_to), so no
	; selector load here can fault.
	mov [esp + TF_ERR], eax
	LOAD_SEG 0, gs
	LOAD_SEG 4, fs
	LOAD_SEG 8, es
	LOAD_SEG 12, ds
	add esp, 16
	popad
	mov edx, [esp + 4]		; tf_err: where sysexit goes
	mov ecx, [esp + 20]		; tf_esp
	and dword [esp + 16], ~PSL_I	; tf_eflags without IF: sti does it
	add esp, 16
	popfd
	sti				; takes effect after sysexit: no
	sysexit				; interrupt on the kernel stack meanwhile

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
