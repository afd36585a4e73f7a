; copy.asm - moving bytes between the kernel and user space.
;
; Each routine checks that the user range lies wholly below
; VM_MAXUSER_ADDRESS (without wrapping), then copies with the current
; address space loaded. A fault on the user side is a page fault in kernel
; mode with pcb_onfault set: trap() lets vm_fault() make the page (demand
; zero, copy-on-write) and retries, or, when the address is bad, resumes at
; the routine's .fault label, which returns EFAULT. Nothing here can panic on
; a user pointer.

%include "assym.inc"	; TD_PCB, PCB_ONFAULT, VM_MAXUSER_ADDRESS, EFAULT, ENAMETOOLONG

section .text
extern curthread

; Set pcb_onfault of curthread to %1 (uses eax).
%macro SET_ONFAULT 1
	mov eax, [curthread]
	mov dword [eax + TD_PCB + PCB_ONFAULT], %1
%endmacro

; The body of copyin and copyout: %1 is the register holding the user
; address (esi for copyin, edi for copyout).
%macro COPY_BODY 1
	push esi
	push edi
	mov esi, [esp + 12]
	mov edi, [esp + 16]
	mov ecx, [esp + 20]
	mov edx, %1
	add edx, ecx
	jc .fault_nohandler
	cmp edx, VM_MAXUSER_ADDRESS
	ja .fault_nohandler
	SET_ONFAULT .fault
	mov edx, ecx
	shr ecx, 2
	rep movsd
	mov ecx, edx
	and ecx, 3
	rep movsb
	SET_ONFAULT 0
	xor eax, eax
	pop edi
	pop esi
	ret
.fault:
	SET_ONFAULT 0
.fault_nohandler:
	mov eax, EFAULT
	pop edi
	pop esi
	ret
%endmacro

; int copyin(const void *uaddr, void *kaddr, size_t len)
global copyin
copyin:
	COPY_BODY esi

; int copyout(const void *kaddr, void *uaddr, size_t len)
global copyout
copyout:
	COPY_BODY edi

; int copyinstr(const void *uaddr, char *kaddr, size_t maxlen, size_t *done)
; Copies up to maxlen bytes including the NUL. ENAMETOOLONG if none was
; found; EFAULT if the string runs into a bad or kernel address.
global copyinstr
copyinstr:
	push esi
	push edi
	push ebx
	mov esi, [esp + 16]
	mov edi, [esp + 20]
	mov ecx, [esp + 24]
	xor ebx, ebx			; bytes copied
	SET_ONFAULT .fault
.loop:
	cmp ebx, ecx
	jae .toolong
	cmp esi, VM_MAXUSER_ADDRESS
	jae .fault
	mov al, [esi]
	mov [edi], al
	inc esi
	inc edi
	inc ebx
	test al, al
	jnz .loop
	xor eax, eax
	jmp .done
.toolong:
	mov eax, ENAMETOOLONG
	jmp .done
.fault:
	mov eax, EFAULT
.done:
	mov edx, [curthread]
	mov dword [edx + TD_PCB + PCB_ONFAULT], 0
	mov edx, [esp + 28]
	test edx, edx
	jz .nodone
	mov [edx], ebx
.nodone:
	pop ebx
	pop edi
	pop esi
	ret
