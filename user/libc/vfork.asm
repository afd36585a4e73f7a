; vfork.asm - pid_t vfork(void).
;
; The child runs first on the parent's own stack (it borrows the whole
; address space until it execs or exits), so when the parent returns from
; the system call its stack below the caller's frame may have been written
; over: the return address would be gone. It is kept in ecx instead, which
; each process gets back from its own registers, and both return with a
; jump through it. A failed call made no child, so it can return normally.

	global	vfork
	extern	__error

SYS_vfork	equ	66		; kernel/syscalls.master (FreeBSD's number)

	section	.text

vfork:
	pop	ecx			; the return address, out of harm's way
	mov	eax, SYS_vfork
	int	0x80
	cmp	eax, -4095		; [-4095, -1] is -errno
	jae	.error
	jmp	ecx			; parent: the child's pid; child: 0
.error:
	neg	eax
	push	ecx			; caller-saved: __error may use it
	push	eax
	call	__error			; errno is the thread's (<errno.h>)
	pop	edx
	mov	[eax], edx
	pop	ecx
	mov	eax, -1
	jmp	ecx

	section	.note.GNU-stack noalloc noexec nowrite progbits
