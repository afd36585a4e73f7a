; vectors.asm - every way into the kernel and the one way out.
;
; Each IDT entry points at a two- or three-instruction stub that makes the
; stack look the same for every vector (an error code, real or 0, and the
; vector number), then joins alltraps, which saves the rest of struct
; trapframe (kernel/i386/frame.h) and calls trap(). System calls have their own
; entry, which calls syscall() directly: it is the hottest path in the kernel.
;
; The way out, doreti, reloads the saved selectors and irets. Those
; instructions consume state a user can choose (through sigreturn or
; PT_SETREGS), so each is labelled: if one faults, trap() recognises the
; label and turns the fault into a signal for the process (kernel/i386/trap.c).
;
; The entry stubs never touch memory through %ds/%es before reloading them:
; a #DB can arrive on an entry stub's first instruction with the user's
; selectors still loaded (the MOV SS deferral, CVE-2018-8897).

%include "assym.inc"		; KDATA_SEL (kernel/i386/segments.h)

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

; Save the rest of struct trapframe, load the kernel's data selectors and
; call %1(tf). Shared by alltraps and the system-call entry.
%macro SAVE_FRAME_AND_CALL 1
	pushad
	push ds
	push es
	push fs
	push gs
	mov eax, KDATA_SEL
	mov ds, eax
	mov es, eax
	cld
	push esp
	extern %1
	call %1
	add esp, 4
%endmacro

section .text
alltraps:
	SAVE_FRAME_AND_CALL trap
	; fall through

; Return to whatever the frame on the stack describes.
global doreti, doreti_pop_gs, doreti_pop_fs, doreti_pop_es, doreti_pop_ds
global doreti_iret
doreti:
doreti_pop_gs:
	pop gs
doreti_pop_fs:
	pop fs
doreti_pop_es:
	pop es
doreti_pop_ds:
	pop ds
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
