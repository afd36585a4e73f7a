; setjmp.asm - non-local jumps (see <setjmp.h> for the buffer layout).
;
; Only the registers the i386 System V ABI says a call preserves need saving:
; ebx, esi, edi, ebp, the stack pointer and the return address. setjmp and
; longjmp also save and restore the signal mask, as BSD's do, so jumping out
; of a signal handler unblocks the signal again; _setjmp/_longjmp do not.

	global	setjmp
	global	longjmp
	global	_setjmp
	global	_longjmp
	global	sigsetjmp
	global	siglongjmp
	extern	sigprocmask

SIG_BLOCK	equ	1
SIG_SETMASK	equ	3
JB_MASK		equ	24		; words 6-9: the signal mask
JB_SAVED	equ	40		; word 10: was the mask saved?

	section	.text

; int _setjmp(jmp_buf env)
_setjmp:
	mov	eax, [esp + 4]
	mov	[eax], ebx
	mov	[eax + 4], esi
	mov	[eax + 8], edi
	mov	[eax + 12], ebp
	lea	ecx, [esp + 4]		; the caller's esp after we return
	mov	[eax + 16], ecx
	mov	ecx, [esp]		; our return address
	mov	[eax + 20], ecx
	mov	dword [eax + JB_SAVED], 0
	xor	eax, eax
	ret

; int sigsetjmp(sigjmp_buf env, int savemask)
sigsetjmp:
	cmp	dword [esp + 8], 0
	je	_setjmp
	; fall through: save the mask too

; int setjmp(jmp_buf env)
setjmp:
	mov	eax, [esp + 4]
	lea	ecx, [eax + JB_MASK]
	push	ecx			; sigprocmask(SIG_BLOCK, NULL, &env->mask)
	push	0
	push	SIG_BLOCK
	call	sigprocmask
	add	esp, 12
	call	_setjmp_here		; record the registers as _setjmp does
	ret
_setjmp_here:
	; Stack: [esp] = return into setjmp, [esp + 4] = setjmp's return
	; address, [esp + 8] = env. Save the state as if _setjmp had been
	; called directly by setjmp's caller.
	mov	eax, [esp + 8]
	mov	[eax], ebx
	mov	[eax + 4], esi
	mov	[eax + 8], edi
	mov	[eax + 12], ebp
	lea	ecx, [esp + 8]
	mov	[eax + 16], ecx
	mov	ecx, [esp + 4]
	mov	[eax + 20], ecx
	mov	dword [eax + JB_SAVED], 1
	xor	eax, eax
	ret

; void _longjmp(jmp_buf env, int val)
_longjmp:
	mov	edx, [esp + 4]
	mov	eax, [esp + 8]
	test	eax, eax		; longjmp(env, 0) makes setjmp return 1
	jnz	.restore
	inc	eax
.restore:
	mov	ebx, [edx]
	mov	esi, [edx + 4]
	mov	edi, [edx + 8]
	mov	ebp, [edx + 12]
	mov	esp, [edx + 16]
	jmp	[edx + 20]

; void longjmp(jmp_buf env, int val), void siglongjmp(sigjmp_buf env, int val)
siglongjmp:
longjmp:
	mov	edx, [esp + 4]
	cmp	dword [edx + JB_SAVED], 0
	je	_longjmp
	lea	ecx, [edx + JB_MASK]
	push	0			; sigprocmask(SIG_SETMASK, &env->mask, NULL)
	push	ecx
	push	SIG_SETMASK
	call	sigprocmask
	add	esp, 12
	jmp	_longjmp

	; No executable stack wanted (silences the linker).
	section	.note.GNU-stack noalloc noexec nowrite progbits
